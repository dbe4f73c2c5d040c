import { calendarDayIn } from '../domain/calendar';
import type { Claim } from '../domain/claim';
import type { ClaimStatus } from '../domain/claimWorkflow';
import type { Customer } from '../domain/customer';
import type { Device } from '../domain/device';
import type { Evidence } from '../domain/evidence';
import type { Inspection, MisuseFinding } from '../domain/inspection';
import type { IsoDate, IsoDateTime, RecordId } from '../domain/primitives';

/**
 * One status change of a claim, as the audit trail records it (a `transition` event of the
 * `claims` table): the claim, the status it moved to, and when.
 */
export type StatusChange = {
  readonly claimId: RecordId;
  readonly to: ClaimStatus;
  readonly at: IsoDateTime;
};

/**
 * The live (not deleted) records the reports are computed from. Only the rows of the claims in
 * `claims` matter; rows of other claims are ignored, so a loader may read a little more than it
 * needs. Plain data: no database, no DOM.
 */
export type ReportRecords = {
  readonly claims: readonly Claim[];
  readonly devices: readonly Device[];
  readonly customers: readonly Customer[];
  readonly evidence: readonly Evidence[];
  readonly inspections: readonly Inspection[];
  readonly misuseFindings: readonly MisuseFinding[];
  readonly statusChanges: readonly StatusChange[];
};

/** Which claims a report covers: opened between two days (inclusive, center's days) and one pack. */
export type ReportFilter = {
  readonly openedFrom?: IsoDate | undefined;
  readonly openedTo?: IsoDate | undefined;
  readonly policyPackId?: string | undefined;
};

/** The center's calendar and clock the reports count days in. */
export type ReportCalendar = {
  /** IANA time zone of the center ("Asia/Jakarta"): days and months are the center's. */
  readonly timeZone: string;
  /** The center's holidays, for deadlines counted in working days (C12). */
  readonly holidays: readonly IsoDate[];
  /** Now, as epoch milliseconds: a deadline not yet reached and not yet met is still pending. */
  readonly nowMs: number;
};

/** Whether a claim is covered by the filter: its opening day (center's time zone) and its pack. */
export function claimMatchesFilter(
  claim: Pick<Claim, 'createdAt' | 'policyPackId'>,
  filter: ReportFilter,
  timeZone: string,
): boolean {
  if (filter.policyPackId !== undefined && claim.policyPackId !== filter.policyPackId) return false;
  if (filter.openedFrom === undefined && filter.openedTo === undefined) return true;
  const opened = calendarDayIn(timeZone, Date.parse(claim.createdAt));
  if (filter.openedFrom !== undefined && opened < filter.openedFrom) return false;
  if (filter.openedTo !== undefined && opened > filter.openedTo) return false;
  return true;
}

/** The records of the claims the filter covers (every other table is kept as is). */
export function filterReportRecords(
  records: ReportRecords,
  filter: ReportFilter,
  timeZone: string,
): ReportRecords {
  return {
    ...records,
    claims: records.claims.filter((claim) => claimMatchesFilter(claim, filter, timeZone)),
  };
}
