import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { v7 as uuidv7 } from 'uuid';
import { build } from 'vite';
import { encodeHlc } from '#shared/sync/hybridLogicalClock';
import type { Mutation, RowChange } from '#shared/sync/protocol';
import { syncApiPrefix, syncProtocolHeader, syncProtocolVersion } from '#shared/sync/protocol';
import { percentiles, type Percentiles } from '../browser/measure.ts';
import { runAttachmentsBenchmark } from './blobs.bench.ts';
import { inPage, openBenchStation, startCpuProfile, type BenchStation } from './station.ts';
import type { BenchSyncServer } from './syncServer.ts';
import {
  openBenchPglite,
  openBenchPostgres,
  seedClaims,
  seedTechnician,
  startBenchSyncServer,
  startServerProcess,
} from './syncServer.ts';

/**
 * `npm run --silent bench -- sync`: the sync server (server/src/app.ts, in this process, over real
 * HTTP on 127.0.0.1, serving the production web build with the test hook) holding
 * FIXLINE_BENCH_CLAIMS claims (100,000) with a customer and a device each, seeded straight into
 * its tables (see `seedClaims`), and stations in headless Chromium on profiles of their own.
 *
 * - initialPull: a new station pairs through Settings → Sync and pulls everything; records/s from
 *   the first pull request's arrival to the pull's cursor stored, beside a raw baseline in the
 *   same page: the same rows, fetched a page at a time and read as the station stored them
 *   (untimed), `bulkPut` into a plain Dexie twin of the same schema, one transaction a page (the
 *   time of the writes alone); and, for comparison, the rows as sent (see `RawRows`).
 * - saveDuringPull: another new station takes in a claim of its own, then saves a change to it
 *   (its `stepsTried`, through the repositories, one save every ~60 ms) while idle (the baseline),
 *   then all through its initial pull; each save timed from the call to its commit, p50/p95/max
 *   and the ratio to the idle saves. The pull applies pages in slices of ~40 ms (see
 *   renderer/src/db/sync/slicedApply.ts), so no save should wait much longer than one slice.
 * - editToVisible: a second station pairs (its pull is a second initialPull figure); a claim is
 *   edited there through the repositories FIXLINE_BENCH_EDITS times (200) and timed until a live
 *   query on the first station sees the edit (push, poke over server-sent events, pull, apply).
 * - editAcrossServers: the same edits between two stations paired with two server processes on
 *   one PostgreSQL (FIXLINE_TEST_DATABASE_URL, or a private cluster), holding
 *   FIXLINE_BENCH_SCALE_OUT_CLAIMS claims (2,000): the poke crosses processes by NOTIFY.
 * - push500: 500 mutations (an intake each: customer, device, claim) in one push by one station;
 *   the server's time for it on PGlite and on PostgreSQL (FIXLINE_TEST_DATABASE_URL, or a private
 *   cluster), each holding the same claims, median of FIXLINE_BENCH_PUSH_ROUNDS (3).
 * - attachments: FIXLINE_BENCH_PHOTOS (100) random photos of FIXLINE_BENCH_PHOTO_BYTES (3 MB)
 *   uploaded and downloaded through the desktop app's main-process path, MB/s beside one plain
 *   HTTP request per whole file to a minimal sink; and the bytes a 64 MiB upload cut at 40%
 *   sends again when it resumes (see bench/app/blobs.bench.ts). It needs no claims, no web build
 *   and no browser: run alone, it starts none of them.
 *
 * FIXLINE_BENCH_PARTS picks a subset (comma-separated). A quick run: FIXLINE_BENCH_CLAIMS=5000.
 */
const claimCount = Number(process.env['FIXLINE_BENCH_CLAIMS'] ?? 100_000);
const editCount = Number(process.env['FIXLINE_BENCH_EDITS'] ?? 200);
const pushRounds = Number(process.env['FIXLINE_BENCH_PUSH_ROUNDS'] ?? 3);
const scaleOutClaims = Number(process.env['FIXLINE_BENCH_SCALE_OUT_CLAIMS'] ?? 2_000);
const pullLimit = 1_000;
const allParts = [
  'initialPull',
  'saveDuringPull',
  'editToVisible',
  'editAcrossServers',
  'push500',
  'attachments',
] as const;
type Part = (typeof allParts)[number];
const parts = (process.env['FIXLINE_BENCH_PARTS'] ?? allParts.join(','))
  .split(',')
  .filter((part): part is Part => (allParts as readonly string[]).includes(part));

type PullFigure = {
  readonly records: number;
  readonly ms: number;
  readonly recordsPerSecond: number;
  /** The server's own time over the pull's requests (its queries and JSON), in ms. */
  readonly serverMs: number;
  readonly pages: number;
};

const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The web app as a user's browser gets it (see tooling/webApp.ts), built into a folder. */
async function buildWebApp(): Promise<{ outDir: string; remove: () => Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'fixline-bench-web-'));
  await build({
    configFile: join(import.meta.dirname, '../../vite.web.config.ts'),
    logLevel: 'warn',
    define: { 'import.meta.env.VITE_FIXLINE_TEST_HOOK': JSON.stringify('1') },
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 4096,
      // A profile names the functions it samples.
      ...(cpuProfilePath === undefined ? {} : { minify: false }),
    },
  });
  return { outDir, remove: () => rm(outDir, { recursive: true, force: true }) };
}

/** Sets up a new station `code` (Jakarta, one technician at the bench) in the app's database. */
async function setUpStation(page: Page, url: string, code: string, technicianId: string) {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      log(`${code}: ${message.text()}`);
  });
  page.on('crash', () => log(`${code}: the page crashed`));
  page.on('close', () => log(`${code}: the page closed`));
  page.context().on('close', () => log(`${code}: the browser closed`));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) log(`${code}: at ${frame.url()}`);
  });
  await page.goto(url);
  await page.locator('#root').waitFor();
  await inPage(
    page,
    `const repositories = hook.createRepositories(hook.appDatabase());
    const check = (result) => { if (!result.ok) throw new Error(result.error.message); };
    check(await repositories.station.setUp({
      stationCode: ${JSON.stringify(code)},
      center: { name: 'Fixline Jakarta' },
      currency: 'IDR',
      timeZone: 'Asia/Jakarta',
      holidays: ['2026-12-25'],
      workingDays: [1, 2, 3, 4, 5],
      language: 'en',
      policyAssignments: [
        { brand: 'KOSPET', channels: ['official-store'], packId: 'kospet-official-store' },
      ],
      technicians: [{ id: ${JSON.stringify(technicianId)}, name: 'Dewi Lestari', pinHash: await hook.hashPin('4821') }],
    }));
    check(await repositories.station.setBenchPerson(${JSON.stringify(technicianId)}));`,
  );
}

/**
 * Pairs the station on `page` through Settings → Sync and waits until its first pull has stored
 * the cursor of the server's version; times it from the first pull request's arrival.
 * `beforeConnect` runs once the page is loaded, just before Connect is pressed.
 */
async function pairAndPull(
  page: Page,
  server: BenchSyncServer,
  records: number,
  beforeConnect: () => void = () => undefined,
): Promise<PullFigure> {
  const { version } = await readServerVersion(server);
  server.resetTimes();
  // A reload: the app reads the station it was set up as when it starts.
  await page.goto(`${server.url}/#/settings`);
  await page.reload();
  const sync = page.getByRole('region', { name: 'Sync', exact: true });
  try {
    await sync.getByRole('textbox', { name: 'Server address' }).fill(server.url);
    await sync.getByRole('textbox', { name: 'Pairing code' }).fill(await server.pairingCode());
  } catch (error) {
    const screenshot = join(tmpdir(), `fixline-bench-sync-${Date.now()}.png`);
    await page.screenshot({ path: screenshot });
    log(`Settings → Sync did not show its form (screenshot: ${screenshot})`);
    throw error;
  }
  // The page notes when the cursor reaches the server's version (read cheaply, by key).
  const done = inPage<number>(
    page,
    `const db = hook.appDatabase();
    for (;;) {
      const state = await db.syncState.get('state');
      if ((state?.enrollment?.cursor?.version ?? -1) >= ${version}) return Date.now();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }`,
  );
  // Awaited below; a failure before then must not end the process as an unhandled rejection.
  done.catch(() => undefined);
  beforeConnect();
  await sync.getByRole('button', { name: 'Connect' }).click();
  const endMs = await done;
  const startMs = server.firstArrival('pull');
  if (startMs === undefined) throw new Error('the station never pulled');
  const pullTimes = server.times('pull');
  const ms = endMs - startMs;
  return {
    records,
    ms,
    recordsPerSecond: Math.round((records / ms) * 1000),
    serverMs: Math.round(pullTimes.reduce((sum, value) => sum + value, 0)),
    pages: pullTimes.length,
  };
}

/**
 * FIXLINE_BENCH_CPU_PROFILE: a file the initial pull's station writes its main thread's CPU
 * profile into (open it in Chromium's DevTools, Performance), to see where a pull's time goes.
 */
const cpuProfilePath = process.env['FIXLINE_BENCH_CPU_PROFILE'];

async function readServerVersion(server: BenchSyncServer): Promise<{ version: number }> {
  const [row] = await server.database.query<{ version: unknown }>('SELECT version FROM space');
  return { version: Number(row?.version ?? 0) };
}

/** Enrolls a device from here (no station): its token and client id, for raw requests. */
async function enrollDevice(
  server: BenchSyncServer,
  stationCode: string,
): Promise<{ token: string; clientId: string }> {
  const clientId = uuidv7();
  const answer = await fetch(`${server.url}${syncApiPrefix}/enroll`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [syncProtocolHeader]: String(syncProtocolVersion),
    },
    body: JSON.stringify({ pairingCode: await server.pairingCode(), stationCode, clientId }),
  });
  const body = (await answer.json()) as { deviceToken?: string };
  if (!answer.ok || body.deviceToken === undefined) {
    throw new Error(`enrolling ${stationCode} failed: ${JSON.stringify(body)}`);
  }
  return { token: body.deviceToken, clientId };
}

/**
 * Which rows the raw baseline writes: `stored`, each pulled row as the station that pulled it
 * stored it (read from its database, untimed): the same rows, so the same index entries (a
 * customer's search words and phone tails, a claim's deadline fields); `wire`, the rows as the
 * server sends them, which lack those derived fields and so write a third fewer index entries.
 */
type RawRows = 'stored' | 'wire';

/**
 * The twin the raw baseline writes into: `schema`, the app's tables with their indexes;
 * `keysOnly`, the same tables without any index, the most this browser's IndexedDB takes in
 * for these rows whatever a schema indexes (each index adds its entries to every write).
 */
type RawTwin = 'schema' | 'keysOnly';

/**
 * The raw baseline in `page`: every row the server holds, pulled a page at a time (untimed), as
 * `rawRows` says, and `bulkPut` into a plain Dexie twin of the app's schema, one transaction a
 * page over every table as the app's apply has; returns the time of the writes alone.
 */
async function rawPull(
  page: Page,
  device: { token: string; clientId: string },
  records: number,
  rawRows: RawRows,
  rawTwin: RawTwin = 'schema',
): Promise<{ ms: number; recordsPerSecond: number; rows: number }> {
  const result = await inPage<{ ms: number; rows: number }>(
    page,
    `const twin = await hook.benchBaselines.openRawTwin(hook.appDatabase(), 'fixline-bench-sync-raw', { keysOnly: ${rawTwin === 'keysOnly'} });
    let cursor = null;
    let upTo;
    let ms = 0;
    let rows = 0;
    for (;;) {
      const answer = await fetch('${syncApiPrefix}/pull', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          '${syncProtocolHeader}': '${syncProtocolVersion}',
          authorization: 'Bearer ${device.token}',
        },
        body: JSON.stringify({ clientId: '${device.clientId}', cursor, ...(upTo === undefined ? {} : { upTo }), limit: ${pullLimit} }),
      });
      const page = await answer.json();
      const byTable = {};
      if (${JSON.stringify(rawRows)} === 'stored') {
        const ids = {};
        for (const row of page.rows) (ids[row.table] ??= []).push(row.id);
        for (const [table, tableIds] of Object.entries(ids)) {
          byTable[table] = (await hook.appDatabase().table(table).bulkGet(tableIds)).filter(Boolean);
        }
      } else {
        for (const row of page.rows) {
          (byTable[row.table] ??= []).push({ ...row.values, id: row.id, stamps: row.stamps, updatedBy: row.updatedBy, station: row.station });
        }
      }
      ms += await hook.benchBaselines.rawBulkPut(twin, byTable);
      rows += page.rows.length;
      cursor = page.cursor;
      upTo = page.upTo;
      if (page.done) break;
    }
    await hook.benchBaselines.deleteRawTwin(twin);
    return { ms, rows };`,
  );
  return {
    ms: result.ms,
    rows: result.rows,
    recordsPerSecond: Math.round((records / result.ms) * 1000),
  };
}

/**
 * Edits a claim on `editor` `count` times (its `stepsTried`, through the repositories) and times
 * each from just before the write to when a live query of the claim on `watcher` sees it.
 */
async function editToVisible(
  watcher: Page,
  editor: Page,
  claimIds: readonly string[],
  technicianId: string,
  count: number,
): Promise<{ samples: number[]; percentiles: Percentiles }> {
  const samples: number[] = [];
  const warmup = 3;
  for (let index = 0; index < count + warmup; index += 1) {
    const claimId = claimIds[(index * 7919) % claimIds.length] ?? '';
    const text = `Edited on the second station, round ${index}.`;
    // Subscribed (its first answer in) before the edit, so the edit's change is what it sees.
    await inPage(
      watcher,
      `await new Promise((subscribed) => {
        window.benchEditSeen = new Promise((seen) => {
          const subscription = hook.FixlineDatabase.liveQuery(() => hook.appDatabase().claims.get(${JSON.stringify(claimId)})).subscribe({
            next: (claim) => {
              subscribed();
              if (claim?.stepsTried === ${JSON.stringify(text)}) { subscription.unsubscribe(); seen(Date.now()); }
            },
          });
        });
      });`,
    );
    const startMs = await inPage<number>(
      editor,
      `const repositories = hook.createRepositories(hook.appDatabase());
      const startMs = Date.now();
      const result = await repositories.claims.update(${JSON.stringify(claimId)}, { stepsTried: ${JSON.stringify(text)} }, { actor: ${JSON.stringify(technicianId)} });
      if (!result.ok) throw new Error(result.error.message);
      return startMs;`,
    );
    const seenMs = await inPage<number>(watcher, 'return await window.benchEditSeen;');
    if (index >= warmup) samples.push(seenMs - startMs);
  }
  log(`editToVisible: ${samples.join(' ')}`);
  return { samples, percentiles: percentiles(samples) };
}

/** One save: how long it took, and when it started (`atMs`, since the saving was set going). */
type TimedSave = { readonly ms: number; readonly atMs: number };

/** Saves timed on one station: each from the repository call to its commit, in ms. */
type SaveFigures = {
  readonly saves: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
};

function saveFigures(samples: readonly number[]): SaveFigures {
  const { p50, p95 } = percentiles(samples);
  return {
    saves: samples.length,
    p50: round(p50, 1),
    p95: round(p95, 1),
    max: round(Math.max(...samples), 1),
  };
}

/** Takes in a claim of the station's own on `page` (customer, device, claim): what saves change. */
async function takeInLocalClaim(page: Page, technicianId: string): Promise<string> {
  return inPage<string>(
    page,
    `const repositories = hook.createRepositories(hook.appDatabase());
    const context = { actor: ${JSON.stringify(technicianId)} };
    const made = (result) => { if (!result.ok) throw new Error(result.error.message); return result.value; };
    const customer = made(await repositories.customers.create({ name: 'Siti Rahmawati', phone: '+62 812 3456 7890', preferredLanguage: 'id' }, context));
    const device = made(await repositories.devices.create({ customerId: customer.id, model: 'KOSPET Tank T3', category: 'smartwatch', serial: 'KT3-BENCH-000001' }, context));
    const claim = made(await repositories.claims.create({
      policyPackId: 'kospet-warranty-refund',
      customerId: customer.id,
      deviceId: device.id,
      purchase: { channel: 'official-store', orderDate: '2026-11-01', invoiceDate: '2026-11-01', deliveredDate: '2026-11-05', orderNumber: 'ORD-BENCH-1', proof: 'valid' },
      reason: 'defect',
      symptom: 'malfunction',
      defect: { what: 'The screen stays black' },
      customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: false },
    }, context));
    return claim.id;`,
  );
}

/**
 * Saves a change to `claimId` on `page` (its `stepsTried`, through the repositories) every
 * ~60 ms, each timed from the call to its commit, while `whileCondition` (in-page JS over
 * `db` and `round`) holds, after `startCondition` does; the first three are a warm-up.
 */
function timedSaves(
  page: Page,
  claimId: string,
  technicianId: string,
  startCondition: string,
  whileCondition: string,
): Promise<TimedSave[]> {
  return inPage<TimedSave[]>(
    page,
    `const db = hook.appDatabase();
    const repositories = hook.createRepositories(db);
    const samples = [];
    const firstMs = performance.now();
    const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    while (!(await (async () => (${startCondition}))())) await pause(5);
    for (let round = 0; await (async () => (${whileCondition}))(); round += 1) {
      const startMs = performance.now();
      const result = await repositories.claims.update(${JSON.stringify(claimId)}, { stepsTried: 'Saved at the bench, round ' + round + '.' }, { actor: ${JSON.stringify(technicianId)} });
      const ms = performance.now() - startMs;
      if (!result.ok) throw new Error(result.error.message);
      if (round >= 3) samples.push({ ms, atMs: Math.round(startMs - firstMs) });
      await pause(60);
    }
    return samples;`,
  );
}

/**
 * A new station takes in a claim of its own and saves changes to it: idle first (the baseline),
 * then all through its initial pull of the server's `records`.
 */
async function saveDuringPull(
  page: Page,
  server: BenchSyncServer,
  records: number,
  technicianId: string,
): Promise<{
  idle: SaveFigures;
  /** With the five slowest saves and when each started, to tell what they met. */
  duringPull: SaveFigures & { slowest: readonly TimedSave[] };
  pull: PullFigure;
}> {
  const claimId = await takeInLocalClaim(page, technicianId);
  const idle = await timedSaves(page, claimId, technicianId, 'true', 'round < 43');
  const duringPull = (saves: readonly TimedSave[]) => ({
    ...saveFigures(saves.map((save) => save.ms)),
    slowest: [...saves]
      .sort((first, second) => second.ms - first.ms)
      .slice(0, 5)
      .map((save) => ({ ms: round(save.ms, 1), atMs: save.atMs })),
  });
  const { version } = await readServerVersion(server);
  let saves: Promise<TimedSave[]> = Promise.resolve([]);
  // Started after pairAndPull's reload (which would end it), saving from the enrollment on.
  const pull = await pairAndPull(page, server, records, () => {
    saves = timedSaves(
      page,
      claimId,
      technicianId,
      "(await db.syncState.get('state'))?.enrollment !== undefined",
      `((await db.syncState.get('state'))?.enrollment?.cursor?.version ?? -1) < ${version}`,
    );
    saves.catch(() => undefined);
  });
  return {
    idle: saveFigures(idle.map((save) => save.ms)),
    duringPull: duringPull(await saves),
    pull,
  };
}

/** `count` intakes (customer, device, claim), one mutation each, numbered from `firstId`. */
function intakeMutations(stationCode: string, firstId: number, count: number): Mutation[] {
  const mutations: Mutation[] = [];
  const nowMs = Date.now();
  for (let index = 0; index < count; index += 1) {
    const stamp = encodeHlc({ wallMs: nowMs, counter: index, node: stationCode });
    const customerId = uuidv7();
    const deviceId = uuidv7();
    const claimId = uuidv7();
    const sequence = firstId + index;
    const created = (values: RowChange['set']) => ({
      set: values,
      unset: [],
      stamp,
      base: Object.fromEntries(Object.keys(values).map((field) => [field, null])),
    });
    const at = new Date(nowMs).toISOString();
    mutations.push({
      id: sequence,
      mutationId: uuidv7(),
      at: stamp,
      actor: seedTechnician,
      station: stationCode,
      changes: [
        {
          table: 'customers',
          id: customerId,
          ...created({
            id: customerId,
            name: `Walk-in ${sequence}`,
            phone: '+62 812 0000 0000',
            preferredLanguage: 'id',
          }),
        },
        {
          table: 'devices',
          id: deviceId,
          ...created({
            id: deviceId,
            customerId,
            model: 'KOSPET Tank T3',
            category: 'smartwatch',
            serial: `PUSH-${stationCode}-${sequence}`,
          }),
        },
        {
          table: 'claims',
          id: claimId,
          ...created({
            id: claimId,
            rmaNumber: `RMA-${stationCode}-${String(sequence).padStart(6, '0')}`,
            status: 'intake',
            policyPackId: 'kospet-warranty-refund',
            customerId,
            deviceId,
            purchase: {
              channel: 'official-store',
              orderDate: '2026-11-01',
              invoiceDate: '2026-11-01',
              deliveredDate: '2026-11-05',
              orderNumber: `ORD-P-${sequence}`,
              proof: 'valid',
            },
            reason: 'defect',
            symptom: 'malfunction',
            defect: { what: 'The screen stays black' },
            customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: false },
            createdAt: at,
            updatedAt: at,
          }),
        },
      ],
    });
  }
  return mutations;
}

/**
 * Pushes 500 intakes `pushRounds` times as one station (enrolled from here) and returns the
 * server's time for each push (Fastify's elapsed time: parse, check, apply, commit, answer).
 */
async function push500(server: BenchSyncServer, stationCode: string): Promise<number[]> {
  const device = await enrollDevice(server, stationCode);
  const times: number[] = [];
  for (let index = 0; index < pushRounds; index += 1) {
    const mutations = intakeMutations(stationCode, index * 500 + 1, 500);
    server.resetTimes();
    const answer = await fetch(`${server.url}${syncApiPrefix}/push`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [syncProtocolHeader]: String(syncProtocolVersion),
        authorization: `Bearer ${device.token}`,
      },
      body: JSON.stringify({ clientId: device.clientId, mutations }),
    });
    const body = (await answer.json()) as {
      outcomes?: { status: string; rejection?: { message: string } }[];
    };
    const refused = body.outcomes?.find((outcome) => outcome.status !== 'applied');
    if (!answer.ok || body.outcomes?.length !== 500 || refused !== undefined) {
      throw new Error(`push refused: ${JSON.stringify(refused ?? body).slice(0, 400)}`);
    }
    const [serverMs] = server.times('push');
    if (serverMs !== undefined) times.push(serverMs);
  }
  return times;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const stationParts: readonly Part[] = [
  'initialPull',
  'saveDuringPull',
  'editToVisible',
  'editAcrossServers',
];

/**
 * `server` as a station of the other server process sees it: the same database (its version,
 * its pairing codes), at `url`. That process's requests are not timed here, so its pull is timed
 * from the pairing.
 */
function atOtherProcess(server: BenchSyncServer, url: string): BenchSyncServer {
  let resetAtMs = Date.now();
  return {
    ...server,
    url,
    times: () => [],
    firstArrival: () => resetAtMs,
    resetTimes: () => {
      resetAtMs = Date.now();
    },
  };
}

/**
 * Edit → visible across the scale-out path: two server processes on one PostgreSQL (this one's,
 * and `npm run server` in a process of its own), holding `scaleOutClaims` claims; a station paired
 * with each; edits on the station of the other process, seen by a live query on this one's (push
 * to the other process, NOTIFY, poke here, pull, apply).
 */
async function editAcrossServers(webRoot: string): Promise<{
  readonly figure?: Record<string, unknown>;
  readonly line: string;
}> {
  const postgres = await openBenchPostgres();
  if (postgres.database === undefined) {
    return { line: `editAcrossServers  not measured: ${postgres.reason}` };
  }
  const stations: BenchStation[] = [];
  const here = await startBenchSyncServer({ database: postgres.database, webRoot });
  let other: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  try {
    other = await startServerProcess(postgres.url, webRoot);
    const seeded = await seedClaims(postgres.database, scaleOutClaims);
    const watcher = await openBenchStation();
    stations.push(watcher);
    await setUpStation(watcher.page(), here.url, 'JKT3', seedTechnician);
    await pairAndPull(watcher.page(), here, seeded.rows);
    const editor = await openBenchStation();
    stations.push(editor);
    const editorTechnician = '00000000-0000-7000-8000-0000000000bb';
    await setUpStation(editor.page(), other.url, 'JKT4', editorTechnician);
    await pairAndPull(editor.page(), atOtherProcess(here, other.url), seeded.rows);
    const edits = await editToVisible(
      watcher.page(),
      editor.page(),
      seeded.claimIds,
      editorTechnician,
      editCount,
    );
    const p50 = round(edits.percentiles.p50, 1);
    const p95 = round(edits.percentiles.p95, 1);
    return {
      figure: { p50, p95, edits: editCount, claims: scaleOutClaims, postgres: postgres.how },
      line: `editAcrossServers p50 ${p50} ms, p95 ${p95} ms over ${editCount} edits, two server processes on PostgreSQL (${postgres.how})  goal p95 ≤ 500 ms: ${p95 <= 500 ? 'yes' : 'NO'}`,
    };
  } finally {
    for (const station of stations) await station.close().catch(() => undefined);
    await other?.stop();
    await here.app.close();
    await postgres.stop();
  }
}

export async function runSyncBenchmark(): Promise<object> {
  const withStations = parts.some((part) => stationParts.includes(part));
  // The PGlite server's claims are for the pulls and pushes; the other parts bring their own.
  const withClaims = parts.some((part) => part !== 'attachments' && part !== 'editAcrossServers');
  const withFirstStation = parts.includes('initialPull') || parts.includes('editToVisible');
  const web = withStations ? await buildWebApp() : undefined;
  const pglite = await openBenchPglite();
  const blobRoot = await mkdtemp(join(tmpdir(), 'fixline-bench-blobs-'));
  const server = await startBenchSyncServer({
    database: pglite.database,
    ...(web === undefined ? {} : { webRoot: web.outDir }),
    blobRoot,
  });
  const stations: BenchStation[] = [];
  const lines: string[] = [];
  const result: Record<string, unknown> = {
    benchmark: 'sync',
    claims: withClaims ? claimCount : 0,
  };
  try {
    let startedMs = performance.now();
    const seeded = withClaims
      ? await seedClaims(server.database, claimCount)
      : { rows: 0, claimIds: [] };
    if (withClaims)
      log(
        `seeded the server with ${claimCount} claims (${seeded.rows} rows) in ${Math.round(performance.now() - startedMs)} ms`,
      );
    const records = seeded.rows;
    lines.push(
      withClaims
        ? `Fixline sync, ${claimCount.toLocaleString('en-US')} claims (${records.toLocaleString('en-US')} rows), server on PGlite, headless Chromium`
        : 'Fixline sync, no claims seeded on the PGlite server (the parts chosen bring their own)',
    );

    const first = withFirstStation ? await openBenchStation() : undefined;
    if (first !== undefined) {
      stations.push(first);
      await setUpStation(first.page(), server.url, 'JKT1', seedTechnician);
      startedMs = performance.now();
      const profiling =
        cpuProfilePath === undefined ? undefined : await startCpuProfile(first.page());
      const pull = await pairAndPull(first.page(), server, records);
      if (profiling !== undefined && cpuProfilePath !== undefined) {
        await profiling.stopInto(cpuProfilePath);
        log(`the station's CPU profile of its pull: ${cpuProfilePath}`);
      }
      log(
        `initial pull: ${JSON.stringify(pull)} (${Math.round(performance.now() - startedMs)} ms)`,
      );
      const raw = await rawPull(
        first.page(),
        await enrollDevice(server, 'RAW1'),
        records,
        'stored',
      );
      log(`raw (stored rows): ${JSON.stringify(raw)}`);
      const rawWire = await rawPull(
        first.page(),
        await enrollDevice(server, 'RAW2'),
        records,
        'wire',
      );
      log(`raw (rows as sent): ${JSON.stringify(rawWire)}`);
      const rawKeysOnly = await rawPull(
        first.page(),
        await enrollDevice(server, 'RAW3'),
        records,
        'stored',
        'keysOnly',
      );
      log(`raw (stored rows, no index): ${JSON.stringify(rawKeysOnly)}`);
      const ratio = round(raw.recordsPerSecond / pull.recordsPerSecond, 2);
      const wireRatio = round(rawWire.recordsPerSecond / pull.recordsPerSecond, 2);
      result['initialPull'] = {
        records,
        recordsPerSecond: pull.recordsPerSecond,
        baselineRecordsPerSecond: raw.recordsPerSecond,
        ratio,
        wireRowsBaselineRecordsPerSecond: rawWire.recordsPerSecond,
        wireRowsRatio: wireRatio,
        keysOnlyBaselineRecordsPerSecond: rawKeysOnly.recordsPerSecond,
        ms: pull.ms,
        serverMs: pull.serverMs,
        pages: pull.pages,
      };
      lines.push(
        `initialPull    ${pull.recordsPerSecond.toLocaleString('en-US').padStart(7)} records/s (${round(pull.ms / 1000, 1)} s, server ${round(pull.serverMs / 1000, 1)} s over ${pull.pages} pages); raw bulkPut of the stored rows ${raw.recordsPerSecond.toLocaleString('en-US')} records/s; ${ratio}×  goal ≥ 5,000/s and ≤ 2×: ${pull.recordsPerSecond >= 5_000 && ratio <= 2 ? 'yes' : 'NO'}`,
        `               (raw bulkPut of the rows as sent, without their derived fields: ${rawWire.recordsPerSecond.toLocaleString('en-US')} records/s, ${wireRatio}×)`,
        `               (raw bulkPut of the stored rows into the same tables without any index: ${rawKeysOnly.recordsPerSecond.toLocaleString('en-US')} records/s, this browser's most for these rows)`,
      );
    }

    if (parts.includes('saveDuringPull')) {
      const saver = await openBenchStation();
      stations.push(saver);
      const saverTechnician = '00000000-0000-7000-8000-0000000000cc';
      await setUpStation(saver.page(), server.url, 'JKT3', saverTechnician);
      const saving = await saveDuringPull(saver.page(), server, records, saverTechnician);
      log(`saveDuringPull: ${JSON.stringify(saving)}`);
      const ratio = round(saving.duringPull.p95 / saving.idle.p95, 2);
      result['saveDuringPull'] = {
        idle: saving.idle,
        duringPull: saving.duringPull,
        p95Ratio: ratio,
        maxRatio: round(saving.duringPull.max / saving.idle.max, 2),
        pullRecordsPerSecond: saving.pull.recordsPerSecond,
      };
      lines.push(
        `saveDuringPull p50 ${saving.duringPull.p50} ms, p95 ${saving.duringPull.p95} ms, max ${saving.duringPull.max} ms over ${saving.duringPull.saves} saves during the pull (${saving.pull.recordsPerSecond.toLocaleString('en-US')} records/s); idle p50 ${saving.idle.p50}, p95 ${saving.idle.p95}, max ${saving.idle.max} ms; p95 ${ratio}×  goal wait ≤ ~50 ms: ${saving.duringPull.p95 - saving.idle.p95 <= 50 ? 'yes' : 'NO'}`,
      );
      stations.splice(stations.indexOf(saver), 1);
      await saver.close();
    }

    if (first !== undefined && parts.includes('editToVisible')) {
      const second = await openBenchStation();
      stations.push(second);
      const secondTechnician = '00000000-0000-7000-8000-0000000000bb';
      await setUpStation(second.page(), server.url, 'JKT2', secondTechnician);
      const secondPull = await pairAndPull(second.page(), server, records);
      log(`second station's pull: ${JSON.stringify(secondPull)}`);
      lines.push(
        `  second station's pull ${secondPull.recordsPerSecond.toLocaleString('en-US')} records/s (${round(secondPull.ms / 1000, 1)} s)`,
      );
      const edits = await editToVisible(
        first.page(),
        second.page(),
        seeded.claimIds,
        secondTechnician,
        editCount,
      );
      result['editToVisible'] = {
        p50: round(edits.percentiles.p50, 1),
        p95: round(edits.percentiles.p95, 1),
        edits: editCount,
        secondStationRecordsPerSecond: secondPull.recordsPerSecond,
      };
      lines.push(
        `editToVisible  p50 ${round(edits.percentiles.p50, 1)} ms, p95 ${round(edits.percentiles.p95, 1)} ms over ${editCount} edits  goal p95 ≤ 250 ms: ${edits.percentiles.p95 <= 250 ? 'yes' : 'NO'}`,
      );
    }
    for (const station of stations.splice(0)) await station.close();

    if (web !== undefined && parts.includes('editAcrossServers')) {
      const across = await editAcrossServers(web.outDir);
      if (across.figure !== undefined) result['editAcrossServers'] = across.figure;
      lines.push(across.line);
    }

    if (parts.includes('push500')) {
      const pgliteTimes = await push500(server, 'PUSHA');
      log(`push500 on PGlite: ${pgliteTimes.map((ms) => Math.round(ms)).join(' ')} ms`);
      const postgres = await openBenchPostgres();
      let postgresTimes: number[] | undefined;
      let postgresNote: string;
      if (postgres.database === undefined) {
        postgresNote = postgres.reason;
      } else {
        postgresNote = postgres.how;
        const pgServer = await startBenchSyncServer({ database: postgres.database });
        try {
          await seedClaims(pgServer.database, claimCount);
          postgresTimes = await push500(pgServer, 'PUSHB');
          log(`push500 on PostgreSQL: ${postgresTimes.map((ms) => Math.round(ms)).join(' ')} ms`);
        } finally {
          await pgServer.app.close();
          await postgres.stop();
        }
      }
      const pgliteMs = round(median(pgliteTimes));
      const postgresMs = postgresTimes === undefined ? null : round(median(postgresTimes));
      result['push500'] = {
        pgliteMs,
        postgresMs,
        rounds: pushRounds,
        postgres: postgresNote,
      };
      lines.push(
        `push500        PGlite ${pgliteMs} ms, PostgreSQL ${postgresMs ?? 'n/a'} ms (server time, median of ${pushRounds}; PostgreSQL: ${postgresNote})`,
      );
    }
    if (parts.includes('attachments')) {
      const device = await enrollDevice(server, 'BLOB1');
      const figures = await runAttachmentsBenchmark(server.url, device.token, log);
      log(`attachments: ${JSON.stringify(figures)}`);
      const uploadRatio = round(figures.upload.mbPerSecond / figures.rawUpload.mbPerSecond, 2);
      const downloadRatio = round(
        figures.download.mbPerSecond / figures.rawDownload.mbPerSecond,
        2,
      );
      const { resume } = figures;
      result['attachments'] = {
        photos: figures.upload.files,
        photoBytes: figures.upload.bytes / figures.upload.files,
        uploadMBps: figures.upload.mbPerSecond,
        rawUploadMBps: figures.rawUpload.mbPerSecond,
        uploadRatio,
        downloadMBps: figures.download.mbPerSecond,
        rawDownloadMBps: figures.rawDownload.mbPerSecond,
        downloadRatio,
        resumeFileBytes: resume.fileBytes,
        resumeCutAtBytes: resume.cutAtBytes,
        resumeResentBytes: resume.resentBytes,
        chunkBytes: resume.chunkBytes,
      };
      const photos = `${figures.upload.files} photos of ${round(figures.upload.bytes / figures.upload.files / 1e6, 1)} MB`;
      lines.push(
        `attachments    upload ${figures.upload.mbPerSecond} MB/s, raw PUT ${figures.rawUpload.mbPerSecond} MB/s (${uploadRatio}×); download ${figures.download.mbPerSecond} MB/s, raw GET ${figures.rawDownload.mbPerSecond} MB/s (${downloadRatio}×), ${photos}  goal ≥ 0.8× raw: ${uploadRatio >= 0.8 && downloadRatio >= 0.8 ? 'yes' : 'NO'}`,
        `  resume after a cut at ${round(resume.cutAtBytes / 2 ** 20, 1)} of ${resume.fileBytes / 2 ** 20} MiB: ${resume.resentBytes.toLocaleString('en-US')} bytes sent again  goal ≤ one chunk (${resume.chunkBytes / 2 ** 20} MiB): ${resume.resentBytes <= resume.chunkBytes ? 'yes' : 'NO'}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return result;
  } finally {
    // A failed run may have lost its browsers already: what went wrong is the error thrown above.
    for (const station of stations) await station.close().catch(() => undefined);
    await server.close();
    await pglite.remove();
    await rm(blobRoot, { recursive: true, force: true });
    await web?.remove();
  }
}
