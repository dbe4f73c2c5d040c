import Papa from 'papaparse';
import { csvFormulaStart } from '../csv/csvFormulae';
import type { ReportTable } from './reportTables';

/**
 * A report's table as CSV: a header row, then each row's values (numbers stay numbers). Text that
 * a spreadsheet would run as a formula (a model named `=cmd|…`) is escaped with a leading `'`.
 */
export function reportCsv(table: ReportTable): string {
  return Papa.unparse(
    {
      fields: [...table.headers],
      data: table.rows.map((row) => row.map((cell) => cell.value)),
    },
    { escapeFormulae: csvFormulaStart },
  );
}
