import { describe, expect, it } from 'vitest';
import { inspectionSchema, misuseFindingSchema } from '#shared/domain/inspection';
import { makeInspection, makeMisuseFinding, nextId } from '../factories/domain';
import { expectRefusedField } from './schemaExpectations';

describe('inspectionSchema', () => {
  it('accepts an inspection that confirms the fault', () => {
    expect(inspectionSchema.safeParse(makeInspection()).success).toBe(true);
  });

  it('accepts a dead-on-arrival verdict with a confirmed fault', () => {
    const inspection = makeInspection({ doaVerdict: 'doa', faultConfirmed: true });
    expect(inspectionSchema.safeParse(inspection).success).toBe(true);
  });

  it('refuses a confirmed fault together with no defect found', () => {
    const inspection = makeInspection({ faultConfirmed: true, noDefectFound: true });
    expectRefusedField(inspectionSchema, inspection, 'noDefectFound');
  });

  it('refuses a dead-on-arrival verdict without a confirmed fault', () => {
    const inspection = makeInspection({ doaVerdict: 'doa', faultConfirmed: false });
    expectRefusedField(inspectionSchema, inspection, 'doaVerdict');
  });

  it('refuses an unknown verdict', () => {
    expectRefusedField(
      inspectionSchema,
      { ...makeInspection(), doaVerdict: 'maybe' },
      'doaVerdict',
    );
  });

  it('refuses an inspector id that is not a UUID', () => {
    expectRefusedField(
      inspectionSchema,
      { ...makeInspection(), inspectedBy: 'budi' },
      'inspectedBy',
    );
  });
});

describe('misuseFindingSchema', () => {
  it('accepts a finding with its evidence', () => {
    expect(misuseFindingSchema.safeParse(makeMisuseFinding()).success).toBe(true);
  });

  it('refuses an unknown kind of misuse', () => {
    expectRefusedField(misuseFindingSchema, { ...makeMisuseFinding(), kind: 'sunburn' }, 'kind');
  });

  it('refuses the same evidence listed twice', () => {
    const evidenceId = nextId();
    const finding = makeMisuseFinding({ evidenceIds: [evidenceId, evidenceId] });
    expectRefusedField(misuseFindingSchema, finding, 'evidenceIds');
  });
});
