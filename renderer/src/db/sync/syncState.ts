import type { Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { IsoDateTime, RecordId } from '#shared/domain/primitives';
import type { Mutation, Rejection } from '#shared/sync/protocol';
import type { FixlineDatabase } from '../database';
import type {
  OutboxEntry,
  SequenceRow,
  SyncEnrollment,
  SyncRejectionRow,
  SyncStateRow,
  TableName,
} from '../records';
import { runGuardedWrite } from '../writeGuard';

/** The tables the sync state's writes cover. */
const syncStateTables: readonly TableName[] = [
  'syncState',
  'syncRejections',
  'outbox',
  'sequences',
];

/** The outbox counter of the repositories (see `RepositoryWriter`). */
const outboxSequenceName = 'outbox';

async function readState(transaction: Transaction): Promise<SyncStateRow | undefined> {
  return transaction.table<SyncStateRow, string>('syncState').get('state');
}

/** This database's sync state; undefined until {@link ensureSyncState} first runs. */
export async function readSyncState(db: FixlineDatabase): Promise<SyncStateRow | undefined> {
  return db.syncState.get('state');
}

/** This database's sync state, made with a new client id when it has none yet. */
export async function ensureSyncState(db: FixlineDatabase): Promise<SyncStateRow> {
  const existing = await readSyncState(db);
  if (existing !== undefined) return existing;
  return runGuardedWrite(db, syncStateTables, async (transaction) => {
    const state = (await readState(transaction)) ?? { key: 'state', clientId: uuidv7() };
    await transaction.table<SyncStateRow, string>('syncState').put(state);
    return state;
  });
}

/**
 * Makes this database a new client: a new client id, and the outbox numbered again from 1 in its
 * order, so its mutation ids are gap-free for a server that never saw the client. A restored
 * backup needs it (its ids may have been taken by the station it came from) and so does a new
 * enrollment. The enrollment is dropped. Runs in `transaction`, which must cover
 * `syncState`, `outbox` and `sequences`.
 */
export async function becomeNewClient(
  transaction: Transaction,
  clientId: RecordId = uuidv7(),
): Promise<SyncStateRow> {
  await renumberOutbox(transaction, 1);
  const state: SyncStateRow = { key: 'state', clientId };
  await transaction.table<SyncStateRow, string>('syncState').put(state);
  return state;
}

/**
 * Numbers the outbox again from `firstId` in its order, and the counter after it, in
 * `transaction`, which must cover `outbox` and `sequences`.
 */
export async function renumberOutbox(transaction: Transaction, firstId: number): Promise<void> {
  const outbox = transaction.table<OutboxEntry, number>('outbox');
  const entries = await outbox.orderBy('sequence').toArray();
  await outbox.clear();
  await outbox.bulkAdd(entries.map((entry, index) => ({ ...entry, sequence: firstId + index })));
  await transaction
    .table<SequenceRow, string>('sequences')
    .put({ name: outboxSequenceName, value: firstId - 1 + entries.length });
}

/**
 * Continues with a server that lost mutations it had acknowledged (restored from a backup): it
 * expects `expectedId` next and holds nothing after it, so the outbox, which it never received,
 * is numbered again from there, and the acknowledged id goes back to what the server holds. The
 * pull starts again from the start: the rows this station changed in what was lost are the
 * server's again.
 */
export async function resumeAfterLostMutations(
  db: FixlineDatabase,
  expectedId: number,
): Promise<void> {
  await runGuardedWrite(db, syncStateTables, async (transaction) => {
    await renumberOutbox(transaction, expectedId);
    await updateEnrollment(transaction, (enrollment) => ({
      ...enrollment,
      acknowledgedMutationId: expectedId - 1,
      cursor: null,
    }));
  });
}

/**
 * Enrolls this database with a server as the client `clientId` (a new client, see
 * {@link becomeNewClient}, which the server has just registered), pulling from the start. It is
 * `joining` until its first pull is complete: that pull comes before its first push, and adopts
 * the center's settings and people over what this station wrote alone (see `adoptCenter.ts`).
 */
export async function storeEnrollment(
  db: FixlineDatabase,
  clientId: RecordId,
  enrollment: Omit<SyncEnrollment, 'cursor' | 'acknowledgedMutationId' | 'joining'>,
): Promise<SyncStateRow> {
  return runGuardedWrite(db, syncStateTables, async (transaction) => {
    await becomeNewClient(transaction, clientId);
    const state: SyncStateRow = {
      key: 'state',
      clientId,
      enrollment: { ...enrollment, cursor: null, acknowledgedMutationId: 0, joining: true },
    };
    await transaction.table<SyncStateRow, string>('syncState').put(state);
    return state;
  });
}

/** Forgets the server: the station works alone, keeping its records, outbox and client id. */
export async function forgetEnrollment(db: FixlineDatabase): Promise<void> {
  await runGuardedWrite(db, syncStateTables, async (transaction) => {
    const state = await readState(transaction);
    if (state === undefined) return;
    await transaction
      .table<SyncStateRow, string>('syncState')
      .put({ key: 'state', clientId: state.clientId });
  });
}

/** Changes the enrollment (its cursor, acknowledged id, last sync) in `transaction`. */
export async function updateEnrollment(
  transaction: Transaction,
  change: (enrollment: SyncEnrollment) => SyncEnrollment,
): Promise<void> {
  const state = await readState(transaction);
  if (state?.enrollment === undefined) return;
  await transaction
    .table<SyncStateRow, string>('syncState')
    .put({ ...state, enrollment: change(state.enrollment) });
}

/** Records when the last complete sync ended. */
export async function storeLastSyncedAt(db: FixlineDatabase, at: IsoDateTime): Promise<void> {
  await runGuardedWrite(db, syncStateTables, (transaction) =>
    updateEnrollment(transaction, (enrollment) => ({ ...enrollment, lastSyncedAt: at })),
  );
}

/** Pulls from the start on the next sync (the server purged tombstones past the cursor). */
export async function resetPullCursor(db: FixlineDatabase): Promise<void> {
  await runGuardedWrite(db, syncStateTables, (transaction) =>
    updateEnrollment(transaction, (enrollment) => ({ ...enrollment, cursor: null })),
  );
}

/**
 * Drops the outbox entries the server acknowledged (sequence ≤ `lastMutationId`) and keeps the
 * acknowledged id (it never goes back), in `transaction`.
 */
export async function dropAcknowledged(
  transaction: Transaction,
  lastMutationId: number,
): Promise<void> {
  const [, state] = await Promise.all([
    transaction
      .table<OutboxEntry, number>('outbox')
      .where('sequence')
      .belowOrEqual(lastMutationId)
      .delete(),
    readState(transaction),
  ]);
  const enrollment = state?.enrollment;
  // Unchanged, the state is not written again: each slice of a pull acknowledges the same id,
  // and every write of the state wakes the screens that show it.
  if (
    state === undefined ||
    enrollment === undefined ||
    lastMutationId <= enrollment.acknowledgedMutationId
  )
    return;
  await transaction
    .table<SyncStateRow, string>('syncState')
    .put({ ...state, enrollment: { ...enrollment, acknowledgedMutationId: lastMutationId } });
}

/** The outbox entries from `fromSequence` on, oldest first, as the protocol's mutations. */
export async function readOutboxMutations(
  db: FixlineDatabase,
  fromSequence: number,
  limit: number,
): Promise<Mutation[]> {
  const entries = await db.outbox
    .where('sequence')
    .aboveOrEqual(fromSequence)
    .limit(limit)
    .toArray();
  return entries.map(outboxMutation);
}

/** An outbox entry as the protocol's mutation: its sequence is the mutation id. */
export function outboxMutation(entry: OutboxEntry): Mutation {
  return {
    id: entry.sequence,
    mutationId: entry.mutationId,
    at: entry.at,
    actor: entry.actor,
    station: entry.station,
    ...(entry.intent === undefined ? {} : { intent: entry.intent }),
    changes: entry.rows.map((row) => ({
      table: row.table,
      id: row.id,
      // Outbox values are plain data the repositories parsed: JSON as they are.
      set: row.set as Mutation['changes'][number]['set'],
      unset: [...row.unset],
      stamp: row.stamp,
      base: { ...row.base },
    })),
  };
}

/**
 * What the server said of a push: the rejected mutations are kept for the station to show, and
 * every entry up to `lastMutationId` leaves the outbox, in one transaction.
 */
export async function storePushOutcome(
  db: FixlineDatabase,
  outcome: {
    readonly lastMutationId: number;
    readonly rejected: readonly { readonly id: number; readonly rejection: Rejection }[];
    readonly at: IsoDateTime;
  },
): Promise<void> {
  await runGuardedWrite(db, syncStateTables, async (transaction) => {
    const outbox = transaction.table<OutboxEntry, number>('outbox');
    const rejectedEntries = await outbox.bulkGet(outcome.rejected.map(({ id }) => id));
    const rows: SyncRejectionRow[] = [];
    rejectedEntries.forEach((entry, index) => {
      const rejection = outcome.rejected[index]?.rejection;
      if (entry !== undefined && rejection !== undefined) {
        rows.push({ mutationId: entry.mutationId, at: outcome.at, rejection });
      }
    });
    await transaction.table<SyncRejectionRow, string>('syncRejections').bulkPut(rows);
    await dropAcknowledged(transaction, outcome.lastMutationId);
  });
}

/** The changes the server refused, newest first. */
export async function readRejections(db: FixlineDatabase): Promise<SyncRejectionRow[]> {
  return db.syncRejections.orderBy('at').reverse().toArray();
}
