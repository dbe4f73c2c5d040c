import { runReportsBenchmark } from './reports.bench';
import { runSearchBenchmark } from './search.bench';

// Loaded by bench/run.ts in headless Chromium; the runner reads window.benchResult.
const benchmarks: Record<string, () => Promise<unknown>> = {
  search: runSearchBenchmark,
  reports: runReportsBenchmark,
};

const name = new URLSearchParams(location.search).get('bench') ?? '';
const run = benchmarks[name];
if (!run) throw new Error(`unknown benchmark "${name}"`);
(window as { benchResult?: unknown }).benchResult = await run().catch((error: unknown) => ({
  error: error instanceof Error ? error.message : String(error),
}));
