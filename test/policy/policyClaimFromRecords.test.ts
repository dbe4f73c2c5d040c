import { describe, expect, it } from 'vitest';
import { policyClaimFromRecords, policyClaimSchema } from '#shared/policy';
import {
  makeClaim,
  makeCustomer,
  makeDevice,
  makeEvidence,
  makeInspection,
  makeMisuseFinding,
} from '../factories/domain';
import { evaluate, remedies } from './evaluate.helpers';

const records = (overrides: Partial<Parameters<typeof policyClaimFromRecords>[0]> = {}) => ({
  claim: makeClaim(),
  device: makeDevice(),
  customer: makeCustomer(),
  evidence: [],
  ...overrides,
});

describe('policyClaimFromRecords', () => {
  it('produces a claim the policy schema accepts', () => {
    const claim = policyClaimFromRecords(records({ evidence: [makeEvidence()] }), '2026-05-04');
    expect(policyClaimSchema.safeParse(claim).success).toBe(true);
  });

  it('counts evidence rows by kind', () => {
    const claim = policyClaimFromRecords(
      records({
        evidence: [
          makeEvidence({ kind: 'product-photo' }),
          makeEvidence({ kind: 'product-photo' }),
          makeEvidence({ kind: 'packaging-photo' }),
          makeEvidence({ kind: 'video', mediaType: 'video/mp4', fileName: 'clip.mp4' }),
        ],
      }),
      '2026-05-04',
    );
    expect(claim?.evidence).toMatchObject({ productPhotos: 2, packagingPhotos: 1, videos: 1 });
  });

  it('leaves the return receipt unknown rather than refused until one is recorded (B7)', () => {
    const claim = policyClaimFromRecords(
      records({ claim: makeClaim({ reason: 'arrived-damaged' }) }),
      '2026-04-10',
    );
    expect(claim?.evidence?.returnShippingReceipt).toBeUndefined();
    const decision = evaluate(claim ?? fail());
    expect(
      decision.options.find((option) => option.remedy === 'doa-refund')?.inboundShippingPaidBy,
    ).toBe('company');
  });

  it('carries misuse findings into the inspection, so a void warranty shows', () => {
    const inspection = makeInspection();
    const claim = policyClaimFromRecords(
      records({
        inspection,
        misuseFindings: [makeMisuseFinding({ inspectionId: inspection.id, kind: 'rooted' })],
      }),
      '2026-05-04',
    );
    const decision = evaluate(claim ?? fail());
    expect(decision.warrantyVoid).toBe(true);
    expect(remedies(decision)).toEqual(['paid-repair', 'spare-parts-sale']);
  });

  it('reads "no defect found" as a fault the engine may not confirm', () => {
    const claim = policyClaimFromRecords(
      records({ inspection: makeInspection({ faultConfirmed: false, noDefectFound: true }) }),
      '2026-05-04',
    );
    expect(claim?.inspection?.faultConfirmed).toBe(false);
  });

  it('returns undefined for a pack Fixline does not have', () => {
    expect(
      policyClaimFromRecords(
        records({ claim: makeClaim({ policyPackId: 'garmin' }) }),
        '2026-05-04',
      ),
    ).toBeUndefined();
  });
});

function fail(): never {
  throw new Error('expected a policy claim');
}
