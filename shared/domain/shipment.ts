import { z } from 'zod';
import {
  boundedText,
  isoDateTimeSchema,
  nonNegativeMoneySchema,
  recordIdSchema,
} from './primitives';
import { shippingPayerSchema } from './vocabulary';

/** Which way a shipment goes: `inbound` from the customer to the center, `outbound` back. */
export const shipmentDirectionSchema = z.enum(['inbound', 'outbound']);
export type ShipmentDirection = z.infer<typeof shipmentDirectionSchema>;

/**
 * One leg of shipping for a claim. `trackingNumber`, `cost`, the receipt and both times are
 * optional because a leg is recorded before the parcel moves (C12: the customer reports the
 * tracking number later). `cost` is what the carrier charged; `receiptEvidenceId` points at the
 * receipt evidence, which a reimbursement needs (B5, B7). `paidBy` is who bears the cost.
 */
export const shipmentLegSchema = z.object({
  id: recordIdSchema,
  claimId: recordIdSchema,
  direction: shipmentDirectionSchema,
  carrier: boundedText('name'),
  trackingNumber: boundedText('code').optional(),
  paidBy: shippingPayerSchema,
  cost: nonNegativeMoneySchema.optional(),
  receiptEvidenceId: recordIdSchema.optional(),
  shippedAt: isoDateTimeSchema.optional(),
  receivedAt: isoDateTimeSchema.optional(),
});
export type ShipmentLeg = z.infer<typeof shipmentLegSchema>;
