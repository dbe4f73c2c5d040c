import { join } from 'node:path';
import type { Page } from 'playwright';
import { openStationBrowser, startWebApp } from '../../test/support/webApp.ts';
import { percentiles, type Percentiles } from '../browser/measure.ts';

/**
 * `npm run --silent bench -- ui`: the real app (the browser build) in headless Chromium with a
 * station of 100,000 claims, each figure beside a raw baseline measured in the same page:
 * - `queueFirstRender`: from navigating to the queue until its first rows are painted, beside a
 *   raw Dexie read of the same first 200 claims by the `createdAt` index drawn into a plain table;
 * - `scanToClaim`: from the Enter that ends a typed scan until the claim's RMA heading is painted,
 *   beside a raw Dexie get by the `rmaNumber` index drawn as a heading.
 * Prints a table, then (last line, by the runner) one JSON object.
 */
const claimCount = Number(process.env['FIXLINE_BENCH_CLAIMS'] ?? 100_000);
const firstRenderRounds = 10;
const scanRounds = 20;
const warmupRounds = 3;

const generatorUrl = `/@fs${join(import.meta.dirname, '../browser/queueStation.ts')}`;

/** Resolves once the page has painted: after the next frame, once its tasks have run. */
const afterPaint = `() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))`;

/**
 * Times, in the page, from when `start()` resolves until `isDone()` holds and the result is
 * painted. A MutationObserver checks after every change of the page, so no polling interval is
 * added.
 */
const timeUntil = (start: string, isDone: string) => `(async () => {
  const afterPaint = ${afterPaint};
  const isDone = ${isDone};
  const done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (isDone()) { observer.disconnect(); resolve(); }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await (${start})();
  const startedMs = performance.now();
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error('the screen did not show what was awaited within 120 s')), 120000),
  );
  if (!isDone()) await Promise.race([done, timeout]);
  await afterPaint();
  return performance.now() - startedMs;
})()`;

const firstQueueRowShown = `() => /RMA-/.test(document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]')?.textContent ?? '')`;

/** The raw baseline of the first render: the first 200 claims by index, drawn as a plain table. */
const rawFirstRows = `(async () => {
  const { appDatabase } = await import('/src/db/appDatabase.ts');
  const afterPaint = ${afterPaint};
  const startedMs = performance.now();
  const claims = await appDatabase().claims.orderBy('createdAt').limit(200).toArray();
  const table = document.createElement('table');
  for (const claim of claims) {
    const row = table.insertRow();
    for (const value of [claim.rmaNumber, claim.status, claim.createdAt, claim.nextDeadlineDate ?? '']) {
      row.insertCell().textContent = value;
    }
  }
  document.body.append(table);
  await afterPaint();
  const elapsedMs = performance.now() - startedMs;
  table.remove();
  return elapsedMs;
})()`;

/** The raw baseline of a scan: the claim by its RMA number, drawn as a heading. */
const rawScan = (rmaNumber: string) => `(async () => {
  const { appDatabase } = await import('/src/db/appDatabase.ts');
  const afterPaint = ${afterPaint};
  const startedMs = performance.now();
  const claim = await appDatabase().claims.where('rmaNumber').equals(${JSON.stringify(rmaNumber)}).first();
  const heading = document.createElement('h2');
  heading.textContent = claim.rmaNumber;
  document.body.append(heading);
  await afterPaint();
  const elapsedMs = performance.now() - startedMs;
  heading.remove();
  return elapsedMs;
})()`;

const headingShown = (rmaNumber: string) =>
  `() => [...document.querySelectorAll('h1, h2, h3')].some((heading) => heading.textContent.trim() === ${JSON.stringify(rmaNumber)})`;

type Figure = {
  readonly fixline: Percentiles;
  readonly baseline: Percentiles;
  readonly ratio: { readonly p50: number; readonly p95: number };
  readonly rounds: number;
};

function figure(fixline: readonly number[], baseline: readonly number[]): Figure {
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const fixlineFigures = percentiles(fixline);
  const baselineFigures = percentiles(baseline);
  return {
    fixline: fixlineFigures,
    baseline: baselineFigures,
    ratio: {
      p50: ratio(fixlineFigures.p50, baselineFigures.p50),
      p95: ratio(fixlineFigures.p95, baselineFigures.p95),
    },
    rounds: fixline.length,
  };
}

async function openScreen(page: Page, url: string, hash: string, heading: string): Promise<void> {
  await page.goto(`${url}#/${hash}`);
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
}

/** Navigates from Settings to the queue, timed until its first rows are painted. */
async function timeQueueFirstRender(page: Page, url: string): Promise<number> {
  await openScreen(page, url, 'settings', 'Settings');
  return page.evaluate<number>(
    timeUntil(`async () => { location.hash = '#/'; }`, firstQueueRowShown),
  );
}

/**
 * Types a scan on the queue as a scanner does: the keys in one burst, then Enter, dispatched in
 * the page so a busy machine cannot stretch the gaps between them (the app takes slow keys for a
 * person typing). Timed from the Enter.
 */
async function timeScan(page: Page, url: string, rmaNumber: string): Promise<number> {
  await openScreen(page, url, '', 'Queue');
  return page.evaluate<number>(
    timeUntil(
      `async () => {
        const press = (key) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        for (const key of ${JSON.stringify(rmaNumber)}) press(key);
        press('Enter');
      }`,
      headingShown(rmaNumber),
    ),
  );
}

export async function runUiBenchmark(): Promise<object> {
  const app = await startWebApp();
  const station = await openStationBrowser();
  try {
    const { page } = station;
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.goto(app.url);
    await page.locator('#root h1').first().waitFor({ timeout: 120_000 });
    const startedMs = performance.now();
    await page.evaluate(`(async () => {
      const { appDatabase } = await import('/src/db/appDatabase.ts');
      const { restoreQueueStation } = await import(${JSON.stringify(generatorUrl)});
      return restoreQueueStation(appDatabase(), ${claimCount});
    })()`);
    process.stderr.write(
      `restored a station of ${claimCount} claims in ${Math.round(performance.now() - startedMs)} ms\n`,
    );
    await page.getByRole('heading', { name: 'Queue' }).waitFor({ timeout: 120_000 });

    const firstRender = { fixline: [] as number[], baseline: [] as number[] };
    for (let round = 0; round < warmupRounds + firstRenderRounds; round += 1) {
      // Alternate which goes first, so neither always finds the other's warm cache.
      const fixlineFirst = round % 2 === 0;
      let fixlineMs = 0;
      let baselineMs = 0;
      if (fixlineFirst) fixlineMs = await timeQueueFirstRender(page, app.url);
      await openScreen(page, app.url, 'settings', 'Settings');
      baselineMs = await page.evaluate<number>(rawFirstRows);
      if (!fixlineFirst) fixlineMs = await timeQueueFirstRender(page, app.url);
      if (round >= warmupRounds) {
        firstRender.fixline.push(fixlineMs);
        firstRender.baseline.push(baselineMs);
      }
    }

    const scan = { fixline: [] as number[], baseline: [] as number[] };
    for (let round = 0; round < warmupRounds + scanRounds; round += 1) {
      const sequence = 1 + Math.floor(Math.random() * claimCount);
      const rmaNumber = `RMA-JKT1-${String(sequence).padStart(6, '0')}`;
      const fixlineMs = await timeScan(page, app.url, rmaNumber);
      const baselineMs = await page.evaluate<number>(rawScan(rmaNumber));
      if (round >= warmupRounds) {
        scan.fixline.push(fixlineMs);
        scan.baseline.push(baselineMs);
      }
    }

    const queueFirstRender = figure(firstRender.fixline, firstRender.baseline);
    const scanToClaim = figure(scan.fixline, scan.baseline);
    const row = (name: string, value: Figure) =>
      `${name.padEnd(20)} ${value.fixline.p50.toFixed(1).padStart(9)} ${value.fixline.p95.toFixed(1).padStart(9)} ${value.baseline.p50.toFixed(1).padStart(11)} ${value.baseline.p95.toFixed(1).padStart(11)} ${`${value.ratio.p50}×`.padStart(9)} ${`${value.ratio.p95}×`.padStart(9)}`;
    process.stdout.write(
      [
        `Fixline UI, ${claimCount.toLocaleString('en-US')} claims, headless Chromium (ms)`,
        `${'measure'.padEnd(20)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'raw p50'.padStart(11)} ${'raw p95'.padStart(11)} ${'ratio p50'.padStart(9)} ${'ratio p95'.padStart(9)}`,
        row('queue first render', queueFirstRender),
        row('scan to claim', scanToClaim),
        '',
      ].join('\n'),
    );
    return {
      benchmark: 'ui',
      claims: claimCount,
      unit: 'ms',
      queueFirstRender,
      scanToClaim,
      baselines: {
        queueFirstRender:
          'db.claims.orderBy("createdAt").limit(200).toArray(), drawn into a plain <table>, until painted',
        scanToClaim:
          'db.claims.where("rmaNumber").equals(rma).first(), drawn as an <h2>, until painted',
      },
    };
  } finally {
    await station.close();
    await app.stop();
  }
}
