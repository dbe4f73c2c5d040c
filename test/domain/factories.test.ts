import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { auditEventSchema } from '#shared/domain/audit';
import { claimSchema } from '#shared/domain/claim';
import { customerSchema } from '#shared/domain/customer';
import { deviceSchema } from '#shared/domain/device';
import { evidenceSchema } from '#shared/domain/evidence';
import { inspectionSchema, misuseFindingSchema } from '#shared/domain/inspection';
import { noteSchema } from '#shared/domain/note';
import { purchaseSchema } from '#shared/domain/purchase';
import { quoteLineSchema, quoteSchema } from '#shared/domain/quote';
import { shipmentLegSchema } from '#shared/domain/shipment';
import {
  makeAuditEvent,
  makeClaim,
  makeCustomer,
  makeDevice,
  makeEvidence,
  makeInspection,
  makeMisuseFinding,
  makeNote,
  makePurchase,
  makeQuote,
  makeQuoteLine,
  makeShipmentLeg,
  nextId,
} from '../factories/domain';

describe('domain factories', () => {
  it.each<[string, z.ZodType, () => unknown]>([
    ['makeCustomer', customerSchema, () => makeCustomer()],
    ['makeDevice', deviceSchema, () => makeDevice()],
    ['makePurchase', purchaseSchema, () => makePurchase()],
    ['makeClaim', claimSchema, () => makeClaim()],
    ['makeEvidence', evidenceSchema, () => makeEvidence()],
    ['makeInspection', inspectionSchema, () => makeInspection()],
    ['makeMisuseFinding', misuseFindingSchema, () => makeMisuseFinding()],
    ['makeQuote', quoteSchema, () => makeQuote()],
    ['makeQuoteLine', quoteLineSchema, () => makeQuoteLine()],
    ['makeShipmentLeg', shipmentLegSchema, () => makeShipmentLeg()],
    ['makeAuditEvent', auditEventSchema, () => makeAuditEvent()],
    ['makeNote', noteSchema, () => makeNote()],
  ])('%s makes a record its schema accepts', (_name, schema, make) => {
    const result = schema.safeParse(make());
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('gives every record a different id', () => {
    expect(makeNote().id).not.toBe(makeNote().id);
  });

  it('lays overrides over the defaults', () => {
    const claimId = nextId();
    expect(makeNote({ claimId }).claimId).toBe(claimId);
  });
});
