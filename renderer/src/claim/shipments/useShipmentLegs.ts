import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordId } from '#shared/domain/primitives';
import { appDatabase } from '../../db/appDatabase';
import type { StoredEvidence, StoredShipmentLeg } from '../../db/records';

/** A claim's shipment legs in the order they were recorded, each with its receipt evidence. */
export function useShipmentLegs(
  claimId: RecordId,
): readonly { leg: StoredShipmentLeg; receipt: StoredEvidence | undefined }[] | undefined {
  return useLiveQuery(async () => {
    const db = appDatabase();
    const legs = await db.shipmentLegs
      .where('claimId')
      .equals(claimId)
      .filter((leg) => leg.deletedAt === undefined)
      .toArray();
    legs.sort((a, b) => a.id.localeCompare(b.id));
    const receipts = await db.evidence.bulkGet(legs.map((leg) => leg.receiptEvidenceId ?? ''));
    return legs.map((leg, index) => ({ leg, receipt: receipts[index] }));
  }, [claimId]);
}
