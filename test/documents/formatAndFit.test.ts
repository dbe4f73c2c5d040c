import { describe, expect, it } from 'vitest';
import {
  addressLines,
  documentText,
  fitText,
  formatDate,
  formatMoney,
  shipByDate,
  wrapText,
  type DocumentText,
  type TextMeasurer,
} from '#shared/documents';
import { money } from '#shared/domain/primitives';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import { measureText } from '../../electron/documents/fonts';

/** A measurer where every character is 5 pt wide at 10 pt: easy to reason about. */
const monospace: TextMeasurer = (text, fontSize) => Array.from(text).length * fontSize * 0.5;

describe('money and dates', () => {
  it.each([
    [money(1_250_000, 'IDR'), 'id', 'Rp 1.250.000'],
    [money(1_250_000, 'IDR'), 'en', 'IDR 1,250,000'],
    [money(12_999, 'USD'), 'en', 'US$129.99'],
    [money(12_999, 'USD'), 'id', 'US$129,99'],
    [money(-3_800_000, 'IDR'), 'id', '-Rp 3.800.000'],
    [money(5, 'USD'), 'en', 'US$0.05'],
    [money(1_234, 'KWD'), 'en', 'KWD 1.234'],
  ] as const)('formats %j for a reader of %s as %s', (amount, language, expected) => {
    expect(formatMoney(amount, language).replace(/\s/g, ' ')).toBe(expected);
  });

  it('formats the largest safe amount exactly, without going through a float', () => {
    expect(formatMoney(money(Number.MAX_SAFE_INTEGER, 'USD'), 'en')).toBe(
      'US$90,071,992,547,409.91',
    );
  });

  it('prints a calendar day as the reader writes it, whatever the time zone', () => {
    expect(formatDate('2026-05-20', 'id')).toBe('20 Mei 2026');
    expect(formatDate('2026-05-20', 'en')).toBe('20 May 2026');
    expect(formatDate('2026-01-01', 'en')).toBe('1 January 2026');
  });

  it("writes the postal code after the city in Indonesia and leaves out the reader's own country", () => {
    const address = {
      lines: ['Jl. Raya Kuta No. 27'],
      city: 'Kuta',
      region: 'Bali',
      postalCode: '80361',
      countryCode: 'ID',
    };
    expect(addressLines(address, 'id', 'ID')).toEqual([
      'Jl. Raya Kuta No. 27',
      'Kuta 80361',
      'Bali',
    ]);
    expect(addressLines(address, 'en', 'SG')).toEqual([
      'Jl. Raya Kuta No. 27',
      'Kuta 80361',
      'Bali',
      'Indonesia',
    ]);
    expect(
      addressLines(
        { ...address, countryCode: 'DE', city: 'Berlin', postalCode: '10115', region: undefined },
        'en',
        'DE',
      ),
    ).toEqual(['Jl. Raya Kuta No. 27', '10115 Berlin']);
  });

  it('ships by the end of the free-shipping window when it comes before the authorization expires', () => {
    const slip = sampleDocuments()['rma-slip'];
    expect(shipByDate(slip.decision, '2026-05-10', 14)).toBe('2026-05-20');
    expect(shipByDate(slip.decision, '2026-05-10', 5)).toBe('2026-05-15');
  });
});

describe('fitting text', () => {
  it('wraps at spaces and keeps the line breaks the text has', () => {
    expect(wrapText('aaa bbb ccc\nddd', 40, 10, false, monospace)).toEqual([
      'aaa bbb',
      'ccc',
      'ddd',
    ]);
  });

  it('breaks a word longer than the line between characters instead of letting it overflow', () => {
    expect(wrapText('abcdefghijkl', 25, 10, false, monospace)).toEqual(['abcde', 'fghij', 'kl']);
  });

  it('breaks a 10,000-character word into full lines without ever measuring it whole', () => {
    const word = 'W'.repeat(5_000) + 'i'.repeat(5_000);
    const measured: number[] = [];
    // Kerning that makes every pair 1% narrower than its characters, as a real font may.
    const kerned: TextMeasurer = (text, fontSize) => {
      measured.push(Array.from(text).length);
      const widths = Array.from(text).map((character) => (character === 'W' ? 0.9 : 0.3));
      const sum = widths.reduce((total, width) => total + width, 0) * fontSize;
      return text.length > 1 ? sum * 0.99 : sum;
    };

    const lines = wrapText(`Before ${word} after`, 90, 10, false, kerned);

    expect(lines.join('').replaceAll(' ', '') === `Before${word}after`).toBe(true);
    expect(lines.every((line) => kerned(line, 10, false) <= 90)).toBe(true);
    // Full lines: none but the last of each run could take one more character.
    expect(lines.slice(1, 500).every((line) => line === 'W'.repeat(10))).toBe(true);
    expect(Math.max(...measured)).toBeLessThan(100);
  });

  it('shrinks text until it fits its lines, and no further', () => {
    const fitted = fitText(
      { text: 'abcdefghij', maxWidth: 40, fontSize: 12, minFontSize: 6, maxLines: 1 },
      monospace,
    );
    expect(fitted).toMatchObject({ lines: ['abcdefghij'], fontSize: 8, truncated: false });
  });

  it('cuts text with an ellipsis when even the smallest size is too big', () => {
    const fitted = fitText(
      {
        text: 'abcdefghijklmnopqrstuvwxyz',
        maxWidth: 40,
        fontSize: 10,
        minFontSize: 8,
        maxLines: 1,
      },
      monospace,
    );
    expect(fitted).toMatchObject({ fontSize: 8, truncated: true, lines: ['abcdefghi…'] });
  });

  it('keeps a fitted block within its height', () => {
    const fitted = fitText(
      {
        text: 'one two three four five six',
        maxWidth: 30,
        fontSize: 10,
        minFontSize: 10,
        maxHeight: 25,
      },
      monospace,
    );
    expect(fitted.height).toBeLessThanOrEqual(25);
    expect(fitted.truncated).toBe(true);
  });

  it('measures with the embedded font, so an accented name is wider in bold', () => {
    expect(measureText('Zoë Łukasiewicz', 10, true)).toBeGreaterThan(
      measureText('Zoë Łukasiewicz', 10, false),
    );
    expect(measureText('', 10, false)).toBe(0);
  });
});

describe('the document dictionary', () => {
  /** Every leaf of a dictionary as a string, functions called with sample arguments. */
  function leaves(text: DocumentText): Record<string, string> {
    const entries: [string, string][] = [];
    const visit = (path: string, value: unknown): void => {
      if (typeof value === 'string') entries.push([path, value]);
      else if (typeof value === 'function')
        entries.push([path, String(value.call(undefined, 1, 2))]);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, child] of Object.entries(value))
          visit(path === '' ? key : `${path}.${key}`, child);
      }
    };
    visit('', text);
    return Object.fromEntries(entries);
  }

  it('has the same strings in English and Bahasa Indonesia, none of them empty', () => {
    const english = leaves(documentText.en);
    const indonesian = leaves(documentText.id);
    expect(Object.keys(indonesian).sort()).toEqual(Object.keys(english).sort());
    for (const [key, value] of [...Object.entries(english), ...Object.entries(indonesian)]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('translates the sentences rather than copying the English', () => {
    const english = leaves(documentText.en);
    const indonesian = leaves(documentText.id);
    const untranslated = Object.keys(english).filter(
      (key) => english[key] === indonesian[key] && (english[key] ?? '').includes(' '),
    );
    expect(untranslated).toEqual([]);
  });
});
