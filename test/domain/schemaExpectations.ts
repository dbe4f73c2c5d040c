import { z } from 'zod';
import { expect } from 'vitest';

/**
 * Parses `input` with `schema`, expects a refusal, and returns the dotted paths of the refused
 * fields together with the readable message a user would see (which names each field).
 */
export function refusalOf(
  schema: z.ZodType,
  input: unknown,
): { readonly fields: readonly string[]; readonly message: string } {
  const result = schema.safeParse(input);
  expect(result.success, 'expected the schema to refuse the input').toBe(false);
  if (result.success) return { fields: [], message: '' };
  return {
    fields: result.error.issues.map((issue) => issue.path.map(String).join('.')),
    message: z.prettifyError(result.error),
  };
}

/** Expects `schema` to refuse `input` on exactly the field `field`, with a message naming it. */
export function expectRefusedField(schema: z.ZodType, input: unknown, field: string): void {
  const refusal = refusalOf(schema, input);
  expect(refusal.fields).toEqual([field]);
  expect(refusal.message).toContain(`at ${field}`);
}
