import type { CurrencyCode } from '../domain/primitives';
import type { QuoteLine, QuoteLineConversion, PolicyChargeKind } from '../domain/quote';
import type { Language } from '../domain/vocabulary';
import { formatMoney, localeOf } from './format';

/**
 * The words a generated quote line is made of, for one reader: the claim screen words them for
 * the center (its i18n), a printed quote for the customer ("Shipping to us").
 */
export type QuoteLineWords = {
  readonly shippingInbound: string;
  readonly shippingOutbound: string;
  readonly labour: string;
  readonly labourHourly: (description: string, hours: string, rate: string) => string;
  readonly charges: Readonly<Record<PolicyChargeKind, string>>;
  readonly refund: string;
  /** `source` converted at `rate` units of the currency `to` per unit of `from`. */
  readonly converted: (source: string, rate: string, from: string, to: string) => string;
};

/**
 * A quote line's description in `language`: a generated line (one with a `wording`) is worded
 * now, from its code and values; a line a person wrote, or one stored before lines had codes,
 * reads as it was written.
 */
export function quoteLineText(
  line: Pick<QuoteLine, 'description' | 'wording'>,
  words: QuoteLineWords,
  language: Language,
): string {
  const { wording } = line;
  if (wording === undefined) return line.description;
  switch (wording.code) {
    case 'shipping-inbound':
      return words.shippingInbound;
    case 'shipping-outbound':
      return words.shippingOutbound;
    case 'labour':
      return words.labour;
    case 'labour-hourly':
      return words.labourHourly(
        wording.description ?? words.labour,
        new Intl.NumberFormat(localeOf[language], { maximumFractionDigits: 2 }).format(
          wording.hundredthsOfHour / 100,
        ),
        formatMoney(wording.rate, language),
      );
    case 'charge':
      return words.charges[wording.charge];
    case 'refund':
      return words.refund;
  }
}

/** The amount a line was converted from and at what rate: "US$20.00 at 16,250 IDR per USD". */
export function quoteLineConversionText(
  conversion: QuoteLineConversion,
  target: CurrencyCode,
  words: QuoteLineWords,
  language: Language,
): string {
  const [whole = '', fraction] = conversion.rate.split('.');
  // The rate's own digits, grouped for the reader: no float ever rounds what was typed.
  const grouped = new Intl.NumberFormat(localeOf[language]).format(BigInt(whole));
  const decimalMark = language === 'id' ? ',' : '.';
  const rate = fraction === undefined ? grouped : `${grouped}${decimalMark}${fraction}`;
  return words.converted(
    formatMoney(conversion.source, language),
    rate,
    conversion.source.currency,
    target,
  );
}
