import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, percentile, rateOf } from '#shared/reports';

describe('report statistics', () => {
  it('gives no rate rather than 0 % when nothing was counted', () => {
    expect(rateOf(0, 0)).toBeNull();
    expect(rateOf(3, 8)).toBe(0.375);
  });

  it('takes the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([], 0.9)).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([5, 1, 3, 2, 4], 0.9)).toBe(5);
    expect(percentile([12], 0.9)).toBe(12);
  });

  it('keeps the median and p90 among the values, the median never above the p90', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1 }), (values) => {
        const middle = median(values) as number;
        const p90 = percentile(values, 0.9) as number;
        expect(middle).toBeGreaterThanOrEqual(Math.min(...values));
        expect(p90).toBeLessThanOrEqual(Math.max(...values));
        expect(values).toContain(p90);
        expect(middle).toBeLessThanOrEqual(p90);
      }),
    );
  });
});
