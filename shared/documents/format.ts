import { keptOrMade } from '../domain/keptOrMade';
import type { Address, CountryCode } from '../domain/customer';
import type { CurrencyCode, IsoDate, Money } from '../domain/primitives';
import type { Language } from '../domain/vocabulary';

/**
 * The locale each document language formats numbers and dates in. British English writes
 * "20 May 2026", which no reader takes for 5 August; Indonesian writes "20 Mei 2026".
 */
export const localeOf = {
  en: 'en-GB',
  id: 'id-ID',
} as const satisfies Record<Language, string>;

/**
 * Decimal places of a currency's minor unit, where Fixline departs from two. The rupiah is
 * counted in whole rupiah (the sen has not circulated for decades and CLDR writes none), so an
 * IDR amount of 25000 is Rp 25.000. Fixed here rather than read from Intl, whose data differs
 * between ICU builds (Node's and Chromium's), because a stored amount must never change meaning.
 */
const minorUnitDigits: Readonly<Partial<Record<CurrencyCode, number>>> = {
  IDR: 0,
  JPY: 0,
  KRW: 0,
  VND: 0,
  CLP: 0,
  ISK: 0,
  BHD: 3,
  JOD: 3,
  KWD: 3,
  OMR: 3,
  TND: 3,
};

/** Decimal places of `currency`'s minor unit: 2 unless {@link minorUnitDigits} says otherwise. */
export function minorUnitDigitsOf(currency: CurrencyCode): number {
  return minorUnitDigits[currency] ?? 2;
}

/** A string Intl reads as an exact decimal number. */
function isNumericLiteral(value: string): value is `${number}` {
  return /^-?\d+(\.\d+)?$/.test(value);
}

/** The money formatter of each language and currency, made once (see `dayFormats`). */
const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Formats money for a reader of `language`: `Rp 1.250.000`, `US$129.99`. The integer minor
 * units become an exact decimal string, never a float, so no amount is ever rounded wrongly.
 */
export function formatMoney(value: Money, language: Language): string {
  const digits = minorUnitDigitsOf(value.currency);
  const magnitude = BigInt(Math.abs(value.amount))
    .toString()
    .padStart(digits + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = magnitude.slice(magnitude.length - digits);
  const decimal = `${value.amount < 0 ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
  if (!isNumericLiteral(decimal)) throw new RangeError(`not an amount: ${value.amount}`);
  const moneyFormat = keptOrMade(
    moneyFormats,
    `${language} ${value.currency}`,
    () =>
      new Intl.NumberFormat(localeOf[language], {
        style: 'currency',
        currency: value.currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  );
  return moneyFormat.format(decimal);
}

/**
 * The day formatter of each language, made once: making an `Intl.DateTimeFormat` costs far more
 * than formatting with one, and a screen formats a day per row.
 */
const dayFormats = new Map<Language, Intl.DateTimeFormat>();

/** Formats a calendar day for a reader of `language`: "20 May 2026", "20 Mei 2026". */
export function formatDate(day: IsoDate, language: Language): string {
  const dayFormat = keptOrMade(
    dayFormats,
    language,
    // A calendar day has no time zone: read and print it in UTC so no offset can move it.
    () =>
      new Intl.DateTimeFormat(localeOf[language], {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  );
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** A country's name in `language` ("Indonesia", "Singapura"); the code when Intl has none. */
export function countryName(code: CountryCode, language: Language): string {
  return new Intl.DisplayNames([localeOf[language]], { type: 'region' }).of(code) ?? code;
}

/** Countries that write the postal code after the city ("Jakarta 10210"); most write it before. */
const postalCodeAfterCity: ReadonlySet<CountryCode> = new Set(['ID', 'US', 'GB', 'CA', 'AU', 'SG']);

/**
 * An address as printed lines: the street lines, then city and postal code in the country's
 * order, then the region, then the country unless it is `homeCountry` (a domestic parcel does
 * not need it).
 */
export function addressLines(
  address: Address,
  language: Language,
  homeCountry?: CountryCode,
): string[] {
  const cityLine = (
    postalCodeAfterCity.has(address.countryCode)
      ? [address.city, address.postalCode]
      : [address.postalCode, address.city]
  )
    .filter(Boolean)
    .join(' ');
  return [
    ...address.lines,
    cityLine,
    ...(address.region === undefined ? [] : [address.region]),
    ...(address.countryCode === homeCountry ? [] : [countryName(address.countryCode, language)]),
  ];
}
