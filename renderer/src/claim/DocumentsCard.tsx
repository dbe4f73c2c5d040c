import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../bridge/getBridge';
import { claimDocumentKinds } from '#shared/documents';
import type { ClaimDocumentSources } from '../core';
import { useClaimDocuments, type ClaimDocumentsState } from '../hooks/useClaimDocuments';
import { DocumentOutcomeAlert } from './DocumentOutcomeAlert';
import { MissingForDocumentsText } from './MissingForDocumentsText';

type DocumentsCardProps = { readonly sources: ClaimDocumentSources };

/**
 * The claim's documents. Desktop: print each to the station's printer, or save the RMA slip as
 * a PDF. Browser: open each in the print dialog, or download its PDF.
 */
export function DocumentsCard({ sources }: DocumentsCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const state = useClaimDocuments(sources);
  const { documents, outcome } = state;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId}>
          {t('documents.title')}
        </Title>
        {documents.ok ? null : (
          <Alert color="orange" variant="light">
            <MissingForDocumentsText missing={documents.missing} />
          </Alert>
        )}
        {getBridge().kind === 'web' ? (
          <BrowserDocumentActions state={state} />
        ) : (
          <DesktopDocumentActions state={state} />
        )}
        <DocumentOutcomeAlert outcome={outcome} />
      </Stack>
    </Paper>
  );
}

type ActionsProps = { readonly state: ClaimDocumentsState };

/** One print button per document, and saving the slip as a PDF. */
function DesktopDocumentActions({ state: { documents, outcome, print, savePdf } }: ActionsProps) {
  const { t } = useTranslation();
  const busy = outcome.kind === 'working';
  return (
    <Group gap="sm">
      {claimDocumentKinds.map((kind) => (
        <Button
          key={kind}
          variant="light"
          disabled={!documents.ok || busy}
          loading={outcome.kind === 'working' && outcome.action === kind}
          onClick={() => void print(kind)}
        >
          {t(`documents.print.${kind}`)}
        </Button>
      ))}
      <Button
        variant="default"
        disabled={!documents.ok || busy}
        loading={outcome.kind === 'working' && outcome.action === 'save'}
        onClick={() => void savePdf('rma-slip')}
      >
        {t('documents.savePdf')}
      </Button>
    </Group>
  );
}

/** Per document: open it in the browser's print dialog, or download its PDF. */
function BrowserDocumentActions({ state: { documents, outcome, print, savePdf } }: ActionsProps) {
  const { t } = useTranslation();
  const busy = outcome.kind === 'working';
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('documents.browser.explain')}
      </Text>
      {claimDocumentKinds.map((kind) => {
        const document = t(`documents.kind.${kind}`);
        const working = outcome.kind === 'working' && outcome.document === kind;
        return (
          // The name above its buttons: both buttons keep their whole words in a narrow column.
          <Stack key={kind} gap={4}>
            <Text fw={500}>{document}</Text>
            <Group gap="xs">
              <Button
                size="sm"
                variant="light"
                aria-label={t('documents.browser.openLabel', { document })}
                disabled={!documents.ok || busy}
                loading={working && outcome.action === kind}
                onClick={() => void print(kind)}
              >
                {t('documents.browser.open')}
              </Button>
              <Button
                size="sm"
                variant="default"
                aria-label={t('documents.browser.downloadLabel', { document })}
                disabled={!documents.ok || busy}
                loading={working && outcome.action === 'save'}
                onClick={() => void savePdf(kind)}
              >
                {t('documents.browser.download')}
              </Button>
            </Group>
          </Stack>
        );
      })}
    </Stack>
  );
}
