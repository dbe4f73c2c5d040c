import { calendarDayIn, stationTimeZone } from '../domain/calendar';
import type { IsoDate } from '../domain/primitives';
import { evaluateUntrustedClaim, type EvaluationResult } from './index';
import { policyClaimFromRecords, type ClaimRecords } from './policyClaimFromRecords';

/**
 * The center's calendar the policy counts days in: the station setup's time zone (an IANA name;
 * unset means the machine's zone) and its holidays (unset means none).
 */
export type StationCalendar = {
  readonly timeZone?: string | undefined;
  readonly holidays?: readonly IsoDate[] | undefined;
};

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
