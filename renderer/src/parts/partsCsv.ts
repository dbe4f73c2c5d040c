import Papa from 'papaparse';
import { csvFormulaStart, unescapeCsvFormula } from '../csv/csvFormulae';
import { currencyCodeSchema } from '#shared/domain/primitives';
import type { Part } from '../core/model';
import { partSchema } from '../core/model';
import type { MoneyInputError } from '../money/moneyInput';
import { moneyInputText, parseMoneyInput } from '../money/moneyInput';

/** The columns of a parts CSV, in order; `compatibleModels` separates models with `|`. */
export const partsCsvColumns = ['sku', 'name', 'price', 'currency', 'compatibleModels'] as const;
export type PartsCsvColumn = (typeof partsCsvColumns)[number];

/** A part as a CSV row describes it: everything but its id. */
export type PartDraft = Omit<Part, 'id'>;

/**
 * Why one row (or the file) was refused. `row` counts lines of the file as a spreadsheet shows
 * them, the header being row 1; `value` is what the row held, to quote back.
 */
export type PartsCsvIssue =
  | { readonly kind: 'missing-columns'; readonly columns: readonly PartsCsvColumn[] }
  | { readonly kind: 'empty-file' }
  | {
      readonly kind: 'malformed';
      readonly row: number;
      /** What the CSV reader found wrong with the row's cells. */
      readonly problem: Papa.ParseError['code'];
    }
  | {
      readonly kind: 'required';
      readonly row: number;
      readonly column: 'sku' | 'name' | 'price' | 'currency';
    }
  | { readonly kind: 'currency'; readonly row: number; readonly value: string }
  | {
      readonly kind: 'price';
      readonly row: number;
      readonly value: string;
      readonly error: MoneyInputError;
      readonly currency: string;
    }
  | {
      readonly kind: 'duplicate-sku';
      readonly row: number;
      readonly value: string;
      readonly firstRow: number;
    }
  | {
      readonly kind: 'invalid';
      readonly row: number;
      readonly column: string;
      /** The column's text is longer than a part takes (`max` characters), or otherwise refused. */
      readonly problem:
        { readonly kind: 'too-long'; readonly max: number } | { readonly kind: 'refused' };
    };

/** What a parts CSV holds: the rows that make valid parts, and why the others were refused. */
export type PartsCsvReading = {
  readonly parts: readonly { readonly row: number; readonly part: PartDraft }[];
  readonly issues: readonly PartsCsvIssue[];
};

const modelSeparator = '|';

/**
 * Reads a parts CSV (header `sku,name,price,currency,compatibleModels`) and checks every row with
 * the part schema. Valid rows are kept even when others are refused, so the caller can show a
 * preview and import only what is right. Prices are read exactly as typed (digits and a dot).
 */
export function readPartsCsv(text: string): PartsCsvReading {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim(),
  });
  const headers = parsed.meta.fields ?? [];
  if (headers.length === 0) return { parts: [], issues: [{ kind: 'empty-file' }] };
  const missing = partsCsvColumns.filter(
    (column) => column !== 'compatibleModels' && !headers.includes(column),
  );
  if (missing.length > 0)
    return { parts: [], issues: [{ kind: 'missing-columns', columns: missing }] };

  const issues: PartsCsvIssue[] = [];
  const parts: { row: number; part: PartDraft }[] = [];
  const firstRowOfSku = new Map<string, number>();
  // Papa numbers data rows from 0 and does not count the header; a spreadsheet counts both.
  const malformedRows = new Set<number>();
  for (const error of parsed.errors) {
    if (error.row === undefined) continue;
    malformedRows.add(error.row);
    issues.push({ kind: 'malformed', row: error.row + 2, problem: error.code });
  }
  parsed.data.forEach((record, index) => {
    if (malformedRows.has(index)) return;
    const row = index + 2;
    const cell = (column: PartsCsvColumn) => unescapeCsvFormula(record[column] ?? '').trim();
    for (const column of ['sku', 'name', 'price', 'currency'] as const) {
      if (cell(column) === '') {
        issues.push({ kind: 'required', row, column });
        return;
      }
    }
    const currency = currencyCodeSchema.safeParse(cell('currency').toUpperCase());
    if (!currency.success) {
      issues.push({ kind: 'currency', row, value: cell('currency') });
      return;
    }
    const price = parseMoneyInput(cell('price'), currency.data);
    if (!price.ok) {
      issues.push({
        kind: 'price',
        row,
        value: cell('price'),
        error: price.error,
        currency: currency.data,
      });
      return;
    }
    const sku = cell('sku');
    const firstRow = firstRowOfSku.get(sku);
    if (firstRow !== undefined) {
      issues.push({ kind: 'duplicate-sku', row, value: sku, firstRow });
      return;
    }
    const draft: PartDraft = {
      sku,
      name: cell('name'),
      unitPrice: price.value,
      compatibleModels: cell('compatibleModels')
        .split(modelSeparator)
        .map((model) => model.trim())
        .filter((model) => model !== ''),
    };
    // The schema has the last word, so an import stores only what the repository would accept.
    const checked = partSchema.safeParse({ ...draft, id: '00000000-0000-7000-8000-000000000000' });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      issues.push({
        kind: 'invalid',
        row,
        column: issue?.path.map(String).join('.') ?? '',
        problem:
          issue?.code === 'too_big'
            ? { kind: 'too-long', max: Number(issue.maximum) }
            : { kind: 'refused' },
      });
      return;
    }
    firstRowOfSku.set(sku, row);
    parts.push({ row, part: draft });
  });
  issues.sort((a, b) => ('row' in a ? a.row : 0) - ('row' in b ? b.row : 0));
  return { parts, issues };
}

/**
 * Writes parts as a CSV with the same header {@link readPartsCsv} reads, so it round-trips. A cell
 * a spreadsheet would run as a formula gets a leading `'`, which {@link readPartsCsv} removes.
 */
export function writePartsCsv(parts: readonly PartDraft[]): string {
  const rows = parts.map((part) => [
    part.sku,
    part.name,
    moneyInputText(part.unitPrice),
    part.unitPrice.currency,
    part.compatibleModels.join(modelSeparator),
  ]);
  const text = Papa.unparse(
    { fields: [...partsCsvColumns], data: rows },
    { newline: '\n', escapeFormulae: csvFormulaStart },
  );
  return `${text}\n`;
}
