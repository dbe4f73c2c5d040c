import { Alert, Button, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { bridgeErrorText } from '../i18n/errorText';
import { FailureDetails } from '../shell/FailureDetails';
import { ledgerTotals, type PageFailure, type PrintRun } from '../core';

type PrintRunCardProps = {
  readonly run: PrintRun;
  readonly running: boolean;
  readonly onCancel: () => void;
  readonly onRetry: () => void;
};

/** A batch in progress or just done: pages printed of the total, and every page that did not. */
export function PrintRunCard({ run, running, onCancel, onRetry }: PrintRunCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const totals = ledgerTotals(run.ledger);
  const percent = (count: number) => (totals.total === 0 ? 0 : (count / totals.total) * 100);
  const unprinted = run.ledger.filter(
    (page) => page.state.kind === 'failed' || page.state.kind === 'cancelled',
  );
  const cancelled = totals.cancelled > 0;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id={titleId}>
            {t('warehouse.print.progressLabel')}
          </Title>
          <Text size="sm" role="status">
            {running
              ? t('warehouse.print.progress', { done: totals.printed, total: totals.total })
              : cancelled
                ? t('warehouse.print.cancelled', {
                    printed: totals.printed,
                    total: totals.total,
                    cancelled: totals.cancelled,
                  })
                : t('warehouse.print.finished', { printed: totals.printed, total: totals.total })}
          </Text>
        </Group>
        <Progress.Root size="xl" aria-label={t('warehouse.print.progressLabel')}>
          <Progress.Section
            value={percent(totals.printed)}
            color="teal"
            aria-label={t('warehouse.print.progress', {
              done: totals.printed,
              total: totals.total,
            })}
          />
          <Progress.Section value={percent(totals.failed)} color="red" />
          {/* Light: pages never sent, where the dark filled gray read as done. */}
          <Progress.Section value={percent(totals.cancelled)} color="gray.4" />
        </Progress.Root>
        {running ? (
          <Group justify="flex-end">
            <Button color="red" variant="light" loading={run.cancelling} onClick={onCancel}>
              {t('warehouse.print.cancel')}
            </Button>
          </Group>
        ) : null}
        {run.refusal === undefined ? null : (
          <Alert color="red" variant="light">
            {t('warehouse.print.refused', { reason: bridgeErrorText(t, run.refusal) })}
            <FailureDetails failure={{ kind: 'bridge', error: run.refusal }} />
          </Alert>
        )}
        {unprinted.length === 0 ? null : (
          <Alert color="red" variant="light" title={t('warehouse.print.failedTitle')}>
            <List size="sm" spacing={4}>
              {unprinted.map((page) => {
                const document = t(`documents.kind.${page.ref.document}`);
                return (
                  <List.Item key={`${page.ref.claimId}-${page.ref.document}`}>
                    {page.state.kind === 'failed' ? (
                      <FailedPage
                        document={document}
                        rmaNumber={page.ref.rmaNumber}
                        cause={page.state.cause}
                      />
                    ) : (
                      t('warehouse.print.cancelledPage', {
                        document,
                        rmaNumber: page.ref.rmaNumber,
                      })
                    )}
                  </List.Item>
                );
              })}
            </List>
            {running ? null : (
              <Button mt="sm" variant="white" color="red" onClick={onRetry}>
                {t('warehouse.print.retry')}
              </Button>
            )}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

type FailedPageProps = {
  readonly document: string;
  readonly rmaNumber: string;
  readonly cause: PageFailure;
};

/** A page that did not print: the printer's own words as its, or the bridge's refusal worded. */
function FailedPage({ document, rmaNumber, cause }: FailedPageProps) {
  const { t } = useTranslation();
  if (cause.kind === 'printer')
    return t('warehouse.print.failedPagePrinter', { document, rmaNumber, said: cause.said });
  return (
    <>
      {t('warehouse.print.failedPage', {
        document,
        rmaNumber,
        reason: bridgeErrorText(t, cause.error),
      })}
      <FailureDetails failure={{ kind: 'bridge', error: cause.error }} />
    </>
  );
}
