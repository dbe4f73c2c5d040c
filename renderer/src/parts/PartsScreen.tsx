import {
  Alert,
  Button,
  FileButton,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDayIn, stationTimeZone } from '#shared/domain/calendar';
import { getBridge } from '../bridge/getBridge';
import { saveFile } from '../bridge/saveFile';
import type { StoredPart } from '../core';
import { useStationCore } from '../core';
import { useWriteContext } from '../hooks/useWriteContext';
import { bridgeErrorText, failureDetailsText, repositoryErrorText } from '../i18n/errorText';
import { useStationContext } from '../station/StationContext';
import type { CsvPreview } from './CsvImportModal';
import { CsvImportModal } from './CsvImportModal';
import { PartFormModal } from './PartFormModal';
import { readPartsCsv, writePartsCsv } from './partsCsv';
import { PartsTable } from './PartsTable';
import { partMatches, usePartsCatalog } from './usePartsCatalog';

type Outcome = { readonly color: 'teal' | 'red' | 'orange'; readonly lines: readonly string[] };

/** The parts catalog: search, add, edit, delete, and CSV import (with a preview) and export. */
export function PartsScreen() {
  const { t } = useTranslation();
  const { commands } = useStationCore();
  const { station } = useStationContext();
  const context = useWriteContext();
  const catalog = usePartsCatalog();
  const [query, setQuery] = useState('');
  // Undefined: closed; null: adding a new part; a part: editing it.
  const [editing, setEditing] = useState<StoredPart | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<StoredPart | undefined>(undefined);
  const [preview, setPreview] = useState<CsvPreview | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const searchRef = useRef<HTMLInputElement>(null);
  const resetFileRef = useRef<() => void>(null);
  useHotkeys([
    ['mod+K', () => searchRef.current?.focus()],
    ['alt+N', () => setEditing(null)],
  ]);

  const parts = (catalog ?? []).filter((part) => partMatches(part, query));
  const currency = station.currency ?? 'USD';

  async function chooseFile(file: File | null): Promise<void> {
    resetFileRef.current?.();
    if (file === null) return;
    try {
      setPreview({ fileName: file.name, reading: readPartsCsv(await file.text()) });
    } catch {
      setOutcome({ color: 'red', lines: [t('parts.csv.unreadable')] });
    }
  }

  async function exportCsv(): Promise<void> {
    const text = writePartsCsv(catalog ?? []);
    const day = calendarDayIn(stationTimeZone(station.timeZone), Date.now());
    const saved = await saveFile(getBridge(), {
      documentType: 'csv',
      suggestedName: `fixline-parts-${day}.csv`,
      content: new Blob([text]),
    });
    if (!saved.ok) {
      const details = failureDetailsText(t, { kind: 'bridge', error: saved.error });
      setOutcome({
        color: 'red',
        lines: [
          t('parts.exportFailed', { reason: bridgeErrorText(t, saved.error) }),
          ...(details === undefined ? [] : [details]),
        ],
      });
    } else if (saved.value.outcome === 'saved')
      setOutcome({
        color: 'teal',
        lines: [t('parts.exported', { count: catalog?.length ?? 0, path: saved.value.path })],
      });
  }

  async function confirmDelete(part: StoredPart): Promise<void> {
    if (context === undefined) return;
    const result = await commands.partsCatalog.remove(part.id, context);
    setDeleting(undefined);
    setOutcome(
      result.ok
        ? { color: 'teal', lines: [t('parts.deleted', { sku: part.sku })] }
        : { color: 'red', lines: [repositoryErrorText(t, result.error)] },
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('parts.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('parts.intro')}
          </Text>
        </Stack>
        <Text size="sm" c="dimmed" aria-live="polite">
          {catalog === undefined ? null : t('parts.count', { count: catalog.length })}
        </Text>
      </Group>
      <Group justify="space-between" align="flex-end">
        <TextInput
          ref={searchRef}
          label={t('parts.search')}
          placeholder={t('parts.searchPlaceholder')}
          description="Ctrl+K"
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={320}
          type="search"
        />
        <Group gap="sm">
          <Tooltip label="Alt+N">
            <Button onClick={() => setEditing(null)} disabled={context === undefined}>
              {t('parts.add')}
            </Button>
          </Tooltip>
          <FileButton
            resetRef={resetFileRef}
            accept=".csv,text/csv"
            onChange={(file) => void chooseFile(file)}
          >
            {(props) => (
              <Button variant="light" {...props} disabled={context === undefined}>
                {t('parts.import')}
              </Button>
            )}
          </FileButton>
          <Button
            variant="default"
            onClick={() => void exportCsv()}
            disabled={(catalog?.length ?? 0) === 0}
          >
            {t('parts.export')}
          </Button>
        </Group>
      </Group>
      {outcome === undefined ? null : (
        <Alert
          color={outcome.color}
          role={outcome.color === 'teal' ? 'status' : 'alert'}
          withCloseButton
          closeButtonLabel={t('parts.dismiss')}
          onClose={() => setOutcome(undefined)}
        >
          {outcome.lines.map((line) => (
            <Text key={line} size="sm">
              {line}
            </Text>
          ))}
        </Alert>
      )}
      {catalog !== undefined && catalog.length === 0 ? (
        <Alert color="gray">{t('parts.empty')}</Alert>
      ) : catalog !== undefined && parts.length === 0 ? (
        <Alert color="gray">{t('parts.noMatch', { query })}</Alert>
      ) : (
        <PartsTable parts={parts} onEdit={setEditing} onDelete={setDeleting} />
      )}
      {editing === undefined ? null : (
        <PartFormModal
          key={editing?.id ?? 'new'}
          opened
          part={editing ?? undefined}
          defaultCurrency={currency}
          onClose={() => setEditing(undefined)}
        />
      )}
      <Modal
        opened={deleting !== undefined}
        onClose={() => setDeleting(undefined)}
        closeButtonProps={{ 'aria-label': t('parts.deleteCancel') }}
        title={t('parts.deleteTitle', { sku: deleting?.sku ?? '' })}
      >
        <Stack gap="md">
          <Text>{t('parts.deleteBody', { name: deleting?.name ?? '' })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeleting(undefined)} data-autofocus>
              {t('parts.deleteCancel')}
            </Button>
            <Button color="red" onClick={() => deleting && void confirmDelete(deleting)}>
              {t('parts.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <CsvImportModal
        preview={preview}
        catalog={catalog ?? []}
        onClose={() => setPreview(undefined)}
        onImported={(report) => {
          setPreview(undefined);
          const lines = [t('parts.csv.imported', { count: report.imported })];
          if (report.skipped > 0)
            lines.push(t('parts.csv.importedSkipped', { count: report.skipped }));
          setOutcome({ color: 'teal', lines });
        }}
      />
    </Stack>
  );
}
