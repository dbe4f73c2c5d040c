import { describe, expect, it } from 'vitest';
import { evaluateUntrustedClaim } from '#shared/policy';
import { kospetOfficialStoreClaim, makeClaim } from '../factories/policyClaims';

/** The one line `policy evaluate` prints for a refused claim. */
function refusal(patch: Parameters<typeof makeClaim>[1]): string {
  const result = evaluateUntrustedClaim(makeClaim(kospetOfficialStoreClaim, patch));
  expect(result.ok, 'expected the claim to be refused').toBe(false);
  return result.ok ? '' : result.error;
}

describe('policy claims: dates and money are checked as values', () => {
  it('refuses a year past 2100 instead of counting windows into year 10001', () => {
    expect(refusal({ asOf: '9999-12-31' })).toBe(
      'asOf: expected a year from 2000 to 2100, got "9999-12-31"',
    );
  });

  it('refuses a year before 2000, naming the field', () => {
    expect(refusal({ purchase: { orderDate: '1026-04-20' } })).toMatch(
      /^purchase\.orderDate: expected a year from 2000 to 2100/,
    );
  });

  it('refuses a negative price, naming the field', () => {
    expect(refusal({ purchase: { price: { amount: -1, currency: 'USD' } } })).toMatch(
      /^purchase\.price\.amount: expected an amount of zero or more/,
    );
  });

  it('refuses a delivery before the order', () => {
    expect(refusal({ purchase: { deliveredDate: '2026-04-19' } })).toBe(
      'purchase.deliveredDate: expected a date on or after the order date 2026-04-20, got "2026-04-19"',
    );
  });

  it('refuses a purchase after the day the claim is evaluated', () => {
    expect(refusal({ asOf: '2026-04-19', purchase: { deliveredDate: undefined } })).toBe(
      'purchase.orderDate: expected a date on or before 2026-04-19, the day of the claim, got "2026-04-20"',
    );
  });

  it('accepts an estimated delivery still ahead, as a claim before the parcel arrives has', () => {
    const result = evaluateUntrustedClaim(
      makeClaim(kospetOfficialStoreClaim, {
        asOf: '2026-04-25',
        purchase: { deliveredDate: undefined, maxEstimatedDeliveryDate: '2026-05-05' },
      }),
    );
    expect(result.ok).toBe(true);
  });

  it('answers the last years of the range with dates in the range', () => {
    const result = evaluateUntrustedClaim(
      makeClaim(kospetOfficialStoreClaim, {
        asOf: '2100-12-31',
        purchase: {
          orderDate: '2100-12-01',
          deliveredDate: '2100-12-05',
          maxEstimatedDeliveryDate: '2100-12-06',
        },
      }),
    );
    expect(result.ok && result.value.coverageEnds).toBe('2102-12-01');
    expect(result.ok && result.value.deadlines.every(({ date }) => /^\d{4}-/.test(date))).toBe(
      true,
    );
  });
});
