import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ClaimStatus } from '../../../shared/domain/claimWorkflow';
import type { IsoDateTime, RecordId } from '../../../shared/domain/primitives';
import { appDatabase } from '../db/appDatabase';
import type { FixlineDatabase } from '../db/database';
import type { SyncFields } from '../db/records';

/** One line of the queue: a claim with the names the bench recognizes it by. */
export type QueueRow = {
  readonly id: RecordId;
  readonly rmaNumber: string;
  readonly status: ClaimStatus;
  readonly createdAt: IsoDateTime;
  readonly customerName: string | undefined;
  readonly deviceModel: string | undefined;
  readonly serial: string | undefined;
};

/** A window of the queue: the rows from `start` on, as many as were asked for (or are left). */
export type QueueWindow = { readonly start: number; readonly rows: readonly QueueRow[] };

const isLive = (row: SyncFields): boolean => row.deletedAt === undefined;

/**
 * The claims of a status (or all), oldest first, as an index range: the queue reads only the
 * window on screen, so a station with 100,000 claims never holds them all in memory.
 */
function queueCollection(db: FixlineDatabase, status: ClaimStatus | undefined) {
  const collection =
    status === undefined
      ? db.claims.orderBy('createdAt')
      : db.claims
          .where('[status+createdAt]')
          .between([status, Dexie.minKey], [status, Dexie.maxKey]);
  return collection.filter(isLive);
}

/** How many live claims the queue holds; undefined while counting. */
export function useQueueCount(status: ClaimStatus | undefined): number | undefined {
  return useLiveQuery(() => queueCollection(appDatabase(), status).count(), [status]);
}

/** The rows `start` to `start + size` of the queue, kept current; undefined while reading. */
export function useQueueWindow(
  status: ClaimStatus | undefined,
  start: number,
  size: number,
): QueueWindow | undefined {
  return useLiveQuery(async () => {
    const db = appDatabase();
    const claims = await queueCollection(db, status).offset(start).limit(size).toArray();
    const [customers, devices] = await Promise.all([
      db.customers.bulkGet([...new Set(claims.map((claim) => claim.customerId))]),
      db.devices.bulkGet([...new Set(claims.map((claim) => claim.deviceId))]),
    ]);
    const customerNames = new Map(customers.flatMap((row) => (row ? [[row.id, row.name]] : [])));
    const deviceById = new Map(devices.flatMap((row) => (row ? [[row.id, row]] : [])));
    return {
      start,
      rows: claims.map((claim) => {
        const device = deviceById.get(claim.deviceId);
        return {
          id: claim.id,
          rmaNumber: claim.rmaNumber,
          status: claim.status,
          createdAt: claim.createdAt,
          customerName: customerNames.get(claim.customerId),
          deviceModel: device?.model,
          serial: device?.serial ?? device?.imei,
        };
      }),
    };
  }, [status, start, size]);
}
