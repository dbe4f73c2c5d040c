import { describe, expect, it } from 'vitest';
import { evidenceSchema } from '#shared/domain/evidence';
import { makeEvidence } from '../factories/domain';
import { expectRefusedField } from './schemaExpectations';

describe('evidenceSchema', () => {
  it('accepts a product photo', () => {
    expect(evidenceSchema.safeParse(makeEvidence()).success).toBe(true);
  });

  it('accepts a receipt as a PDF', () => {
    const receipt = makeEvidence({
      kind: 'receipt',
      mediaType: 'application/pdf',
      fileName: 'receipt.pdf',
    });
    expect(evidenceSchema.safeParse(receipt).success).toBe(true);
  });

  it('accepts an empty file of zero bytes', () => {
    expect(evidenceSchema.safeParse(makeEvidence({ sizeBytes: 0 })).success).toBe(true);
  });

  it('refuses an upper-case SHA-256 digest', () => {
    const sha256 = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855';
    expectRefusedField(evidenceSchema, { ...makeEvidence(), sha256 }, 'sha256');
  });

  it('refuses a SHA-256 digest of the wrong length', () => {
    expectRefusedField(evidenceSchema, { ...makeEvidence(), sha256: 'e3b0c442' }, 'sha256');
  });

  it('refuses a negative size', () => {
    expectRefusedField(evidenceSchema, { ...makeEvidence(), sizeBytes: -1 }, 'sizeBytes');
  });

  it('refuses a fractional size', () => {
    expectRefusedField(evidenceSchema, { ...makeEvidence(), sizeBytes: 10.5 }, 'sizeBytes');
  });

  it('refuses a media type that is not type/subtype', () => {
    expectRefusedField(evidenceSchema, { ...makeEvidence(), mediaType: 'jpeg' }, 'mediaType');
  });

  it('refuses a video file recorded as a product photo', () => {
    expectRefusedField(
      evidenceSchema,
      { ...makeEvidence({ kind: 'product-photo' }), mediaType: 'video/mp4' },
      'mediaType',
    );
  });

  it('refuses a file name with a folder in it', () => {
    expectRefusedField(
      evidenceSchema,
      { ...makeEvidence(), fileName: '../../etc/passwd' },
      'fileName',
    );
  });

  it('refuses an unknown kind of evidence', () => {
    expectRefusedField(evidenceSchema, { ...makeEvidence(), kind: 'selfie' }, 'kind');
  });
});
