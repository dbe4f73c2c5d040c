import type { Table, Transaction } from 'dexie';
import type { RecordId } from '#shared/domain/primitives';
import type {
  ClaimCountRow,
  ClaimDayCountRow,
  ClaimFilterCountsRow,
  QueueFilter,
  StoredClaim,
} from './records';
import { isLive } from './records';

/** The fields of a queue filter that the counts table counts (overdue moves with the clock). */
export type CountedFilter = Pick<QueueFilter, 'status' | 'packId' | 'assigneeId'>;

/**
 * A filter's count key: `all`, or its conditions in a fixed order joined by `|` (`status:intake`,
 * `pack:igpsport`, `status:intake|assignee:<id>`). Every combination is counted, all in one row
 * (see {@link filterCountsKey}), so any filter without "overdue" is counted by one read.
 */
export function claimCountKey(filter: CountedFilter): string {
  const parts: string[] = [];
  if (filter.status !== undefined) parts.push(`status:${filter.status}`);
  if (filter.packId !== undefined) parts.push(`pack:${filter.packId}`);
  if (filter.assigneeId !== undefined) parts.push(`assignee:${filter.assigneeId}`);
  return parts.length === 0 ? 'all' : parts.join('|');
}

/**
 * The key of the row counting the live claims of `filter` created on `day` (the first ten
 * characters of `createdAt`, so days follow the queue's order): `all@2026-11-04`,
 * `status:received@2026-11-04`. Kept for no filter and each condition alone, the filters a queue
 * reads from one index: summing a filter's days says on which day a position of its queue falls,
 * so a jump reads from that day instead of walking the index from its start.
 */
export function claimDayCountKey(filter: CountedFilter, day: string): string {
  return `${claimCountKey(filter)}${daySeparator}${day}`;
}

const daySeparator = '@';

const isDayCountKey = (key: string): boolean => key.includes(daySeparator);

/**
 * The key of the one row holding every filter's total: a claim write moves up to eight of them,
 * and a pulled slice of a few hundred claims a few hundred, which as rows of their own cost a read
 * and a write each (15% of a first pull's time); as one row, one of each. Never a filter's key
 * (those start `all`, `status:`, `pack:` or `assignee:`) nor a day's (those hold `@`).
 */
const filterCountsKey = 'filters';

const isFilterCountsRow = (row: ClaimCountRow | undefined): row is ClaimFilterCountsRow =>
  row !== undefined && 'counts' in row;

/** The day a claim is counted under (see {@link claimDayCountKey}). */
export const claimCountDay = (claim: StoredClaim): string => claim.createdAt.slice(0, 10);

/**
 * The count keys a claim is in: every combination of its status, pack and assignee, and its day
 * for no filter and each condition alone; none when deleted.
 */
export function claimCountKeys(claim: StoredClaim | undefined): string[] {
  if (claim === undefined || !isLive(claim)) return [];
  const keys: string[] = [];
  for (const status of [undefined, claim.status]) {
    for (const packId of [undefined, claim.policyPackId]) {
      const assignees: (RecordId | undefined)[] =
        claim.assigneeId === undefined ? [undefined] : [undefined, claim.assigneeId];
      for (const assigneeId of assignees) {
        keys.push(claimCountKey({ status, packId: packId as QueueFilter['packId'], assigneeId }));
      }
    }
  }
  const day = claimCountDay(claim);
  const alone: CountedFilter[] = [
    {},
    { status: claim.status },
    { packId: claim.policyPackId as QueueFilter['packId'] },
    ...(claim.assigneeId === undefined ? [] : [{ assigneeId: claim.assigneeId }]),
  ];
  for (const filter of alone) keys.push(claimDayCountKey(filter, day));
  return keys;
}

/** Whether `filter` has a count per day: no condition, or one alone. */
export function isCountedByDay(filter: CountedFilter): boolean {
  const conditions = [filter.status, filter.packId, filter.assigneeId];
  return conditions.filter((value) => value !== undefined).length <= 1;
}

/** A claim as it was before a write and as it is after (undefined: absent). */
export type ClaimChange = {
  readonly before: StoredClaim | undefined;
  readonly after: StoredClaim | undefined;
};

function countsTable(transaction: Transaction): Table<ClaimCountRow, string> {
  return transaction.table<ClaimCountRow, string>('claimCounts');
}

/**
 * Moves the counts by what `changes` did, in the write's own transaction, so a count can never
 * disagree with the claims it counts. Rows that reach zero are removed.
 */
export async function applyClaimChanges(
  transaction: Transaction,
  changes: readonly ClaimChange[],
): Promise<void> {
  const deltas = new Map<string, number>();
  for (const { before, after } of changes) {
    for (const key of claimCountKeys(before)) deltas.set(key, (deltas.get(key) ?? 0) - 1);
    for (const key of claimCountKeys(after)) deltas.set(key, (deltas.get(key) ?? 0) + 1);
  }
  const moved = [...deltas].filter(([, delta]) => delta !== 0);
  if (moved.length === 0) return;
  const movedDays = moved.filter(([key]) => isDayCountKey(key));
  const movedFilters = moved.filter(([key]) => !isDayCountKey(key));
  const table = countsTable(transaction);
  const [filterRow, ...dayRows] = await table.bulkGet([
    filterCountsKey,
    ...movedDays.map(([key]) => key),
  ]);
  const kept: ClaimCountRow[] = [];
  const emptied: string[] = [];
  movedDays.forEach(([key, delta], index) => {
    const row = dayRows[index];
    const count = (isFilterCountsRow(row) ? 0 : (row?.count ?? 0)) + delta;
    if (count > 0) kept.push({ key, count });
    else emptied.push(key);
  });
  if (movedFilters.length > 0) {
    const counts = new Map(Object.entries(isFilterCountsRow(filterRow) ? filterRow.counts : {}));
    for (const [key, delta] of movedFilters) {
      const count = (counts.get(key) ?? 0) + delta;
      if (count > 0) counts.set(key, count);
      else counts.delete(key);
    }
    kept.push({ key: filterCountsKey, counts: Object.fromEntries(counts) });
  }
  await Promise.all([table.bulkPut(kept), table.bulkDelete(emptied)]);
}

/** The rows holding `counts` (by count key, none zero): the filters' one row, then each day's. */
function countRows(counts: ReadonlyMap<string, number>): ClaimCountRow[] {
  const filters: Record<string, number> = {};
  const days: ClaimDayCountRow[] = [];
  for (const [key, count] of counts) {
    if (isDayCountKey(key)) days.push({ key, count });
    else filters[key] = count;
  }
  days.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return [{ key: filterCountsKey, counts: filters }, ...days];
}

/**
 * Every count `table` holds, by its count key (each filter's total, {@link claimCountKey}, and
 * each day's, {@link claimDayCountKey}), whatever rows hold them.
 */
export async function readEveryClaimCount(
  table: Table<ClaimCountRow, string>,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const row of await table.toArray()) {
    if (isFilterCountsRow(row)) {
      for (const [key, count] of Object.entries(row.counts)) counts.set(key, count);
    } else {
      counts.set(row.key, row.count);
    }
  }
  return counts;
}

/**
 * Schema version 13's upgrade: the filters' totals, one row each before, folded into the one
 * row of {@link filterCountsKey}; the days' rows stay. Reads the counts only, not the claims.
 */
export async function foldFilterCountRows(transaction: Transaction): Promise<void> {
  const table = countsTable(transaction);
  const apart = (await table.toArray()).filter(
    (row): row is ClaimDayCountRow => !isFilterCountsRow(row) && !isDayCountKey(row.key),
  );
  // Counted afresh by an upgrade before this one (this code's `rebuildClaimCounts`): nothing apart.
  if (apart.length === 0) return;
  await table.bulkDelete(apart.map((row) => row.key));
  await table.put({
    key: filterCountsKey,
    counts: Object.fromEntries(apart.map((row) => [row.key, row.count])),
  });
}

/** The count rows of `claims` (deleted ones left out): the filters' row, then the days' by key. */
export function tallyClaimCounts(claims: Iterable<StoredClaim>): ClaimCountRow[] {
  const counts = new Map<string, number>();
  for (const claim of claims) {
    for (const key of claimCountKeys(claim)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return countRows(counts);
}

/** Claims read at a time while counting, so 100,000 are never held at once. */
const rebuildPageRows = 2000;

/**
 * Counts every claim of the database again, from nothing: after a restore, a schema upgrade,
 * or (later) a page of synced changes. `transaction` must cover `claims` and `claimCounts`.
 */
export async function rebuildClaimCounts(transaction: Transaction): Promise<void> {
  const claims = transaction.table<StoredClaim, RecordId>('claims');
  const counts = new Map<string, number>();
  let lastId: RecordId | undefined;
  for (;;) {
    const page = await (
      lastId === undefined ? claims.orderBy(':id') : claims.where(':id').above(lastId)
    )
      .limit(rebuildPageRows)
      .toArray();
    for (const claim of page) {
      for (const key of claimCountKeys(claim)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const last = page.at(-1);
    if (last === undefined || page.length < rebuildPageRows) break;
    lastId = last.id;
  }
  const table = countsTable(transaction);
  await table.clear();
  await table.bulkAdd(countRows(counts));
}

/** The live claims of `filter` apart from "overdue", read from the counts table. */
export async function readClaimCount(
  table: Table<ClaimCountRow, string>,
  filter: CountedFilter,
): Promise<number> {
  const [count = 0] = await readClaimCounts(table, [filter]);
  return count;
}

/** Several counts in one read. */
export async function readClaimCounts(
  table: Table<ClaimCountRow, string>,
  filters: readonly CountedFilter[],
): Promise<number[]> {
  const row = await table.get(filterCountsKey);
  const counts = isFilterCountsRow(row) ? row.counts : {};
  return filters.map((filter) => counts[claimCountKey(filter)] ?? 0);
}

/** How many live claims of `filter` each day holds, in the queue's order (days without any left out). */
export async function readClaimDayCounts(
  table: Table<ClaimCountRow, string>,
  filter: CountedFilter,
): Promise<{ readonly day: string; readonly count: number }[]> {
  const prefix = `${claimCountKey(filter)}${daySeparator}`;
  // Every row of the filter's days is one key range: the days sort as the keys do.
  const rows = await table.where('key').between(prefix, `${prefix}\uffff`).toArray();
  return rows.flatMap((row) =>
    isFilterCountsRow(row) ? [] : [{ day: row.key.slice(prefix.length), count: row.count }],
  );
}
