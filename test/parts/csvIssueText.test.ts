import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { id } from '../../renderer/src/i18n/id';
import { csvIssueText } from '../../renderer/src/parts/csvIssueText';
import { readPartsCsv } from '../../renderer/src/parts/partsCsv';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, id: { translation: id } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

const csv = [
  'sku,name,price,currency,compatibleModels',
  'A-1,Strap,"12,5x",USD,',
  'A-2,Glass,1.5,IDR,',
  'A-3,Cable,2.00,XX,',
].join('\n');

describe('the import report', () => {
  it('says per row what is wrong and what to type instead', () => {
    const lines = readPartsCsv(csv).issues.map((issue) => csvIssueText(i18n.t, issue));

    expect(lines).toEqual([
      'row 2: price "12,5x" is not a number — use digits and a dot, e.g. 12.50',
      'row 3: price "1.5" has decimals, but IDR is counted in whole units — e.g. 25000',
      'row 4: currency "XX" is not a currency code — use three letters, e.g. IDR or USD.',
    ]);
  });

  it('says it in Bahasa Indonesia too, without an English word left', () => {
    const t = i18n.getFixedT('id');
    const lines = readPartsCsv(csv).issues.map((issue) => csvIssueText(t, issue));

    expect(lines[0]).toBe(
      'baris 2: harga "12,5x" bukan angka — gunakan angka dan titik, mis. 12.50',
    );
    for (const line of lines) expect(line).not.toMatch(/\b(row|price|number|use)\b/);
  });
});
