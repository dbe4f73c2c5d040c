import { describe, expect, it } from 'vitest';
import { money } from '#shared/domain/primitives';
import { moneyInputText, parseMoneyInput } from '../../renderer/src/money/moneyInput';

describe('money typed at the bench', () => {
  it.each([
    ['12.50', 'USD', 1250],
    ['12.5', 'USD', 1250],
    ['12', 'USD', 1200],
    [' 0.99 ', 'USD', 99],
    ['.5', 'USD', 50],
    ['25000', 'IDR', 25000],
    ['1.234', 'KWD', 1234],
  ] as const)('reads "%s" %s as %i minor units', (typed, currency, amount) => {
    expect(parseMoneyInput(typed, currency)).toEqual({ ok: true, value: { amount, currency } });
  });

  it.each([
    ['', 'USD', 'empty'],
    ['-5', 'USD', 'negative'],
    ['12,50', 'USD', 'comma'],
    ['12,5x', 'USD', 'not-a-number'],
    ['abc', 'USD', 'not-a-number'],
    ['1e3', 'USD', 'not-a-number'],
    ['1.2.3', 'USD', 'not-a-number'],
    ['12.345', 'USD', 'too-many-decimals'],
    ['25000.5', 'IDR', 'too-many-decimals'],
    ['99999999999999999999', 'USD', 'too-large'],
  ] as const)('refuses "%s" in %s as %s', (typed, currency, code) => {
    expect(parseMoneyInput(typed, currency)).toMatchObject({ ok: false, error: { code } });
  });

  it('says how many decimals the currency takes', () => {
    expect(parseMoneyInput('1.5', 'IDR')).toMatchObject({ ok: false, error: { digits: 0 } });
    expect(parseMoneyInput('1.555', 'USD')).toMatchObject({ ok: false, error: { digits: 2 } });
  });

  it('writes an amount back as the text that reads as the same amount', () => {
    for (const value of [
      money(1250, 'USD'),
      money(5, 'USD'),
      money(0, 'USD'),
      money(25000, 'IDR'),
    ]) {
      expect(moneyInputText(value)).not.toContain(',');
      expect(parseMoneyInput(moneyInputText(value), value.currency)).toEqual({ ok: true, value });
    }
  });
});
