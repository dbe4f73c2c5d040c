import { describe, expect, it } from 'vitest';
import { evaluateUntrustedClaim } from '#shared/policy';
import type { PolicyAssignment } from '../../renderer/src/db/records';
import {
  draftPolicyClaim,
  fullModelName,
  policyPackFor,
  priceInMinorUnits,
  splitModelName,
} from '../../renderer/src/intake/intakeRecords';
import { emptyIntakeForm, restoreIntakeForm } from '../../renderer/src/intake/intakeFormValues';
import { imeiProblem, intakeProblems } from '../../renderer/src/intake/intakeProblems';
import type { IntakeFormValues } from '../../renderer/src/intake/intakeFormValues';

const assignments: PolicyAssignment[] = [
  { brand: 'KOSPET', channels: ['official-store'], packId: 'kospet-official-store' },
  { brand: 'KOSPET', channels: ['amazon', 'aliexpress'], packId: 'kospet-warranty-refund' },
  { brand: 'iGPSPORT', channels: ['official-store', 'amazon'], packId: 'igpsport' },
];

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
    purchase: { ...form.purchase, channel: 'official-store' },
    claim: { ...form.claim, reason: 'defect', defectWhat: 'Black screen' },
  };
}

describe('the intake form', () => {
  it.each([
    ['KOSPET', 'official-store', 'kospet-official-store'],
    ['kospet ', 'amazon', 'kospet-warranty-refund'],
    ['iGPSPORT', 'amazon', 'igpsport'],
    ['iGPSPORT', 'ebay', undefined],
    ['Garmin', 'official-store', undefined],
    ['', 'official-store', undefined],
  ])('finds the pack of brand %j bought through %s: %s', (brand, channel, pack) => {
    expect(policyPackFor(assignments, brand, channel)).toBe(pack);
  });

  it('stores the model with its brand in front, once, and splits it back', () => {
    expect(fullModelName('KOSPET', 'Tank T3')).toBe('KOSPET Tank T3');
    expect(fullModelName('KOSPET', 'kospet Tank T3')).toBe('kospet Tank T3');
    expect(splitModelName(['iGPSPORT', 'KOSPET'], 'KOSPET Tank T3')).toEqual({
      brand: 'KOSPET',
      model: 'Tank T3',
    });
    expect(splitModelName(['KOSPET'], 'Garmin Edge')).toEqual({ brand: '', model: 'Garmin Edge' });
  });

  it.each([
    ['1899000', 'IDR', 1899000],
    ['1,899,000', 'IDR', 1899000],
    ['49.9', 'USD', 4990],
    ['49.90', 'USD', 4990],
    ['', 'USD', undefined],
    ['49.999', 'USD', Number.NaN],
    ['12.5', 'IDR', Number.NaN],
    ['ten', 'USD', Number.NaN],
  ])('reads the price %j in %s as %s minor units', (typed, currency, amount) => {
    expect(priceInMinorUnits(typed, currency)).toBe(amount);
  });

  it('tells a mistyped IMEI check digit from a wrong length', () => {
    expect(imeiProblem('490154203237518')).toBeUndefined();
    expect(imeiProblem('490154203237519')?.key).toBe('imeiChecksum');
    expect(imeiProblem('49015420323751')?.key).toBe('imeiLength');
    expect(imeiProblem('')).toBeUndefined();
  });

  it('lists each field at fault once, by its path in the form', () => {
    const form = filledForm();
    const problems = intakeProblems(
      {
        ...form,
        customer: { ...form.customer, phone: '12', email: 'not-an-email' },
        device: { ...form.device, serial: '', imei: '' },
        purchase: {
          ...form.purchase,
          shopLink: 'ftp://x',
          orderDate: '2026-05-10',
          deliveredDate: '2026-05-01',
        },
      },
      {
        currency: 'IDR',
        customerIsNew: true,
        deviceIsKnown: false,
        placeholderId: '00000000-0000-7000-8000-000000000000',
        today: '2026-06-01',
      },
    );
    expect(problems.map((problem) => [problem.field, problem.key])).toEqual([
      ['customer.phone', 'phone'],
      ['customer.email', 'email'],
      ['device.serial', 'serialOrImei'],
      ['purchase.shopLink', 'shopLink'],
      ['purchase.deliveredDate', 'deliveredBeforeOrder'],
    ]);
  });

  it.each([
    [
      'a purchase dated after today',
      { orderDate: '2027-05-10' },
      'purchase.orderDate',
      'dateAfterToday',
    ],
    [
      'a delivery after today',
      { deliveredDate: '2026-06-02' },
      'purchase.deliveredDate',
      'dateAfterToday',
    ],
    ['an invoice in year 2206', { invoiceDate: '2206-05-10' }, 'purchase.invoiceDate', 'dateYear'],
    ['a date that is no day', { orderDate: '2026-02-30' }, 'purchase.orderDate', 'date'],
  ])('refuses %s on its field', (_case, dates, field, key) => {
    const form = filledForm();
    const problems = intakeProblems(
      { ...form, purchase: { ...form.purchase, ...dates } },
      {
        currency: 'IDR',
        customerIsNew: true,
        deviceIsKnown: false,
        placeholderId: '00000000-0000-7000-8000-000000000000',
        today: '2026-06-01',
      },
    );
    expect(problems.map((problem) => [problem.field, problem.key])).toEqual([[field, key]]);
  });

  it('asks nothing of a picked customer or a known device', () => {
    const form = emptyIntakeForm('en');
    const problems = intakeProblems(
      {
        ...form,
        purchase: { ...form.purchase, channel: 'amazon' },
        claim: { ...form.claim, reason: 'change-of-mind' },
      },
      {
        currency: 'IDR',
        customerIsNew: false,
        deviceIsKnown: true,
        placeholderId: '00000000-0000-7000-8000-000000000000',
        today: '2026-06-01',
      },
    );
    expect(problems).toEqual([]);
  });

  it('restores a stored draft, filling what an older draft lacks, and refuses what is no draft', () => {
    const form = filledForm();
    const { evidence: _evidence, ...withoutEvidence } = form;
    expect(restoreIntakeForm(JSON.parse(JSON.stringify(form)))).toEqual(form);
    expect(restoreIntakeForm(withoutEvidence)).toEqual({ ...form, evidence: [] });
    expect(restoreIntakeForm('a string')).toBeUndefined();
  });

  it('gives the policy the draft as a saved claim would, so the live decision lists what is missing', () => {
    const input = draftPolicyClaim(filledForm(), {
      packId: 'kospet-official-store',
      asOf: '2026-11-22',
      currency: 'IDR',
      knownDevice: undefined,
      customer: undefined,
    });
    expect(input).toMatchObject({
      policy: 'kospet-official-store',
      product: { model: 'KOSPET Tank T3', category: 'smartwatch', serial: 'KT3-1' },
      request: { reason: 'defect', description: 'Black screen' },
      customer: { name: 'Budi Santoso', email: undefined },
    });
    const decision = evaluateUntrustedClaim(input);
    expect(decision.ok && decision.value.missing).toContain('purchase.orderDate');
  });

  it("asks for the shop's latest estimated delivery past order + 30 days, and takes it from its field (C2)", () => {
    const options = {
      packId: 'kospet-official-store',
      asOf: '2026-11-22',
      currency: 'IDR',
      knownDevice: undefined,
      customer: undefined,
    } as const;
    const form = filledForm();
    const ordered = {
      ...form,
      purchase: { ...form.purchase, orderDate: '2026-09-01', deliveredDate: '2026-09-06' },
    };
    const without = evaluateUntrustedClaim(draftPolicyClaim(ordered, options));
    expect(without.ok && without.value.missing).toContain('purchase.maxEstimatedDeliveryDate');
    const withEstimate = {
      ...ordered,
      purchase: { ...ordered.purchase, maxEstimatedDeliveryDate: '2026-09-08' },
    };
    const input = draftPolicyClaim(withEstimate, options);
    expect(input).toMatchObject({ purchase: { maxEstimatedDeliveryDate: '2026-09-08' } });
    const decision = evaluateUntrustedClaim(input);
    expect(decision.ok && decision.value.missing).not.toContain(
      'purchase.maxEstimatedDeliveryDate',
    );
  });

  it('has no policy input until a pack and the basics are chosen', () => {
    const options = {
      asOf: '2026-11-22',
      currency: 'IDR',
      knownDevice: undefined,
      customer: undefined,
    };
    expect(draftPolicyClaim(filledForm(), { ...options, packId: undefined })).toBeUndefined();
    const form = filledForm();
    expect(
      draftPolicyClaim(
        { ...form, claim: { ...form.claim, reason: '' } },
        { ...options, packId: 'igpsport' },
      ),
    ).toBeUndefined();
  });
});
