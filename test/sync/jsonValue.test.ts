import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isJsonValue, rowChangeSchema } from '#shared/sync/protocol';

const zodJson = z.json();

/** Values JSON has and values it has not: functions, undefined, NaN, dates, maps, class instances. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  fc.constantFrom<unknown>(Number.NaN, Infinity, -Infinity, -0, undefined, () => 1, [undefined]),
);

/**
 * JSON values without a key named `__proto__`: z.json() copied each object and so made such a
 * key's value the copy's prototype; the check keeps the value as sent (see the last test).
 */
const withoutProtoKeys = fc
  .jsonValue()
  .filter((value) => !JSON.stringify(value).includes('"__proto__"'));

describe('isJsonValue', () => {
  it('accepts exactly what z.json() accepts', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(isJsonValue(value)).toBe(zodJson.safeParse(value).success);
      }),
      { numRuns: 5_000 },
    );
  });

  it('leaves the values of a row change as they were sent', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), withoutProtoKeys), (set) => {
        const change = {
          table: 'claims',
          id: '0b5e9a3c-2f4d-4e8a-9c1b-7d6e5f4a3b2c',
          set,
          unset: [],
          stamp: '019a2b3c4d5e-0000-JKT1',
          base: {},
        };
        const parsed = rowChangeSchema.safeParse(change);
        const viaZodJson = rowChangeSchema
          .extend({ set: z.record(z.string().min(1), zodJson) })
          .safeParse(change);
        expect(parsed.success).toBe(true);
        expect(viaZodJson.success).toBe(true);
        expect(parsed.data).toEqual(viaZodJson.data);
      }),
      { numRuns: 1_000 },
    );
  });

  it('keeps a nested key named __proto__ as an own field, where z.json() made it a prototype', () => {
    const value: unknown = JSON.parse('{"nested":{"__proto__":{"admin":true}}}');
    const change = {
      table: 'claims',
      id: '0b5e9a3c-2f4d-4e8a-9c1b-7d6e5f4a3b2c',
      set: { note: value },
      unset: [],
      stamp: '019a2b3c4d5e-0000-JKT1',
      base: {},
    };
    const parsed = rowChangeSchema.parse(change);
    const nested = (parsed.set.note as { nested: Record<string, unknown> }).nested;
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    expect(Object.hasOwn(nested, '__proto__')).toBe(true);
  });
});
