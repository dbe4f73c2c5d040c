import { Alert, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDateSchema } from '#shared/domain/primitives';
import type { ReportFilter, Reports } from '#shared/reports';
import { calendarDayIn, stationTimeZone } from '#shared/domain/calendar';
import { useLanguage, useStationFormat } from '../hooks/useStationFormat';
import { useStationContext } from '../station/StationContext';
import { FailureDetails } from '../shell/FailureDetails';
import { ReportCard } from './ReportCard';
import { reportCharts } from './reportCharts';
import { ReportsFilters, type ReportsFilterValues } from './ReportsFilters';
import { reportIds, reportTables, type ReportId } from './reportTables';
import { csvFileName, useCsvExport } from './useCsvExport';
import { useReports } from './useReports';

/** The CSV file name of each report. */
const csvSlug: Record<ReportId, string> = {
  byStatus: 'claims-by-status',
  doa: 'doa-rate-by-model',
  voidReasons: 'void-reasons',
  noDefect: 'no-defect-found-rate',
  deadlines: 'deadline-compliance',
  turnaround: 'turnaround-time',
};

/** A typed day, or '' (no bound) while the field is empty or half typed. */
const validDay = (value: string): string => (isoDateSchema.safeParse(value).success ? value : '');

/**
 * Reports over the station's claims: claims by status, DOA rate, void reasons, no defect found,
 * deadline compliance and turnaround, each a chart, a table and a CSV, for the claims opened
 * between two days under one policy pack.
 */
export function ReportsScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useStationFormat();
  const { station } = useStationContext();
  // Local state, not the URL: the router commits URL changes in a transition, and a second edit
  // made before it lands would start from the stale filter and drop the first.
  const [values, setValues] = useState<ReportsFilterValues>({ from: '', to: '', pack: '' });
  const rangeError =
    values.from !== '' && values.to !== '' && values.from > values.to
      ? t('reports.badRange')
      : undefined;
  const filter = useMemo((): ReportFilter | undefined => {
    if (rangeError !== undefined) return undefined;
    return {
      openedFrom: values.from === '' ? undefined : values.from,
      openedTo: values.to === '' ? undefined : values.to,
      policyPackId: values.pack === '' ? undefined : values.pack,
    };
  }, [values.from, values.to, values.pack, rangeError]);
  const [refreshCount, setRefreshCount] = useState(0);
  const refresh = () => setRefreshCount((count) => count + 1);
  useHotkeys([['alt+R', refresh]]);
  const state = useReports(filter, refreshCount);
  const exportCsv = useCsvExport();

  const reports: Reports | undefined =
    state.kind === 'ready' ? state.reports : state.kind === 'loading' ? state.previous : undefined;
  const tables = useMemo(
    () => (reports === undefined ? undefined : reportTables(reports, t, language)),
    [reports, t, language],
  );
  const charts = useMemo(
    () => (reports === undefined ? undefined : reportCharts(reports, t, language)),
    [reports, t, language],
  );
  const timeZone = stationTimeZone(station.timeZone);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('reports.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('reports.intro')}
          </Text>
        </Stack>
        <Group gap="xs" aria-live="polite" mih={24}>
          {state.kind === 'loading' && <Loader size="xs" />}
          <Text size="sm" c="dimmed">
            {state.kind === 'loading'
              ? t('reports.loading')
              : state.kind === 'ready'
                ? `${t('reports.claimCount', { count: state.reports.claims })} · ${t('reports.computedAt', { time: format.dateTime(new Date(state.computedAtMs).toISOString()) })}`
                : ''}
          </Text>
        </Group>
      </Group>
      <ReportsFilters
        values={values}
        onChange={(next) =>
          setValues({ from: validDay(next.from), to: validDay(next.to), pack: next.pack })
        }
        onRefresh={refresh}
        rangeError={rangeError}
      />
      {state.kind === 'failed' && (
        <Alert color="red" role="alert">
          {t('reports.failed')}
          <FailureDetails failure={state.failure} />
        </Alert>
      )}
      {reports !== undefined && reports.claims === 0 && state.kind === 'ready' && (
        <Alert color="gray">{t('reports.noClaims')}</Alert>
      )}
      {tables !== undefined && charts !== undefined && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
          {reportIds.map((id) => (
            <ReportCard
              key={id}
              title={t(`reports.${id}.title`)}
              help={t(`reports.${id}.help`)}
              empty={id === 'byStatus' ? t('reports.noClaims') : t(`reports.${id}.empty`)}
              chart={charts[id]}
              table={tables[id]}
              onExport={() =>
                void exportCsv(
                  tables[id],
                  csvFileName(csvSlug[id], calendarDayIn(timeZone, Date.now())),
                )
              }
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
