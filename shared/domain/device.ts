import { z } from 'zod';
import { boundedText, recordIdSchema } from './primitives';
import { productCategorySchema } from './vocabulary';

/**
 * Whether a string of decimal digits passes the Luhn check (ISO/IEC 7812-1): from the right,
 * every second digit is doubled (minus 9 when over 9) and the sum must be a multiple of 10.
 * Returns false for an empty string or any non-digit character.
 */
export function passesLuhnCheck(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  for (let offsetFromRight = 0; offsetFromRight < digits.length; offsetFromRight += 1) {
    const digit = Number(digits[digits.length - 1 - offsetFromRight]);
    const doubled = offsetFromRight % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum % 10 === 0;
}

/** Whether a string is a well-formed IMEI: exactly 15 digits whose last digit is the Luhn check digit. */
export function isValidImei(value: string): boolean {
  return /^[0-9]{15}$/.test(value) && passesLuhnCheck(value);
}

/** An IMEI (cellular smartwatches): 15 digits, Luhn-checked, no spaces or dashes. */
export const imeiSchema = z
  .string()
  .regex(/^[0-9]{15}$/, { error: 'expected an IMEI of exactly 15 digits, without spaces' })
  .refine(passesLuhnCheck, {
    error: 'this IMEI fails its check digit (Luhn): a digit is probably mistyped',
  });
export type Imei = z.infer<typeof imeiSchema>;

/**
 * A device a customer owns. Invariant: at least one identifier, `serial` or `imei`, because a
 * claim must name the unit it is about (A6); devices without a cellular radio only have a serial.
 * `sku` is the product code (B21); `itemCode` is printed on the outer packaging (B21).
 */
export const deviceSchema = z
  .object({
    id: recordIdSchema,
    customerId: recordIdSchema,
    model: boundedText('name'),
    category: productCategorySchema,
    serial: boundedText('code').optional(),
    imei: imeiSchema.optional(),
    sku: boundedText('code').optional(),
    itemCode: boundedText('code').optional(),
  })
  .refine((device) => device.serial !== undefined || device.imei !== undefined, {
    error: 'expected a serial number or an IMEI to identify the device',
    path: ['serial'],
  });
export type Device = z.infer<typeof deviceSchema>;
