import type { TFunction } from 'i18next';
import type { Reports } from '#shared/reports';
import { localeOf } from '#shared/documents/format';
import type { Language } from '#shared/domain/vocabulary';
import type { ReportColumn } from './messages';

/** The reports of the screen, in order: each is a card with a chart, a table and a CSV. */
export const reportIds = [
  'byStatus',
  'doa',
  'voidReasons',
  'noDefect',
  'deadlines',
  'turnaround',
] as const;
export type ReportId = (typeof reportIds)[number];

/**
 * One cell: `value` goes into the CSV (numbers as numbers, percentages as percent, days rounded to
 * a tenth, months as ISO YYYY-MM), `text` is what the table shows (in the station's language).
 */
export type ReportCell = { readonly value: string | number; readonly text: string };

/** A report as a table: translated column headers and rows of cells, the same for table and CSV. */
export type ReportTable = {
  readonly headers: readonly string[];
  /** Which columns hold numbers (right-aligned). */
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly ReportCell[])[];
};

/** Rounds to one decimal, as the table and the CSV both show it. */
const tenth = (value: number): number => Math.round(value * 10) / 10;

function formatters(language: Language) {
  const locale = localeOf[language];
  const count = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const month = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    count: (value: number): ReportCell => ({ value, text: count.format(value) }),
    days: (value: number): ReportCell => ({
      value: tenth(value),
      text: decimal.format(tenth(value)),
    }),
    /** A rate 0..1 as a percentage; an empty cell when there is no rate. */
    rate: (value: number | null): ReportCell =>
      value === null
        ? { value: '', text: '—' }
        : { value: tenth(value * 100), text: percent.format(tenth(value * 100) / 100) },
    month: (value: string): ReportCell => ({
      value,
      text: month.format(Date.parse(`${value}-01T00:00:00Z`)),
    }),
    text: (value: string): ReportCell => ({ value, text: value }),
  };
}

/** Every report as a table, translated. */
export function reportTables(
  reports: Reports,
  t: TFunction,
  language: Language,
): Record<ReportId, ReportTable> {
  const cell = formatters(language);
  const column = (key: ReportColumn) => t(`reports.column.${key}`);
  const modelCells = (row: { brand: string; model: string }) => [
    cell.text(row.brand),
    cell.text(row.model),
  ];
  return {
    byStatus: {
      headers: [column('status'), column('claims')],
      numeric: [false, true],
      rows: reports.byStatus.map((row) => [
        cell.text(t(`status.${row.status}`)),
        cell.count(row.claims),
      ]),
    },
    doa: {
      headers: [
        column('brand'),
        column('model'),
        column('inspected'),
        column('doa'),
        column('doaRate'),
      ],
      numeric: [false, false, true, true, true],
      rows: reports.doaByModel.map((row) => [
        ...modelCells(row),
        cell.count(row.inspected),
        cell.count(row.doa),
        cell.rate(row.rate),
      ]),
    },
    voidReasons: {
      headers: [column('finding'), column('claims')],
      numeric: [false, true],
      rows: reports.voidReasons.map((row) => [
        cell.text(t(`reports.misuse.${row.kind}`)),
        cell.count(row.claims),
      ]),
    },
    noDefect: {
      headers: [
        column('brand'),
        column('model'),
        column('inspected'),
        column('noDefectFound'),
        column('noDefectRate'),
      ],
      numeric: [false, false, true, true, true],
      rows:
        reports.noDefectFound.overall.inspected === 0
          ? []
          : [
              [
                cell.text(''),
                cell.text(t('reports.noDefect.allModels')),
                cell.count(reports.noDefectFound.overall.inspected),
                cell.count(reports.noDefectFound.overall.noDefectFound),
                cell.rate(reports.noDefectFound.overall.rate),
              ],
              ...reports.noDefectFound.byModel.map((row) => [
                ...modelCells(row),
                cell.count(row.inspected),
                cell.count(row.noDefectFound),
                cell.rate(row.rate),
              ]),
            ],
    },
    deadlines: {
      headers: [
        column('measure'),
        column('met'),
        column('missed'),
        column('pending'),
        column('metRate'),
      ],
      numeric: [false, true, true, true, true],
      rows: reports.deadlines
        .filter((row) => row.met + row.missed + row.pending > 0)
        .map((row) => [
          cell.text(t(`reports.deadlines.measure.${row.measure}`)),
          cell.count(row.met),
          cell.count(row.missed),
          cell.count(row.pending),
          cell.rate(row.rate),
        ]),
    },
    turnaround: {
      headers: [column('month'), column('claims'), column('medianDays'), column('p90Days')],
      numeric: [false, true, true, true],
      rows: reports.turnaround.map((row) => [
        cell.month(row.month),
        cell.count(row.claims),
        cell.days(row.medianDays),
        cell.days(row.p90Days),
      ]),
    },
  };
}
