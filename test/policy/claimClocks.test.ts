import { describe, expect, it } from 'vitest';
import type { Remedy } from '#shared/domain/vocabulary';
import type { Deadline } from '#shared/policy';
import {
  claimClock,
  claimClocks,
  defaultWorkCalendar,
  relevantDeadlines,
  workingDaysUntil,
} from '#shared/policy/claimClocks';

const deadline = (overrides: Partial<Deadline> = {}): Deadline => ({
  kind: 'first-response',
  date: '2026-11-25',
  passed: false,
  clauses: ['C12'],
  ...overrides,
});

// 2026-11-23 is a Monday.
const monday = '2026-11-23';

describe('workingDaysUntil', () => {
  it('counts the working days after today up to the day, skipping weekends and holidays', () => {
    expect(workingDaysUntil(monday, '2026-11-27', defaultWorkCalendar)).toBe(4);
    expect(workingDaysUntil('2026-11-27', '2026-11-30', defaultWorkCalendar)).toBe(1);
    expect(
      workingDaysUntil(monday, '2026-11-27', {
        workingDays: [1, 2, 3, 4, 5],
        holidays: ['2026-11-25'],
      }),
    ).toBe(3);
  });

  it('is 0 for today and for a day already past', () => {
    expect(workingDaysUntil(monday, monday, defaultWorkCalendar)).toBe(0);
    expect(workingDaysUntil(monday, '2026-11-20', defaultWorkCalendar)).toBe(0);
  });
});

describe('claimClock', () => {
  it('runs while the day is more than two working days away', () => {
    const clock = claimClock(
      deadline({ date: '2026-11-26' }),
      monday,
      'intake',
      defaultWorkCalendar,
    );
    expect(clock).toMatchObject({ tone: 'running', daysFromToday: 3 });
  });

  it('turns near at two working days, even across a weekend that makes it four calendar days', () => {
    expect(
      claimClock(deadline({ date: '2026-11-25' }), monday, 'intake', defaultWorkCalendar).tone,
    ).toBe('near');
    const friday = claimClock(
      deadline({ date: '2026-12-01' }),
      '2026-11-27',
      'intake',
      defaultWorkCalendar,
    );
    expect(friday).toMatchObject({ tone: 'near', daysFromToday: 4 });
  });

  it('is near on the day itself', () => {
    expect(
      claimClock(deadline({ date: monday }), monday, 'intake', defaultWorkCalendar),
    ).toMatchObject({
      tone: 'near',
      daysFromToday: 0,
    });
  });

  it('turns late once the day has passed, counting the days late', () => {
    const clock = claimClock(
      deadline({ date: '2026-11-19' }),
      monday,
      'awaiting-authorization',
      defaultWorkCalendar,
    );
    expect(clock).toMatchObject({ tone: 'late', daysFromToday: -4 });
  });

  it('counts the first response as met once the claim is answered', () => {
    expect(
      claimClock(deadline({ date: '2026-11-19' }), monday, 'authorized', defaultWorkCalendar).tone,
    ).toBe('met');
    expect(
      claimClock(deadline({ date: '2026-11-19' }), monday, 'refused', defaultWorkCalendar).tone,
    ).toBe('met');
  });

  it('shows a request window that closed after a request made in time as closed, not late', () => {
    const window = deadline({ kind: 'quality-return-window', date: '2026-11-20', passed: false });
    expect(claimClock(window, monday, 'received', defaultWorkCalendar).tone).toBe('closed');
  });

  it('shows a request window that had closed before the request as expired, not as late', () => {
    const window = deadline({ kind: 'doa-window', date: '2026-10-31', passed: true });
    const clock = claimClock(window, monday, 'received', defaultWorkCalendar);
    expect(clock).toMatchObject({ tone: 'expired', daysFromToday: -23 });
  });

  it('still shows a passed shipping day the customer missed as late', () => {
    const shipBy = deadline({ kind: 'worry-free-ship-by', date: '2026-11-20', passed: false });
    expect(claimClock(shipBy, monday, 'authorized', defaultWorkCalendar).tone).toBe('late');
  });

  it('stops every clock of a closed or cancelled claim', () => {
    for (const status of ['closed', 'cancelled'] as const) {
      expect(
        claimClock(deadline({ date: '2026-11-19' }), monday, status, defaultWorkCalendar).tone,
      ).toBe('stopped');
    }
  });
});

describe('claimClocks', () => {
  it('lists the clocks soonest first', () => {
    const clocks = claimClocks(
      [
        deadline({ kind: 'coverage-end', date: '2028-11-10' }),
        deadline({ kind: 'first-response', date: '2026-11-24' }),
        deadline({ kind: 'quality-return-window', date: '2026-12-10' }),
      ],
      monday,
      'intake',
      defaultWorkCalendar,
    );
    expect(clocks.map((clock) => clock.kind)).toEqual([
      'first-response',
      'quality-return-window',
      'coverage-end',
    ]);
  });
});

describe('relevantDeadlines', () => {
  const offering = (...remedies: Remedy[]) => remedies.map((remedy) => ({ remedy }));
  const kinds = (deadlines: readonly { kind: string }[]) => deadlines.map(({ kind }) => kind);

  it('leaves the DOA and refund windows off a defect claim that offers a repair', () => {
    const decision = {
      deadlines: [
        deadline({ kind: 'coverage-end', date: '2027-10-25' }),
        deadline({ kind: 'doa-window', date: '2026-10-31', passed: true }),
        deadline({ kind: 'unconditional-refund-window', date: '2026-11-08', passed: true }),
      ],
      options: offering('warranty-repair'),
    };
    expect(kinds(relevantDeadlines(decision, 'defect'))).toEqual(['coverage-end']);
  });

  it('shows a liquid-damage claim the WORRY FREE+ dates, and the quality return window not at all', () => {
    const decision = {
      deadlines: [
        deadline({ kind: 'first-response', date: '2026-11-24' }),
        deadline({ kind: 'coverage-end', date: '2028-02-01' }),
        deadline({ kind: 'quality-return-window', date: '2026-03-03', passed: true }),
        deadline({ kind: 'worry-free-end', date: '2028-02-01' }),
        deadline({ kind: 'worry-free-ship-by', date: '2026-12-04' }),
        deadline({ kind: 'change-of-mind-window', date: '2026-03-03', passed: true }),
        deadline({ kind: 'quality-return-window', date: '2026-03-03', passed: true }),
      ],
      options: offering('worry-free-trade-in'),
    };
    expect(kinds(relevantDeadlines(decision, 'accidental-damage'))).toEqual([
      'first-response',
      'worry-free-end',
      'worry-free-ship-by',
    ]);
  });

  it('keeps the window a request was judged by when it had closed, so the claim says why', () => {
    const decision = {
      deadlines: [deadline({ kind: 'change-of-mind-window', date: '2026-03-03', passed: true })],
      options: offering(),
    };
    expect(kinds(relevantDeadlines(decision, 'change-of-mind'))).toEqual(['change-of-mind-window']);
  });

  it('shows the window of an option the request did not name, such as a refund for an unopened item', () => {
    const decision = {
      deadlines: [deadline({ kind: 'unconditional-refund-window', date: '2026-12-01' })],
      options: offering('unconditional-refund'),
    };
    expect(kinds(relevantDeadlines(decision, 'defect'))).toEqual(['unconditional-refund-window']);
  });

  it('shows each kind of window once', () => {
    const decision = {
      deadlines: [
        deadline({ kind: 'quality-return-window', date: '2026-03-03', passed: true }),
        deadline({ kind: 'quality-return-window', date: '2026-03-03', passed: true }),
      ],
      options: offering(),
    };
    expect(kinds(relevantDeadlines(decision, 'defect'))).toEqual(['quality-return-window']);
  });
});
