import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  Progress,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartsImportProgress, StoredPart } from '../core';
import { useStationCore } from '../core';
import { useWriteContext } from '../hooks/useWriteContext';
import {
  failureText,
  repositoryErrorText,
  unexpectedFailure,
  type Failure,
} from '../i18n/errorText';
import { FailureDetails } from '../shell/FailureDetails';
import { csvIssueText } from './csvIssueText';
import type { PartsCsvReading } from './partsCsv';

/** A CSV read and checked, waiting for the technician to confirm the import. */
export type CsvPreview = { readonly fileName: string; readonly reading: PartsCsvReading };

type CsvImportModalProps = {
  readonly preview: CsvPreview | undefined;
  readonly catalog: readonly StoredPart[];
  readonly onClose: () => void;
  readonly onImported: (report: { readonly imported: number; readonly skipped: number }) => void;
};

/** How many problems the preview lists; a file of 50,000 bad rows says how many more there are. */
const listedIssuesMax = 200;

/**
 * The preview of an import: how many rows are ready (new or updating the part with the same SKU)
 * and why the other rows will be skipped (the first 200 of them). On confirmation the valid rows
 * are imported in one transaction: all of them, or, if anything fails, none.
 */
export function CsvImportModal({ preview, catalog, onClose, onImported }: CsvImportModalProps) {
  const { t } = useTranslation();
  const { commands } = useStationCore();
  const context = useWriteContext();
  const [importing, setImporting] = useState(false);
  // Parts written so far by a running import (a 50,000-row file takes seconds).
  const [progress, setProgress] = useState<PartsImportProgress | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  // A failure nobody foresaw, whose technical details go under the message.
  const [unexpected, setUnexpected] = useState<Failure | undefined>();
  const ready = preview?.reading.parts ?? [];
  const issues = preview?.reading.issues ?? [];
  const bySku = new Map(catalog.map((part) => [part.sku, part]));
  const updated = ready.filter((entry) => bySku.has(entry.part.sku)).length;

  async function importRows(): Promise<void> {
    if (context === undefined || preview === undefined) return;
    setImporting(true);
    setProgress(undefined);
    setFailure(undefined);
    setUnexpected(undefined);
    try {
      const result = await commands.partsCatalog.importParts(
        ready.map((entry) => entry.part),
        context,
        { fileName: preview.fileName },
        setProgress,
      );
      if (result.ok)
        onImported({
          imported: ready.length,
          skipped: issues.filter((issue) => 'row' in issue).length,
        });
      else
        setFailure(
          result.error.code === 'storage-full'
            ? t('parts.csv.storageFull')
            : t('parts.csv.importFailed', { reason: repositoryErrorText(t, result.error) }),
        );
    } catch (error) {
      const thrown = unexpectedFailure(error);
      setUnexpected(thrown);
      setFailure(t('parts.csv.importFailed', { reason: failureText(t, thrown) }));
    } finally {
      setImporting(false);
      setProgress(undefined);
    }
  }

  return (
    <Modal
      opened={preview !== undefined}
      // A running import is one transaction that commits or not as a whole: closing the dialog
      // would not stop it, so the dialog stays until it has.
      onClose={importing ? () => undefined : onClose}
      withCloseButton={!importing}
      closeButtonProps={{ 'aria-label': t('parts.form.cancel') }}
      title={t('parts.csv.previewTitle', { file: preview?.fileName ?? '' })}
      size="xl"
    >
      <Stack gap="sm">
        {ready.length === 0 ? (
          <Alert color="orange" role="alert">
            {t('parts.csv.noneReady')}
          </Alert>
        ) : (
          <Text>
            {t('parts.csv.ready', {
              count: ready.length,
              created: ready.length - updated,
              updated,
            })}
          </Text>
        )}
        {issues.length === 0 ? null : (
          <Stack gap={4}>
            <Text fw={600}>
              {t('parts.csv.skipped', { count: issues.filter((issue) => 'row' in issue).length })}
            </Text>
            <ScrollArea.Autosize mah={260} type="auto">
              <List
                size="sm"
                spacing={4}
                aria-label={t('parts.csv.skipped', { count: issues.length })}
              >
                {issues.slice(0, listedIssuesMax).map((issue, index) => (
                  <List.Item key={index}>{csvIssueText(t, issue)}</List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
            {issues.length > listedIssuesMax ? (
              <Text size="sm" c="dimmed">
                {t('parts.csv.moreIssues', { count: issues.length - listedIssuesMax })}
              </Text>
            ) : null}
          </Stack>
        )}
        {importing && progress !== undefined ? (
          <Stack gap={4}>
            <Progress
              value={(progress.written / Math.max(progress.total, 1)) * 100}
              aria-label={t('parts.csv.importing', progress)}
            />
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('parts.csv.importing', progress)}
            </Text>
          </Stack>
        ) : null}
        {failure === undefined ? null : (
          <Alert color="red" role="alert">
            {failure}
            {unexpected === undefined ? null : <FailureDetails failure={unexpected} />}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={importing}>
            {t('parts.csv.cancel')}
          </Button>
          <Button
            onClick={() => void importRows()}
            loading={importing}
            disabled={ready.length === 0 || context === undefined}
            data-autofocus
          >
            {t('parts.csv.confirm', { count: ready.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
