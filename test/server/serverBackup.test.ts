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

/** What the server answered each request: its route, status and, for a pull, its row count. */
type Answered = { route: string; status: number; rows?: number };

/** Requests go in-process to whichever server `current` names now; answers are noted. */
function injectTransport(current: () => FastifyInstance, answers: Answered[]): SyncTransport {
  return {
    request: async ({ route, body, deviceToken }) => {
      const app = current();
      // A server shut down between tests' steps is one the station cannot reach.
      if (closedApps.has(app)) {
        return { kind: 'unreachable', reason: 'the server is stopped' };
      }
      const answer = await injectSyncRequest(app, { route, body, deviceToken });
      if (answer.kind === 'answered') {
        const rows = (answer.body as { rows?: unknown[] } | undefined)?.rows;
        answers.push({
          route,
          status: answer.status,
          ...(Array.isArray(rows) ? { rows: rows.length } : {}),
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
): Promise<SyncEngine> {
  const engine = createSyncEngine(station.db, {
    transport: injectTransport(() => serving().app, answers),
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

/** Every row of every table of the server's schema, as JSON text, table by table. */
async function everyRow(database: Database): Promise<Record<string, string[]>> {
  const tables = await database.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations' ORDER BY tablename",
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

describe('a backup of the embedded database', () => {
  it('restores, and a station that pulled past it pulls again and sends its unsent changes', async () => {
    const folder = await scratchFolder();
    const dataDir = join(folder, 'data');
    let serving = await serve(await openPgliteDatabase(dataDir));
    const jakarta = await openStation('JKT1');
    const answers: Answered[] = [];
    const atJakarta = await connect(jakarta, () => serving, answers);
    const before = await takeInClaim(jakarta);
    await atJakarta.syncNow();

    await shutDown(serving);
    const photo = randomBytes(100_000);
    const photoSha = createHash('sha256').update(photo).digest('hex');
    await new FolderBlobStore(foldersOf(dataDir).blobDir).append(
      photoSha,
      0,
      photo.length,
      Readable.from([photo]),
    );
    const backup = join(folder, 'fixline-server.zip');
    const backedUp = await backupServer(foldersOf(dataDir), backup);
    expect(backedUp.version).toBeGreaterThan(0);

    // After the backup: one claim the server acknowledges (lost with the restore), then one
    // made while the server is down (never sent).
    serving = await serve(await openPgliteDatabase(dataDir));
    const acknowledged = await takeInClaim(jakarta);
    await atJakarta.syncNow();
    expect(await serverClaimIds(serving.database)).toContain(acknowledged);
    await shutDown(serving);
    const unsent = await takeInClaim(jakarta);

    const restoredDir = join(folder, 'restored');
    const restored = await restoreServer(backup, foldersOf(restoredDir));
    expect(restored).toEqual(backedUp);
    expect(restored.blobs).toBe(1);
    expect(await new FolderBlobStore(foldersOf(restoredDir).blobDir).state(photoSha)).toEqual({
      kind: 'stored',
      size: photo.length,
    });
    serving = await serve(await openPgliteDatabase(restoredDir));
    answers.length = 0;
    await atJakarta.syncNow();

    expect(atJakarta.status()).toMatchObject({ phase: 'idle', pendingChanges: 0 });
    expect(atJakarta.status().problem).toBeUndefined();
    expect(answers.map(({ route, status }) => `${route} ${status}`)).toEqual(
      expect.arrayContaining(['push 409', 'pull 410']),
    );
    const onServer = await serverClaimIds(serving.database);
    expect(onServer).toContain(before);
    expect(onServer).toContain(unsent);
    expect(onServer).not.toContain(acknowledged);
    // The station keeps what it holds; a station joining now gets what the server has.
    expect(await jakarta.db.claims.get(acknowledged)).toBeDefined();
    const bandung = await openStation('BDG2');
    await connect(bandung, () => serving);
    expect((await bandung.db.claims.toArray()).map((claim) => claim.id).sort()).toEqual(onServer);
    await shutDown(serving);
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
      { route: 'pull', status: 200, rows: 0 },
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
    it('restores, and a station that pulled past it pulls again and sends its unsent changes', async () => {
      const run = promisify(execFile);
      const { url, schema } = await createTestSchema();
      const openServed = async () => serve(await openPostgresDatabase(url));
      let serving = await openServed();
      const jakarta = await openStation('JKT1');
      const answers: Answered[] = [];
      const atJakarta = await connect(jakarta, () => serving, answers);
      const before = await takeInClaim(jakarta);
      await atJakarta.syncNow();

      const dump = join(await scratchFolder(), 'fixline.dump');
      await run('pg_dump', [
        '--format=custom',
        `--schema=${schema}`,
        `--file=${dump}`,
        postgresUrl,
      ]);
      const acknowledged = await takeInClaim(jakarta);
      await atJakarta.syncNow();
      expect(await serverClaimIds(serving.database)).toContain(acknowledged);
      await serving.database.query(`DROP SCHEMA ${schema} CASCADE`);
      await shutDown(serving);
      const unsent = await takeInClaim(jakarta);

      await run('pg_restore', [`--dbname=${postgresUrl}`, dump]);
      serving = await openServed();
      await startNewHistory(serving.database);
      answers.length = 0;
      await atJakarta.syncNow();

      expect(atJakarta.status()).toMatchObject({ phase: 'idle', pendingChanges: 0 });
      expect(atJakarta.status().problem).toBeUndefined();
      expect(answers.map(({ route, status }) => `${route} ${status}`)).toEqual(
        expect.arrayContaining(['push 409', 'pull 410']),
      );
      const onServer = await serverClaimIds(serving.database);
      expect(onServer).toEqual(expect.arrayContaining([before, unsent]));
      expect(onServer).not.toContain(acknowledged);
      const bandung = await openStation('BDG2');
      await connect(bandung, () => serving);
      expect((await bandung.db.claims.toArray()).map((claim) => claim.id).sort()).toEqual(onServer);
      await serving.database.query(`DROP SCHEMA ${schema} CASCADE`);
      await shutDown(serving);
    });
  });
}
