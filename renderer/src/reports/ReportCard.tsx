import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportChart } from './ReportChart';
import type { ChartSpec } from './reportCharts';
import type { ReportTable } from './reportTables';
import { ReportTableView } from './ReportTableView';

type ReportCardProps = {
  title: string;
  help: string;
  /** Shown instead of the chart and table when the report has no rows. */
  empty: string;
  chart: ChartSpec;
  table: ReportTable;
  onExport: () => void;
};

/** One report: its title and definition, the chart, every figure in a table, and its CSV. */
export function ReportCard({ title, help, empty, chart, table, onExport }: ReportCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const hasRows = table.rows.length > 0;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" id={titleId}>
            {title}
          </Title>
          <Button
            variant="light"
            size="xs"
            onClick={onExport}
            disabled={!hasRows}
            aria-label={t('reports.exportCsvOf', { report: title })}
          >
            {t('reports.exportCsv')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {help}
        </Text>
        {hasRows ? (
          <>
            <ReportChart spec={chart} label={t('reports.chartOf', { report: title })} />
            <ReportTableView table={table} caption={t('reports.tableOf', { report: title })} />
          </>
        ) : (
          <Text size="sm" fs="italic">
            {empty}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
