import { convertAtRate } from '#shared/domain/currencyConversion';
import type { CurrencyCode, Money } from '#shared/domain/primitives';
import { money } from '#shared/domain/primitives';
import type { QuoteLine, QuoteLineConversion, QuoteLineKind } from '#shared/domain/quote';
import { exchangeRateSchema } from '#shared/domain/quote';
import type { Result } from '#shared/domain/result';
import { fail, ok } from '#shared/domain/result';
import type { Charge } from '#shared/policy';

/** A quote line as a form makes it: everything but its id and quote. */
export type QuoteLineDraft = Omit<QuoteLine, 'id' | 'quoteId'>;

/**
 * The kind of quote line a policy charge becomes, which decides how it counts in the totals:
 * a battery kit or a component is sold as a part, a price difference is a fee, and depreciation
 * and customs are taken off a refund (C5, B18).
 */
export function lineKindOfCharge(kind: Charge['kind']): QuoteLineKind {
  switch (kind) {
    case 'battery-kit':
    case 'component-value':
      return 'part';
    case 'price-difference':
      return 'fee';
    case 'depreciation':
      return 'depreciation';
    case 'customs-deduction':
      return 'customs-deduction';
  }
}

/** Hours typed for labour ("1.5"), in hundredths of an hour; undefined unless above zero. */
export function parseHours(typed: string): number | undefined {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(typed.trim());
  if (match === null) return undefined;
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return hundredths > 0 && Number.isSafeInteger(hundredths) ? hundredths : undefined;
}

/**
 * The quantity and unit price of hourly labour. Whole hours are that many units of the rate, so
 * the printed quote reads "3 × rate"; part hours make one unit of the rounded product, since a
 * quote line's quantity is a whole number.
 */
export function hourlyLabour(
  hundredthsOfHour: number,
  rate: Money,
): { quantity: number; unitPrice: Money } {
  if (hundredthsOfHour % 100 === 0) return { quantity: hundredthsOfHour / 100, unitPrice: rate };
  return {
    quantity: 1,
    unitPrice: money(Math.round((hundredthsOfHour * rate.amount) / 100), rate.currency),
  };
}

/** Why {@link convertedCharge} refused: the amount is outside the policy's range, or the rate is not one. */
export type ConvertedChargeError =
  | { readonly field: 'amount'; readonly code: 'out-of-range' }
  | { readonly field: 'rate'; readonly code: 'not-a-rate' | 'too-large' };

/**
 * A charge the policy states in another currency (C9: US$10–30 on a rupiah station), priced in
 * the quote's currency: `source` must lie within the policy's `range` (inclusive) and `typedRate`
 * is how many units of `quoteCurrency` one unit of the source currency buys. The line keeps both.
 */
export function convertedCharge(
  source: Money,
  typedRate: string,
  quoteCurrency: CurrencyCode,
  range: Charge['range'],
): Result<{ unitPrice: Money; conversion: QuoteLineConversion }, ConvertedChargeError> {
  if (range !== undefined && !isWithin(source, range))
    return fail({ field: 'amount', code: 'out-of-range' });
  const rate = exchangeRateSchema.safeParse(typedRate.trim());
  if (!rate.success) return fail({ field: 'rate', code: 'not-a-rate' });
  const unitPrice = convertAtRate(source, rate.data, quoteCurrency);
  if (!unitPrice.ok) return fail({ field: 'rate', code: 'too-large' });
  return ok({ unitPrice: unitPrice.value, conversion: { source, rate: rate.data } });
}

/** Whether `amount` lies within a policy's stated range, ends included (same currency only). */
export function isWithin(amount: Money, range: NonNullable<Charge['range']>): boolean {
  return (
    amount.currency === range.min.currency &&
    amount.amount >= range.min.amount &&
    amount.amount <= range.max.amount
  );
}
