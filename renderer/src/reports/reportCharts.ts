import type { TFunction } from 'i18next';
import type { Reports } from '#shared/reports';
import { localeOf } from '#shared/documents/format';
import type { Language } from '#shared/domain/vocabulary';
import type { ReportId } from './reportTables';
import type { ReportColumn } from './messages';

/** What one report draws: bars (one series or stacked), or lines over months. */
export type ChartSpec = {
  readonly kind: 'bars' | 'stacked-bars' | 'lines';
  /** One object per category (bar or point): the category under `label`, figures by series. */
  readonly data: readonly Record<string, string | number>[];
  readonly series: readonly { name: string; label: string; color: string }[];
  /** Figures are percentages (0..100). */
  readonly percent: boolean;
};

const modelLabel = (row: { brand: string; model: string }): string =>
  row.model.toLowerCase().startsWith(row.brand.toLowerCase())
    ? row.model
    : `${row.brand} ${row.model}`;

const percent = (rate: number | null): number => (rate === null ? 0 : Math.round(rate * 1000) / 10);

/** The chart of every report, with translated labels. The tables carry the exact figures. */
export function reportCharts(
  reports: Reports,
  t: TFunction,
  language: Language,
): Record<ReportId, ChartSpec> {
  const column = (key: ReportColumn) => t(`reports.column.${key}`);
  const monthFormat = new Intl.DateTimeFormat(localeOf[language], {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    byStatus: {
      kind: 'bars',
      data: reports.byStatus.map((row) => ({
        label: t(`status.${row.status}`),
        claims: row.claims,
      })),
      series: [{ name: 'claims', label: column('claims'), color: 'teal.6' }],
      percent: false,
    },
    doa: {
      kind: 'bars',
      data: reports.doaByModel.map((row) => ({ label: modelLabel(row), rate: percent(row.rate) })),
      series: [{ name: 'rate', label: column('doaRate'), color: 'orange.6' }],
      percent: true,
    },
    voidReasons: {
      kind: 'bars',
      data: reports.voidReasons.map((row) => ({
        label: t(`reports.misuse.${row.kind}`),
        claims: row.claims,
      })),
      series: [{ name: 'claims', label: column('claims'), color: 'red.6' }],
      percent: false,
    },
    noDefect: {
      kind: 'bars',
      data:
        reports.noDefectFound.overall.inspected === 0
          ? []
          : [
              {
                label: t('reports.noDefect.allModels'),
                rate: percent(reports.noDefectFound.overall.rate),
              },
              ...reports.noDefectFound.byModel.map((row) => ({
                label: modelLabel(row),
                rate: percent(row.rate),
              })),
            ],
      series: [{ name: 'rate', label: column('noDefectRate'), color: 'blue.6' }],
      percent: true,
    },
    deadlines: {
      kind: 'stacked-bars',
      data: reports.deadlines
        .filter((row) => row.met + row.missed + row.pending > 0)
        .map((row) => ({
          label: t(`reports.deadlines.measure.${row.measure}`),
          met: row.met,
          missed: row.missed,
          pending: row.pending,
        })),
      series: [
        { name: 'met', label: column('met'), color: 'teal.6' },
        { name: 'missed', label: column('missed'), color: 'red.6' },
        { name: 'pending', label: column('pending'), color: 'gray.5' },
      ],
      percent: false,
    },
    turnaround: {
      kind: 'lines',
      data: reports.turnaround.map((row) => ({
        label: monthFormat.format(Date.parse(`${row.month}-01T00:00:00Z`)),
        median: Math.round(row.medianDays * 10) / 10,
        p90: Math.round(row.p90Days * 10) / 10,
      })),
      series: [
        { name: 'median', label: column('medianDays'), color: 'teal.6' },
        { name: 'p90', label: column('p90Days'), color: 'grape.6' },
      ],
      percent: false,
    },
  };
}
