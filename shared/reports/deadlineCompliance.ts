import type { Claim } from '../domain/claim';
import type { IsoDate } from '../domain/primitives';
import { evaluateUntrustedClaim } from '../policy';
import type { Decision } from '../policy/decision';
import type { PolicyPack } from '../policy/pack';
import { policyClaimFromRecords } from '../policy/policyClaimFromRecords';
import { firstChangeTo, type ClaimIndex } from './claimIndex';
import { calendarDayIn } from '../domain/calendar';
import { type ReportCalendar } from './reportRecords';
import { rateOf } from './statistics';

/**
 * The deadlines the center must meet, from the claim's policy decision (evaluated as of the day
 * the claim was opened, in the center's time zone, as the claim screen does):
 * - `first-response`: the decision's first-response deadline (A9, C12: answer within 24 hours).
 *   It is met when the claim's first status change (the center acting on the request: asking for
 *   more, authorizing, referring, refusing) happened on or before that day.
 * - `decision`: the deadline of the option whose remedy the claim chose (for example the DOA
 *   window for a DOA replacement). It is met when the claim was decided (first moved to
 *   `resolved` or `refused`) on or before that day, so the customer got the remedy inside the
 *   window the policy gives.
 * Days are the center's; a deadline's day counts as in time. A deadline not met while its day has
 * not passed yet is pending and left out of the rate. A claim whose pack sets no such deadline
 * (or that has no chosen remedy with a deadline) does not count for that measure.
 */
export type DeadlineMeasure = 'first-response' | 'decision';

export const deadlineMeasures: readonly DeadlineMeasure[] = ['first-response', 'decision'];

/** How one measure went over the report's claims. */
export type DeadlineComplianceRow = {
  readonly measure: DeadlineMeasure;
  readonly met: number;
  readonly missed: number;
  readonly pending: number;
  /** met ÷ (met + missed), between 0 and 1; null when no deadline was met or missed yet. */
  readonly rate: number | null;
};

type Outcome = 'met' | 'missed' | 'pending';

function outcomeOf(
  deadline: IsoDate,
  doneMs: number | undefined,
  timeZone: string,
  today: IsoDate,
): Outcome {
  if (doneMs !== undefined) return calendarDayIn(timeZone, doneMs) <= deadline ? 'met' : 'missed';
  return today > deadline ? 'missed' : 'pending';
}

/** The claim's policy decision as of the day it was opened; undefined when it cannot be made. */
function decisionOf(
  claim: Claim,
  index: ClaimIndex,
  calendar: ReportCalendar,
  packs: Readonly<Record<string, PolicyPack>>,
): Decision | undefined {
  const device = index.devices.get(claim.deviceId);
  const customer = index.customers.get(claim.customerId);
  if (device === undefined || customer === undefined) return undefined;
  const inspection = index.latestInspection.get(claim.id);
  const input = policyClaimFromRecords(
    {
      claim,
      device,
      customer,
      evidence: index.evidenceByClaim.get(claim.id) ?? [],
      inspection,
      misuseFindings:
        inspection === undefined ? [] : (index.findingsByInspection.get(inspection.id) ?? []),
    },
    calendarDayIn(calendar.timeZone, Date.parse(claim.createdAt)),
  );
  if (input === undefined) return undefined;
  const evaluated = evaluateUntrustedClaim(input, {
    calendar: { holidays: calendar.holidays },
    packs,
  });
  return evaluated.ok ? evaluated.value : undefined;
}

/** Deadline compliance of the claims, one row per measure (see {@link DeadlineMeasure}). */
export function deadlineCompliance(
  claims: readonly Claim[],
  index: ClaimIndex,
  calendar: ReportCalendar,
  packs: Readonly<Record<string, PolicyPack>>,
): DeadlineComplianceRow[] {
  const today = calendarDayIn(calendar.timeZone, calendar.nowMs);
  const tally: Record<DeadlineMeasure, Record<Outcome, number>> = {
    'first-response': { met: 0, missed: 0, pending: 0 },
    decision: { met: 0, missed: 0, pending: 0 },
  };
  for (const claim of claims) {
    // Evaluating the policy is most of the cost at 100,000 claims: skip a claim neither measure
    // can apply to (its pack sets no first-response time and it has no chosen remedy).
    const pack = packs[claim.policyPackId];
    if (pack === undefined || (pack.firstResponse === undefined && claim.remedy === undefined)) {
      continue;
    }
    const decision = decisionOf(claim, index, calendar, packs);
    if (decision === undefined) continue;
    const firstResponse = decision.deadlines.find((deadline) => deadline.kind === 'first-response');
    if (firstResponse !== undefined) {
      const respondedMs = index.changesByClaim.get(claim.id)?.[0]?.atMs;
      tally['first-response'][
        outcomeOf(firstResponse.date, respondedMs, calendar.timeZone, today)
      ] += 1;
    }
    const chosen = decision.options.find((option) => option.remedy === claim.remedy);
    if (claim.remedy !== undefined && chosen?.deadline != null) {
      const decidedMs = firstChangeTo(index, claim.id, ['resolved', 'refused']);
      tally.decision[outcomeOf(chosen.deadline, decidedMs, calendar.timeZone, today)] += 1;
    }
  }
  return deadlineMeasures.map((measure) => {
    const { met, missed, pending } = tally[measure];
    return { measure, met, missed, pending, rate: rateOf(met, met + missed) };
  });
}
