import type { RecordId } from '#shared/domain/primitives';
import type { ShipmentLegItem } from '../../core';
import { useCoreQuery } from '../../core';

/** A claim's shipment legs in the order they were recorded, each with its receipt evidence. */
export function useShipmentLegs(claimId: RecordId): readonly ShipmentLegItem[] | undefined {
  return useCoreQuery(({ queries }) => queries.shipmentLegs(claimId), [claimId]);
}
