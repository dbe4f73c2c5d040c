import { minorUnitDigitsOf } from '../documents/format';
import type { CurrencyCode, Money } from './primitives';
import { money } from './primitives';
import type { ExchangeRate } from './quote';
import type { Result } from './result';
import { fail, ok } from './result';

/** Why {@link convertAtRate} refused: the converted amount does not fit a safe integer. */
export type ConversionError = { readonly code: 'too-large' };

/**
 * Converts `source` into `target` at `rate` (units of `target` per unit of the source's
 * currency), in integer minor units, rounding half up: US$20.00 at 16250 is Rp 325.000.
 * Exact: the arithmetic runs on BigInt over the rate's decimal text, so no float touches money.
 */
export function convertAtRate(
  source: Money,
  rate: ExchangeRate,
  target: CurrencyCode,
): Result<Money, ConversionError> {
  const [whole = '', fraction = ''] = rate.split('.');
  const rateUnits = BigInt(`${whole}${fraction}`);
  const numerator = BigInt(source.amount) * rateUnits * 10n ** BigInt(minorUnitDigitsOf(target));
  const denominator =
    10n ** BigInt(minorUnitDigitsOf(source.currency)) * 10n ** BigInt(fraction.length);
  const converted = (numerator * 2n + denominator) / (denominator * 2n);
  if (converted > BigInt(Number.MAX_SAFE_INTEGER)) return fail({ code: 'too-large' });
  return ok(money(Number(converted), target));
}
