import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { chromiumArgs, findChromium } from '../tooling/chromium.ts';

/**
 * `npm run --silent bench -- NAME`: runs one benchmark and prints, as its last line, one JSON
 * object with the figures. Each benchmark measures Fixline beside a raw baseline in the same run
 * and reports their ratio. Renderer benchmarks run in headless Chromium (the engine the desktop
 * app ships) with a real IndexedDB; main-process ones run here, in Node.
 */
const benchmarks = {
  search: 'browser',
  reports: 'browser',
  documents: 'node',
  ui: 'app',
  sync: 'sync',
} as const satisfies Record<string, 'browser' | 'node' | 'app' | 'sync'>;

const name = process.argv[2] ?? '';
if (!Object.hasOwn(benchmarks, name)) {
  process.stderr.write(`usage: npm run --silent bench -- ${Object.keys(benchmarks).join('|')}\n`);
  process.exit(2);
}

const kind = benchmarks[name as keyof typeof benchmarks];
const result =
  kind === 'node'
    ? await (await import('./node/documents.bench.ts')).runDocumentsBenchmark()
    : kind === 'app'
      ? // The real app, driven from here like the end-to-end tests drive it.
        await (await import('./app/ui.bench.ts')).runUiBenchmark()
      : kind === 'sync'
        ? // The real sync server here and stations of the real app in Chromium.
          await (await import('./app/sync.bench.ts')).runSyncBenchmark()
        : await runInChromium(name);
process.stdout.write(`${JSON.stringify(result)}\n`);

/** Loads bench/browser/index.html?bench=NAME in headless Chromium and returns what it reports. */
async function runInChromium(benchmark: string): Promise<unknown> {
  const root = join(import.meta.dirname, '..');
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const profile = await mkdtemp(join(tmpdir(), 'fixline-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: chromiumArgs,
    headless: true,
  });

  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => process.stderr.write(`${message.text()}\n`));
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.goto(`http://127.0.0.1:${port}/bench/browser/index.html?bench=${benchmark}`);
    const result = await page.waitForFunction(
      () => (window as { benchResult?: unknown }).benchResult,
      null,
      {
        timeout: 30 * 60_000,
        polling: 500,
      },
    );
    return await result.jsonValue();
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}
