import Dexie, { type Collection, type InsertType } from 'dexie';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { IsoDateTime, RecordId } from '#shared/domain/primitives';
import type { CountedFilter } from './claimCounts';
import { isCountedByDay, readClaimCount, readClaimCounts, readClaimDayCounts } from './claimCounts';
import type { FixlineDatabase } from './database';
import type { QueueFilter, StoredClaim } from './records';
import { isLive } from './records';

type ClaimRange = Collection<StoredClaim, RecordId, InsertType<StoredClaim, 'id'>>;

/** The field a queue is ordered by: age, or, for the overdue claims alone, the missed deadline. */
type QueueOrder = 'createdAt' | 'nextDeadlineAt';

/**
 * Where a filter's claims are read from: one index range in the queue's order. `exact` when the
 * range holds the filter's claims and no others but deleted ones; otherwise the other conditions
 * are checked on the claims read.
 */
type QueueSource = {
  readonly index: string;
  /** The first part of a compound index's key (a status, pack or assignee). */
  readonly prefix: string | undefined;
  readonly order: QueueOrder;
  /** Overdue: the deadline is before now. */
  readonly below: IsoDateTime | undefined;
  readonly exact: boolean;
  /** Roughly what share of the range's claims the filter keeps, to read enough at once. */
  readonly share: number;
};

/**
 * A place in a queue: the order field and id of a claim, which is where keyset paging goes on
 * from. Ids break ties, as they do in every index.
 */
export type QueueCursor = { readonly at: string; readonly id: RecordId };

/** The cursor of `claim` in the queue of `filter`. */
export function queueCursor(claim: StoredClaim, filter: QueueFilter): QueueCursor {
  const at = queueOrder(filter) === 'createdAt' ? claim.createdAt : claim.nextDeadlineAt;
  return { at: at ?? '', id: claim.id };
}

/** Overdue alone is ordered by deadline, the longest overdue first; every other filter by age. */
function queueOrder(filter: QueueFilter): QueueOrder {
  const alone =
    filter.status === undefined && filter.packId === undefined && filter.assigneeId === undefined;
  return filter.overdue === true && alone ? 'nextDeadlineAt' : 'createdAt';
}

/** Whether a claim meets every condition of `filter` at `nowIso`. */
export function matchesQueueFilter(
  claim: StoredClaim,
  filter: QueueFilter,
  nowIso: IsoDateTime,
): boolean {
  return (
    (filter.status === undefined || claim.status === filter.status) &&
    (filter.packId === undefined || claim.policyPackId === filter.packId) &&
    (filter.assigneeId === undefined || claim.assigneeId === filter.assigneeId) &&
    (filter.overdue !== true ||
      (claim.nextDeadlineAt !== undefined && claim.nextDeadlineAt < nowIso))
  );
}

const countedPart = (filter: QueueFilter): CountedFilter => ({
  status: filter.status,
  packId: filter.packId,
  assigneeId: filter.assigneeId,
});

/** The compound index of each condition with an index of its own. */
const conditionIndexes = [
  { index: '[status+createdAt]', value: (filter: QueueFilter) => filter.status },
  { index: '[policyPackId+createdAt]', value: (filter: QueueFilter) => filter.packId },
  { index: '[assigneeId+createdAt]', value: (filter: QueueFilter) => filter.assigneeId },
] as const;

/**
 * The range a filter is read from: the claims by age, the overdue claims by deadline, or the
 * compound index of the most selective condition (by the counts table), the others checked on
 * the claims read.
 */
async function planSource(
  db: FixlineDatabase,
  filter: QueueFilter,
  nowIso: IsoDateTime,
): Promise<QueueSource> {
  const conditions = conditionIndexes.flatMap(({ index, value }) => {
    const prefix = value(filter);
    return prefix === undefined ? [] : [{ index, prefix }];
  });
  const overdue = filter.overdue === true ? nowIso : undefined;
  if (conditions.length === 0) {
    return overdue === undefined
      ? {
          index: 'createdAt',
          prefix: undefined,
          order: 'createdAt',
          below: undefined,
          exact: true,
          share: 1,
        }
      : {
          index: 'nextDeadlineAt',
          prefix: undefined,
          order: 'nextDeadlineAt',
          below: overdue,
          exact: true,
          share: 1,
        };
  }
  const single = (condition: (typeof conditions)[number]): CountedFilter => ({
    status: condition.index === '[status+createdAt]' ? filter.status : undefined,
    packId: condition.index === '[policyPackId+createdAt]' ? filter.packId : undefined,
    assigneeId: condition.index === '[assigneeId+createdAt]' ? filter.assigneeId : undefined,
  });
  const [combined = 0, ...sizes] = await readClaimCounts(db.claimCounts, [
    countedPart(filter),
    ...conditions.map(single),
  ]);
  let best = 0;
  sizes.forEach((size, index) => {
    if (size < (sizes[best] ?? Infinity)) best = index;
  });
  const chosen = conditions[best] ?? conditions[0];
  const chosenSize = sizes[best] ?? 0;
  if (chosen === undefined) throw new Error('a filter with conditions has a range');
  const exact = conditions.length === 1 && overdue === undefined;
  // Overdue is not counted per condition: guess that half of the claims left are overdue.
  const share = exact ? 1 : (chosenSize === 0 ? 1 : combined / chosenSize) * (overdue ? 0.5 : 1);
  return {
    index: chosen.index,
    prefix: chosen.prefix,
    order: 'createdAt',
    below: undefined,
    exact,
    share: Math.max(share, 0.01),
  };
}

/** The range of `source` from `from` (inclusive) to `to` (inclusive), in queue order. */
function sourceRange(
  db: FixlineDatabase,
  source: QueueSource,
  from: string | undefined,
  to: string | undefined,
): ClaimRange {
  const lower = from ?? Dexie.minKey;
  const upper = to ?? source.below ?? Dexie.maxKey;
  // Overdue is strictly before now; a cursor's own `at` is read again for its ties.
  const includeUpper = to !== undefined || source.below === undefined;
  const where = db.claims.where(source.index);
  return source.prefix === undefined
    ? where.between(lower, upper, true, includeUpper)
    : where.between([source.prefix, lower], [source.prefix, upper], true, includeUpper);
}

const atOf = (claim: StoredClaim, order: QueueOrder): string =>
  (order === 'createdAt' ? claim.createdAt : claim.nextDeadlineAt) ?? '';

/** Whether `claim` comes after `cursor` in the queue (`forward`) or before it. */
function beyond(claim: StoredClaim, order: QueueOrder, cursor: QueueCursor, forward: boolean) {
  const at = atOf(claim, order);
  if (at !== cursor.at) return forward ? at > cursor.at : at < cursor.at;
  return forward ? claim.id > cursor.id : claim.id < cursor.id;
}

/**
 * Reads `skip + size` live claims of the filter beyond `cursor` (or from the range's end), and
 * keeps the last `size`: one `limit`ed read of the index range, with a little over what the
 * filter's share says it needs; read again from where it stopped only when deleted or unmatched
 * claims left it short.
 */
async function readBeyond(
  db: FixlineDatabase,
  filter: QueueFilter,
  nowIso: IsoDateTime,
  source: QueueSource,
  cursor: QueueCursor | undefined,
  forward: boolean,
  skip: number,
  size: number,
): Promise<{ claims: StoredClaim[]; exhausted: boolean }> {
  const wanted = skip + size;
  const found: StoredClaim[] = [];
  let batch = Math.ceil(wanted / source.share) + 8;
  let from = cursor;
  for (;;) {
    const range = forward
      ? sourceRange(db, source, from?.at, undefined)
      : sourceRange(db, source, undefined, from?.at).reverse();
    const read = await range.limit(batch).toArray();
    for (const claim of read) {
      if (from !== undefined && !beyond(claim, source.order, from, forward)) continue;
      if (!isLive(claim) || !matchesQueueFilter(claim, filter, nowIso)) continue;
      found.push(claim);
      if (found.length === wanted) return { claims: found.slice(skip), exhausted: false };
    }
    const last = read.at(-1);
    if (last === undefined || read.length < batch) {
      return { claims: found.slice(skip), exhausted: true };
    }
    // Within a run of claims that share one instant the read starts at the run's first: go on
    // from the last claim read only once it is past the cursor, and read more each round.
    if (from === undefined || beyond(last, source.order, from, forward)) {
      from = { at: atOf(last, source.order), id: last.id };
    }
    batch *= 2;
  }
}

/** The deleted claims of the filter, in queue order: few (claims are cancelled, not deleted). */
async function deletedOf(
  db: FixlineDatabase,
  filter: QueueFilter,
  nowIso: IsoDateTime,
  order: QueueOrder,
): Promise<StoredClaim[]> {
  const deleted = await db.claims.where('deletedAt').above('').toArray();
  return deleted
    .filter((claim) => matchesQueueFilter(claim, filter, nowIso))
    .sort((a, b) => {
      const [atA, atB] = [atOf(a, order), atOf(b, order)];
      return atA !== atB ? (atA < atB ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
}

/** Where a position's day starts: the day's first `at`, and how many live claims come before it. */
type DayStart = { readonly at: string; readonly before: number };

/**
 * The day that the live claim at `start` of a queue by age was created on, from the counts of
 * the filter's days (one read of a few hundred rows a year); undefined when the filter has no
 * counts per day or `start` is past its claims.
 */
async function dayOfPosition(
  db: FixlineDatabase,
  filter: QueueFilter,
  source: QueueSource,
  start: number,
): Promise<DayStart | undefined> {
  if (source.order !== 'createdAt' || !isCountedByDay(countedPart(filter))) return undefined;
  let before = 0;
  for (const { day, count } of await readClaimDayCounts(db.claimCounts, countedPart(filter))) {
    // A day's `createdAt`s all start with the day, and sort after the day alone.
    if (before + count > start) return { at: day, before };
    before += count;
  }
  return undefined;
}

/**
 * The live claims at positions `start` to `start + size` when the range is `exact`: the
 * index's own offset from `dayStart` (or the range's start), moved on by the deleted claims
 * before it (at most a few reads more), finds the first; the rest are one keyset read after it.
 */
async function readAtPosition(
  db: FixlineDatabase,
  filter: QueueFilter,
  nowIso: IsoDateTime,
  source: QueueSource,
  start: number,
  size: number,
  dayStart: DayStart | undefined,
): Promise<StoredClaim[]> {
  const from = dayStart?.at;
  const deleted = (await deletedOf(db, filter, nowIso, source.order)).filter(
    (claim) => from === undefined || atOf(claim, source.order) >= from,
  );
  // Positions from here on count from the day's first claim.
  const wanted = start - (dayStart?.before ?? 0);
  let offset = wanted;
  for (;;) {
    // An offset read goes by cursor, one request a row: read only as many rows as it takes to
    // reach a live claim, since at most `deleted.length` of them are deleted.
    const read = await sourceRange(db, source, from, undefined)
      .offset(offset)
      .limit(deleted.length + 1)
      .toArray();
    const firstIndex = read.findIndex(isLive);
    const first = read[firstIndex];
    if (first === undefined) return [];
    const cursor = { at: atOf(first, source.order), id: first.id };
    const deletedBefore = deleted.filter((claim) => !beyond(claim, source.order, cursor, true));
    // Each round moves on by the deleted claims found before the window, never past it.
    const position = offset + firstIndex - deletedBefore.length;
    if (position >= wanted) {
      if (size <= 1) return [first];
      const rest = await readBeyond(db, filter, nowIso, source, cursor, true, 0, size - 1);
      return [first, ...rest.claims];
    }
    offset += wanted - position;
  }
}

/** What the queue reads: a window at a position, or next to rows it has already. */
export type QueueWindowRequest =
  /** The rows from position `start` on: the first window, or a jump (the scrollbar dragged). */
  | { readonly from: 'position'; readonly start: number; readonly size: number }
  /** The rows after `cursor`, less the first `skip`; the first row returned is at `start`. */
  | {
      readonly from: 'after';
      readonly cursor: QueueCursor;
      readonly skip: number;
      readonly start: number;
      readonly size: number;
    }
  /**
   * The rows before `cursor` (the end of the queue when undefined), less the last `skip`; the
   * last row returned is at `end - 1`.
   */
  | {
      readonly from: 'before';
      readonly cursor: QueueCursor | undefined;
      readonly skip: number;
      readonly end: number;
      readonly size: number;
    };

/** Claims of the queue in its order, the first at position `start`. */
export type QueueClaims = { readonly start: number; readonly claims: readonly StoredClaim[] };

/**
 * A window of the live claims of `filter` at `nowIso`. Paging goes by keys from the rows already
 * shown (one read of the filter's index range, never an offset); only a jump far away takes an
 * offset on the index, to find where to start, from the day the counts per day place it on.
 */
export async function readQueueWindow(
  db: FixlineDatabase,
  filter: QueueFilter,
  nowIso: IsoDateTime,
  request: QueueWindowRequest,
): Promise<QueueClaims> {
  const source = await planSource(db, filter, nowIso);
  switch (request.from) {
    case 'position': {
      const { start, size } = request;
      if (start === 0) {
        const read = await readBeyond(db, filter, nowIso, source, undefined, true, 0, size);
        return { start, claims: read.claims };
      }
      if (source.exact) {
        const dayStart = await dayOfPosition(db, filter, source, start);
        return {
          start,
          claims: await readAtPosition(db, filter, nowIso, source, start, size, dayStart),
        };
      }
      // The filter's conditions meet on no one index: find the claim before `start` by keys.
      const ids = await readQueueIds(db, filter, nowIso, start - 1, start);
      const anchor = ids[0] === undefined ? undefined : await db.claims.get(ids[0]);
      if (anchor === undefined) return { start, claims: [] };
      const cursor = { at: atOf(anchor, source.order), id: anchor.id };
      const read = await readBeyond(db, filter, nowIso, source, cursor, true, 0, size);
      return { start, claims: read.claims };
    }
    case 'after': {
      const { cursor, skip, start, size } = request;
      const read = await readBeyond(db, filter, nowIso, source, cursor, true, skip, size);
      return { start, claims: read.claims };
    }
    case 'before': {
      const { cursor, skip, end, size } = request;
      const read = await readBeyond(db, filter, nowIso, source, cursor, false, skip, size);
      const claims = read.claims.reverse();
      // Reaching the queue's first claim says where the window is, whatever was assumed.
      return { start: read.exhausted ? 0 : end - claims.length, claims };
    }
  }
}

/**
 * The ids at positions `start` to `end` (exclusive) of the queue, for a selection of rows: the
 * primary keys of the filter's index ranges, intersected in queue order, without reading a claim.
 */
export async function readQueueIds(
  db: FixlineDatabase,
  filter: QueueFilter,
  nowIso: IsoDateTime,
  start: number,
  end: number,
): Promise<RecordId[]> {
  const source = await planSource(db, filter, nowIso);
  const others = conditionIndexes.flatMap(({ index, value }) => {
    const prefix = value(filter);
    return prefix === undefined || index === source.index
      ? []
      : [db.claims.where(index).between([prefix, Dexie.minKey], [prefix, Dexie.maxKey])];
  });
  if (filter.overdue === true && source.index !== 'nextDeadlineAt') {
    others.push(db.claims.where('nextDeadlineAt').below(nowIso));
  }
  const [ordered, deleted, ...otherIds] = await Promise.all([
    sourceRange(db, source, undefined, undefined).primaryKeys(),
    db.claims.where('deletedAt').above('').primaryKeys(),
    ...others.map((range) => range.primaryKeys()),
  ]);
  const excluded = new Set(deleted);
  const required = otherIds.map((ids) => new Set(ids));
  const ids: RecordId[] = [];
  let position = 0;
  for (const id of ordered) {
    if (position >= end) break;
    if (excluded.has(id) || !required.every((set) => set.has(id))) continue;
    if (position >= start) ids.push(id);
    position += 1;
  }
  return ids;
}

/**
 * How many live claims `filter` holds at `nowIso`: one read of the counts table, or, with
 * "overdue", a count of the overdue claims' index range (which holds live claims only).
 */
export async function countQueue(
  db: FixlineDatabase,
  filter: QueueFilter,
  nowIso: IsoDateTime,
): Promise<number> {
  if (filter.overdue !== true) return readClaimCount(db.claimCounts, countedPart(filter));
  const source = await planSource(db, filter, nowIso);
  if (source.index === 'nextDeadlineAt')
    return sourceRange(db, source, undefined, undefined).count();
  return (await readQueueIds(db, filter, nowIso, 0, Infinity)).length;
}

/** How many live claims each filter would show on its own. */
export type QueueFilterCounts = {
  readonly all: number;
  readonly overdue: number;
  readonly byStatus: ReadonlyMap<ClaimStatus, number>;
  readonly byPack: ReadonlyMap<string, number>;
  readonly byAssignee: ReadonlyMap<RecordId, number>;
};

/**
 * The count of each filter choice alone: one read of the counts table for them all, and the
 * overdue claims' index range, which walks the overdue claims only.
 */
export async function countQueueFilters(
  db: FixlineDatabase,
  choices: {
    readonly statuses: readonly ClaimStatus[];
    readonly packIds: readonly string[];
    readonly assigneeIds: readonly RecordId[];
  },
  nowIso: IsoDateTime,
): Promise<QueueFilterCounts> {
  const filters: CountedFilter[] = [
    {},
    ...choices.statuses.map((status) => ({ status })),
    ...choices.packIds.map((packId) => ({ packId: packId as QueueFilter['packId'] })),
    ...choices.assigneeIds.map((assigneeId) => ({ assigneeId })),
  ];
  const [counts, overdue] = await Promise.all([
    readClaimCounts(db.claimCounts, filters),
    db.claims.where('nextDeadlineAt').below(nowIso).count(),
  ]);
  const [all = 0, ...rest] = counts;
  const take = <Key>(keys: readonly Key[]) =>
    new Map(keys.map((key) => [key, rest.shift() ?? 0] as const));
  return {
    all,
    overdue,
    byStatus: take(choices.statuses),
    byPack: take(choices.packIds),
    byAssignee: take(choices.assigneeIds),
  };
}
