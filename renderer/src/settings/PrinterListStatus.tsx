import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PrinterList } from '../hooks/usePrinterSettings';
import { bridgeErrorText } from '../i18n/errorText';
import { FailureDetails } from '../shell/FailureDetails';

type PrinterListStatusProps = { readonly printers: PrinterList };

/** Whether the system's printers are listed yet, could not be, or are none. */
export function PrinterListStatus({ printers }: PrinterListStatusProps) {
  const { t } = useTranslation();
  switch (printers.kind) {
    case 'loading':
      return (
        <Text size="sm" c="dimmed">
          {t('printers.loading')}
        </Text>
      );
    case 'failed':
      return (
        <Alert role="alert" color="red" variant="light">
          {t('printers.listFailed', { reason: bridgeErrorText(t, printers.error) })}
          <FailureDetails failure={{ kind: 'bridge', error: printers.error }} />
        </Alert>
      );
    case 'ready':
      return printers.printers.length === 0 ? (
        <Alert color="orange" variant="light">
          {t('printers.none')}
        </Alert>
      ) : null;
  }
}
