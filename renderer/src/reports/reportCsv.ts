import Papa from 'papaparse';
import type { ReportTable } from './reportTables';

/** A report's table as CSV: a header row, then each row's values (numbers stay numbers). */
export function reportCsv(table: ReportTable): string {
  return Papa.unparse({
    fields: [...table.headers],
    data: table.rows.map((row) => row.map((cell) => cell.value)),
  });
}
