import type { ReportCalendar, ReportFilter, Reports } from '#shared/reports';

/** What the Reports screen asks its worker: the reports for one filter. */
export type ReportsRequest = {
  readonly requestId: number;
  readonly filter: ReportFilter;
  readonly calendar: ReportCalendar;
};

/** The worker's answer: the reports and how long reading and computing took, or why it failed. */
export type ReportsResponse =
  | {
      readonly requestId: number;
      readonly ok: true;
      readonly reports: Reports;
      readonly loadMs: number;
      readonly computeMs: number;
    }
  | { readonly requestId: number; readonly ok: false; readonly message: string };
