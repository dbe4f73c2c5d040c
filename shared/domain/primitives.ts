import { compareAsc } from 'date-fns';
import { z } from 'zod';
import { parseIsoDay } from './isoDay';

/**
 * The years a date of Fixline may fall in: purchases, claims and their deadlines. A year outside
 * is a typing mistake (`0226`, `20266`), and windows counted from it would run past year 9999.
 */
export const calendarYears = { min: 2000, max: 2100 } as const;

/**
 * A calendar date `YYYY-MM-DD` in the repair center's time zone (no time, no zone).
 * Validated as a real day (2026-02-30 is refused) within {@link calendarYears}.
 */
export const isoDateSchema = z.iso.date({ error: 'expected a calendar date as YYYY-MM-DD' }).refine(
  (day) => {
    // A malformed day has no year to check: it is reported once, as malformed.
    if (!/^\d{4}-/.test(day)) return true;
    const year = Number(day.slice(0, 4));
    return year >= calendarYears.min && year <= calendarYears.max;
  },
  { error: `expected a year from ${calendarYears.min} to ${calendarYears.max}` },
);
export type IsoDate = z.infer<typeof isoDateSchema>;

/**
 * Negative when `first` is the earlier day, 0 on the same day, positive when it is later.
 * Days are compared as days, not as strings (a string puts `10000-01-01` before `9999-12-31`).
 */
export function compareDays(first: IsoDate, second: IsoDate): number {
  return compareAsc(parseIsoDay(first), parseIsoDay(second));
}

/** An instant, ISO 8601 with offset (`2026-11-22T03:20:00.000Z`), for when something happened. */
export const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'expected a date and time as ISO 8601, e.g. 2026-11-22T09:30:00Z',
});
export type IsoDateTime = z.infer<typeof isoDateTimeSchema>;

/** An integer amount in the currency's minor unit (cents for USD). Never a float. */
export type MinorUnits = number & { readonly __brand: 'MinorUnits' };
export const minorUnitsSchema = z
  .number({ error: 'expected an amount in minor units (an integer, e.g. 1100 for 11.00)' })
  .int({ error: 'expected an amount in minor units (an integer, e.g. 1100 for 11.00)' })
  .transform((amount) => amount as MinorUnits);

/** ISO 4217 currency code, upper case (`USD`, `IDR`, `EUR`). */
export const currencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 currency code such as "USD" or "IDR"' });
export type CurrencyCode = z.infer<typeof currencyCodeSchema>;

/** An amount of money: integer minor units plus the currency they are counted in. */
export const moneySchema = z.object({
  amount: minorUnitsSchema,
  currency: currencyCodeSchema,
});
export type Money = z.infer<typeof moneySchema>;

/** Builds a Money value; `amount` must already be in minor units. */
export function money(amount: number, currency: CurrencyCode): Money {
  if (!Number.isInteger(amount))
    throw new RangeError(`money amount must be an integer, got ${amount}`);
  return { amount: amount as MinorUnits, currency };
}

/** A record id: a UUID (version 7 for records made by Fixline, so ids sort by creation time). */
export const recordIdSchema = z.uuid({ error: 'expected a UUID' });
export type RecordId = z.infer<typeof recordIdSchema>;

/** A non-empty trimmed string. */
export const textSchema = z.string().trim().min(1, { error: 'must not be empty' });

/**
 * The longest text each kind of field takes, in characters: the one place for these limits, which
 * the schemas enforce and the forms show.
 * - `name`: a person, city, region, carrier, device model or accessory.
 * - `code`: a serial, SKU, item code, order or tracking number, postal code.
 * - `line`: an address line, a part's name, a quote line, when a fault began.
 * - `description`: a fault, how it arose, steps tried, an inspection note, a customer's answer.
 * - `note`: a note on a claim.
 */
export const textLimits = {
  name: 120,
  code: 64,
  line: 200,
  description: 2_000,
  note: 10_000,
} as const;
export type TextKind = keyof typeof textLimits;

/**
 * Control characters (C0 but tab and line feed, DEL, C1) and the bidirectional overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), which can make a name read backwards on screen or on
 * a label.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const invisibleControls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** `text` without invisible controls; a single-line text's tabs and line breaks become a space. */
export function withoutControlCharacters(text: string, multiline: boolean): string {
  const lines = multiline ? text.replace(/\r\n?/g, '\n') : text.replace(/[\t\r\n]+/g, ' ');
  return lines.replace(invisibleControls, '');
}

/**
 * Counts in messages, formatted by one formatter: `toLocaleString('en')` makes a formatter at
 * each call, about 0.5 ms, and every text schema's message was formatted as its module loaded
 * (28 ms of the app's cold start).
 */
const englishCount = new Intl.NumberFormat('en');

/**
 * A typed text of the kind `kind`: control characters and bidi overrides stripped (tabs and line
 * breaks kept when `multiline`), trimmed, not empty, and at most {@link textLimits}[kind] long.
 */
export function boundedText(kind: TextKind, options: { readonly multiline?: boolean } = {}) {
  const max = textLimits[kind];
  return z
    .string()
    .transform((text) => withoutControlCharacters(text, options.multiline ?? false))
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: 'must not be empty' })
        .max(max, { error: `expected at most ${englishCount.format(max)} characters` }),
    );
}

/**
 * An amount of money that cannot be negative: a price, a cost, a quote line's unit price.
 * Which way the money flows is said by the record around it, never by the sign.
 */
export const nonNegativeMoneySchema = moneySchema.refine((value) => value.amount >= 0, {
  error: 'expected an amount of zero or more',
  path: ['amount'],
});

/**
 * The code of a station (a workstation or site of the repair center): 2 to 8 upper-case letters or
 * digits, e.g. `JKT1`. It is part of every RMA number the station makes, so it never changes.
 */
export const stationCodeSchema = z.string().regex(/^[A-Z0-9]{2,8}$/, {
  error: 'expected a station code of 2 to 8 upper-case letters or digits, e.g. "JKT1"',
});
export type StationCode = z.infer<typeof stationCodeSchema>;

/** A SHA-256 digest as 64 lower-case hexadecimal characters: the address of a stored attachment. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, {
  error: 'expected a SHA-256 digest as 64 lower-case hexadecimal characters',
});
export type Sha256 = z.infer<typeof sha256Schema>;
