import type { Page } from 'playwright';
import { openStationBrowser, startWebApp } from '../../test/support/webApp.ts';
import { percentiles, type Percentiles } from '../browser/measure.ts';

/**
 * `npm run --silent bench -- ui`: the real app (a production build of the web app, with the test
 * hook that page scripts reach the station's data through) in headless Chromium with a
 * station of 100,000 claims, each figure beside a raw baseline measured in the same page:
 * - `queueFirstRender`: from navigating to the queue until its first rows are painted, beside a
 *   raw Dexie read of the same first 200 claims by the `createdAt` index drawn into a plain table;
 * - `scanToClaim`: from the Enter that ends a typed scan until the claim's RMA heading is painted,
 *   beside a raw Dexie get by the `rmaNumber` index drawn as a heading;
 * - `intakeSave`: storing three 3 MB photos (hashed, thumbnailed) and saving the intake with
 *   `saveIntake` (customer, device, claim, three evidence rows, audit and outbox in one
 *   transaction), as the intake screen does, beside raw Dexie puts of the same three blobs and
 *   records into a plain database of its own.
 * Prints a table, then (last line, by the runner) one JSON object.
 */
const claimCount = Number(process.env['FIXLINE_BENCH_CLAIMS'] ?? 100_000);
const firstRenderRounds = 10;
const scanRounds = 20;
const warmupRounds = 3;

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
  const { appDatabase } = await window.__fixlineTest;
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
  const { appDatabase } = await window.__fixlineTest;
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

const intakeRounds = 8;

/** Three photos of about 3 MB: noise, so JPEG cannot shrink them; made once per page. */
const makePhotos = `(async () => {
  const photos = [];
  for (let index = 0; index < 3; index += 1) {
    const canvas = new OffscreenCanvas(2200, 1650);
    const context = canvas.getContext('2d');
    const image = context.createImageData(2200, 1650);
    for (let byte = 0; byte < image.data.length; byte += 1) {
      image.data[byte] = byte % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
    }
    context.putImageData(image, 0, 0);
    photos.push(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 }));
  }
  globalThis.benchPhotos = photos;
  return photos.map((photo) => photo.size);
})()`;

/** Fixline's intake save with the photos: store each (hash, thumbnail), then `saveIntake`. */
const fixlineIntakeSave = (round: number) => `(async () => {
  const { appDatabase, createRepositories, storeAttachment, saveIntake } = await window.__fixlineTest;
  const db = appDatabase();
  const repositories = createRepositories(db);
  const actor = (await repositories.station.bench()).person?.id ?? '00000000-0000-7000-8000-0000000000aa';
  // A photo differs by one byte each round, so each is stored anew rather than found by hash.
  const photos = globalThis.benchPhotos.map((photo) => new Blob([photo, new Uint8Array([${round}])], { type: 'image/jpeg' }));
  const startedMs = performance.now();
  const evidence = [];
  for (const [index, photo] of photos.entries()) {
    const stored = await storeAttachment(db, photo);
    if (!stored.ok) throw new Error(stored.error.message);
    evidence.push({ kind: 'product-photo', sha256: stored.value.attachment.sha256, fileName: 'photo-' + index + '.jpg',
      mediaType: 'image/jpeg', sizeBytes: photo.size, capturedAt: new Date().toISOString() });
  }
  const saved = await saveIntake(repositories, {
    customer: { kind: 'new', customer: { name: 'Bench Customer ${round}', phone: '+62 813 1111 ' + String(2000 + ${round}), preferredLanguage: 'id' } },
    device: { kind: 'new', device: { model: 'KOSPET Tank T3', category: 'smartwatch', serial: 'BENCH-' + String(100000 + ${round}) } },
    claim: {
      policyPackId: 'kospet-official-store',
      purchase: { channel: 'official-store', orderDate: '2026-11-01', proof: 'valid' },
      reason: 'defect', symptom: 'malfunction', defect: { what: 'Does not charge' },
      customerAcknowledgement: { dataBackedUp: true, simRemoved: false, factoryReset: false },
    },
    evidence,
  }, { actor });
  if (!saved.ok) throw new Error(saved.error.message);
  return performance.now() - startedMs;
})()`;

/** The raw baseline: the same three blobs and the same three records put into a plain database. */
const rawIntakeSave = (round: number) => `(async () => {
  // The app's database class extends Dexie: its prototype is the very Dexie the app runs on.
  const { FixlineDatabase } = await window.__fixlineTest;
  const Dexie = Object.getPrototypeOf(FixlineDatabase);
  const db = globalThis.benchRawDb ??= new Dexie('fixline-bench-raw');
  if (!db.isOpen()) {
    db.version(1).stores({ blobs: 'sha', customers: 'id', devices: 'id', claims: 'id', evidence: 'id, claimId' });
    await db.open();
  }
  const photos = globalThis.benchPhotos.map((photo) => new Blob([photo, new Uint8Array([${round}])], { type: 'image/jpeg' }));
  const startedMs = performance.now();
  await db.transaction('rw', db.tables, async () => {
    for (const [index, photo] of photos.entries()) {
      await db.table('blobs').put({ sha: '${round}-' + index, blob: photo });
      await db.table('evidence').put({ id: crypto.randomUUID(), claimId: 'c${round}', fileName: 'photo-' + index + '.jpg' });
    }
    await db.table('customers').put({ id: crypto.randomUUID(), name: 'Bench Customer' });
    await db.table('devices').put({ id: crypto.randomUUID(), serial: 'BENCH-${round}' });
    await db.table('claims').put({ id: 'c${round}', status: 'intake' });
  });
  return performance.now() - startedMs;
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
      const { appDatabase, restoreQueueStation } = await window.__fixlineTest;
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

    const photoBytes = await page.evaluate<number[]>(makePhotos);
    const intake = { fixline: [] as number[], baseline: [] as number[] };
    for (let round = 0; round < warmupRounds + intakeRounds; round += 1) {
      const fixlineMs = await page.evaluate<number>(fixlineIntakeSave(round));
      const baselineMs = await page.evaluate<number>(rawIntakeSave(round));
      if (round >= warmupRounds) {
        intake.fixline.push(fixlineMs);
        intake.baseline.push(baselineMs);
      }
    }

    const queueFirstRender = figure(firstRender.fixline, firstRender.baseline);
    const scanToClaim = figure(scan.fixline, scan.baseline);
    const intakeSave = figure(intake.fixline, intake.baseline);
    const row = (name: string, value: Figure) =>
      `${name.padEnd(20)} ${value.fixline.p50.toFixed(1).padStart(9)} ${value.fixline.p95.toFixed(1).padStart(9)} ${value.baseline.p50.toFixed(1).padStart(11)} ${value.baseline.p95.toFixed(1).padStart(11)} ${`${value.ratio.p50}×`.padStart(9)} ${`${value.ratio.p95}×`.padStart(9)}`;
    process.stdout.write(
      [
        `Fixline UI, ${claimCount.toLocaleString('en-US')} claims, headless Chromium (ms)`,
        `${'measure'.padEnd(20)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'raw p50'.padStart(11)} ${'raw p95'.padStart(11)} ${'ratio p50'.padStart(9)} ${'ratio p95'.padStart(9)}`,
        row('queue first render', queueFirstRender),
        row('scan to claim', scanToClaim),
        row('intake save', intakeSave),
        `(intake photos: ${photoBytes.map((bytes) => `${(bytes / 1e6).toFixed(1)} MB`).join(', ')})`,
        '',
      ].join('\n'),
    );
    return {
      benchmark: 'ui',
      claims: claimCount,
      unit: 'ms',
      queueFirstRender,
      scanToClaim,
      intakeSave: { ...intakeSave, photoBytes },
      baselines: {
        queueFirstRender:
          'db.claims.orderBy("createdAt").limit(200).toArray(), drawn into a plain <table>, until painted',
        scanToClaim:
          'db.claims.where("rmaNumber").equals(rma).first(), drawn as an <h2>, until painted',
        intakeSave:
          'three blob puts and five record puts in one transaction of a plain Dexie database',
      },
    };
  } finally {
    await station.close();
    await app.stop();
  }
}
