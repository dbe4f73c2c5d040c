/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection"): those starting with
 * `= + - @`, a tab or a carriage return. Papa's own pattern for `escapeFormulae: true` ends in
 * `.*$` without the `s` flag, so it misses a formula followed by a line break; this one looks at
 * the first character only. An apostrophe is escaped as well, so that stripping one apostrophe on
 * import restores every value exactly.
 */
export const csvFormulaStart = /^[=+\-@\t\r']/;

/** The value a cell held before `Papa.unparse(…, { escapeFormulae: csvFormulaStart })`. */
export function unescapeCsvFormula(cell: string): string {
  return cell.startsWith("'") && csvFormulaStart.test(cell.slice(1)) ? cell.slice(1) : cell;
}
