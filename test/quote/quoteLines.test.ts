import { describe, expect, it } from 'vitest';
import { money } from '#shared/domain/primitives';
import { quoteTotals } from '#shared/domain/quote';
import {
  convertedCharge,
  hourlyLabour,
  lineKindOfCharge,
  parseHours,
} from '../../renderer/src/claim/quote/quoteLines';

describe('labour by the hour', () => {
  it.each([
    ['1.5', 150],
    ['2', 200],
    ['0.25', 25],
    [' 3.1 ', 310],
  ])('reads %s hours as %i hundredths', (typed, hundredths) => {
    expect(parseHours(typed)).toBe(hundredths);
  });

  it.each(['0', '', '-1', '1,5', '1.555', 'two'])('refuses "%s" hours', (typed) => {
    expect(parseHours(typed)).toBeUndefined();
  });

  it('makes whole hours that many units of the rate, and part hours one unit of the product', () => {
    expect(hourlyLabour(300, money(75000, 'IDR'))).toEqual({
      quantity: 3,
      unitPrice: money(75000, 'IDR'),
    });
    expect(hourlyLabour(150, money(1999, 'USD'))).toEqual({
      quantity: 1,
      unitPrice: money(2999, 'USD'),
    });
  });
});

describe('policy charges on a quote', () => {
  it('count depreciation against a refund and a battery kit as a charge', () => {
    const line = (kind: ReturnType<typeof lineKindOfCharge>, amount: number) => ({
      id: `00000000-0000-7000-8000-00000000000${amount % 10}`,
      quoteId: '00000000-0000-7000-8000-000000000010',
      kind,
      description: kind,
      quantity: 1,
      unitPrice: money(amount, 'USD'),
      clauseIds: [],
    });

    const refund = quoteTotals(
      [line('refund', 10000), line(lineKindOfCharge('depreciation'), 7001)],
      'USD',
    );
    const kit = quoteTotals([line(lineKindOfCharge('battery-kit'), 2602)], 'USD');

    expect(refund).toMatchObject({ ok: true, value: { total: { amount: -2999 } } });
    expect(kit).toMatchObject({ ok: true, value: { total: { amount: 2602 } } });
  });
});

describe('a charge stated in another currency', () => {
  const range = { min: money(1000, 'USD'), max: money(3000, 'USD') };

  it('prices the C9 price difference in rupiah from the US$ amount and the rate, keeping both', () => {
    expect(convertedCharge(money(2000, 'USD'), '16250', 'IDR', range)).toEqual({
      ok: true,
      value: {
        unitPrice: money(325_000, 'IDR'),
        conversion: { source: money(2000, 'USD'), rate: '16250' },
      },
    });
  });

  it.each([
    ['US$10.00, the lower end', 1000, true],
    ['US$30.00, the upper end', 3000, true],
    ['US$9.99', 999, false],
    ['US$30.01', 3001, false],
  ])('takes %s only within the policy’s range', (_, amount, accepted) => {
    const priced = convertedCharge(money(amount, 'USD'), '16250', 'IDR', range);
    expect(priced.ok).toBe(accepted);
    if (!priced.ok) expect(priced.error).toEqual({ field: 'amount', code: 'out-of-range' });
  });

  it.each(['', '16,250', '-16250', '0', 'kurs'])('refuses the rate "%s"', (rate) => {
    expect(convertedCharge(money(2000, 'USD'), rate, 'IDR', range)).toEqual({
      ok: false,
      error: { field: 'rate', code: 'not-a-rate' },
    });
  });
});
