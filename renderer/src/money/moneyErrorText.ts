import type { TFunction } from 'i18next';
import type { MoneyInputError } from './moneyInput';

/** An amount a person would type in a currency with `digits` decimals: "12.50", "25000". */
export function exampleAmount(digits: number): string {
  return digits === 0 ? '25000' : `12.${'5'.padEnd(digits, '0')}`;
}

/**
 * Why typed money was refused, as the end of a sentence about `value` ("is not a number — use
 * digits and a dot, e.g. 12.50"), for a field message or a CSV row report.
 */
export function moneyErrorReason(t: TFunction, error: MoneyInputError, currency: string): string {
  const example = exampleAmount(error.digits);
  switch (error.code) {
    case 'too-many-decimals':
      return error.digits === 0
        ? t('quote.money.noDecimals', { currency, example })
        : t('quote.money.tooManyDecimals', { currency, digits: error.digits, example });
    case 'empty':
    case 'negative':
    case 'comma':
    case 'not-a-number':
    case 'too-large':
      return t(`quote.money.${error.code}`, { example });
  }
}

/** The message under a money field that refused `value`. */
export function moneyFieldError(
  t: TFunction,
  value: string,
  error: MoneyInputError,
  currency: string,
): string {
  if (error.code === 'empty')
    return t('quote.money.required', { example: exampleAmount(error.digits) });
  return t('quote.money.field', {
    value: value.trim(),
    reason: moneyErrorReason(t, error, currency),
  });
}
