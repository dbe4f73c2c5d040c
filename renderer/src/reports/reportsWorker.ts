import { computeReports } from '#shared/reports';
import { openReportRecordsReader } from '../core/reportRecords';
import type { ReportsRequest, ReportsResponse } from './reportsProtocol';

/**
 * Reads and computes the reports off the main thread: at 100,000 claims reading the rows and
 * evaluating every claim's policy takes seconds, which would freeze the screen. The worker opens
 * the station's database itself (reads only), so the rows never cross to the page.
 */
const readReportRecords = openReportRecordsReader();

const respond = (response: ReportsResponse) => {
  self.postMessage(response);
};

self.addEventListener('message', (event: MessageEvent<ReportsRequest>) => {
  const { requestId, filter, calendar } = event.data;
  void (async () => {
    try {
      const started = performance.now();
      const records = await readReportRecords(filter);
      const loaded = performance.now();
      const reports = computeReports(records, filter, calendar);
      respond({
        requestId,
        ok: true,
        reports,
        loadMs: loaded - started,
        computeMs: performance.now() - loaded,
      });
    } catch (error) {
      respond({
        requestId,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  })();
});
