import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { money } from '#shared/domain/primitives';
import type { PartDraft } from '../../renderer/src/parts/partsCsv';
import { readPartsCsv, writePartsCsv } from '../../renderer/src/parts/partsCsv';

const header = 'sku,name,price,currency,compatibleModels';

describe('reading a parts CSV', () => {
  it('reads each row as a part, with its models split at "|" and its price in minor units', () => {
    const reading = readPartsCsv(
      `${header}\nKT3-BAT,Battery kit,26.00,USD,KOSPET Tank T3|KOSPET Tank M2\nIGS-MNT,"Mount, out-front",150000,idr,\n`,
    );

    expect(reading.issues).toEqual([]);
    expect(reading.parts).toEqual([
      {
        row: 2,
        part: {
          sku: 'KT3-BAT',
          name: 'Battery kit',
          unitPrice: money(2600, 'USD'),
          compatibleModels: ['KOSPET Tank T3', 'KOSPET Tank M2'],
        },
      },
      {
        row: 3,
        part: {
          sku: 'IGS-MNT',
          name: 'Mount, out-front',
          unitPrice: money(150000, 'IDR'),
          compatibleModels: [],
        },
      },
    ]);
  });

  it('reports each bad row by its spreadsheet row number and keeps the good ones', () => {
    const reading = readPartsCsv(
      [
        header,
        'A-1,Strap,12.50,USD,',
        'A-2,Screen,"12,5x",USD,',
        'A-3,,5.00,USD,',
        'A-4,Glass,5.00,US,',
        'A-1,Strap again,1.00,USD,',
        'A-6,Cable,1.005,USD,',
        'A-7,Charger,-3,USD,',
      ].join('\n'),
    );

    expect(reading.parts.map((entry) => entry.row)).toEqual([2]);
    expect(reading.issues).toEqual([
      {
        kind: 'price',
        row: 3,
        value: '12,5x',
        currency: 'USD',
        error: { code: 'not-a-number', digits: 2 },
      },
      { kind: 'required', row: 4, column: 'name' },
      { kind: 'currency', row: 5, value: 'US' },
      { kind: 'duplicate-sku', row: 6, value: 'A-1', firstRow: 2 },
      {
        kind: 'price',
        row: 7,
        value: '1.005',
        currency: 'USD',
        error: { code: 'too-many-decimals', digits: 2 },
      },
      {
        kind: 'price',
        row: 8,
        value: '-3',
        currency: 'USD',
        error: { code: 'negative', digits: 2 },
      },
    ]);
  });

  it('refuses a file without the columns it needs, naming them', () => {
    expect(readPartsCsv('sku,title,cost\nA-1,Strap,1.00\n').issues).toEqual([
      { kind: 'missing-columns', columns: ['name', 'price', 'currency'] },
    ]);
    expect(readPartsCsv('').issues).toEqual([{ kind: 'empty-file' }]);
  });

  it('reports a row with too many cells rather than guessing which cell is which', () => {
    const reading = readPartsCsv(`${header}\nA-1,Strap,1.00,USD,,extra\nA-2,Glass,2.00,USD,\n`);
    expect(reading.issues).toMatchObject([{ kind: 'malformed', row: 2 }]);
    expect(reading.parts.map((entry) => entry.part.sku)).toEqual(['A-2']);
  });
});

describe('writing a parts CSV', () => {
  it('writes the header and rows that read back as the same parts', () => {
    const parts: PartDraft[] = [
      {
        sku: 'KT3-BAT',
        name: 'Battery kit, "original"',
        unitPrice: money(2605, 'USD'),
        compatibleModels: ['KOSPET Tank T3', 'KOSPET Tank M2'],
      },
      { sku: 'IGS-MNT', name: 'Mount', unitPrice: money(150000, 'IDR'), compatibleModels: [] },
    ];

    const text = writePartsCsv(parts);

    expect(text.split('\n')[0]).toBe(header);
    expect(readPartsCsv(text)).toEqual({
      parts: parts.map((part, index) => ({ row: index + 2, part })),
      issues: [],
    });
  });

  it('escapes cells a spreadsheet would run as a formula, and reads them back unchanged', () => {
    // OWASP's CSV-injection examples, and an apostrophe of the part's own.
    const names = [
      "=cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      '+1+cmd|calc',
      "-2+3+cmd|' /C calc'!A0",
      "'=already quoted",
      "'Quoted' strap",
    ];
    const parts: PartDraft[] = names.map((name, index) => ({
      sku: `-SKU${index}`,
      name,
      unitPrice: money(100, 'USD'),
      compatibleModels: ['=HYPERLINK("http://attacker.invalid")', 'KOSPET Tank T3'],
    }));

    const text = writePartsCsv(parts);

    const cells = Papa.parse<string[]>(text).data.slice(1, -1);
    expect(cells.map((row) => row[1])).toEqual(names.map((name) => `'${name}`));
    expect(cells.map((row) => row[0])).toEqual(names.map((_, index) => `'-SKU${index}`));
    expect(cells[0]?.[4]).toBe(`'=HYPERLINK("http://attacker.invalid")|KOSPET Tank T3`);
    expect(readPartsCsv(text)).toEqual({
      parts: parts.map((part, index) => ({ row: index + 2, part })),
      issues: [],
    });
  });
});
