import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobRequestsOver, downloadBlob, uploadBlob } from '#shared/sync/blobHttp';
import { webSyncFetch } from '../../renderer/src/bridge/webSyncFetch';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import type { EnrollResponse, Mutation, PullResponse } from '#shared/sync/protocol';
import {
  pullResponseSchema,
  pushResponseSchema,
  syncApiPrefix,
  syncProtocolHeader,
  syncProtocolVersion,
} from '#shared/sync/protocol';
import { openS3BlobStore } from '../../server/src/blobs/s3BlobStore';
import type { S3Config } from '../../server/src/blobs/s3Config';
import { createPairingCode, enroll } from '../../server/src/identity';
import type { Database } from '../../server/src/storage/database';
import { migrate } from '../../server/src/storage/migrate';
import {
  listenerApplicationNameOf,
  openPostgresDatabase,
} from '../../server/src/storage/postgresDatabase';
import { makeNote, nextId } from '../factories/domain';
import { startS3 } from './blobStoreFixtures';
import { actorId, createTestSchema, insertChange, testDatabaseKinds } from './serverHarness';

/**
 * The scale-out path: two server processes on one PostgreSQL. A push to one is poked to a
 * station listening on the other (LISTEN/NOTIFY), and 32 stations pushing at once across both
 * leave no gap or skip in what a station pulling from either sees. Needs the test PostgreSQL
 * (.ci/run starts one); the embedded database opens in one process only.
 */

const projectRoot = join(import.meta.dirname, '../..');
const pushers = 32;
const pushesEach = 3;
const notesPerPush = 3;

type ServerProcess = { readonly address: string; readonly stop: () => Promise<void> };

/** Where a server process keeps attachments' bytes: its flags, and what it reads from the environment. */
type BlobPlace = { readonly args: readonly string[]; readonly env?: Record<string, string> };

/** The blob folder at `blobDir` (one for every process, as a shared volume would be). */
const blobFolder = (blobDir: string): BlobPlace => ({ args: ['--blob-dir', blobDir] });

/** The bucket `config` names, through the command line's S3 flags and the usual AWS variables. */
function s3Bucket(config: S3Config): BlobPlace {
  return {
    args: [
      '--s3-bucket',
      config.bucket,
      '--s3-endpoint',
      config.endpoint ?? '',
      '--s3-region',
      config.region ?? 'us-east-1',
      '--s3-prefix',
      config.prefix,
      '--s3-force-path-style',
    ],
    env: {
      AWS_ACCESS_KEY_ID: config.credentials?.accessKeyId ?? '',
      AWS_SECRET_ACCESS_KEY: config.credentials?.secretAccessKey ?? '',
    },
  };
}

/**
 * Starts `npm run server` on the database at `url`, on a free port, its blobs where `blobs`
 * says; stopped by its pid.
 */
async function startServer(url: string, blobs: BlobPlace): Promise<ServerProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(
    'npx',
    [
      'tsx',
      'server/src/main.ts',
      '--database-url',
      url,
      ...blobs.args,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
    ],
    {
      cwd: projectRoot,
      detached: true,
      env: { ...process.env, ...blobs.env, FIXLINE_SERVER_LOG: 'warn' },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const started = Date.now();
  while (!/listening at http:\/\/127\.0\.0\.1:\d+/.test(output)) {
    if (Date.now() - started > 120_000 || child.exitCode !== null) {
      throw new Error(`the server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const address = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
  return {
    address,
    stop: async () => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      await closed;
    },
  };
}

const protocolHeaders = {
  'content-type': 'application/json',
  [syncProtocolHeader]: String(syncProtocolVersion),
};

/** A station speaking the protocol over HTTP to one server process. */
class HttpStation {
  #nextMutation = 1;
  readonly #clock: HybridLogicalClock;

  private constructor(
    readonly address: string,
    readonly stationCode: string,
    readonly clientId: string,
    readonly enrolled: EnrollResponse,
  ) {
    this.#clock = new HybridLogicalClock(stationCode);
  }

  /** Enrolled over HTTP, as a station does (pairing attempts are rate-limited per address). */
  static async enroll(database: Database, address: string, stationCode: string) {
    const clientId = nextId();
    const { code } = await createPairingCode(database);
    const response = await fetch(`${address}${syncApiPrefix}/enroll`, {
      method: 'POST',
      headers: protocolHeaders,
      body: JSON.stringify({ pairingCode: code, stationCode, clientId }),
    });
    expect(response.status).toBe(200);
    return new HttpStation(address, stationCode, clientId, (await response.json()) as never);
  }

  /** Enrolled straight in the database, for many stations at once. */
  static async enrollDirectly(database: Database, address: string, stationCode: string) {
    const clientId = nextId();
    const { code } = await createPairingCode(database);
    const enrolled = await enroll(database, { pairingCode: code, stationCode, clientId });
    return new HttpStation(address, stationCode, clientId, enrolled);
  }

  get headers(): Record<string, string> {
    return { ...protocolHeaders, authorization: `Bearer ${this.enrolled.deviceToken}` };
  }

  async post(route: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${this.address}${syncApiPrefix}${route}`, {
      method: 'POST',
      headers: this.headers,
      body: JSON.stringify(body),
    });
    const answer: unknown = await response.json();
    expect(response.status, JSON.stringify(answer)).toBe(200);
    return answer;
  }

  /** Pushes `count` new notes, one mutation each. */
  async pushNotes(count: number): Promise<void> {
    const mutations: Mutation[] = Array.from({ length: count }, () => ({
      id: this.#nextMutation++,
      mutationId: nextId(),
      at: this.#clock.tick(Date.now()),
      actor: actorId,
      station: this.stationCode,
      changes: [insertChange('notes', makeNote(), this.#clock.tick(Date.now()))],
    }));
    const answer = pushResponseSchema.parse(
      await this.post('/push', { clientId: this.clientId, mutations }),
    );
    expect(answer.outcomes.every((outcome) => outcome.status === 'applied')).toBe(true);
  }

  async pull(cursor: PullResponse['cursor'], limit: number): Promise<PullResponse> {
    return pullResponseSchema.parse(
      await this.post('/pull', { clientId: this.clientId, cursor, limit }),
    );
  }
}

/** Reads server-sent events from `station`'s server until `text` has come. */
async function listen(station: HttpStation) {
  const response = await fetch(`${station.address}${syncApiPrefix}/events`, {
    headers: station.headers,
  });
  expect(response.status).toBe(200);
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no event stream');
  let received = '';
  return {
    async until(text: string): Promise<void> {
      while (!received.includes(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before ${text}`);
        received += new TextDecoder().decode(value);
      }
    },
    close: () => reader.cancel(),
  };
}

describe.runIf(testDatabaseKinds.includes('postgres'))(
  'two server processes on one PostgreSQL',
  () => {
    const servers: ServerProcess[] = [];
    let database: Database | undefined;
    let schema = '';
    let blobDir = '';
    // The servers' connections named after this test's schema: other test files' servers listen
    // on the same PostgreSQL at the same time.
    let serverUrl = '';
    beforeAll(async () => {
      const created = await createTestSchema();
      schema = created.schema;
      database = await openPostgresDatabase(created.url);
      await migrate(database);
      const url = new URL(created.url);
      url.searchParams.set('application_name', schema);
      serverUrl = url.toString();
      // One blob folder for both, as a shared volume would be.
      blobDir = await mkdtemp(join(tmpdir(), 'fixline-scale-out-blobs-'));
      servers.push(
        ...(await Promise.all([
          startServer(serverUrl, blobFolder(blobDir)),
          startServer(serverUrl, blobFolder(blobDir)),
        ])),
      );
    }, 300_000);
    afterAll(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await database?.query(`DROP SCHEMA ${schema} CASCADE`);
      await database?.close();
      if (blobDir !== '') await rm(blobDir, { recursive: true, force: true });
    });

    /** The two server processes and the database they share. */
    function started(): { first: ServerProcess; second: ServerProcess; database: Database } {
      const [first, second] = servers;
      if (first === undefined || second === undefined || database === undefined)
        throw new Error('two servers');
      return { first, second, database };
    }

    it('tells a station listening on one process that an upload to the other completed', async () => {
      const { first, second, database } = started();
      const listener = await HttpStation.enrollDirectly(database, second.address, 'BLSN');
      const uploader = await HttpStation.enrollDirectly(database, first.address, 'BUPL');
      const events = await listen(listener);
      await events.until('event: poke\n');
      const bytes = new Uint8Array(randomBytes(10_000));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const blobs = blobRequestsOver(webSyncFetch);
      const address = {
        serverUrl: first.address,
        deviceToken: uploader.enrolled.deviceToken,
        sha256,
      };
      const uploaded = await uploadBlob(blobs, {
        address,
        size: bytes.length,
        read: (start, end) => Promise.resolve(bytes.slice(start, end)),
        chunkBytes: 4_096,
        onProgress: () => undefined,
        aborted: () => false,
      });
      expect(uploaded.kind).toBe('uploaded');
      await events.until(`event: blob\ndata: {"sha256":"${sha256}"}\n\n`);
      await events.close();
    }, 120_000);

    it('pokes across processes, and 32 pushers across both leave no gap for a puller', async () => {
      const { first, second, database } = started();

      const listener = await HttpStation.enroll(database, second.address, 'LSTN');
      const events = await listen(listener);
      await events.until('event: poke\ndata: {"version":0}\n\n');
      const writer = await HttpStation.enroll(database, first.address, 'WRTR');
      await writer.pushNotes(1);
      await events.until('event: poke\ndata: {"version":1}\n\n');
      await events.close();

      const stations = await Promise.all(
        Array.from({ length: pushers }, (_, index) =>
          HttpStation.enrollDirectly(
            database as Database,
            (index % 2 === 0 ? first : second).address,
            `S${String(index).padStart(2, '0')}`,
          ),
        ),
      );
      const readers = [listener, await HttpStation.enrollDirectly(database, first.address, 'READ')];
      let pushing = true;
      const seen: number[] = [];
      const pull = (async () => {
        let cursor: PullResponse['cursor'] = null;
        for (let round = 0; ; round += 1) {
          const stillPushing = pushing;
          // Each page from the other process than the last: both serve the same history.
          const page: PullResponse | undefined = await readers[round % 2]?.pull(cursor, 7);
          if (page === undefined) throw new Error('no reader');
          seen.push(...page.rows.map((row) => row.version));
          cursor = page.cursor;
          if (!stillPushing && page.done && page.rows.length === 0) return;
        }
      })();
      await Promise.all(
        stations.map(async (station) => {
          for (let round = 0; round < pushesEach; round += 1) await station.pushNotes(notesPerPush);
        }),
      );
      pushing = false;
      await pull;
      const total = 1 + pushers * pushesEach * notesPerPush;
      expect(seen).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    }, 300_000);

    it('listens again when the database ends its listening connections, and pokes across again', async () => {
      const { first, second, database } = started();
      const listener = await HttpStation.enrollDirectly(database, second.address, 'RLSN');
      const writer = await HttpStation.enrollDirectly(database, first.address, 'RWRT');
      const events = await listen(listener);
      await events.until('event: poke\n');
      const listening = () =>
        database.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
          [listenerApplicationNameOf(serverUrl)],
        );
      const before = (await listening()).map((row) => row.pid);
      // Two channels on each of the two processes.
      expect(before).toHaveLength(4);
      const ended = await database.query<{ ended: boolean }>(
        'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE pid = ANY($1)',
        [before],
      );
      expect(ended.map((row) => row.ended)).toEqual([true, true, true, true]);
      // Each process connects and listens again on its own.
      for (;;) {
        const now = (await listening()).map((row) => row.pid);
        if (now.length === 4 && now.every((pid) => !before.includes(pid))) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await writer.pushNotes(1);
      const [space] = await database.query<{ version: unknown }>('SELECT version FROM space');
      await events.until(`event: poke\ndata: {"version":${String(space?.version)}}\n\n`);
      await events.close();
    }, 120_000);
  },
);

describe.runIf(testDatabaseKinds.includes('postgres'))(
  'two server processes on one PostgreSQL and one S3 bucket',
  () => {
    const servers: ServerProcess[] = [];
    let database: Database | undefined;
    let schema = '';
    let s3: Awaited<ReturnType<typeof startS3>> | undefined;
    beforeAll(async () => {
      const created = await createTestSchema();
      schema = created.schema;
      database = await openPostgresDatabase(created.url);
      await migrate(database);
      s3 = await startS3();
      const bucket = s3Bucket(s3.config('scale-out/'));
      servers.push(
        ...(await Promise.all([
          startServer(created.url, bucket),
          startServer(created.url, bucket),
        ])),
      );
    }, 300_000);
    afterAll(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await database?.query(`DROP SCHEMA ${schema} CASCADE`);
      await database?.close();
      await s3?.close();
    });

    it('finishes on one process an upload cut on the other, pokes across, and serves it from both', async () => {
      const [first, second] = servers;
      if (first === undefined || second === undefined || database === undefined)
        throw new Error('two servers');
      const listener = await HttpStation.enrollDirectly(database, second.address, 'S3LS');
      const uploader = await HttpStation.enrollDirectly(database, first.address, 'S3UP');
      const events = await listen(listener);
      await events.until('event: poke\n');
      const bytes = new Uint8Array(randomBytes(200_000));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const blobs = blobRequestsOver(webSyncFetch);
      let progress: number[] = [];
      const upload = (serverUrl: string, aborted: () => boolean) => {
        progress = [];
        return uploadBlob(blobs, {
          address: { serverUrl, deviceToken: uploader.enrolled.deviceToken, sha256 },
          size: bytes.length,
          read: (start, end) => Promise.resolve(bytes.slice(start, end)),
          chunkBytes: 20_000,
          onProgress: ({ doneBytes }) => void progress.push(doneBytes),
          aborted,
        });
      };

      // The network drops at 40% on the second process; the station comes back through the
      // first, which finds in the bucket what the second stored and takes the rest from there.
      const cut = await upload(second.address, () => (progress.at(-1) ?? 0) >= 80_000);
      expect(cut.kind).toBe('aborted');
      expect((await upload(first.address, () => false)).kind).toBe('uploaded');
      expect(progress[0]).toBe(80_000);
      await events.until(`event: blob\ndata: {"sha256":"${sha256}"}\n\n`);
      await events.close();

      for (const server of [first, second]) {
        const received: Uint8Array[] = [];
        const downloaded = await downloadBlob(blobs, {
          address: {
            serverUrl: server.address,
            deviceToken: listener.enrolled.deviceToken,
            sha256,
          },
          received: 0,
          rangeBytes: 64_000,
          onBytes: (chunk) => void received.push(new Uint8Array(chunk)),
          onProgress: () => undefined,
          aborted: () => false,
        });
        expect(downloaded).toEqual({ kind: 'downloaded', size: bytes.length });
        expect(Buffer.concat(received).equals(Buffer.from(bytes))).toBe(true);
      }
      // Kept once, in the bucket (not in either process's own folder).
      if (s3 === undefined) throw new Error('no S3 server');
      const bucket = await openS3BlobStore(s3.config('scale-out/'));
      try {
        expect((await bucket.storedBlobs()).map((blob) => [blob.sha256, blob.size])).toEqual([
          [sha256, bytes.length],
        ]);
      } finally {
        bucket.close();
      }
    }, 300_000);
  },
);
