import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { IsoDate, IsoDateTime, RecordId } from '#shared/domain/primitives';
import type { DeadlineKind } from '#shared/policy/decision';
import { bulkGetInTurns } from '../db/bulkGetInTurns';
import type { QueueCursor, QueueWindowRequest } from '../db/claimQueue';
import { queueCursor, readQueueWindow } from '../db/claimQueue';
import type { FixlineDatabase } from '../db/database';
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
  /** Where paging goes on from, before or after this row. */
  readonly cursor: QueueCursor;
};

/** A window of the queue: rows in its order, the first at position `start`. */
export type QueueWindow = { readonly start: number; readonly rows: readonly QueueRow[] };

/** The claim a bulk change names: its RMA number and status. */
export type QueueClaimLabel = {
  readonly id: RecordId;
  readonly rmaNumber: string;
  readonly status: ClaimStatus;
};

/**
 * A window of the queue (see `readQueueWindow`) with each claim's customer name and device: only
 * these claims, their customers and devices are read, never the whole queue.
 */
export async function loadQueueWindow(
  db: FixlineDatabase,
  filter: QueueFilter,
  nowIso: IsoDateTime,
  request: QueueWindowRequest,
): Promise<QueueWindow> {
  const { start, claims } = await readQueueWindow(db, filter, nowIso, request);
  // A few at a time, so a scan's lookup made meanwhile does not wait behind all of them.
  const [customers, devices] = await Promise.all([
    bulkGetInTurns(db.customers, [...new Set(claims.map((claim) => claim.customerId))]),
    bulkGetInTurns(db.devices, [...new Set(claims.map((claim) => claim.deviceId))]),
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
        cursor: queueCursor(claim, filter),
      };
    }),
  };
}

/** The RMA number and status of each claim of `claimIds` that exists, in that order. */
export async function loadClaimLabels(
  db: FixlineDatabase,
  claimIds: readonly RecordId[],
): Promise<QueueClaimLabel[]> {
  const claims = await db.claims.bulkGet([...claimIds]);
  return claims.flatMap((claim) =>
    claim === undefined ? [] : [{ id: claim.id, rmaNumber: claim.rmaNumber, status: claim.status }],
  );
}
