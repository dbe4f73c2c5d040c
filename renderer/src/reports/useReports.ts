import { useEffect, useRef, useState } from 'react';
import type { ReportFilter, Reports } from '#shared/reports';
import { stationTimeZone } from '#shared/domain/calendar';
import type { Failure } from '../i18n/errorText';
import { useStationContext } from '../station/StationContext';
import type { ReportsRequest, ReportsResponse } from './reportsProtocol';

/** The reports for a filter, as the worker computes them. */
export type ReportsState =
  | { readonly kind: 'loading'; readonly previous?: Reports | undefined }
  | { readonly kind: 'ready'; readonly reports: Reports; readonly computedAtMs: number }
  | { readonly kind: 'failed'; readonly failure: Failure };

/**
 * Computes the reports for `filter` in a Web Worker (see reportsWorker.ts): at 100,000 claims the
 * reads and the policy evaluations take seconds, so the page stays responsive meanwhile. A newer
 * filter or `refreshCount` supersedes an answer still on its way.
 */
export function useReports(filter: ReportFilter | undefined, refreshCount: number): ReportsState {
  const { station } = useStationContext();
  const timeZone = stationTimeZone(station.timeZone);
  const holidays = station.holidays;
  const [state, setState] = useState<ReportsState>({ kind: 'loading' });
  const workerRef = useRef<Worker | undefined>(undefined);
  const latestRequest = useRef(0);

  useEffect(() => {
    const worker = new Worker(new URL('./reportsWorker.ts', import.meta.url), { type: 'module' });
    workerRef.current = worker;
    worker.addEventListener('message', (event: MessageEvent<ReportsResponse>) => {
      const response = event.data;
      if (response.requestId !== latestRequest.current) return;
      setState(
        response.ok
          ? { kind: 'ready', reports: response.reports, computedAtMs: Date.now() }
          : { kind: 'failed', failure: { kind: 'unexpected', detail: response.message } },
      );
    });
    worker.addEventListener('error', (event) => {
      setState({ kind: 'failed', failure: { kind: 'unexpected', detail: event.message } });
    });
    return () => {
      worker.terminate();
      workerRef.current = undefined;
    };
  }, []);

  useEffect(() => {
    const worker = workerRef.current;
    if (worker === undefined || filter === undefined) return;
    latestRequest.current += 1;
    const request: ReportsRequest = {
      requestId: latestRequest.current,
      filter,
      calendar: { timeZone, holidays: holidays ?? [], nowMs: Date.now() },
    };
    // The figures on screen stay until the new ones arrive, through any number of new requests.
    setState((current) => ({
      kind: 'loading',
      previous:
        current.kind === 'ready'
          ? current.reports
          : current.kind === 'loading'
            ? current.previous
            : undefined,
    }));
    worker.postMessage(request);
  }, [filter, refreshCount, timeZone, holidays]);

  return state;
}
