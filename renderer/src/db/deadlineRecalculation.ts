import type Dexie from 'dexie';
import type { Table, Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { IsoDateTime, RecordId } from '#shared/domain/primitives';
import {
  claimDeadlineInputTables,
  recalculableClaimIds,
  rederiveClaimDeadlines,
} from './claimDeadline';
import type { DeadlineRecalculationSettingsRow, SettingsRow, StoredClaim } from './records';
import { runGuardedWrite } from './writeGuard';

const markerKey = 'deadline-recalculation';

/**
 * Claims recalculated in one transaction (about 200 ms of work in Chromium on a busy 2-core machine;
 * 500 took 1–2 s). Each chunk holds the claims and the settings while it
 * runs, so a save or a scan made meanwhile waits for one chunk, never for the whole run.
 */
export const recalculationChunkClaims = 100;

/** How far a recalculation is: `total` is undefined until the claims are counted. */
export type DeadlineRecalculationProgress = {
  readonly done: number;
  readonly total: number | undefined;
};

/** Options of {@link recalculateDeadlines}; tests set them. */
export type RecalculationOptions = {
  readonly chunkClaims?: number;
  /** Called after each chunk commits, with the claims it recalculated. */
  readonly afterChunk?: (claimIds: readonly RecordId[]) => void | Promise<void>;
};

function readMarker(
  settings: Table<SettingsRow, string>,
): Promise<DeadlineRecalculationSettingsRow | undefined> {
  return settings
    .get(markerKey)
    .then((row) => (row?.key === 'deadline-recalculation' ? row : undefined));
}

/**
 * Marks every claim's deadline fields for recalculation, in the transaction that changes the
 * station's calendar; {@link recalculateDeadlines} then does the work after it commits. A run
 * of an earlier change still going starts over.
 */
export async function markDeadlinesForRecalculation(
  transaction: Transaction,
  startedAt: IsoDateTime,
): Promise<void> {
  const marker: DeadlineRecalculationSettingsRow = {
    key: markerKey,
    runId: uuidv7(),
    startedAt,
    done: 0,
  };
  await transaction.table<SettingsRow, string>('settings').put(marker);
}

/** How far the recalculation is; undefined when none is under way. */
export async function deadlineRecalculationProgress(
  db: Dexie,
): Promise<DeadlineRecalculationProgress | undefined> {
  const marker = await readMarker(db.table('settings'));
  return marker === undefined ? undefined : { done: marker.done, total: marker.total };
}

type Run = { again: boolean; done: Promise<void> };
const runs = new WeakMap<Dexie, Run>();

/**
 * Recalculates the deadline fields the marker asks for (see
 * {@link markDeadlinesForRecalculation}), from where it stands, in chunks of
 * {@link recalculationChunkClaims} claims, each its own transaction that moves the marker on; the
 * last removes it. One run per database: a call while one runs joins it (and makes it look again
 * for a newer marker). Resolves at once when there is nothing to do.
 */
export function recalculateDeadlines(db: Dexie, options: RecalculationOptions = {}): Promise<void> {
  const running = runs.get(db);
  if (running !== undefined) {
    running.again = true;
    return running.done;
  }
  const run: Run = { again: false, done: Promise.resolve() };
  run.done = runWhileAsked(db, run, options);
  runs.set(db, run);
  return run.done;
}

async function runWhileAsked(db: Dexie, run: Run, options: RecalculationOptions): Promise<void> {
  try {
    do {
      run.again = false;
      await recalculateUntilDone(db, options);
    } while (run.again);
  } finally {
    runs.delete(db);
  }
}

async function recalculateUntilDone(db: Dexie, options: RecalculationOptions): Promise<void> {
  const chunkClaims = options.chunkClaims ?? recalculationChunkClaims;
  const settings = db.table<SettingsRow, string>('settings');
  let plan: { runId: RecordId; claimIds: RecordId[] } | undefined;
  for (;;) {
    const marker = await readMarker(settings);
    if (marker === undefined) return;
    if (plan?.runId !== marker.runId) {
      // Counted once a run: claims opened meanwhile get the new calendar from their own writes.
      plan = {
        runId: marker.runId,
        claimIds: await recalculableClaimIds(db.table<StoredClaim, RecordId>('claims')),
      };
    }
    const after = marker.afterClaimId;
    const remaining =
      after === undefined ? plan.claimIds : plan.claimIds.slice(firstAbove(plan.claimIds, after));
    const chunk = remaining.slice(0, chunkClaims);
    const advanced = await runGuardedWrite(db, claimDeadlineInputTables, async (transaction) => {
      const table = transaction.table<SettingsRow, string>('settings');
      const current = await readMarker(table);
      // The calendar changed again meanwhile: the next turn plans the new run.
      if (current?.runId !== marker.runId || current.afterClaimId !== after) return false;
      await rederiveClaimDeadlines(transaction, chunk);
      if (chunk.length === remaining.length) {
        await table.delete(markerKey);
      } else {
        await table.put({
          ...current,
          afterClaimId: chunk.at(-1),
          done: current.done + chunk.length,
          total: current.done + remaining.length,
        });
      }
      return true;
    });
    if (advanced) await options.afterChunk?.(chunk);
  }
}

/** The index of the first of the sorted `ids` after `id`. */
function firstAbove(ids: readonly RecordId[], id: RecordId): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ids[middle] ?? '') <= id) low = middle + 1;
    else high = middle;
  }
  return low;
}
