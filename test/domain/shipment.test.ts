import { describe, expect, it } from 'vitest';
import { shipmentLegSchema } from '#shared/domain/shipment';
import { makeShipmentLeg } from '../factories/domain';
import { expectRefusedField } from './schemaExpectations';

describe('shipmentLegSchema', () => {
  it('accepts an inbound leg paid by the customer', () => {
    expect(shipmentLegSchema.safeParse(makeShipmentLeg()).success).toBe(true);
  });

  it('accepts a leg recorded before the parcel has a tracking number', () => {
    const leg = makeShipmentLeg({ trackingNumber: undefined, shippedAt: undefined });
    expect(shipmentLegSchema.safeParse(leg).success).toBe(true);
  });

  it('refuses an unknown direction', () => {
    expectRefusedField(
      shipmentLegSchema,
      { ...makeShipmentLeg(), direction: 'sideways' },
      'direction',
    );
  });

  it('refuses an unknown payer', () => {
    expectRefusedField(shipmentLegSchema, { ...makeShipmentLeg(), paidBy: 'carrier' }, 'paidBy');
  });

  it('refuses a negative cost', () => {
    const cost = { amount: -500, currency: 'IDR' };
    expectRefusedField(shipmentLegSchema, { ...makeShipmentLeg(), cost }, 'cost.amount');
  });

  it('refuses a receipt reference that is not a record id', () => {
    expectRefusedField(
      shipmentLegSchema,
      { ...makeShipmentLeg(), receiptEvidenceId: 'receipt.jpg' },
      'receiptEvidenceId',
    );
  });
});
