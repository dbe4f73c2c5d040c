import { describe, expect, it } from 'vitest';
import { documentText, layoutDocument } from '#shared/documents';
import { quoteLineConversionText, quoteLineText } from '#shared/documents/quoteLineText';
import { money } from '#shared/domain/primitives';
import type { QuoteLine } from '#shared/domain/quote';
import { measureText } from '../../electron/documents/fonts';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import { makeConvertedPriceDifference, makeQuoteLine } from '../factories/domain';
import { layoutText } from './layoutChecks';

/** Intl puts no-break spaces in amounts; the tests read them as spaces. */
const plain = (text: string): string => text.replace(/\s/gu, ' ');

const words = { en: documentText.en.quoteLineWords, id: documentText.id.quoteLineWords };

describe('the words of a generated quote line', () => {
  it.each<[string, QuoteLine['wording'], string, string]>([
    ['the inbound leg', { code: 'shipping-inbound' }, 'Shipping to us', 'Ongkos kirim ke kami'],
    ['labour', { code: 'labour' }, 'Labour', 'Jasa servis'],
    [
      'labour by the hour',
      { code: 'labour-hourly', hundredthsOfHour: 150, rate: money(100_000, 'IDR') },
      'Labour (1.5 h × IDR 100,000)',
      'Jasa servis (1,5 jam × Rp 100.000)',
    ],
    [
      'a pack charge',
      { code: 'charge', charge: 'price-difference' },
      'Price difference',
      'Selisih harga',
    ],
  ])('words %s in the reader’s language, whatever it was made in', (_, wording, en, id) => {
    const line = { description: 'made in another language', wording };
    expect(plain(quoteLineText(line, words.en, 'en'))).toBe(en);
    expect(plain(quoteLineText(line, words.id, 'id'))).toBe(id);
  });

  it('keeps the technician’s own description of hourly labour', () => {
    const line = {
      description: 'Ganti layar (2 jam × Rp 50.000)',
      wording: {
        code: 'labour-hourly' as const,
        description: 'Ganti layar',
        hundredthsOfHour: 200,
        rate: money(50_000, 'IDR'),
      },
    };
    expect(plain(quoteLineText(line, words.en, 'en'))).toBe('Ganti layar (2 h × IDR 50,000)');
  });

  it('shows a line a person wrote, or one stored before codes, as it was written', () => {
    expect(quoteLineText({ description: 'Ongkos kirim ke pusat servis' }, words.en, 'en')).toBe(
      'Ongkos kirim ke pusat servis',
    );
  });

  it('says what a converted line was converted from, at the rate as typed', () => {
    const conversion = { source: money(2000, 'USD'), rate: '16250.5' };
    expect(plain(quoteLineConversionText(conversion, 'IDR', words.en, 'en'))).toBe(
      'US$20.00 at 16,250.5 IDR per USD',
    );
    expect(plain(quoteLineConversionText(conversion, 'IDR', words.id, 'id'))).toBe(
      'US$20,00 dengan kurs 16.250,5 IDR per USD',
    );
  });
});

describe('a printed quote with generated lines', () => {
  it('words them in the customer’s language and prints both amounts of a converted line', () => {
    const sample = sampleDocuments().quote;
    const lines = [
      makeQuoteLine({
        quoteId: sample.quote.id,
        kind: 'shipping-inbound',
        description: 'Shipping to the center',
        wording: { code: 'shipping-inbound' },
        unitPrice: money(25_000, 'IDR'),
        clauseIds: ['C11'],
      }),
      makeConvertedPriceDifference({ quoteId: sample.quote.id }),
    ];
    const printed = layoutDocument('quote', { ...sample, lines }, { measureText, language: 'id' });
    if (!printed.ok) throw new Error(printed.error.message);
    const text = plain(layoutText(printed.value));
    expect(text).toContain('Ongkos kirim ke kami');
    expect(text).not.toContain('Shipping to the center');
    expect(text).toContain('Selisih harga');
    expect(text).toContain('US$20,00 dengan kurs 16.250 IDR per USD');
    expect(text).toContain('Rp 325.000');
  });
});
