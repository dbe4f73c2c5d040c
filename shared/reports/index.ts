import type { PolicyPack } from '../policy/pack';
import { builtInPacks } from '../policy/packs';
import { indexRecords } from './claimIndex';
import { claimsByStatus, type StatusCountRow } from './claimsByStatus';
import { deadlineCompliance, type DeadlineComplianceRow } from './deadlineCompliance';
import {
  doaRateByModel,
  noDefectFoundRate,
  voidReasonsRanked,
  type DoaRateRow,
  type NoDefectFoundReport,
  type VoidReasonRow,
} from './inspectionReports';
import {
  filterReportRecords,
  type ReportCalendar,
  type ReportFilter,
  type ReportRecords,
} from './reportRecords';
import { turnaroundByMonth, type TurnaroundRow } from './turnaround';

/** Every report of the Reports screen, for the claims one filter covers. */
export type Reports = {
  /** How many claims the filter covers. */
  readonly claims: number;
  readonly byStatus: readonly StatusCountRow[];
  readonly doaByModel: readonly DoaRateRow[];
  readonly voidReasons: readonly VoidReasonRow[];
  readonly noDefectFound: NoDefectFoundReport;
  readonly deadlines: readonly DeadlineComplianceRow[];
  readonly turnaround: readonly TurnaroundRow[];
};

/**
 * Computes every report from plain records: pure, so it runs in a worker, a test or a server
 * alike. Linear in the records, plus one policy evaluation per claim for the deadlines.
 */
export function computeReports(
  records: ReportRecords,
  filter: ReportFilter,
  calendar: ReportCalendar,
  packs: Readonly<Record<string, PolicyPack>> = builtInPacks,
): Reports {
  const { claims } = filterReportRecords(records, filter, calendar.timeZone);
  const index = indexRecords(records);
  return {
    claims: claims.length,
    byStatus: claimsByStatus(claims),
    doaByModel: doaRateByModel(claims, index, packs),
    voidReasons: voidReasonsRanked(claims, index, packs),
    noDefectFound: noDefectFoundRate(claims, index, packs),
    deadlines: deadlineCompliance(claims, index, calendar, packs),
    turnaround: turnaroundByMonth(claims, index, calendar.timeZone),
  };
}

export type { StatusCountRow } from './claimsByStatus';
export type { DeadlineComplianceRow, DeadlineMeasure } from './deadlineCompliance';
export { deadlineMeasures } from './deadlineCompliance';
export type {
  DoaRateRow,
  NoDefectFoundFigures,
  NoDefectFoundReport,
  NoDefectFoundRow,
  VoidReasonRow,
} from './inspectionReports';
export type { ModelKey } from './claimIndex';
export type { ReportCalendar, ReportFilter, ReportRecords, StatusChange } from './reportRecords';
export { claimMatchesFilter } from './reportRecords';
export type { TurnaroundRow } from './turnaround';
export {
  claimsByStatus,
  deadlineCompliance,
  doaRateByModel,
  indexRecords,
  noDefectFoundRate,
  turnaroundByMonth,
  voidReasonsRanked,
};
export { median, percentile, rateOf } from './statistics';
