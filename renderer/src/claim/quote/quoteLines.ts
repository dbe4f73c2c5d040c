import type { Money } from '../../../../shared/domain/primitives';
import { money } from '../../../../shared/domain/primitives';
import type { QuoteLine, QuoteLineKind } from '../../../../shared/domain/quote';
import type { Charge } from '../../../../shared/policy';

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
