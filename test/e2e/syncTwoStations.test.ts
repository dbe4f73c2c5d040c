import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Route } from 'playwright';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openStationBrowser, webAppDir, type StationBrowser } from '../support/webApp';
import { photoFile } from './claimPages';
import { intake, plans, rmaNumber } from './completeClaimPages';
import { ClaimPage } from './pages/claimPage';
import { QueuePage } from './pages/queuePage';
import { SyncPanel } from './pages/syncPanel';
import { setUpThroughTheForm } from './setupPages';
import { openApp, saveScreenshot, seedClaims } from './workbenchPages';

/**
 * Two stations (two browser profiles) and a real sync server process (`npm run server`, PGlite in
 * a scratch folder, serving the web app), each station opened from the server's own origin and
 * connected through Settings → Sync: a claim taken in at one reaches the other's queue, a station
 * offline keeps working and catches up, and a field changed at both offline ends the same at both
 * with the edit that lost on the claim's timeline.
 */

const projectRoot = join(import.meta.dirname, '../..');

/** Runs `npm run server -- <args>` in its own process group, so a signal reaches npm, tsx and it. */
function runServer(args: readonly string[]): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<void>;
} {
  const child = spawn('npm', ['run', 'server', '--', ...args], {
    cwd: projectRoot,
    detached: true,
    env: { ...process.env, FIXLINE_SERVER_LOG: 'warn' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return { child, output: () => output, exited };
}

const pairingCodePattern = /Pairing code: (\S+)/;

/** Waits until the process has printed `pattern`; answers its first group. */
async function printed(
  server: ReturnType<typeof runServer>,
  pattern: RegExp,
  timeoutMs: number,
): Promise<string> {
  const started = Date.now();
  for (;;) {
    const found = pattern.exec(server.output())?.[1];
    if (found !== undefined) return found;
    if (Date.now() - started > timeoutMs || server.child.exitCode !== null) {
      throw new Error(`npm run server did not print ${String(pattern)}:\n${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A second station's pairing station on Bandung's bench: Agus Wijaya, a technician and manager. */
const bandungTechnician = { id: '00000000-0000-7000-8000-0000000000b2', name: 'Agus Wijaya' };

/** Sets up station BDG2 through the test hook, with Agus Wijaya at the bench. */
const seedBandung = `(async () => {
  const { appDatabase, createRepositories, hashPin } = await window.__fixlineTest;
  const repositories = createRepositories(appDatabase());
  const station = await repositories.station.setUp({
    stationCode: 'BDG2',
    center: { name: 'Fixline Bandung', address: { lines: ['Jl. Braga No. 12'], city: 'Bandung', postalCode: '40111', countryCode: 'ID' } },
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    workingDays: [1, 2, 3, 4, 5],
    holidays: [],
    language: 'en',
    policyAssignments: [{ brand: 'KOSPET', channels: ['official-store'], packId: 'kospet-official-store' }],
    technicians: [
      { id: ${JSON.stringify(bandungTechnician.id)}, name: ${JSON.stringify(bandungTechnician.name)}, roles: ['technician', 'warehouse-clerk', 'manager'], pinHash: await hashPin('2468') },
    ],
  });
  if (!station.ok) throw new Error(station.error.message);
  const bench = await repositories.station.setBenchPerson(${JSON.stringify(bandungTechnician.id)});
  if (!bench.ok) throw new Error(bench.error.message);
})()`;

let dataDir: string;
let server: ReturnType<typeof runServer> | undefined;
let serverUrl: string;
let jakarta: StationBrowser | undefined;
let bandung: StationBrowser | undefined;

/** A station's browser, once `beforeAll` has opened it. */
function opened(station: StationBrowser | undefined): StationBrowser {
  if (station === undefined) throw new Error('the station’s browser did not open');
  return station;
}

/** Connects a station through Settings → Sync and waits for the header to say it is in sync. */
async function connect(station: StationBrowser, pairingCode: string): Promise<void> {
  const sync = new SyncPanel(station.page, serverUrl);
  await sync.open();
  await sync.connect(pairingCode);
  await sync.indicator('Synced').waitFor();
}

beforeAll(async () => {
  // The browsers start while the server does; they need it only to open the app.
  const browsers = Promise.all([
    openStationBrowser(),
    // Bandung works offline below, with the files its service worker keeps.
    openStationBrowser({ serviceWorker: true }),
  ]).then((stations) => {
    [jakarta, bandung] = stations;
  });
  try {
    dataDir = await mkdtemp(join(tmpdir(), 'fixline-sync-e2e-'));
    // PGlite opens its folder in one process at a time: the second station's code is made by the
    // CLI before the server starts, and the server prints the first one's as it starts.
    const cli = runServer(['pairing-code', '--data-dir', dataDir]);
    await cli.exited;
    const bandungCode = await printed(cli, pairingCodePattern, 0);
    server = runServer([
      ...['--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir],
      ...['--web-root', webAppDir()],
    ]);
    const jakartaCode = await printed(server, pairingCodePattern, 120_000);
    serverUrl = `${await printed(server, /listening at (http:\/\/127\.0\.0\.1:\d+)/, 0)}/`;
    await browsers;

    // Jakarta from an empty profile through the screens alone; Bandung through the test hook.
    const setUpJakarta = async (station: StationBrowser) => {
      await station.page.goto(serverUrl);
      await setUpThroughTheForm(station.page, { withAddress: false });
      await connect(station, jakartaCode);
    };
    const setUpBandung = async (station: StationBrowser) => {
      await openApp(station.page, serverUrl);
      await station.page.evaluate(seedBandung);
      await station.page.getByRole('heading', { name: 'Queue' }).waitFor();
    };
    await Promise.all([setUpJakarta(opened(jakarta)), setUpBandung(opened(bandung))]);
    // Jakarta is the center's first station; Bandung joins it and takes the center's settings
    // (its policy assignments among them) over those it was set up with.
    await connect(opened(bandung), bandungCode);
  } finally {
    await browsers;
  }
}, 240_000);

afterAll(async () => {
  await Promise.all([jakarta?.close(), bandung?.close()]);
  const pid = server?.child.pid;
  if (pid !== undefined && server?.child.exitCode === null) {
    process.kill(-pid, 'SIGTERM');
    await server?.exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

/** Generous: the claim arrives within about a second of its push (see bench), under any load. */
const arrival = { timeout: 20_000, interval: 100 };

describe('two stations and a sync server', () => {
  it('shows a claim taken in at one station in the other’s queue', async () => {
    const bandungQueue = new QueuePage(opened(bandung).page, serverUrl);
    await bandungQueue.open();
    const [plan] = plans.filter((candidate) => candidate.pack === 'igpsport');
    if (plan === undefined) throw new Error('no iGPSPORT plan');
    await intake({ page: opened(jakarta).page, url: serverUrl, shot: async () => undefined }, plan);

    await expect.poll(() => bandungQueue.row(rmaNumber).count(), arrival).toBe(1);
    await bandungQueue.row(rmaNumber).getByText(plan.customer.name).waitFor();
    // An intake through the screens: seconds, and more on a busy machine.
  }, 90_000);

  it('keeps a station working offline, and brings what it did then to the other when it is back', async () => {
    const bandungSync = new SyncPanel(opened(bandung).page, serverUrl);
    const bandungQueue = new QueuePage(opened(bandung).page, serverUrl);
    const jakartaQueue = new QueuePage(opened(jakarta).page, serverUrl);
    await jakartaQueue.open();
    await bandungQueue.open();
    // The browser build's service worker keeps every file of the app once it is active; the
    // page opened after that (here a reload) is served by it.
    const page = opened(bandung).page;
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await opened(bandung).context.setOffline(true);
    // Back online whatever happens here: the tests after this one (and its retry) need the network.
    onTestFinished(() => opened(bandung).context.setOffline(false));
    await bandungSync.indicator('Offline').waitFor();

    // A screen never opened before still opens with the server gone: its code comes from the
    // service worker's cache.
    await page.goto(`${serverUrl}#/intake`);
    await page.getByRole('heading', { name: 'Intake', level: 2 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Intake', level: 2 }).waitFor();
    await bandungQueue.open();
    // Taken in through the repositories the intake screen writes with (the screens' own path is
    // the first test's; seconds more here would add nothing).
    await page.evaluate(seedClaims(1));
    const offlineClaim = 'RMA-BDG2-000001';
    await bandungQueue.row(offlineClaim).waitFor();
    await bandungSync.indicator('Offline').waitFor();
    expect(await jakartaQueue.row(offlineClaim).count()).toBe(0);

    await opened(bandung).context.setOffline(false);
    await expect.poll(() => jakartaQueue.row(offlineClaim).count(), arrival).toBe(1);
    await bandungSync.indicator('Synced').waitFor();
  });

  it('ends a field changed at both stations offline with one value at both, and the edit that lost on the claim’s timeline', async () => {
    const bandungQueue = new QueuePage(opened(bandung).page, serverUrl);
    await bandungQueue.open();
    const [claimId] = await opened(jakarta).page.evaluate<string[]>(seedClaims(1));
    const claim = 'RMA-JKT1-000002';
    await expect.poll(() => bandungQueue.row(claim).count(), arrival).toBe(1);
    const stations = [
      {
        station: opened(jakarta),
        claimPage: new ClaimPage(opened(jakarta).page, serverUrl),
        remedy: 'Warranty repair',
      },
      {
        station: opened(bandung),
        claimPage: new ClaimPage(opened(bandung).page, serverUrl),
        remedy: 'Warranty replacement',
      },
    ];

    // Dewi at Jakarta chooses first, Agus at Bandung a moment later: the later edit wins.
    for (const { station, claimPage, remedy } of stations) {
      await claimPage.open(claimId);
      await station.context.setOffline(true);
      onTestFinished(() => station.context.setOffline(false));
      await new SyncPanel(station.page, serverUrl).indicator('Offline').waitFor();
      const decision = claimPage.card('What the policy allows');
      await decision.getByRole('button', { name: `Choose this remedy: ${remedy}` }).click();
      await decision.getByText('Chosen remedy').waitFor();
    }
    for (const { station } of stations) {
      await station.context.setOffline(false);
      await new SyncPanel(station.page, serverUrl).indicator('Synced').waitFor();
    }

    const superseded =
      /^A change was superseded: .+ at JKT1 set the remedy to “Warranty repair”, and a later change made at BDG2 was kept$/;
    for (const { claimPage } of stations) {
      const decision = claimPage.card('What the policy allows');
      await expect
        .poll(
          () =>
            decision.getByRole('button', { name: 'Choose this remedy: Warranty repair' }).count(),
          arrival,
        )
        .toBe(1);
      expect(
        await decision
          .getByRole('button', { name: 'Choose this remedy: Warranty replacement' })
          .count(),
      ).toBe(0);
      expect(await decision.getByText('Chosen remedy').count()).toBe(1);
      await claimPage.timeline.getByText(superseded).waitFor();
    }
    // Jakarta knows the person whose edit lost; Bandung does not (people do not sync yet).
    await opened(jakarta)
      .page.getByText(
        'A change was superseded: Dewi Lestari at JKT1 set the remedy to “Warranty repair”, and a later change made at BDG2 was kept',
      )
      .waitFor();
    await stations[0]?.claimPage.timeline.scrollIntoViewIfNeeded();
    await saveScreenshot(opened(jakarta).page, 'sync-two-stations-superseded-remedy');
  });

  it('brings a photo attached at one station to the other, where it shows once its bytes are there', async () => {
    const [claimId] = await opened(jakarta).page.evaluate<string[]>(seedClaims(1));
    const jakartaPage = opened(jakarta).page;
    const jakartaClaim = new ClaimPage(jakartaPage, serverUrl);
    await jakartaClaim.open(claimId);
    await jakartaClaim.addEvidence(
      await photoFile(jakartaPage, 'cracked-screen.png', 'cracked screen', '#1864ab'),
    );

    // The record comes with the next pull, its bytes right after it, and then its thumbnail.
    const bandungPage = opened(bandung).page;
    const bandungClaim = new ClaimPage(bandungPage, serverUrl);
    await expect
      .poll(async () => {
        await bandungClaim.open(claimId);
        return bandungPage.getByRole('button', { name: /cracked-screen\.png/ }).count();
      }, arrival)
      .toBe(1);
    const gallery = bandungPage.getByRole('region', { name: 'Evidence' });
    await expect.poll(() => gallery.locator('img').count(), arrival).toBe(1);
    await gallery.getByRole('button', { name: /cracked-screen\.png/ }).click();
    await bandungPage
      .getByRole('dialog')
      .getByRole('img', { name: 'cracked-screen.png' })
      .waitFor();
    await saveScreenshot(bandungPage, 'sync-two-stations-photo');

    // Jakarta's thumbnail (made in its worker) travelled as a file of its own, named by the record.
    const thumbnailOf = `(async () => {
      const { appDatabase } = await window.__fixlineTest;
      const db = appDatabase();
      const [evidence] = await db.evidence.where('claimId').equals(${JSON.stringify(claimId)}).toArray();
      const file = evidence?.thumbnailSha256 === undefined ? undefined : await db.attachments.get(evidence.thumbnailSha256);
      return { named: evidence?.thumbnailSha256, size: evidence?.thumbnailSizeBytes, stored: file?.sizeBytes, type: file?.mediaType };
    })()`;
    const atJakarta = await jakartaPage.evaluate<Record<string, unknown>>(thumbnailOf);
    expect(atJakarta).toMatchObject({
      named: expect.stringMatching(/^[0-9a-f]{64}$/),
      type: 'image/jpeg',
    });
    expect(atJakarta['stored']).toBe(atJakarta['size']);
    expect(await bandungPage.evaluate<Record<string, unknown>>(thumbnailOf)).toEqual(atJakarta);
  });

  it('plays and seeks a video from the server at the other station before its bytes are there', async () => {
    const video = await readFile(join(projectRoot, 'test/fixtures/video/boot-loop.mp4'));
    const sha256 = createHash('sha256').update(video).digest('hex');
    // Jakarta's upload of the file is held at first: Bandung, which has the record, says the file
    // is not on the server yet, and its viewer plays it once it is.
    const heldUploads: Route[] = [];
    let holdingUploads = true;
    const isUpload = (url: URL) => url.pathname.startsWith('/sync/v1/blobs');
    await opened(jakarta).context.route(isUpload, (route) =>
      holdingUploads && route.request().method() !== 'GET'
        ? void heldUploads.push(route)
        : route.continue(),
    );
    // Then Bandung's download of the file is held (the video is small enough to come at once):
    // whatever plays meanwhile plays from the viewing ticket's URL.
    const held: Route[] = [];
    const downloadPath = `/sync/v1/blobs/${sha256}`;
    const isDownload = (url: URL) => url.pathname === downloadPath;
    let holding = false;
    await opened(bandung).context.route(isDownload, (route) =>
      holding ? void held.push(route) : route.continue(),
    );

    const [claimId] = await opened(jakarta).page.evaluate<string[]>(seedClaims(1));
    const jakartaPage = opened(jakarta).page;
    const jakartaClaim = new ClaimPage(jakartaPage, serverUrl);
    await jakartaClaim.open(claimId);
    await jakartaClaim.addEvidence({ name: 'boot-loop.mp4', mimeType: 'video/mp4', buffer: video });

    const bandungPage = opened(bandung).page;
    const bandungClaim = new ClaimPage(bandungPage, serverUrl);
    await expect
      .poll(async () => {
        await bandungClaim.open(claimId);
        return bandungPage.getByRole('button', { name: /boot-loop\.mp4/ }).count();
      }, arrival)
      .toBe(1);
    const bandungEvidence = bandungPage.getByRole('region', { name: 'Evidence' });
    await bandungEvidence.getByText('Video from JKT1, waiting for JKT1 to upload it').waitFor();
    holding = true;
    await bandungEvidence.getByRole('button', { name: /boot-loop\.mp4/ }).click();
    await bandungPage
      .getByRole('dialog')
      .getByText('This video is not on the sync server yet: it plays once JKT1 has uploaded it.')
      .waitFor();
    await saveScreenshot(bandungPage, 'sync-two-stations-video-not-on-server');

    holdingUploads = false;
    for (const route of heldUploads.splice(0)) await route.continue();
    await opened(jakarta).context.unroute(isUpload);
    const player = bandungPage.getByRole('dialog').locator('video');
    await player.waitFor({ timeout: arrival.timeout });
    await expect.poll(() => held.length, arrival).toBeGreaterThan(0);
    const played = await player.evaluate(async (element: HTMLVideoElement) => {
      if (element.readyState < 1)
        await new Promise((resolve, reject) => {
          element.addEventListener('loadedmetadata', resolve, { once: true });
          element.addEventListener('error', () => reject(new Error('the video failed')), {
            once: true,
          });
        });
      const metadata = element.readyState;
      const seeked = new Promise((resolve) =>
        element.addEventListener('seeked', resolve, { once: true }),
      );
      element.currentTime = 3;
      await seeked;
      return { metadata, source: element.currentSrc, at: element.currentTime };
    });
    expect(played.metadata).toBeGreaterThanOrEqual(1);
    expect(played.source.startsWith(`${serverUrl}sync/v1/blobs/${sha256}/view?ticket=`)).toBe(true);
    expect(played.at).toBe(3);
    const storedAtBandung = `(async () => {
      const { appDatabase } = await window.__fixlineTest;
      return (await appDatabase().attachments.get(${JSON.stringify(sha256)})) !== undefined;
    })()`;
    expect(await bandungPage.evaluate<boolean>(storedAtBandung)).toBe(false);
    await bandungPage
      .getByRole('dialog')
      .getByText('Playing from the sync server while it downloads')
      .waitFor();
    await saveScreenshot(bandungPage, 'sync-two-stations-video-from-server');

    // The download goes on: once the bytes are kept here, the video plays from them, where it was.
    holding = false;
    for (const route of held.splice(0)) await route.continue();
    await opened(bandung).context.unroute(isDownload);
    await expect.poll(() => bandungPage.evaluate<boolean>(storedAtBandung), arrival).toBe(true);
    await expect
      .poll(() => player.evaluate((element: HTMLVideoElement) => element.currentSrc), arrival)
      .toMatch(/^blob:/);
    await expect
      .poll(() => player.evaluate((element: HTMLVideoElement) => element.currentTime), arrival)
      .toBe(3);
  }, 90_000);
});
