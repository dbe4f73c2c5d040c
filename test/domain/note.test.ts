import { describe, expect, it } from 'vitest';
import { noteSchema } from '#shared/domain/note';
import { makeNote } from '../factories/domain';
import { expectRefusedField } from './schemaExpectations';

describe('noteSchema', () => {
  it('accepts a note', () => {
    expect(noteSchema.safeParse(makeNote()).success).toBe(true);
  });

  it('refuses an empty body', () => {
    expectRefusedField(noteSchema, { ...makeNote(), body: '  ' }, 'body');
  });

  it('refuses a body over 10,000 characters', () => {
    expectRefusedField(noteSchema, { ...makeNote(), body: 'x'.repeat(10_001) }, 'body');
  });

  it('refuses a note without an author', () => {
    expectRefusedField(noteSchema, { ...makeNote(), author: undefined }, 'author');
  });
});
