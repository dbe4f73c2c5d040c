import { describe, expect, it } from 'vitest';
import { builtInPacks } from '#shared/policy';
import {
  computeReports,
  deadlineCompliance,
  indexRecords,
  turnaroundByMonth,
} from '#shared/reports';
import { makePurchase } from '../factories/domain';
import { jakarta, ReportStation } from './reportStation';

describe('deadline compliance', () => {
  it('judges the first response against the decision’s first-response day, in the center’s days', () => {
    const station = new ReportStation();
    // iGPSPORT answers within 24 hours (A9): opened 4 May 09:15 Jakarta, so due by 5 May.
    const opened = '2026-05-04T02:15:00.000Z';
    // 23:00 on 5 May in Jakarta: in time.
    station.add({
      policyPackId: 'igpsport',
      createdAt: opened,
      status: 'awaiting-authorization',
      changes: [{ to: 'awaiting-authorization', at: '2026-05-05T16:00:00.000Z' }],
    });
    // 00:30 on 6 May in Jakarta (still 5 May in UTC): late.
    station.add({
      policyPackId: 'igpsport',
      createdAt: opened,
      status: 'refused',
      changes: [{ to: 'refused', at: '2026-05-05T17:30:00.000Z' }],
    });
    // Never answered, and the day has passed: late.
    station.add({ policyPackId: 'igpsport', createdAt: opened });
    // Opened 30 November, due 1 December, which is today: pending.
    station.add({ policyPackId: 'igpsport', createdAt: '2026-11-30T10:00:00.000Z' });
    // KOSPET's warranty-and-refund pack sets no first-response time: not counted.
    station.add({ policyPackId: 'kospet-warranty-refund', createdAt: opened });

    const rows = deadlineCompliance(
      station.claims,
      indexRecords(station.records()),
      jakarta,
      builtInPacks,
    );
    expect(rows.find((row) => row.measure === 'first-response')).toEqual({
      measure: 'first-response',
      met: 1,
      missed: 2,
      pending: 1,
      rate: 1 / 3,
    });
  });

  it('judges a chosen remedy against that option’s last day: a DOA replacement inside the DOA window', () => {
    const station = new ReportStation();
    // Delivered 8 April; KOSPET's DOA window is 7 days (B2), so it closes on 15 April.
    const doaClaim = {
      policyPackId: 'kospet-warranty-refund',
      createdAt: '2026-04-10T03:00:00.000Z',
      inspection: { faultConfirmed: true, doaVerdict: 'doa', noDefectFound: false },
    } as const;
    const purchase = makePurchase({ deliveredDate: '2026-04-08' });
    station.add({
      ...doaClaim,
      status: 'resolved',
      claim: { reason: 'arrived-damaged', remedy: 'doa-replacement', purchase },
      changes: [{ to: 'resolved', at: '2026-04-15T16:00:00.000Z' }],
    });
    station.add({
      ...doaClaim,
      status: 'resolved',
      claim: { reason: 'arrived-damaged', remedy: 'doa-replacement', purchase },
      changes: [{ to: 'resolved', at: '2026-04-20T03:00:00.000Z' }],
    });
    // No remedy chosen yet: nothing to judge.
    station.add({ ...doaClaim, claim: { reason: 'arrived-damaged', purchase } });

    const rows = deadlineCompliance(
      station.claims,
      indexRecords(station.records()),
      jakarta,
      builtInPacks,
    );
    expect(rows.find((row) => row.measure === 'decision')).toEqual({
      measure: 'decision',
      met: 1,
      missed: 1,
      pending: 0,
      rate: 0.5,
    });
  });

  it('has no rate when there are no claims', () => {
    const rows = deadlineCompliance(
      [],
      indexRecords(new ReportStation().records()),
      jakarta,
      builtInPacks,
    );
    expect(rows).toEqual([
      { measure: 'first-response', met: 0, missed: 0, pending: 0, rate: null },
      { measure: 'decision', met: 0, missed: 0, pending: 0, rate: null },
    ]);
  });
});

describe('turnaround time', () => {
  const station = new ReportStation();
  // May: 4, 10.5 and 1 days.
  station.add({
    createdAt: '2026-05-04T02:15:00.000Z',
    status: 'closed',
    changes: [
      { to: 'closed', at: '2026-07-01T00:00:00.000Z' },
      { to: 'resolved', at: '2026-05-08T02:15:00.000Z' },
    ],
  });
  station.add({
    createdAt: '2026-05-01T00:00:00.000Z',
    status: 'resolved',
    changes: [{ to: 'resolved', at: '2026-05-11T12:00:00.000Z' }],
  });
  station.add({
    createdAt: '2026-05-02T00:00:00.000Z',
    status: 'resolved',
    changes: [{ to: 'resolved', at: '2026-05-03T00:00:00.000Z' }],
  });
  // June: refused, then closed after 13 days; and one resolved at 01:00 on 1 June in Jakarta
  // (still 31 May in UTC) after 2 days.
  station.add({
    createdAt: '2026-05-20T00:00:00.000Z',
    status: 'closed',
    changes: [
      { to: 'refused', at: '2026-05-25T00:00:00.000Z' },
      { to: 'closed', at: '2026-06-02T00:00:00.000Z' },
    ],
  });
  station.add({
    createdAt: '2026-05-29T18:00:00.000Z',
    status: 'resolved',
    changes: [{ to: 'resolved', at: '2026-05-31T18:00:00.000Z' }],
  });
  // Still open, refused but not closed, and cancelled: left out.
  station.add({
    status: 'received',
    changes: [{ to: 'received', at: '2026-05-06T00:00:00.000Z' }],
  });
  station.add({ status: 'refused', changes: [{ to: 'refused', at: '2026-05-06T00:00:00.000Z' }] });
  station.add({
    status: 'cancelled',
    changes: [{ to: 'cancelled', at: '2026-05-06T00:00:00.000Z' }],
  });

  it('gives the median and nearest-rank p90 per month of finishing, in the center’s months', () => {
    expect(
      turnaroundByMonth(station.claims, indexRecords(station.records()), 'Asia/Jakarta'),
    ).toEqual([
      { month: '2026-05', claims: 3, medianDays: 4, p90Days: 10.5 },
      { month: '2026-06', claims: 2, medianDays: 7.5, p90Days: 13 },
    ]);
  });

  it('has one row for one finished claim, and none for none', () => {
    const one = new ReportStation();
    one.add({
      createdAt: '2026-05-01T00:00:00.000Z',
      status: 'resolved',
      changes: [{ to: 'resolved', at: '2026-05-03T12:00:00.000Z' }],
    });
    expect(turnaroundByMonth(one.claims, indexRecords(one.records()), 'Asia/Jakarta')).toEqual([
      { month: '2026-05', claims: 1, medianDays: 2.5, p90Days: 2.5 },
    ]);
    expect(turnaroundByMonth([], indexRecords(one.records()), 'Asia/Jakarta')).toEqual([]);
  });
});

describe('the filter', () => {
  const station = new ReportStation();
  // 03:00 on 1 June in Jakarta, though still 31 May in UTC.
  station.add({ createdAt: '2026-05-31T20:00:00.000Z', status: 'received' });
  station.add({ createdAt: '2026-05-15T03:00:00.000Z', status: 'intake' });
  station.add({
    createdAt: '2026-05-15T03:00:00.000Z',
    status: 'intake',
    policyPackId: 'igpsport',
  });

  const countOf = (reports: ReturnType<typeof computeReports>, status: string) =>
    reports.byStatus.find((row) => row.status === status)?.claims;

  it('keeps the claims opened between two days of the center, both days included', () => {
    const may = computeReports(
      station.records(),
      { openedFrom: '2026-05-15', openedTo: '2026-05-31' },
      jakarta,
    );
    expect(may.claims).toBe(2);
    expect(countOf(may, 'received')).toBe(0);
    const june = computeReports(station.records(), { openedFrom: '2026-06-01' }, jakarta);
    expect(june.claims).toBe(1);
    expect(countOf(june, 'received')).toBe(1);
  });

  it('keeps the claims of one policy pack', () => {
    const igpsport = computeReports(station.records(), { policyPackId: 'igpsport' }, jakarta);
    expect(igpsport.claims).toBe(1);
  });

  it('gives empty reports for a station without claims', () => {
    const reports = computeReports(new ReportStation().records(), {}, jakarta);
    expect(reports.claims).toBe(0);
    expect(reports.byStatus.every((row) => row.claims === 0)).toBe(true);
    expect(reports.doaByModel).toEqual([]);
    expect(reports.voidReasons).toEqual([]);
    expect(reports.turnaround).toEqual([]);
  });
});
