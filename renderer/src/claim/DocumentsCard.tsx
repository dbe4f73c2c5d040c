import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { claimDocumentKinds, useClaimDocuments } from '../hooks/useClaimDocuments';
import type { ClaimDocumentSources } from './claimDocumentRecords';
import { DocumentOutcomeAlert } from './DocumentOutcomeAlert';

type DocumentsCardProps = { readonly sources: ClaimDocumentSources };

/** The claim's documents: print each to the station's printer, or save the RMA slip as a PDF. */
export function DocumentsCard({ sources }: DocumentsCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const { documents, outcome, print, saveSlipAsPdf } = useClaimDocuments(sources);
  const busy = outcome.kind === 'working';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId}>
          {t('documents.title')}
        </Title>
        {documents.ok ? null : (
          <Alert color="orange" variant="light">
            {t(`documents.missing.${documents.missing}`)}
          </Alert>
        )}
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
            onClick={() => void saveSlipAsPdf()}
          >
            {t('documents.savePdf')}
          </Button>
        </Group>
        <DocumentOutcomeAlert outcome={outcome} />
      </Stack>
    </Paper>
  );
}
