import { evaluateUntrustedClaim, policyClaimFromRecords } from '#shared/policy';
import type { ClaimRecords, EvaluationResult } from '#shared/policy';
import { calendarDayIn, stationTimeZone } from '#shared/domain/calendar';
import type { StationSetup } from '../core/model';

/** The center's calendar the policy counts days in. */
export type StationCalendar = Pick<StationSetup, 'timeZone' | 'holidays'>;

/**
 * What a claim's policy pack says of its records, judged as of the day the customer asked, in
 * the center's time zone (the spec's `asOf`, not today: a DOA request made on day 6 stays one
 * when it is opened on day 10), with the center's holidays. Undefined when the claim names a pack
 * Fixline does not have. The claim screen, the warehouse desk and the queue's deadlines all judge
 * a claim here, so they never disagree.
 */
export function evaluateClaimAsOpened(
  records: ClaimRecords,
  calendar: StationCalendar,
): EvaluationResult | undefined {
  const timeZone = stationTimeZone(calendar.timeZone);
  const asOf = calendarDayIn(timeZone, Date.parse(records.claim.createdAt));
  const input = policyClaimFromRecords(records, asOf);
  return input === undefined
    ? undefined
    : evaluateUntrustedClaim(input, { calendar: { holidays: calendar.holidays ?? [] } });
}
