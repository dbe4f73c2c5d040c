import Dexie, { type Collection, type InsertType } from 'dexie';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { IsoDateTime, RecordId } from '#shared/domain/primitives';
import type { FixlineDatabase } from './database';
import type { QueueFilter, StoredClaim } from './records';

type ClaimRange = Collection<StoredClaim, RecordId, InsertType<StoredClaim, 'id'>>;

/**
 * How the queue reads a filter, decided by {@link planQueue}:
 * - `range`: one index range holds exactly the filter's claims, in queue order, so a window is
 *   read with the index's own offset and the count is the index's;
 * - `keys`: the filter combines several indexes (or deleted claims hide in its range), so the
 *   ids are intersected from the indexes' keys, in queue order, without reading a claim.
 */
export type QueuePlan =
  | { readonly kind: 'range'; readonly count: number }
  | { readonly kind: 'keys'; readonly ids: readonly RecordId[] };

/** The claims of a filter, as far as one index range goes, oldest first. */
function statusRange(db: FixlineDatabase, status: ClaimStatus): ClaimRange {
  return db.claims
    .where('[status+createdAt]')
    .between([status, Dexie.minKey], [status, Dexie.maxKey]);
}

function packRange(db: FixlineDatabase, packId: string): ClaimRange {
  return db.claims
    .where('[policyPackId+createdAt]')
    .between([packId, Dexie.minKey], [packId, Dexie.maxKey]);
}

function assigneeRange(db: FixlineDatabase, assigneeId: RecordId): ClaimRange {
  return db.claims
    .where('[assigneeId+createdAt]')
    .between([assigneeId, Dexie.minKey], [assigneeId, Dexie.maxKey]);
}

/** Claims whose next deadline was missed before `nowIso`, the longest overdue first. */
function overdueRange(db: FixlineDatabase, nowIso: IsoDateTime): ClaimRange {
  return db.claims.where('nextDeadlineAt').below(nowIso);
}

/**
 * One index range per condition of `filter`. The first is the queue's order: oldest first by
 * status, pack or assignee, or by deadline when only "overdue" is asked for.
 */
function filterRanges(db: FixlineDatabase, filter: QueueFilter, nowIso: IsoDateTime): ClaimRange[] {
  const ranges: ClaimRange[] = [];
  if (filter.status !== undefined) ranges.push(statusRange(db, filter.status));
  if (filter.packId !== undefined) ranges.push(packRange(db, filter.packId));
  if (filter.assigneeId !== undefined) ranges.push(assigneeRange(db, filter.assigneeId));
  if (filter.overdue === true) ranges.push(overdueRange(db, nowIso));
  return ranges.length > 0 ? ranges : [db.claims.orderBy('createdAt')];
}

/** The deleted claims: few (claims are cancelled, not deleted), found by their own index. */
export async function deletedClaims(db: FixlineDatabase): Promise<StoredClaim[]> {
  return db.claims.where('deletedAt').above('').toArray();
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

/** How to read the live claims of `filter` at `nowIso` (see {@link QueuePlan}). */
export async function planQueue(
  db: FixlineDatabase,
  filter: QueueFilter,
  nowIso: IsoDateTime,
): Promise<QueuePlan> {
  const [ordered, ...others] = filterRanges(db, filter, nowIso);
  if (ordered === undefined) throw new Error('a queue filter has at least one range');
  const deleted = (await deletedClaims(db)).filter((claim) =>
    matchesQueueFilter(claim, filter, nowIso),
  );
  if (others.length === 0 && deleted.length === 0) {
    return { kind: 'range', count: await ordered.count() };
  }
  const [orderedIds, ...otherIds] = await Promise.all([
    ordered.primaryKeys(),
    ...others.map(async (range) => new Set(await range.primaryKeys())),
  ]);
  const deletedIds = new Set(deleted.map((claim) => claim.id));
  return {
    kind: 'keys',
    ids: orderedIds.filter(
      (id) => !deletedIds.has(id) && otherIds.every((ids) => ids instanceof Set && ids.has(id)),
    ),
  };
}

/** How many claims a plan holds. */
export function queuePlanCount(plan: QueuePlan): number {
  return plan.kind === 'range' ? plan.count : plan.ids.length;
}

/** The claims at positions `start` to `start + size` of the queue of `filter`, in its order. */
export async function readQueueClaims(
  db: FixlineDatabase,
  filter: QueueFilter,
  plan: QueuePlan,
  nowIso: IsoDateTime,
  start: number,
  size: number,
): Promise<StoredClaim[]> {
  if (plan.kind === 'keys') {
    const claims = await db.claims.bulkGet(plan.ids.slice(start, start + size));
    return claims.filter((claim) => claim !== undefined);
  }
  const [ordered] = filterRanges(db, filter, nowIso);
  return ordered === undefined ? [] : ordered.offset(start).limit(size).toArray();
}

/** The ids at positions `start` to `end` (exclusive) of the queue, for a selection of rows. */
export async function readQueueIds(
  db: FixlineDatabase,
  filter: QueueFilter,
  plan: QueuePlan,
  nowIso: IsoDateTime,
  start: number,
  end: number,
): Promise<RecordId[]> {
  if (plan.kind === 'keys') return plan.ids.slice(start, end);
  const [ordered] = filterRanges(db, filter, nowIso);
  return ordered === undefined
    ? []
    : ordered
        .offset(start)
        .limit(end - start)
        .primaryKeys();
}

/** How many live claims each filter would show on its own, counted on its index. */
export type QueueFilterCounts = {
  readonly all: number;
  readonly overdue: number;
  readonly byStatus: ReadonlyMap<ClaimStatus, number>;
  readonly byPack: ReadonlyMap<string, number>;
  readonly byAssignee: ReadonlyMap<RecordId, number>;
};

/**
 * The count of each filter choice alone: one `count()` on an index range each, less the few
 * deleted claims in that range. No claim is read.
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
  const deleted = await deletedClaims(db);
  const live = async (range: ClaimRange, filter: QueueFilter) =>
    (await range.count()) -
    deleted.filter((claim) => matchesQueueFilter(claim, filter, nowIso)).length;
  const countEach = async <Key>(keys: readonly Key[], count: (key: Key) => Promise<number>) =>
    new Map(await Promise.all(keys.map(async (key) => [key, await count(key)] as const)));
  const [all, overdue, byStatus, byPack, byAssignee] = await Promise.all([
    live(db.claims.orderBy('createdAt'), {}),
    live(overdueRange(db, nowIso), { overdue: true }),
    countEach(choices.statuses, (status) => live(statusRange(db, status), { status })),
    countEach(choices.packIds, (packId) =>
      live(packRange(db, packId), { packId: packId as QueueFilter['packId'] }),
    ),
    countEach(choices.assigneeIds, (assigneeId) =>
      live(assigneeRange(db, assigneeId), { assigneeId }),
    ),
  ]);
  return { all, overdue, byStatus, byPack, byAssignee };
}
