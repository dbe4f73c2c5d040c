import { format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDay, parseIsoDay } from '#shared/domain/isoDay';

/** Day-like texts, valid or not: every year 0–9999, months 0–13, days 0–32, padded or not. */
const dayLikeText = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.boolean(),
  )
  .map(([year, month, day, padded]) =>
    [
      String(year).padStart(padded ? 4 : 1, '0'),
      String(month).padStart(padded ? 2 : 1, '0'),
      String(day).padStart(padded ? 2 : 1, '0'),
    ].join('-'),
  );

/** Other shapes parseISO reads: times, zones, extended years, week dates, junk. */
const otherText = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '2026-12-05T10:20:30Z',
    '2026-12-05T10:20',
    '2026-12-05T10:20:30+07:00',
    '+012026-01-01',
    '10000-01-01',
    '2026-W05-3',
    '2026-123',
    '2026-12',
    '2026',
    ' 2026-12-05',
    '2026-12-05 ',
    '２０２６-12-05',
  ),
);

/** Same time, or both invalid (`Invalid Date` is not equal to itself by value). */
function sameInstant(first: Date, second: Date): boolean {
  return Object.is(first.getTime(), second.getTime());
}

describe('parseIsoDay', () => {
  it('gives what parseISO gives for any day-like text, valid or not', () => {
    fc.assert(
      fc.property(dayLikeText, (text) => sameInstant(parseIsoDay(text), parseISO(text))),
      { numRuns: 20_000 },
    );
  });

  it('gives what parseISO gives for other texts', () => {
    fc.assert(
      fc.property(otherText, (text) => sameInstant(parseIsoDay(text), parseISO(text))),
      {
        numRuns: 5_000,
      },
    );
  });

  it('reads leap days by the Gregorian rule', () => {
    expect(parseIsoDay('2024-02-29').getDate()).toBe(29);
    expect(parseIsoDay('2000-02-29').getDate()).toBe(29);
    expect(Number.isNaN(parseIsoDay('2100-02-29').getTime())).toBe(true);
  });

  it('reads years before 100 as themselves, not as 19xx', () => {
    expect(parseIsoDay('0050-06-01').getFullYear()).toBe(50);
  });
});

describe('formatIsoDay', () => {
  it("gives what format(date, 'yyyy-MM-dd') gives for any date, of any year", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(-70_000, 0, 1),
          max: new Date(80_000, 0, 1),
          noInvalidDate: true,
        }),
        (date) => formatIsoDay(date) === format(date, 'yyyy-MM-dd'),
      ),
      { numRuns: 20_000 },
    );
  });

  it('throws as format does on an invalid date', () => {
    expect(() => formatIsoDay(new Date(NaN))).toThrow(RangeError);
  });

  it('writes back the day it read', () => {
    fc.assert(
      fc.property(dayLikeText, (text) => {
        const date = parseIsoDay(text);
        return Number.isNaN(date.getTime()) || formatIsoDay(date) === format(date, 'yyyy-MM-dd');
      }),
      { numRuns: 5_000 },
    );
  });
});
