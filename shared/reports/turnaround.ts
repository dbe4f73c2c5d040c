import type { Claim } from '../domain/claim';
import { firstChangeTo, type ClaimIndex } from './claimIndex';
import { calendarDayIn } from '../domain/calendar';
import { median, percentile } from './statistics';

const dayMs = 24 * 60 * 60 * 1000;

/** Turnaround of the claims finished in one month. */
export type TurnaroundRow = {
  /** The month the claims were finished in, center's time zone, YYYY-MM. */
  readonly month: string;
  readonly claims: number;
  /** Median days from opened to finished. */
  readonly medianDays: number;
  /** 90th percentile (nearest rank) of the days from opened to finished. */
  readonly p90Days: number;
};

/**
 * Turnaround time: days (elapsed time ÷ 24 h) from when a claim was opened to when it was
 * finished, grouped by the month it was finished in, oldest month first. A claim is finished when
 * it first moved to `resolved`, or, for one that never was (refused), when it was `closed`.
 * Claims still open, refused but not yet closed, or cancelled are left out.
 */
export function turnaroundByMonth(
  claims: readonly Claim[],
  index: ClaimIndex,
  timeZone: string,
): TurnaroundRow[] {
  const daysByMonth = new Map<string, number[]>();
  for (const claim of claims) {
    const finishedMs =
      firstChangeTo(index, claim.id, ['resolved']) ?? firstChangeTo(index, claim.id, ['closed']);
    if (finishedMs === undefined) continue;
    // Stations' clocks may disagree a little; a claim is never finished before it was opened.
    const days = Math.max(0, (finishedMs - Date.parse(claim.createdAt)) / dayMs);
    const month = calendarDayIn(timeZone, finishedMs).slice(0, 7);
    const monthDays = daysByMonth.get(month);
    if (monthDays === undefined) daysByMonth.set(month, [days]);
    else monthDays.push(days);
  }
  return [...daysByMonth]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, days]) => ({
      month,
      claims: days.length,
      medianDays: median(days) ?? 0,
      p90Days: percentile(days, 0.9) ?? 0,
    }));
}
