import { describe, expect, it } from 'vitest';
import {
  claimSchema,
  formatRmaNumber,
  parseRmaNumber,
  rmaNumberSchema,
} from '#shared/domain/claim';
import { makeClaim } from '../factories/domain';
import { expectRefusedField } from './schemaExpectations';

describe('rmaNumberSchema', () => {
  it.each(['RMA-JKT1-000042', 'RMA-SBY-123456', 'RMA-AB-000001', 'RMA-STATION8-1234567'])(
    'accepts %s',
    (rmaNumber) => {
      expect(rmaNumberSchema.safeParse(rmaNumber).success).toBe(true);
    },
  );

  it.each([
    ['a lower-case station code', 'RMA-jkt1-000042'],
    ['a one-character station code', 'RMA-J-000042'],
    ['a nine-character station code', 'RMA-STATION99-000042'],
    ['a sequence of five digits', 'RMA-JKT1-00042'],
    ['a missing prefix', 'JKT1-000042'],
    ['a trailing space', 'RMA-JKT1-000042 '],
  ])('refuses %s', (_case, rmaNumber) => {
    expect(rmaNumberSchema.safeParse(rmaNumber).success).toBe(false);
  });
});

describe('formatRmaNumber', () => {
  it('pads the sequence to six digits', () => {
    expect(formatRmaNumber('JKT1', 42)).toBe('RMA-JKT1-000042');
  });

  it('lets a sequence past 999999 grow beyond six digits', () => {
    expect(formatRmaNumber('JKT1', 1_000_000)).toBe('RMA-JKT1-1000000');
  });

  it('makes numbers that the schema accepts', () => {
    expect(rmaNumberSchema.safeParse(formatRmaNumber('SBY2', 7)).success).toBe(true);
  });

  it('refuses a sequence of zero', () => {
    expect(() => formatRmaNumber('JKT1', 0)).toThrow(RangeError);
  });

  it('refuses a fractional sequence', () => {
    expect(() => formatRmaNumber('JKT1', 1.5)).toThrow(RangeError);
  });

  it('refuses a malformed station code', () => {
    expect(() => formatRmaNumber('jkt', 1)).toThrow(RangeError);
  });
});

describe('parseRmaNumber', () => {
  it('splits an RMA number into station code and sequence', () => {
    expect(parseRmaNumber('RMA-JKT1-000042')).toEqual({ stationCode: 'JKT1', sequence: 42 });
  });

  it('returns undefined for a malformed RMA number', () => {
    expect(parseRmaNumber('RMA-JKT1-42')).toBeUndefined();
  });
});

describe('claimSchema', () => {
  it('accepts a complete claim', () => {
    expect(claimSchema.safeParse(makeClaim()).success).toBe(true);
  });

  it('accepts a change-of-mind claim without a defect description', () => {
    const claim = makeClaim({ reason: 'change-of-mind', defect: undefined, symptom: undefined });
    expect(claimSchema.safeParse(claim).success).toBe(true);
  });

  it('accepts a received claim with its condition on arrival', () => {
    const claim = makeClaim({
      status: 'received',
      conditionOnArrival: {
        unopened: false,
        unused: false,
        originalPackaging: true,
        accessoriesReceived: ['charging cable'],
      },
    });
    expect(claimSchema.safeParse(claim).success).toBe(true);
  });

  it('refuses a malformed RMA number', () => {
    expectRefusedField(claimSchema, { ...makeClaim(), rmaNumber: 'RMA-42' }, 'rmaNumber');
  });

  it('refuses an unknown status', () => {
    expectRefusedField(claimSchema, { ...makeClaim(), status: 'lost' }, 'status');
  });

  it('refuses a policy pack id that is not a slug', () => {
    expectRefusedField(
      claimSchema,
      { ...makeClaim(), policyPackId: 'Kospet Warranty' },
      'policyPackId',
    );
  });

  it('refuses a defect description without what is wrong', () => {
    const defect = { what: '', howItArose: 'dropped' };
    expectRefusedField(claimSchema, { ...makeClaim(), defect }, 'defect.what');
  });

  it('refuses a customer acknowledgement with a missing answer', () => {
    const customerAcknowledgement = { dataBackedUp: true, simRemoved: true };
    expectRefusedField(
      claimSchema,
      { ...makeClaim(), customerAcknowledgement },
      'customerAcknowledgement.factoryReset',
    );
  });

  it('refuses a purchase with a bad date inside the claim', () => {
    const claim = makeClaim();
    const purchase = { ...claim.purchase, invoiceDate: '01/04/2026' };
    expectRefusedField(claimSchema, { ...claim, purchase }, 'purchase.invoiceDate');
  });

  it('refuses a purchase delivered after the claim was opened', () => {
    const claim = makeClaim({ createdAt: '2026-05-04T02:15:00.000Z' });
    const purchase = { ...claim.purchase, deliveredDate: '2026-06-01' };
    expectRefusedField(claimSchema, { ...claim, purchase }, 'purchase.deliveredDate');
  });

  it('accepts a purchase on the day the claim was opened in a time zone ahead of UTC', () => {
    // 23:30 UTC on 4 May is already 5 May in Jakarta, where the device was delivered that day.
    const claim = makeClaim({ createdAt: '2026-05-04T23:30:00.000Z' });
    const purchase = { ...claim.purchase, deliveredDate: '2026-05-05' };
    expect(claimSchema.safeParse({ ...claim, purchase }).success).toBe(true);
  });

  it('refuses a creation time without a time zone', () => {
    expectRefusedField(
      claimSchema,
      { ...makeClaim(), createdAt: '2026-05-04T02:15:00' },
      'createdAt',
    );
  });
});
