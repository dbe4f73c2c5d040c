import { describe, expect, it, vi } from 'vitest';
import type { ClaimRecords, Decision } from '#shared/policy';
import { evaluateClaimAsOpened } from '#shared/policy/claimEvaluation';
import type { DeadlineKind } from '#shared/policy/decision';
import { makeClaim, makeCustomer, makeDevice } from '../factories/domain';

// 20:00 UTC on Sunday 3 May is already Monday 4 May in Jakarta (UTC+7), still Sunday in Los Angeles.
const openedAt = '2026-05-03T20:00:00.000Z';

const records = (claim: Partial<ClaimRecords['claim']> = {}): ClaimRecords => ({
  claim: makeClaim({ createdAt: openedAt, updatedAt: openedAt, ...claim }),
  device: makeDevice(),
  customer: makeCustomer(),
  evidence: [],
});

function decided(result: ReturnType<typeof evaluateClaimAsOpened>): Decision {
  if (result === undefined || !result.ok) throw new Error(`no decision: ${JSON.stringify(result)}`);
  return result.value;
}

const deadlineOf = (decision: Decision, kind: DeadlineKind) =>
  decision.deadlines.find((deadline) => deadline.kind === kind)?.date;

describe('evaluateClaimAsOpened', () => {
  it('judges the claim on the day it was opened in the center’s time zone', () => {
    // This pack answers within a day of the request, so the reply's day shows the request's.
    const opened = records({ policyPackId: 'kospet-official-store' });
    const jakarta = decided(evaluateClaimAsOpened(opened, { timeZone: 'Asia/Jakarta' }));
    const losAngeles = decided(evaluateClaimAsOpened(opened, { timeZone: 'America/Los_Angeles' }));
    expect(deadlineOf(jakarta, 'first-response')).toBe('2026-05-05');
    expect(deadlineOf(losAngeles, 'first-response')).toBe('2026-05-04');
  });

  it('keeps a request made inside a window in time when the claim is evaluated after it closed', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-15T03:00:00.000Z'));
    try {
      // Delivered 8 April, reported damaged on arrival on 10 April, looked at again in June.
      const doa = records({ reason: 'arrived-damaged', createdAt: '2026-04-10T03:00:00.000Z' });
      const decision = decided(evaluateClaimAsOpened(doa, { timeZone: 'Asia/Jakarta' }));
      const window = decision.deadlines.find((deadline) => deadline.kind === 'doa-window');
      expect(window?.date.localeCompare('2026-06-15')).toBe(-1);
      expect(window?.passed).toBe(false);
      expect(decision.options.map((option) => option.remedy)).toContain('doa-refund');
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts the center’s holidays in working-day deadlines (C12)', () => {
    // Opened Sunday 10 May in Jakarta: the reply is due Monday 11, the parcel 7 working days on.
    const accident = records({
      policyPackId: 'kospet-official-store',
      reason: 'accidental-damage',
      createdAt: '2026-05-10T03:00:00.000Z',
    });
    const withoutHoliday = decided(evaluateClaimAsOpened(accident, { timeZone: 'Asia/Jakarta' }));
    const withHoliday = decided(
      evaluateClaimAsOpened(accident, { timeZone: 'Asia/Jakarta', holidays: ['2026-05-14'] }),
    );
    expect(deadlineOf(withoutHoliday, 'worry-free-ship-by')).toBe('2026-05-20');
    expect(deadlineOf(withHoliday, 'worry-free-ship-by')).toBe('2026-05-21');
  });

  it('gives no decision for a claim that names a pack Fixline does not have', () => {
    expect(
      evaluateClaimAsOpened(records({ policyPackId: 'garmin' }), { timeZone: 'Asia/Jakarta' }),
    ).toBeUndefined();
  });
});
