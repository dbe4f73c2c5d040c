import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuoteLine } from '#shared/domain/quote';
import type { QuoteLineWords } from '#shared/documents/quoteLineText';
import { quoteLineConversionText, quoteLineText } from '#shared/documents/quoteLineText';
import { useLanguage } from '../../hooks/useStationFormat';

/** How the claim screen words quote lines: in the screen's language, for the center. */
export type QuoteLineTexts = {
  readonly description: (line: Pick<QuoteLine, 'description' | 'wording'>) => string;
  /** "US$20.00 at 16,250 IDR per USD" for a converted line; undefined for the others. */
  readonly conversion: (line: Pick<QuoteLine, 'conversion' | 'unitPrice'>) => string | undefined;
};

export function useQuoteLineText(): QuoteLineTexts {
  const { t } = useTranslation();
  const language = useLanguage();
  return useMemo(() => {
    const words: QuoteLineWords = {
      shippingInbound: t('quote.shipping.inboundDescription'),
      shippingOutbound: t('quote.shipping.outboundDescription'),
      labour: t('quote.labour.defaultDescription'),
      labourHourly: (description, hours, rate) =>
        t('quote.labour.hourlyDescription', { description, hours, rate }),
      charges: {
        'battery-kit': t('quote.charge.battery-kit'),
        depreciation: t('quote.charge.depreciation'),
        'price-difference': t('quote.charge.price-difference'),
        'customs-deduction': t('quote.charge.customs-deduction'),
        'component-value': t('quote.charge.component-value'),
      },
      refund: t('quote.charge.refund'),
      converted: (source, rate, from, to) =>
        t('quote.charge.converted', { source, rate, from, to }),
    };
    return {
      description: (line) => quoteLineText(line, words, language),
      conversion: (line) =>
        line.conversion === undefined
          ? undefined
          : quoteLineConversionText(line.conversion, line.unitPrice.currency, words, language),
    };
  }, [t, language]);
}
