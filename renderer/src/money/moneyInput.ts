import { minorUnitDigitsOf } from '#shared/documents/format';
import type { CurrencyCode, Money } from '#shared/domain/primitives';
import { money } from '#shared/domain/primitives';
import type { Result } from '#shared/domain/result';
import { fail, ok } from '#shared/domain/result';

/**
 * Why typed money was refused. `digits` is how many decimals the currency takes (0 for IDR),
 * so the message can say what to type instead.
 */
export type MoneyInputError = {
  readonly code:
    'empty' | 'negative' | 'comma' | 'not-a-number' | 'too-many-decimals' | 'too-large';
  readonly digits: number;
};

/**
 * Reads an amount typed at the bench ("12.50", "25000") as integer minor units of `currency`.
 * Only digits and one dot: a comma is refused rather than guessed (it is a decimal mark in
 * Indonesia and a thousands separator in English), and so are a sign and more decimals than the
 * currency has, because a stored amount must mean exactly what was typed.
 */
export function parseMoneyInput(
  typed: string,
  currency: CurrencyCode,
): Result<Money, MoneyInputError> {
  const digits = minorUnitDigitsOf(currency);
  const text = typed.trim();
  if (text === '') return fail({ code: 'empty', digits });
  if (text.startsWith('-')) return fail({ code: 'negative', digits });
  if (/^\d*,\d*$/.test(text)) return fail({ code: 'comma', digits });
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text);
  if (match === null) return fail({ code: 'not-a-number', digits });
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return fail({ code: 'too-many-decimals', digits });
  const minor = Number(`${whole}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) return fail({ code: 'too-large', digits });
  return ok(money(minor, currency));
}

/** Minor units as the plain decimal a person types ("12.50", "25000"): the inverse of parsing. */
export function moneyInputText(value: Money): string {
  const digits = minorUnitDigitsOf(value.currency);
  const magnitude = String(Math.abs(value.amount)).padStart(digits + 1, '0');
  if (digits === 0) return magnitude;
  return `${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
}
