import type { ObservabilitySet, Transaction } from 'dexie';
import Dexie from 'dexie';
import type { FixlineDatabase } from '../database';
import type { AppliedPage, ApplyOptions, PulledPage } from './remoteApply';
import { applyPulledPage } from './remoteApply';
import { syncedTableNames } from '../records';
import { onWriteWanted } from '../writeGuard';

/**
 * A pulled page is applied in slices, each in its own transaction, so no transaction holds the
 * synced tables long enough to keep a save at the bench waiting: the server still sends big pages
 * (its cost is per request), the station writes them a slice at a time. A slice is exactly what a
 * smaller page would have been (the rows in the server's order, derived fields computed again,
 * claims waiting for a customer or device noted in `syncState`), so every invariant of a page
 * holds of a slice; the cursor goes only with the page's last slice, so a crash between slices
 * leaves rows whose cursor was not stored, and the next pull applies them again (a merge of a row
 * with itself changes nothing).
 */

/** How slices are sized: adapted to what the last slices took, towards a target time each. */
export type SliceSizing = {
  /**
   * What one slice's transaction should take, in ms, while the station writes too (a save at the
   * bench waits at most about this long).
   */
  readonly targetMs: number;
  /**
   * What a slice may take while nothing else writes the database: no save waits for it, and
   * fewer, bigger slices pay their transactions' fixed cost fewer times.
   */
  readonly idleTargetMs: number;
  /** How long after another write the station counts as writing, in ms. */
  readonly quietMs: number;
  /** Rows in the first slice, before anything is measured. */
  readonly firstRows: number;
  readonly minRows: number;
  readonly maxRows: number;
};

export const defaultSliceSizing: SliceSizing = {
  targetMs: 40,
  idleTargetMs: 250,
  quietMs: 1_000,
  firstRows: 100,
  minRows: 10,
  maxRows: 5_000,
};

/** Slices whose times the sizer fits its line to. */
const measuredSlices = 8;

/**
 * The size of the next slice, learnt from the last slices: their times fitted to a line, a fixed
 * cost a transaction (opening it, the reads and writes every slice makes, the commit) plus a cost
 * a row, and the rows that fill the target by it. The target is `targetMs` while something else
 * writes the database (see {@link SliceSizer.noteOtherWrite}) and `idleTargetMs` when nothing
 * has for `quietMs`. Where the fixed cost alone takes half the target or more (a busy machine),
 * slices get as many rows as the fixed cost is worth, so at least half of each slice's time
 * writes rows: smaller slices would wait no less, only pull slower. The size at most doubles or
 * halves from one slice to the next (one slow slice, a save that held the tables, does not
 * collapse it), but drops to the busy target's at once when a write ends a quiet spell.
 */
export class SliceSizer {
  readonly #sizing: SliceSizing;
  readonly #clock: () => number;
  #rows: number;
  readonly #slices: { readonly rows: number; readonly ms: number }[] = [];
  #otherWriteAtMs = Number.NEGATIVE_INFINITY;

  /** @param clock a monotonic clock in ms, `performance.now` by default */
  constructor(sizing: Partial<SliceSizing> = {}, clock: () => number = () => performance.now()) {
    this.#sizing = { ...defaultSliceSizing, ...sizing };
    this.#clock = clock;
    this.#rows = this.#clamp(this.#sizing.firstRows);
  }

  /** Rows for the next slice. */
  get rows(): number {
    return this.#rows;
  }

  /** Takes in what a slice of `rows` rows took (`ms`, its transaction from asked to committed). */
  record(rows: number, ms: number): void {
    if (rows === 0) return;
    this.#slices.push({ rows, ms: Math.max(ms, 0.1) });
    if (this.#slices.length > measuredSlices) this.#slices.shift();
    const fitting = this.#rowsFilling(this.#targetMs());
    const bounded = Math.min(this.#rows * 2, Math.max(this.#rows / 2, fitting));
    this.#rows = this.#clamp(Math.floor(bounded));
  }

  /**
   * Notes that something else wrote the database (a save at the bench): slices keep to the busy
   * target from now until it has been quiet for `quietMs`.
   */
  noteOtherWrite(): void {
    const wasQuiet = this.#isQuiet();
    this.#otherWriteAtMs = this.#clock();
    // Already writing: the slices' times size the next as before (see `record`).
    if (!wasQuiet) return;
    const busyRows =
      this.#slices.length === 0 ? this.#sizing.firstRows : this.#rowsFilling(this.#sizing.targetMs);
    this.#rows = this.#clamp(Math.min(this.#rows, Math.floor(busyRows)));
  }

  #isQuiet(): boolean {
    return this.#clock() - this.#otherWriteAtMs >= this.#sizing.quietMs;
  }

  #targetMs(): number {
    return this.#isQuiet() ? this.#sizing.idleTargetMs : this.#sizing.targetMs;
  }

  /** The rows a slice may hold to take about `targetMs`, by the fitted line. */
  #rowsFilling(targetMs: number): number {
    const { fixedMs, rowMs } = this.#fit();
    return fixedMs < targetMs / 2 ? (targetMs - fixedMs) / rowMs : Math.max(fixedMs, 1) / rowMs;
  }

  /** The slices' times as a fixed cost plus a cost a row (least squares; one size: all per row). */
  #fit(): { fixedMs: number; rowMs: number } {
    const count = this.#slices.length;
    const meanRows = this.#slices.reduce((sum, slice) => sum + slice.rows, 0) / count;
    const meanMs = this.#slices.reduce((sum, slice) => sum + slice.ms, 0) / count;
    let covariance = 0;
    let variance = 0;
    for (const slice of this.#slices) {
      covariance += (slice.rows - meanRows) * (slice.ms - meanMs);
      variance += (slice.rows - meanRows) ** 2;
    }
    const slope = variance === 0 ? 0 : covariance / variance;
    const fixedMs = meanMs - slope * meanRows;
    // Noise can tilt the line past what rows cost: then no fixed cost is told apart.
    if (slope <= 0 || fixedMs < 0) return { fixedMs: 0, rowMs: meanMs / meanRows };
    return { fixedMs, rowMs: slope };
  }

  #clamp(rows: number): number {
    return Math.min(this.#sizing.maxRows, Math.max(this.#sizing.minRows, rows));
  }
}

/**
 * Calls `onOtherWrite` whenever a transaction of `db` other than the slices' own commits with
 * writes (a save at the bench, in this window or another): Dexie tells every commit's changed
 * parts, and a slice's own are those of its transaction. Returns the unsubscribe.
 */
function watchOtherWrites(
  db: FixlineDatabase,
  ownTransaction: () => Transaction | undefined,
  onOtherWrite: () => void,
): () => void {
  const prefix = `idb://${db.name}/`;
  const listener = (parts: ObservabilitySet) => {
    const own: unknown = Reflect.get(ownTransaction()?.idbtrans ?? {}, 'mutatedParts');
    if (parts === own) return;
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) onOtherWrite();
  };
  Dexie.on.storagemutated.subscribe(listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

/**
 * Lets the page's other work run before the next slice (a save waiting for the tables). While the
 * page is shown, a timer: Chromium queues a timer that came due during a slice's JavaScript (a save
 * at the bench) only when it next looks for work, after any message posted meanwhile, so a yield
 * by message let the next slice start first and the save waited for all of it; timers run in the
 * order they came due. One ms, not 0: Chromium runs a 0 ms timer as an immediate task, ahead of
 * a delayed one already due, as a message. Hidden (nobody saves there), a message: a background
 * tab throttles timers.
 */
export function yieldToPage(): Promise<void> {
  const shown = typeof document === 'undefined' || document.visibilityState !== 'hidden';
  if (shown) return new Promise((resolve) => setTimeout(resolve, 1));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const isSyncedTable = (table: string): boolean =>
  (syncedTableNames as readonly string[]).includes(table);

/**
 * How many times one slice gives way to a save before it runs to its end whatever asks: each time,
 * its work so far is undone, so saves in quick succession cannot hold the pull back for good.
 */
export const giveWaysPerSlice = 2;

/**
 * Runs slices that give way to the station's own saves: when a write of the data layer asks for
 * tables a slice in progress holds (see {@link onWriteWanted}), the slice's transaction is
 * aborted, the save goes first, and the slice runs again from its start. A save at the bench then
 * waits for the abort (a few ms) rather than for the rest of the slice, which on a busy machine
 * ran to a few hundred ms. Undoing is safe: a slice is one transaction, and applying its rows
 * again merges each with the same stored state.
 */
class GivingWaySlice {
  #inFlight: Transaction | undefined;
  #gaveWay = false;
  #giveWays = 0;
  readonly #stopListening: () => void;
  readonly #clock: () => number;

  /** @param clock the monotonic clock in ms that times each run of a slice */
  constructor(db: FixlineDatabase, clock: () => number) {
    this.#clock = clock;
    this.#stopListening = onWriteWanted(db, (tables) => this.#giveWayTo(tables));
  }

  #giveWayTo(tables: readonly string[]): void {
    const transaction = this.#inFlight;
    if (transaction === undefined || this.#giveWays >= giveWaysPerSlice) return;
    // A save writes records; the sync's own bookkeeping (the attachment queue's lists, the sync
    // state) is no one waiting at the bench, and would only undo slices.
    const writesRecords = tables.some(
      (table) => isSyncedTable(table) && transaction.storeNames.includes(table),
    );
    if (!writesRecords) return;
    try {
      transaction.idbtrans.abort();
    } catch {
      // Committing already: the save waits for that commit alone.
      return;
    }
    this.#inFlight = undefined;
    this.#gaveWay = true;
    this.#giveWays += 1;
  }

  /**
   * Runs `work` (one slice in one transaction, told to `onTransaction` as it starts) until it
   * commits, again after each time it gave way; `committed` is told how long the run that
   * committed took, `gaveWay` each time it was undone.
   */
  async apply<Value>(
    work: (onTransaction: (transaction: Transaction) => void) => Promise<Value>,
    hooks: { committed: (ms: number) => void; gaveWay: () => void },
  ): Promise<Value> {
    this.#giveWays = 0;
    for (;;) {
      this.#gaveWay = false;
      const startedMs = this.#clock();
      try {
        const value = await work((transaction) => {
          this.#inFlight = transaction;
        });
        hooks.committed(this.#clock() - startedMs);
        return value;
      } catch (error) {
        if (!this.#gaveWay) throw error;
        hooks.gaveWay();
        // The save opened its transaction as it asked, so the slice's next one queues behind it.
        await yieldToPage();
      } finally {
        this.#inFlight = undefined;
      }
    }
  }

  stop(): void {
    this.#stopListening();
  }
}

export type SlicedApplyOptions = ApplyOptions & {
  readonly sizer: SliceSizer;
  /** Awaited after each slice: {@link yieldToPage} by default. A rejection stops the page there. */
  readonly pause?: () => Promise<void>;
  /** A monotonic clock in ms, to time slices: `performance.now` by default. */
  readonly clock?: () => number;
  /** Told the rows of each slice once it is committed. */
  readonly onSliceApplied?: (rows: number) => void;
};

/**
 * Applies `page` a slice at a time (see above); what it did, summed over its slices. The
 * acknowledged outbox entries go with every slice (the first drops them, the rest find none), the
 * cursor with the last only. A failed slice leaves the slices before it applied, without the cursor.
 */
export async function applyPulledPageInSlices(
  db: FixlineDatabase,
  page: PulledPage,
  options: SlicedApplyOptions,
): Promise<AppliedPage> {
  const { sizer, pause = yieldToPage, clock = () => performance.now(), onSliceApplied } = options;
  const applyOptions: ApplyOptions = {
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.maxClockDriftMs === undefined ? {} : { maxClockDriftMs: options.maxClockDriftMs }),
  };
  let changedRows = 0;
  let clockDrift: AppliedPage['clockDrift'];
  let calendarChanged = false;
  let offset = 0;
  let sliceTransaction: Transaction | undefined;
  const stopWatching = watchOtherWrites(
    db,
    () => sliceTransaction,
    () => sizer.noteOtherWrite(),
  );
  const slice = new GivingWaySlice(db, clock);
  try {
    // An empty page is one empty slice: it still drops acknowledged entries and stores the cursor.
    do {
      const rows = page.rows.slice(offset, offset + sizer.rows);
      offset += rows.length;
      const last = offset >= page.rows.length;
      const applied = await slice.apply(
        (onTransaction) =>
          applyPulledPage(
            db,
            {
              rows,
              lastMutationId: page.lastMutationId,
              ...(last && page.cursor !== undefined ? { cursor: page.cursor } : {}),
            },
            {
              ...applyOptions,
              onTransaction: (transaction) => {
                sliceTransaction = transaction;
                onTransaction(transaction);
                options.onTransaction?.(transaction);
              },
            },
          ),
        {
          committed: (ms) => sizer.record(rows.length, ms),
          gaveWay: () => sizer.noteOtherWrite(),
        },
      );
      changedRows += applied.changedRows;
      if (
        applied.clockDrift !== undefined &&
        (clockDrift === undefined || applied.clockDrift.driftMs > clockDrift.driftMs)
      ) {
        clockDrift = applied.clockDrift;
      }
      if (applied.calendarChanged === true) calendarChanged = true;
      onSliceApplied?.(rows.length);
      // Also after the last: the engine's next page is often in already, and would follow at once.
      await pause();
    } while (offset < page.rows.length);
  } finally {
    stopWatching();
    slice.stop();
  }
  return {
    changedRows,
    ...(clockDrift === undefined ? {} : { clockDrift }),
    ...(calendarChanged ? { calendarChanged: true as const } : {}),
  };
}
