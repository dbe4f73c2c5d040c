import { describe, expect, it } from 'vitest';
import { laterOf, plusDays, plusMonths, plusWorkingDays } from '#shared/policy/calendar';

describe('policy calendar', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-02-03', 12, '2027-02-03'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-08-31', 6, '2027-02-28'],
  ])('%s plus %i months ends on %s', (start, months, end) => {
    expect(plusMonths(start, months)).toBe(end);
  });

  it('adds days across a month and a year end', () => {
    expect(plusDays('2026-12-28', 7)).toBe('2027-01-04');
  });

  it('counts working days past weekends and holidays', () => {
    // Friday 2026-05-15 + 1 working day is Monday 18; with Monday a holiday, Tuesday 19.
    expect(plusWorkingDays('2026-05-15', 1, new Set())).toBe('2026-05-18');
    expect(plusWorkingDays('2026-05-15', 1, new Set(['2026-05-18']))).toBe('2026-05-19');
  });

  it('takes the later of two days', () => {
    expect(laterOf('2026-05-20', '2026-05-27')).toBe('2026-05-27');
    expect(laterOf('2026-06-01', '2026-05-27')).toBe('2026-06-01');
  });
});
