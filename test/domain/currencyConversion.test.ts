import { describe, expect, it } from 'vitest';
import { convertAtRate } from '#shared/domain/currencyConversion';
import { money } from '#shared/domain/primitives';
import { exchangeRateSchema, quoteLineSchema } from '#shared/domain/quote';
import { makeConvertedPriceDifference, makeQuoteLine } from '../factories/domain';

describe('converting an amount at a rate the technician typed', () => {
  it.each([
    ['US$10.00 at 16250', money(1000, 'USD'), '16250', 'IDR', 162_500],
    ['US$30.00 at 16250.5', money(3000, 'USD'), '16250.5', 'IDR', 487_515],
    ['US$0.01 at 16250 (rounded half up)', money(1, 'USD'), '16250', 'IDR', 163],
    ['Rp 325.000 at 0.000062', money(325_000, 'IDR'), '0.000062', 'USD', 2015],
    ['US$20.00 at 0.92 into euros', money(2000, 'USD'), '0.92', 'EUR', 1840],
  ])('converts %s into whole minor units', (_, source, rate, target, expected) => {
    const converted = convertAtRate(source, exchangeRateSchema.parse(rate), target);
    expect(converted).toEqual({ ok: true, value: money(expected, target) });
  });

  it('refuses a result beyond the safe integer range instead of rounding it', () => {
    const converted = convertAtRate(
      money(Number.MAX_SAFE_INTEGER, 'USD'),
      exchangeRateSchema.parse('999999999999'),
      'IDR',
    );
    expect(converted).toEqual({ ok: false, error: { code: 'too-large' } });
  });
});

describe('the rate of exchange', () => {
  it.each(['16250', '16250.5', '0.92', '1'])('takes %s', (rate) => {
    expect(exchangeRateSchema.safeParse(rate).success).toBe(true);
  });

  it.each(['0', '0.0', '-16250', '16,250', '16.250.5', '1e4', '', ' 16250', '16250.1234567'])(
    'refuses "%s"',
    (rate) => {
      expect(exchangeRateSchema.safeParse(rate).success).toBe(false);
    },
  );
});

describe('a stored quote line', () => {
  it('reads a line stored before lines had codes: text only, no conversion', () => {
    const legacy = makeQuoteLine({ kind: 'labour', description: 'Jasa servis', clauseIds: [] });
    expect(quoteLineSchema.parse(legacy)).toEqual(legacy);
  });

  it('keeps a generated line’s code and values and a converted line’s source and rate', () => {
    const line = makeConvertedPriceDifference();
    expect(quoteLineSchema.parse(line)).toEqual(line);
  });

  it('refuses an unknown code and a rate that is not a number', () => {
    expect(
      quoteLineSchema.safeParse({ ...makeQuoteLine(), wording: { code: 'gift-wrap' } }).success,
    ).toBe(false);
    expect(
      quoteLineSchema.safeParse({
        ...makeQuoteLine(),
        conversion: { source: money(2000, 'USD'), rate: 'sixteen thousand' },
      }).success,
    ).toBe(false);
  });
});
