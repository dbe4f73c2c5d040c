import {
  Alert,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Kbd,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { claimDocumentKinds } from '#shared/documents';
import { PrintRunCard } from './PrintRunCard';
import type { BatchPdfOutcome, PrintQueueDesk } from './usePrintQueue';
import classes from './WarehouseDesk.module.css';
import { MissingForDocumentsText } from '../claim/MissingForDocumentsText';
import { failureText } from '../i18n/errorText';
import { FailureDetails } from '../shell/FailureDetails';

type PrintQueuePanelProps = { readonly queue: PrintQueueDesk; readonly active: boolean };

/** The print queue: claims scanned in, their documents chosen, printed as one batch. */
export function PrintQueuePanel({ queue, active }: PrintQueuePanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const { problem, entries, pages, kindsWithoutPrinter, run, running } = queue;
  const canPrint =
    queue.canPrintSilently && pages.length > 0 && kindsWithoutPrinter.length === 0 && !running;
  const pdfWorking = queue.pdfOutcome?.kind === 'working';
  const canMakePdf = !queue.canPrintSilently && pages.length > 0 && !pdfWorking;

  useEffect(() => {
    if (active) inputRef.current?.focus();
  }, [active]);

  // A refused code stays in the field, selected, so the next scan replaces it.
  useEffect(() => {
    if (problem !== undefined) inputRef.current?.select();
  }, [problem]);

  useHotkeys(
    [
      [
        'mod+P',
        () => {
          if (!active) return;
          if (canPrint) void queue.printQueue();
          else if (canMakePdf) void queue.openBatchPdf();
        },
      ],
    ],
    [],
  );

  const problemText =
    problem === undefined
      ? undefined
      : problem.kind === 'not-an-rma-number'
        ? t('warehouse.lookup.notAnRmaNumber', { code: problem.code })
        : problem.kind === 'not-found'
          ? t('warehouse.lookup.notFound', { rmaNumber: problem.rmaNumber })
          : problem.kind === 'already-queued'
            ? t('warehouse.print.alreadyQueued', { rmaNumber: problem.rmaNumber })
            : t('warehouse.print.notPrintable', {
                rmaNumber: problem.rmaNumber,
                status: t(`status.${problem.status}`),
              });

  return (
    <Stack gap="md">
      {/* Above the queue, so the progress and any failed page are in sight without scrolling. */}
      {run === undefined ? null : (
        <PrintRunCard
          run={run}
          running={running}
          onCancel={() => void queue.cancel()}
          onRetry={() => void queue.retry()}
        />
      )}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
        <Stack gap="sm">
          <Title order={2} size="h4" id={titleId}>
            {t('warehouse.print.title')}
          </Title>
          {queue.canPrintSilently ? null : (
            <Text size="sm" c="dimmed">
              {t('warehouse.print.browserBatch')}
            </Text>
          )}
          <Group align="flex-start" gap="sm">
            <form
              style={{ flex: 1, minWidth: 280 }}
              onSubmit={(event) => {
                event.preventDefault();
                void queue.add(queue.input);
              }}
            >
              <TextInput
                ref={inputRef}
                label={t('warehouse.print.addLabel')}
                description={t('warehouse.print.addHint')}
                value={queue.input}
                onChange={(event) => queue.setInput(event.currentTarget.value)}
                error={problemText}
                classNames={{ input: classes.code }}
                autoComplete="off"
                spellCheck={false}
                rightSectionWidth={96}
                rightSection={
                  <Button type="submit" size="compact-sm" variant="light">
                    {t('warehouse.print.add')}
                  </Button>
                }
              />
            </form>
            <Button
              variant="default"
              mt={{ base: 0, sm: 44 }}
              onClick={() => void queue.addAuthorizedNotPrintedToday()}
            >
              {t('warehouse.print.addAuthorized')}
            </Button>
          </Group>
          {queue.addAllOutcome === undefined ? null : (
            <Text size="sm" c="dimmed" role="status">
              {queue.addAllOutcome.kind === 'added'
                ? t('warehouse.print.addedAuthorized', { count: queue.addAllOutcome.count })
                : t('warehouse.print.noneAuthorized')}
            </Text>
          )}

          {entries.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('warehouse.print.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={640} maxHeight={320}>
              <Table striped verticalSpacing={6} aria-labelledby={titleId}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('warehouse.print.columns.rma')}</Table.Th>
                    <Table.Th>{t('warehouse.print.columns.status')}</Table.Th>
                    <Table.Th>{t('warehouse.print.columns.documents')}</Table.Th>
                    <Table.Th w={60}>{t('warehouse.print.columns.remove')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((entry) => (
                    <Table.Tr key={entry.claim.id}>
                      <Table.Td ff="monospace" fz="sm">
                        {entry.claim.rmaNumber}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light">{t(`status.${entry.claim.status}`)}</Badge>
                      </Table.Td>
                      <Table.Td>
                        {entry.documents.ok ? (
                          <Group gap="md">
                            {claimDocumentKinds.map((kind) => (
                              <Checkbox
                                key={kind}
                                size="xs"
                                label={t(`documents.kind.${kind}`)}
                                aria-label={t('warehouse.print.documentFor', {
                                  document: t(`documents.kind.${kind}`),
                                  rmaNumber: entry.claim.rmaNumber,
                                })}
                                checked={entry.chosen.includes(kind)}
                                disabled={running}
                                onChange={(event) =>
                                  queue.toggleDocument(
                                    entry.claim.id,
                                    kind,
                                    event.currentTarget.checked,
                                  )
                                }
                              />
                            ))}
                          </Group>
                        ) : (
                          <Text size="sm" c="red.9">
                            <MissingForDocumentsText missing={entry.documents.missing} />
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <CloseButton
                          disabled={running}
                          onClick={() => queue.remove(entry.claim.id)}
                          aria-label={t('warehouse.print.remove', {
                            rmaNumber: entry.claim.rmaNumber,
                          })}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}

          {kindsWithoutPrinter.length === 0 || !queue.canPrintSilently ? null : (
            <Alert color="orange" variant="light">
              {t('warehouse.print.noPrinter', {
                kinds: kindsWithoutPrinter.map((kind) => t(`documents.kind.${kind}`)).join(', '),
              })}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('warehouse.print.pagesSummary', { count: pages.length })}
            </Text>
            <Group gap="sm">
              <Button
                variant="default"
                disabled={entries.length === 0 || running}
                onClick={queue.clear}
              >
                {t('warehouse.print.clear')}
              </Button>
              {queue.canPrintSilently ? (
                <Button
                  disabled={!canPrint}
                  onClick={() => void queue.printQueue()}
                  rightSection={<Kbd size="xs">{t('warehouse.print.printShortcut')}</Kbd>}
                >
                  {t('warehouse.print.printBatch')}
                </Button>
              ) : (
                <>
                  <Button
                    variant="default"
                    disabled={!canMakePdf}
                    loading={
                      queue.pdfOutcome?.kind === 'working' && queue.pdfOutcome.action === 'download'
                    }
                    onClick={() => void queue.downloadBatchPdf()}
                  >
                    {t('warehouse.print.downloadPdf')}
                  </Button>
                  <Button
                    disabled={!canMakePdf}
                    loading={
                      queue.pdfOutcome?.kind === 'working' && queue.pdfOutcome.action === 'open'
                    }
                    onClick={() => void queue.openBatchPdf()}
                    rightSection={<Kbd size="xs">{t('warehouse.print.printShortcut')}</Kbd>}
                  >
                    {t('warehouse.print.openForPrinting')}
                  </Button>
                </>
              )}
            </Group>
          </Group>
          <BatchPdfAlert outcome={queue.pdfOutcome} />
        </Stack>
      </Paper>
    </Stack>
  );
}

/** What the batch's PDF came to, in the browser build. */
function BatchPdfAlert({ outcome }: { readonly outcome: BatchPdfOutcome | undefined }) {
  const { t } = useTranslation();
  if (outcome === undefined || outcome.kind === 'working') return null;
  if (outcome.kind === 'refused')
    return (
      <Alert color="red" variant="light" role="alert">
        {t('warehouse.print.pdfRefused', { reason: failureText(t, outcome.failure) })}
        <FailureDetails failure={outcome.failure} />
      </Alert>
    );
  return (
    <Alert color="teal" variant="light" role="status">
      {outcome.kind === 'opened'
        ? t('warehouse.print.pdfOpened', { count: outcome.count })
        : t('warehouse.print.pdfDownloaded', { count: outcome.count, fileName: outcome.fileName })}
    </Alert>
  );
}
