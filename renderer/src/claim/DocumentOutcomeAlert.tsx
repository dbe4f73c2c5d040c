import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentOutcome } from '../hooks/useClaimDocuments';
import { bridgeErrorText, type Failure } from '../i18n/errorText';
import { FailureDetails } from '../shell/FailureDetails';

type DocumentOutcomeAlertProps = { readonly outcome: DocumentOutcome };

/** What the last print or save came to, inline so it stays until the next one. */
export function DocumentOutcomeAlert({ outcome }: DocumentOutcomeAlertProps) {
  const { t } = useTranslation();
  const status = (text: string) => (
    <Alert role="status" color="teal" variant="light">
      {text}
    </Alert>
  );
  const alert = (text: string, failure?: Failure) => (
    <Alert role="alert" color="red" variant="light">
      {text}
      {failure === undefined ? null : <FailureDetails failure={failure} />}
    </Alert>
  );
  switch (outcome.kind) {
    case 'idle':
    case 'working':
      return null;
    case 'printed':
      return status(
        outcome.jobId === undefined
          ? t('documents.printed', { document: t(`documents.kind.${outcome.document}`) })
          : t('documents.printedJob', {
              document: t(`documents.kind.${outcome.document}`),
              jobId: outcome.jobId,
            }),
      );
    case 'opened':
      return status(t('documents.opened', { document: t(`documents.kind.${outcome.document}`) }));
    case 'saved':
      return status(t('documents.saved', { path: outcome.path }));
    case 'downloaded':
      return status(t('documents.downloaded', { fileName: outcome.fileName }));
    case 'canceled':
      return status(t('documents.canceled'));
    case 'no-printer':
      return (
        <Alert role="alert" color="orange" variant="light">
          {t('documents.noPrinter', { document: t(`documents.kind.${outcome.document}`) })}
        </Alert>
      );
    case 'refused':
      // The bridge's message is English for logs; the code says which words to show.
      return outcome.error.code === 'not-supported'
        ? alert(t('documents.notSupported'))
        : alert(t('documents.refused', { reason: bridgeErrorText(t, outcome.error) }), {
            kind: 'bridge',
            error: outcome.error,
          });
  }
}
