import { Alert, Button, Group, List, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appDatabase } from '../db/appDatabase';
import type { StoredPart } from '../db/records';
import { createRepositories } from '../db/repositories';
import { useWriteContext } from '../hooks/useWriteContext';
import { csvIssueText } from './csvIssueText';
import type { PartsCsvReading } from './partsCsv';

/** A CSV read and checked, waiting for the technician to confirm the import. */
export type CsvPreview = { readonly fileName: string; readonly reading: PartsCsvReading };

type CsvImportModalProps = {
  readonly preview: CsvPreview | undefined;
  readonly catalog: readonly StoredPart[];
  readonly onClose: () => void;
  readonly onImported: (report: {
    imported: number;
    skippedRows: number[];
    failures: string[];
  }) => void;
};

/**
 * The preview of an import: how many rows are ready (new or updating the part with the same SKU)
 * and why each other row will be skipped. Only the valid rows are imported, on confirmation.
 */
export function CsvImportModal({ preview, catalog, onClose, onImported }: CsvImportModalProps) {
  const { t } = useTranslation();
  const context = useWriteContext();
  const [importing, setImporting] = useState(false);
  const ready = preview?.reading.parts ?? [];
  const issues = preview?.reading.issues ?? [];
  const bySku = new Map(catalog.map((part) => [part.sku, part]));
  const updated = ready.filter((entry) => bySku.has(entry.part.sku)).length;

  async function importRows(): Promise<void> {
    if (context === undefined || preview === undefined) return;
    setImporting(true);
    const repositories = createRepositories(appDatabase());
    const failures: string[] = [];
    let imported = 0;
    for (const { row, part } of ready) {
      const existing = bySku.get(part.sku);
      const result =
        existing === undefined
          ? await repositories.partsCatalog.create(part, context)
          : await repositories.partsCatalog.update(existing.id, part, context);
      if (result.ok) imported += 1;
      else
        failures.push(
          t('parts.csv.importFailed', { row, sku: part.sku, reason: result.error.message }),
        );
    }
    setImporting(false);
    onImported({
      imported,
      skippedRows: issues.flatMap((issue) => ('row' in issue ? [issue.row] : [])),
      failures,
    });
  }

  return (
    <Modal
      opened={preview !== undefined}
      onClose={onClose}
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
                {issues.map((issue, index) => (
                  <List.Item key={index}>{csvIssueText(t, issue)}</List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
          </Stack>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
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
