import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuotePrintOutcome } from './useQuotePrinting';
import { MissingForDocumentsText } from '../MissingForDocumentsText';
import { bridgeErrorText } from '../../i18n/errorText';
import { FailureDetails } from '../../shell/FailureDetails';

type QuotePrintAlertProps = { readonly outcome: QuotePrintOutcome };

/** What the last print of the quote came to, in the documents card's words. */
export function QuotePrintAlert({ outcome }: QuotePrintAlertProps) {
  const { t } = useTranslation();
  const document = t('documents.kind.quote', { defaultValue: t('quote.title') });
  switch (outcome.kind) {
    case 'idle':
    case 'working':
      return null;
    case 'printed':
      return (
        <Alert role="status" color="teal" variant="light">
          {outcome.jobId === undefined
            ? t('documents.printed', { document })
            : t('documents.printedJob', { document, jobId: outcome.jobId })}
        </Alert>
      );
    case 'no-printer':
      return (
        <Alert role="alert" color="orange" variant="light">
          {t('documents.noPrinter', { document })}
        </Alert>
      );
    case 'missing':
      return (
        <Alert role="alert" color="orange" variant="light">
          <MissingForDocumentsText missing={outcome.missing} />
        </Alert>
      );
    case 'refused':
      return (
        <Alert role="alert" color="red" variant="light">
          {outcome.error.code === 'not-supported' ? (
            t('documents.notSupported')
          ) : (
            <>
              {t('documents.refused', { reason: bridgeErrorText(t, outcome.error) })}
              <FailureDetails failure={{ kind: 'bridge', error: outcome.error }} />
            </>
          )}
        </Alert>
      );
  }
}
