import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { createSyncEngine } from '../../renderer/src/core/sync/syncEngine';
import type { SyncEngine } from '../../renderer/src/core/sync/syncEngine';
import type { SyncTransport } from '../../renderer/src/core/sync/syncApi';
import { unreachableBlobRequests } from '../../renderer/src/core/sync/unavailableTransport';
import { buildSyncServer } from '../../server/src/app';
import { createPairingCode, startNewHistory } from '../../server/src/identity';
import { FolderBlobStore } from '../../server/src/blobs/blobStore';
import { copyDatabase } from '../../server/src/storage/copyDatabase';
import type { Database } from '../../server/src/storage/database';
import { migrate } from '../../server/src/storage/migrate';
import { openPgliteDatabase } from '../../server/src/storage/pgliteDatabase';
import { openPostgresDatabase } from '../../server/src/storage/postgresDatabase';
import { backupServer, restoreServer } from '../../server/src/storage/pgliteBackup';
import type { TestStation } from '../sync/stations';
import { openStation, takeInClaim } from '../sync/stations';
import type { DatabaseKind } from './serverHarness';
import {
  createTestSchema,
  injectSyncRequest,
  openTestDatabase,
  testDatabaseKinds,
  testPostgresUrl,
} from './serverHarness';

/**
 * The server's data over the years: a backup of the embedded database restored (stations go on,
 * and one that had pulled past the backup pulls again and sends its unsent changes), and a move
 * from the embedded database to PostgreSQL that stations continue across without a full pull.
 */

const serverUrl = 'http://sync.test';
const folders: string[] = [];
const engines: SyncEngine[] = [];

afterAll(async () => {
  for (const engine of engines) engine.stop();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function scratchFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'fixline-server-backup-'));
  folders.push(folder);
  return folder;
}

/** The server the stations reach: swapped when it is restarted on another database. */
type Serving = { app: FastifyInstance; database: Database };

async function serve(database: Database): Promise<Serving> {
  await migrate(database);
  return { app: await buildSyncServer({ database }), database };
}

/** Servers closed by `shutDown`: Fastify refuses to answer once closed. */
const closedApps = new WeakSet<FastifyInstance>();

async function shutDown(serving: Serving): Promise<void> {
  closedApps.add(serving.app);
  await serving.app.close();
  await serving.database.close();
}

/**
 * What the server answered each request: its route and status and, for a pull, its row count and
 * whether it was asked from the start (no cursor).
 */
type Answered = { route: string; status: number; rows?: number; fromStart?: boolean };

/** Whether the station reaches the server for a route now (a pull can be cut after a push). */
type Reach = { pulls: boolean };

/** Requests go in-process to whichever server `current` names now; answers are noted. */
function injectTransport(
  current: () => FastifyInstance,
  answers: Answered[],
  reach: Reach,
): SyncTransport {
  return {
    request: async ({ route, body, deviceToken }) => {
      const app = current();
      // A server shut down between tests' steps is one the station cannot reach.
      if (closedApps.has(app) || (route === 'pull' && !reach.pulls)) {
        return { kind: 'unreachable', reason: 'the server is stopped' };
      }
      const answer = await injectSyncRequest(app, { route, body, deviceToken });
      if (answer.kind === 'answered') {
        const rows = (answer.body as { rows?: unknown[] } | undefined)?.rows;
        answers.push({
          route,
          status: answer.status,
          ...(Array.isArray(rows) ? { rows: rows.length } : {}),
          ...(route === 'pull'
            ? { fromStart: (body as { cursor?: unknown } | undefined)?.cursor === null }
            : {}),
        });
      }
      return answer;
    },
    events: ({ onConnected }) => {
      onConnected(false);
      return { close: () => undefined };
    },
    blobs: unreachableBlobRequests,
  };
}

async function connect(
  station: TestStation,
  serving: () => Serving,
  answers: Answered[] = [],
  reach: Reach = { pulls: true },
): Promise<SyncEngine> {
  const engine = createSyncEngine(station.db, {
    transport: injectTransport(() => serving().app, answers, reach),
    locks: null,
    network: { isOnline: () => true, subscribe: () => () => undefined },
  });
  engines.push(engine);
  const { code } = await createPairingCode(serving().database);
  expect(await engine.connect({ serverUrl, pairingCode: code })).toEqual({ ok: true });
  await engine.syncNow();
  return engine;
}

/** The folders of a server whose database is in `dataDir`, its blobs beside it. */
function foldersOf(dataDir: string) {
  return { dataDir, blobDir: `${dataDir}-blobs` };
}

async function serverClaimIds(database: Database): Promise<string[]> {
  const rows = await database.query<{ id: string }>('SELECT id FROM claims ORDER BY id');
  return rows.map((row) => row.id);
}

/**
 * Every row of every table of the server's schema that a move copies (not the migrations' record
 * nor the rate limits' windows), as JSON text, table by table.
 */
async function everyRow(database: Database): Promise<Record<string, string[]>> {
  const tables = await database.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('schema_migrations', 'rate_limits') ORDER BY tablename",
  );
  const all: Record<string, string[]> = {};
  for (const { tablename } of tables) {
    const rows = await database.query<{ row: string }>(
      `SELECT to_jsonb(t)::text AS row FROM ${tablename} t`,
    );
    all[tablename] = rows.map(({ row }) => row).sort();
  }
  return all;
}

/** How a test's server is backed up and restored: the embedded database's way or pg_dump's. */
type BackupWay = {
  open(): Promise<Serving>;
  /** Backs up the server `serving` and gives the server to go on with. */
  backUp(serving: Serving): Promise<Serving>;
  /** Stops `serving` for good. */
  stop(serving: Serving): Promise<void>;
  /** Serves what the backup holds. */
  restore(): Promise<Serving>;
};

/** A station in the restore scenario: its engine, the answers it got, and whether it can pull. */
type Synced = { station: TestStation; engine: SyncEngine; answers: Answered[]; reach: Reach };

function pullsOf(synced: Synced): Answered[] {
  return synced.answers.filter((answer) => answer.route === 'pull');
}

/**
 * The station's pulls since the restore as status and whether from the start, the ones after
 * `first` (the engine syncs again on its own) each expected to go on from its cursor.
 */
function expectPulls(synced: Synced, first: { status: number; fromStart: boolean }[]): void {
  const pulls = pullsOf(synced).map(({ status, fromStart }) => ({ status, fromStart }));
  expect(pulls.slice(0, first.length)).toEqual(first);
  for (const later of pulls.slice(first.length)) {
    expect(later).toEqual({ status: 200, fromStart: false });
  }
}

/**
 * A server restored from a backup taken at version V, and four stations as a restore finds them:
 * - Surabaya has pulled nothing since V: it goes on from its cursor and sends its unsent claim;
 * - Bandung has pulled past V: its cursor is refused (410), it pulls again from the start and
 *   sends its unsent claim;
 * - Jakarta had a claim acknowledged after V (lost with the restore) and pulled past it: its push
 *   meets the gap (409), sends its outbox again from where the server stands and pulls from the
 *   start; the lost claim stays on Jakarta only;
 * - Medan had a claim acknowledged after V but lost its pull: its cursor goes on, but the server
 *   holds fewer of its mutations than it acknowledged, so it pulls again from the start.
 */
async function restoreScenario(way: BackupWay): Promise<void> {
  let serving = await way.open();
  const join = async (code: 'JKT1' | 'BDG2' | 'SBY3' | 'MDN4'): Promise<Synced> => {
    const station = await openStation(code);
    const answers: Answered[] = [];
    const reach = { pulls: true };
    return {
      station,
      engine: await connect(station, () => serving, answers, reach),
      answers,
      reach,
    };
  };
  const [jakarta, bandung, surabaya, medan] = [
    await join('JKT1'),
    await join('BDG2'),
    await join('SBY3'),
    await join('MDN4'),
  ];
  const before = await takeInClaim(jakarta.station);
  for (const synced of [jakarta, bandung, surabaya, medan]) await synced.engine.syncNow();
  const surabayaCursor = (await surabaya.station.db.syncState.get('state'))?.enrollment?.cursor;

  serving = await way.backUp(serving);
  const acknowledged = await takeInClaim(jakarta.station);
  await jakarta.engine.syncNow();
  await bandung.engine.syncNow();
  expect(await bandung.station.db.claims.get(acknowledged)).toBeDefined();
  medan.reach.pulls = false;
  const pushedNotPulled = await takeInClaim(medan.station);
  await medan.engine.syncNow();
  medan.reach.pulls = true;
  const onServerBeforeRestore = await serverClaimIds(serving.database);
  expect(onServerBeforeRestore).toEqual(expect.arrayContaining([acknowledged, pushedNotPulled]));
  expect((await medan.station.db.syncState.get('state'))?.enrollment).toMatchObject({
    acknowledgedMutationId: expect.any(Number) as number,
    cursor: { version: surabayaCursor?.version },
  });

  await way.stop(serving);
  // Made while the server is down: never sent.
  const unsent = {
    jakarta: await takeInClaim(jakarta.station),
    bandung: await takeInClaim(bandung.station),
    surabaya: await takeInClaim(surabaya.station),
  };
  // From here, each station's answers come from the restored server (the engines may retry on
  // their own as soon as it is back).
  for (const synced of [jakarta, bandung, surabaya, medan]) synced.answers.length = 0;
  serving = await way.restore();
  for (const synced of [surabaya, bandung, jakarta, medan]) {
    await synced.engine.syncNow();
    expect(synced.engine.status()).toMatchObject({ phase: 'idle', pendingChanges: 0 });
    expect(synced.engine.status().problem).toBeUndefined();
  }

  // Surabaya went on from its cursor, and its cursor is of the restored server's history now.
  expectPulls(surabaya, [{ status: 200, fromStart: false }]);
  const [space] = await serving.database.query<{ history: string }>('SELECT history FROM space');
  expect((await surabaya.station.db.syncState.get('state'))?.enrollment?.cursor?.history).toBe(
    space?.history,
  );
  // Bandung's cursor was past the backup: refused, then a pull from the start.
  expectPulls(bandung, [
    { status: 410, fromStart: false },
    { status: 200, fromStart: true },
  ]);
  // Jakarta's push met the server's gap; it sent its outbox again and pulled from the start.
  expect(jakarta.answers.map(({ route, status }) => `${route} ${status}`)).toContain('push 409');
  expectPulls(jakarta, [{ status: 200, fromStart: true }]);
  // Medan's cursor was taken, but the server had lost its claim: it pulled again from the start.
  expectPulls(medan, [
    { status: 200, fromStart: false },
    { status: 200, fromStart: true },
  ]);

  const onServer = await serverClaimIds(serving.database);
  expect(onServer).toEqual(
    [before, unsent.jakarta, unsent.bandung, unsent.surabaya].sort((a, b) => a.localeCompare(b)),
  );
  // Every station holds what the server holds; what the restore lost stays where it was made.
  for (const synced of [surabaya, bandung, jakarta, medan]) await synced.engine.syncNow();
  const claimsAt = async (synced: Synced) =>
    (await synced.station.db.claims.toArray()).map((claim) => claim.id).sort();
  expect(await claimsAt(surabaya)).toEqual(onServer);
  expect(await claimsAt(bandung)).toEqual([...onServer, acknowledged].sort());
  expect(await claimsAt(jakarta)).toEqual([...onServer, acknowledged].sort());
  expect(await claimsAt(medan)).toEqual([...onServer, pushedNotPulled].sort());
  const newcomer = await openStation('PLM5');
  await connect(newcomer, () => serving);
  expect((await newcomer.db.claims.toArray()).map((claim) => claim.id).sort()).toEqual(onServer);
  await way.stop(serving);
}

describe('a backup of the embedded database', () => {
  it('restores: stations go on from cursors it holds, and pull again from the start past it', async () => {
    const folder = await scratchFolder();
    const dataDir = join(folder, 'data');
    const backup = join(folder, 'fixline-server.zip');
    const restoredDir = join(folder, 'restored');
    const photo = randomBytes(100_000);
    const photoSha = createHash('sha256').update(photo).digest('hex');
    let backedUp: Awaited<ReturnType<typeof backupServer>> | undefined;
    await restoreScenario({
      open: async () => serve(await openPgliteDatabase(dataDir)),
      backUp: async (serving) => {
        await shutDown(serving);
        await new FolderBlobStore(foldersOf(dataDir).blobDir).append(
          photoSha,
          0,
          photo.length,
          Readable.from([photo]),
        );
        backedUp = await backupServer(foldersOf(dataDir), backup);
        expect(backedUp.version).toBeGreaterThan(0);
        return serve(await openPgliteDatabase(dataDir));
      },
      stop: shutDown,
      restore: async () => {
        const restored = await restoreServer(backup, foldersOf(restoredDir));
        expect(restored).toEqual(backedUp);
        expect(restored.blobs).toBe(1);
        expect(await new FolderBlobStore(foldersOf(restoredDir).blobDir).state(photoSha)).toEqual({
          kind: 'stored',
          size: photo.length,
        });
        return serve(await openPgliteDatabase(restoredDir));
      },
    });
  });

  it('lowers what an earlier restore continued to when an older backup is restored', async () => {
    const database = await openPgliteDatabase(join(await scratchFolder(), 'data'));
    await migrate(database);
    const history = async () =>
      (await database.query<{ history: string }>('SELECT history FROM space'))[0]?.history ?? '';
    const setVersion = (version: number) =>
      database.query('UPDATE space SET version = $1', [version]);
    const first = await history();
    await setVersion(40);
    await startNewHistory(database);
    const second = await history();
    // An older backup of the second history, taken at 25, restored: the first continues to 25.
    await setVersion(25);
    await startNewHistory(database);
    const continued = await database.query<{ history: string; until_version: unknown }>(
      'SELECT history, until_version FROM continued_histories',
    );
    expect(
      Object.fromEntries(continued.map((row) => [row.history, Number(row.until_version)])),
    ).toEqual({ [first]: 25, [second]: 25 });
    await database.close();
  });

  it('never overwrites a database, and a file that is not a backup leaves nothing', async () => {
    const folder = await scratchFolder();
    const dataDir = join(folder, 'data');
    await shutDown(await serve(await openPgliteDatabase(dataDir)));
    const backup = join(folder, 'backup.zip');
    await backupServer(foldersOf(dataDir), backup);

    await expect(restoreServer(backup, foldersOf(dataDir))).rejects.toThrow(/already holds files/);
    const notABackup = join(folder, 'notes.txt');
    await writeFile(notABackup, 'not a backup');
    const target = join(folder, 'target');
    await expect(restoreServer(notABackup, foldersOf(target))).rejects.toThrow();
    expect(await readdir(target).catch(() => 'absent')).toBe('absent');
  });

  it('is made and restored by the server’s commands', async () => {
    const folder = await scratchFolder();
    const dataDir = join(folder, 'data');
    await shutDown(await serve(await openPgliteDatabase(dataDir)));
    const run = (args: string[]) =>
      promisify(execFile)('npx', ['tsx', 'server/src/main.ts', ...args], { timeout: 60_000 });
    const backup = join(folder, 'cli.zip');
    const backedUp = await run(['backup', '--data-dir', dataDir, '--out', backup]);
    expect(backedUp.stdout).toMatch(
      /^Backed up .* \(\d+ bytes, center [0-9a-f-]+ at version 0, 0 attachments\)/,
    );
    const restored = await run(['restore', '--data-dir', join(folder, 'again'), '--from', backup]);
    expect(restored.stdout).toMatch(
      /^Restored center [0-9a-f-]+ at version 0, 0 attachments into /,
    );
  }, 120_000);
});

describe.each(testDatabaseKinds)('moving the embedded database to %s', (kind: DatabaseKind) => {
  it('copies every row, and stations continue from their cursors', async () => {
    const folder = await scratchFolder();
    let serving = await serve(await openPgliteDatabase(join(folder, 'data')));
    const jakarta = await openStation('JKT1');
    const answers: Answered[] = [];
    const atJakarta = await connect(jakarta, () => serving, answers);
    await takeInClaim(jakarta);
    await atJakarta.syncNow();
    const source = serving;

    const target = await openTestDatabase(kind);
    const copied = await copyDatabase(source.database, target);
    expect(copied.find((table) => table.table === 'claims')?.rows).toBe(1);
    expect(await everyRow(target)).toEqual(await everyRow(source.database));
    await expect(copyDatabase(source.database, target)).rejects.toThrow(/already holds a center/);
    await shutDown(source);

    serving = { app: await buildSyncServer({ database: target }), database: target };
    answers.length = 0;
    await atJakarta.syncNow();
    // Nothing new since its cursor: the station pulls no row again.
    expect(answers.filter((answer) => answer.route === 'pull')).toEqual([
      { route: 'pull', status: 200, rows: 0, fromStart: false },
    ]);
    const cursorBefore = (await jakarta.db.syncState.get('state'))?.enrollment?.cursor;
    const later = await takeInClaim(jakarta);
    await atJakarta.syncNow();
    expect(atJakarta.status()).toMatchObject({ phase: 'idle', pendingChanges: 0 });
    expect(atJakarta.status().problem).toBeUndefined();
    expect(await serverClaimIds(target)).toContain(later);
    const cursorAfter = (await jakarta.db.syncState.get('state'))?.enrollment?.cursor;
    expect(cursorAfter?.version).toBeGreaterThan(cursorBefore?.version ?? Infinity);
    await shutDown(serving);
  });
});

// PostgreSQL's backups are pg_dump's (see the README): after pg_restore, `server after-restore`
// starts a new history, and stations go on as they do after the embedded database's restore.
for (const postgresUrl of testDatabaseKinds.includes('postgres') ? [testPostgresUrl ?? ''] : []) {
  describe('a pg_dump backup of PostgreSQL', () => {
    it('restores: stations go on from cursors it holds, and pull again from the start past it', async () => {
      const run = promisify(execFile);
      const { url, schema } = await createTestSchema();
      const dump = join(await scratchFolder(), 'fixline.dump');
      await restoreScenario({
        open: async () => serve(await openPostgresDatabase(url)),
        backUp: async (serving) => {
          await run('pg_dump', [
            '--format=custom',
            `--schema=${schema}`,
            `--file=${dump}`,
            postgresUrl,
          ]);
          return serving;
        },
        stop: async (serving) => {
          await serving.database.query(`DROP SCHEMA ${schema} CASCADE`);
          await shutDown(serving);
        },
        restore: async () => {
          await run('pg_restore', [`--dbname=${postgresUrl}`, dump]);
          // As `server after-restore` does, before the server takes requests.
          const database = await openPostgresDatabase(url);
          await migrate(database);
          await startNewHistory(database);
          return serve(database);
        },
      });
    });
  });
}
