import { useLiveQuery } from 'dexie-react-hooks';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { IsoDate, IsoDateTime, RecordId } from '#shared/domain/primitives';
import type { DeadlineKind } from '#shared/policy/decision';
import { appDatabase } from '../db/appDatabase';
import type { QueueFilterCounts, QueuePlan } from '../db/claimQueue';
import { countQueueFilters, planQueue, readQueueClaims } from '../db/claimQueue';
import type { QueueFilter } from '../db/records';

/** One line of the queue: a claim with the names the bench recognizes it by. */
export type QueueRow = {
  readonly id: RecordId;
  readonly rmaNumber: string;
  readonly status: ClaimStatus;
  readonly createdAt: IsoDateTime;
  readonly policyPackId: string;
  readonly assigneeId: RecordId | undefined;
  readonly customerName: string | undefined;
  readonly deviceModel: string | undefined;
  readonly serial: string | undefined;
  readonly nextDeadlineAt: IsoDateTime | undefined;
  readonly nextDeadlineDate: IsoDate | undefined;
  readonly nextDeadlineKind: DeadlineKind | undefined;
};

/** A window of the queue: the rows from `start` on, as many as were asked for (or are left). */
export type QueueWindow = { readonly start: number; readonly rows: readonly QueueRow[] };

/**
 * How the queue reads `filter` (see `planQueue`), kept current; undefined while planning.
 * `nowIso` is when "overdue" is judged: pass a time that moves on by the minute, not every render.
 */
export function useQueuePlan(filter: QueueFilter, nowIso: IsoDateTime): QueuePlan | undefined {
  const { status, packId, assigneeId, overdue } = filter;
  const question = JSON.stringify([status, packId, assigneeId, overdue, nowIso]);
  const answer = useLiveQuery(
    async () => ({
      question,
      plan: await planQueue(appDatabase(), { status, packId, assigneeId, overdue }, nowIso),
    }),
    [question],
  );
  // Until the new filter is planned, the last answer is another filter's: never show its rows.
  return answer?.question === question ? answer.plan : undefined;
}

/**
 * How many claims each filter choice holds on its own, counted on the indexes; undefined while
 * counting, or until `ready`.
 */
export function useQueueFilterCounts(
  choices: {
    readonly statuses: readonly ClaimStatus[];
    readonly packIds: readonly string[];
    readonly assigneeIds: readonly RecordId[];
  },
  nowIso: IsoDateTime,
  ready: boolean,
): QueueFilterCounts | undefined {
  const key = JSON.stringify(choices);
  return useLiveQuery(
    async () => (ready ? countQueueFilters(appDatabase(), choices, nowIso) : undefined),
    // The choices are compared by value: a new array of the same ids is the same question.
    [key, nowIso, ready],
  );
}

/**
 * The rows `start` to `start + size` of the queue, kept current; undefined while reading. Only
 * these claims, their customers and their devices are read: never the whole queue.
 */
export function useQueueWindow(
  filter: QueueFilter,
  plan: QueuePlan | undefined,
  nowIso: IsoDateTime,
  start: number,
  size: number,
): QueueWindow | undefined {
  return useLiveQuery(async () => {
    if (plan === undefined) return undefined;
    const db = appDatabase();
    const claims = await readQueueClaims(db, filter, plan, nowIso, start, size);
    const [customers, devices] = await Promise.all([
      db.customers.bulkGet([...new Set(claims.map((claim) => claim.customerId))]),
      db.devices.bulkGet([...new Set(claims.map((claim) => claim.deviceId))]),
    ]);
    const customerNames = new Map(customers.flatMap((row) => (row ? [[row.id, row.name]] : [])));
    const deviceById = new Map(devices.flatMap((row) => (row ? [[row.id, row]] : [])));
    return {
      start,
      rows: claims.map((claim): QueueRow => {
        const device = deviceById.get(claim.deviceId);
        return {
          id: claim.id,
          rmaNumber: claim.rmaNumber,
          status: claim.status,
          createdAt: claim.createdAt,
          policyPackId: claim.policyPackId,
          assigneeId: claim.assigneeId,
          customerName: customerNames.get(claim.customerId),
          deviceModel: device?.model,
          serial: device?.serial ?? device?.imei,
          nextDeadlineAt: claim.nextDeadlineAt,
          nextDeadlineDate: claim.nextDeadlineDate,
          nextDeadlineKind: claim.nextDeadlineKind,
        };
      }),
    };
    // The filter is part of the plan's identity: a new filter makes a new plan.
  }, [plan, nowIso, start, size]);
}
