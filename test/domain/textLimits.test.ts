import { describe, expect, it } from 'vitest';
import { defectDescriptionSchema } from '#shared/domain/claim';
import { customerSchema } from '#shared/domain/customer';
import { noteSchema } from '#shared/domain/note';
import { textLimits } from '#shared/domain/primitives';
import { makeCustomer, makeNote } from '../factories/domain';
import { expectRefusedField, refusalOf } from './schemaExpectations';

describe('typed text', () => {
  it('strips bidi overrides and control characters from a name, so it reads as it is', () => {
    const customer = { ...makeCustomer(), name: '\u202Eiti\u0007S \u2066Rahmawati\u2069\u0085' };
    expect(customerSchema.parse(customer).name).toBe('itiS Rahmawati');
  });

  it('turns line breaks and tabs of a single-line field into spaces', () => {
    const customer = { ...makeCustomer(), name: 'Siti\r\nRahmawati\tputri' };
    expect(customerSchema.parse(customer).name).toBe('Siti Rahmawati putri');
  });

  it('keeps the line breaks and tabs of a fault description, and drops the rest', () => {
    const defect = { what: 'Black screen\r\n\tafter a\u0000 charge\u202D' };
    expect(defectDescriptionSchema.parse(defect).what).toBe('Black screen\n\tafter a charge');
  });

  it('refuses a text that is nothing but control characters as empty', () => {
    expectRefusedField(customerSchema, { ...makeCustomer(), name: '\u202E\u0007 ' }, 'name');
  });

  it.each([
    ['a customer name', customerSchema, makeCustomer(), 'name', textLimits.name],
    ['a note', noteSchema, makeNote(), 'body', textLimits.note],
  ] as const)(
    'takes %s of the limit and refuses one character more',
    (_case, schema, record, field, limit) => {
      expect(schema.safeParse({ ...record, [field]: 'a'.repeat(limit) }).success).toBe(true);
      const refusal = refusalOf(schema, { ...record, [field]: 'a'.repeat(limit + 1) });
      expect(refusal.fields).toEqual([field]);
      expect(refusal.message).toContain(
        `expected at most ${limit.toLocaleString('en')} characters`,
      );
    },
  );

  it('counts a fault description of 2,000 characters in, and 2,001 out', () => {
    expect(defectDescriptionSchema.safeParse({ what: 'x'.repeat(2_000) }).success).toBe(true);
    expectRefusedField(defectDescriptionSchema, { what: 'x'.repeat(2_001) }, 'what');
  });
});
