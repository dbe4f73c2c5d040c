import { z } from 'zod';
import { boundedText, recordIdSchema } from './primitives';
import { languageSchema } from './vocabulary';

/**
 * A telephone number as people write it: an optional leading `+`, then digits with spaces, dashes,
 * dots or parentheses between them, with 6 to 15 digits in all (15 is the E.164 maximum).
 * Kept as written, because the technician reads it back to the customer.
 */
export const phoneNumberSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]*[0-9]$/, {
    error: 'expected a phone number of digits, e.g. "+62 812 3456 7890"',
    // One message per mistake: counting the digits of a malformed number would only repeat it.
    abort: true,
  })
  .refine(
    (value) => {
      const digitCount = value.replace(/[^0-9]/g, '').length;
      return digitCount >= 6 && digitCount <= 15;
    },
    { error: 'expected a phone number with 6 to 15 digits' },
  );

/** ISO 3166-1 alpha-2 country code, upper case (`ID`, `US`, `DE`). */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 country code such as "ID" or "US"' });
export type CountryCode = z.infer<typeof countryCodeSchema>;

/**
 * A postal address, for the return label. `lines` holds 1 to 4 street lines in printing order.
 * `region` (province, state) and `postalCode` are optional because not every country uses them.
 */
export const addressSchema = z.object({
  lines: z
    .array(boundedText('line'))
    .min(1, { error: 'expected at least one street line' })
    .max(4, { error: 'expected at most 4 street lines (a label has no room for more)' }),
  city: boundedText('name'),
  region: boundedText('name').optional(),
  postalCode: boundedText('code').optional(),
  countryCode: countryCodeSchema,
});
export type Address = z.infer<typeof addressSchema>;

/**
 * A customer who sends devices in. `email` is optional but must be valid when present: a form
 * must drop an empty field rather than store `""`. `address` is optional because walk-in customers
 * collect in person; anything shipped back needs it. `preferredLanguage` picks the language of the
 * documents printed for this customer.
 */
export const customerSchema = z.object({
  id: recordIdSchema,
  name: boundedText('name'),
  phone: phoneNumberSchema,
  email: z.email({ error: 'expected an email address such as "name@example.com"' }).optional(),
  address: addressSchema.optional(),
  preferredLanguage: languageSchema,
});
export type Customer = z.infer<typeof customerSchema>;
