import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { documentKinds } from '#shared/documents';
import { usePrinterSettings } from '../hooks/usePrinterSettings';
import { saveFailureText } from '../i18n/saveFailureText';
import { LabelPrintersSection } from './LabelPrintersSection';
import { PrinterListStatus } from './PrinterListStatus';
import { PrinterRow } from './PrinterRow';
import { useLabelPrinters } from './useLabelPrinters';

/** Where each document prints; in a browser, only why there is nothing to choose. */
export function PrintersPanel() {
  const { t } = useTranslation();
  const titleId = useId();
  const { supported, printers, form, errors, outcome, change, save } = usePrinterSettings();
  const labelPrinters = useLabelPrinters();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId}>
          {t('printers.title')}
        </Title>
        {supported ? (
          <>
            <Text size="sm">{t('printers.explain')}</Text>
            <PrinterListStatus printers={printers} />
            <LabelPrintersSection
              labelPrinters={labelPrinters.labelPrinters}
              onAdd={labelPrinters.add}
              onRemove={labelPrinters.remove}
            />
            {documentKinds.map((kind) => (
              <PrinterRow
                key={kind}
                kind={kind}
                row={form[kind]}
                errors={errors[kind]}
                printers={printers.kind === 'ready' ? printers.printers : []}
                labelPrinters={labelPrinters.labelPrinters}
                onChange={(patch) => change(kind, patch)}
              />
            ))}
            <Group>
              <Button loading={outcome.kind === 'saving'} onClick={() => void save()}>
                {t('printers.save')}
              </Button>
            </Group>
            {outcome.kind === 'saved' ? (
              <Alert role="status" color="teal" variant="light">
                {t('printers.saved')}
              </Alert>
            ) : outcome.kind === 'failed' ? (
              <Alert role="alert" color="red" variant="light">
                {saveFailureText(t, outcome.error, (reason) =>
                  t('printers.saveFailed', { reason }),
                )}
              </Alert>
            ) : null}
          </>
        ) : (
          <Alert color="blue" variant="light" role="note">
            {t('printers.desktopOnly')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
