import { describe, expect, it } from 'vitest';
import type { KnownDevice } from '../../renderer/src/core';
import {
  intakeDecision,
  offersAuthorization,
  type IntakeDecisionContext,
} from '../../renderer/src/intake/intakeDecision';
import { emptyIntakeForm, type IntakeFormValues } from '../../renderer/src/intake/intakeFormValues';
import { makeDevice } from '../factories/domain';

/** A KOSPET watch bought at the official store a month before, with a defect. */
function filledForm(): IntakeFormValues {
  const form = emptyIntakeForm('en');
  return {
    ...form,
    customer: { ...form.customer, name: 'Budi Santoso', phone: '+62 813 1111 2222' },
    device: {
      ...form.device,
      serial: 'KT3-1',
      brand: 'KOSPET',
      model: 'Tank T3',
      category: 'smartwatch',
    },
    purchase: { ...form.purchase, channel: 'official-store', orderDate: '2026-04-20' },
    claim: { ...form.claim, reason: 'defect', symptom: 'malfunction', defectWhat: 'Black screen' },
  };
}

const context: IntakeDecisionContext = {
  brand: 'KOSPET',
  packId: 'kospet-official-store',
  knownDevice: undefined,
  customer: undefined,
  asOf: '2026-05-20',
  currency: 'IDR',
  holidays: [],
};

describe('the decision beside the intake form', () => {
  it('waits for the brand, model, category, sales channel and reason of an empty form', () => {
    expect(intakeDecision(emptyIntakeForm('en'), { ...context, brand: '' })).toEqual({
      kind: 'waiting',
      needs: ['brand', 'model', 'category', 'channel', 'reason'],
    });
  });

  it('needs no model or category for a device the station knows', () => {
    const form = emptyIntakeForm('en');
    const knownDevice: KnownDevice = {
      device: {
        ...makeDevice(),
        stamps: {},
        updatedBy: '00000000-0000-7000-8000-0000000000aa',
        station: 'JKT1',
      },
      claimCount: 1,
    };
    expect(intakeDecision(form, { ...context, knownDevice })).toEqual({
      kind: 'waiting',
      needs: ['channel', 'reason'],
    });
  });

  it('says no pack applies once the basics are in but no pack is assigned to them', () => {
    expect(intakeDecision(filledForm(), { ...context, packId: undefined })).toEqual({
      kind: 'no-pack',
    });
  });

  it('evaluates the draft with the pack, and offers authorization only when nothing is missing', () => {
    const decision = intakeDecision(filledForm(), context);
    if (decision.kind !== 'evaluated' || !decision.result.ok) throw new Error('not evaluated');
    // C3 asks for the order number, the shop link and a photo of the product.
    expect(decision.result.value.options.length).toBeGreaterThan(0);
    expect(decision.result.value.missingFacts.map((fact) => fact.field)).toEqual([
      'purchase.orderNumber',
      'purchase.shopLink',
      'evidence.productPhotos',
    ]);
    expect(offersAuthorization(decision)).toBe(false);
    const complete = { ...decision.result.value, missingFacts: [] };
    expect(offersAuthorization({ kind: 'evaluated', result: { ok: true, value: complete } })).toBe(
      true,
    );
    expect(offersAuthorization({ kind: 'no-pack' })).toBe(false);
    expect(offersAuthorization({ kind: 'waiting', needs: ['brand'] })).toBe(false);
  });
});
