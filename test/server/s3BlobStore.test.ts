import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blobChunkMediaType,
  syncApiPrefix,
  syncProtocolHeader,
  syncProtocolVersion,
  uploadLengthHeader,
  uploadOffsetHeader,
} from '#shared/sync/protocol';
import { buildSyncServer } from '../../server/src/app';
import type { S3BlobStore } from '../../server/src/blobs/s3BlobStore';
import { openS3BlobStore } from '../../server/src/blobs/s3BlobStore';
import { s3ConfigFrom } from '../../server/src/blobs/s3Config';
import type { Database } from '../../server/src/storage/database';
import { startS3 } from './blobStoreFixtures';
import type { Station } from './serverHarness';
import { openTestDatabase, ServerContext } from './serverHarness';

/**
 * Attachments' bytes in an S3-compatible bucket, beyond what blobs.test.ts runs against both
 * stores: several server processes share uploads under way, the command line's S3 flags, and the
 * commands on a bucket. Against a real S3 API server (s3rver) on loopback.
 */

const projectRoot = join(import.meta.dirname, '../..');
let s3: Awaited<ReturnType<typeof startS3>>;

beforeAll(async () => {
  s3 = await startS3();
});

afterAll(async () => {
  await s3.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('two server processes on one bucket', () => {
  let database: Database;
  const apps: FastifyInstance[] = [];
  const stores: S3BlobStore[] = [];
  let jakarta: Station;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    // Two servers as two processes run them: each its own S3 client, one database, one bucket.
    for (let index = 0; index < 2; index += 1) {
      const store = await openS3BlobStore(s3.config('scale-out/'));
      stores.push(store);
      apps.push(await buildSyncServer({ database, blobStore: store }));
    }
    const [first] = apps;
    if (first === undefined) throw new Error('no server');
    jakarta = await new ServerContext(first, database, { current: undefined }).enroll('JKT1');
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const store of stores) store.close();
    await database.close();
  });

  const at = (index: number) => {
    const app = apps[index];
    if (app === undefined) throw new Error(`no server ${index}`);
    return app;
  };
  const headers = (extra: Record<string, string | number> = {}) => ({
    ...jakarta.auth,
    [syncProtocolHeader]: String(syncProtocolVersion),
    ...Object.fromEntries(Object.entries(extra).map(([name, value]) => [name, String(value)])),
  });
  const patch = (server: number, name: string, offset: number, length: number, chunk: Buffer) =>
    at(server).inject({
      method: 'PATCH',
      url: `${syncApiPrefix}/blobs/${name}`,
      headers: headers({
        'content-type': blobChunkMediaType,
        [uploadOffsetHeader]: offset,
        [uploadLengthHeader]: length,
      }),
      payload: chunk,
    });
  const head = (server: number, name: string) =>
    at(server).inject({
      method: 'HEAD',
      url: `${syncApiPrefix}/blobs/${name}`,
      headers: headers(),
    });

  it('goes on with an upload begun on the other process, checks it whole and serves it from both', async () => {
    const video = randomBytes(1_000_000);
    const name = sha256(video);
    const cutAt = 400_000;
    expect((await patch(0, name, 0, video.length, video.subarray(0, cutAt))).statusCode).toBe(204);

    // The station's connection moved to the other process (a load balancer): it stands where
    // the first left it, and takes the rest.
    const standing = await head(1, name);
    expect(standing.statusCode).toBe(200);
    expect(standing.headers[uploadOffsetHeader]).toBe(String(cutAt));
    const stale = await patch(1, name, 0, video.length, video);
    expect(stale.json()).toMatchObject({
      error: { code: 'upload-offset-mismatch', details: { offset: cutAt } },
    });
    const rest = await patch(1, name, cutAt, video.length, video.subarray(cutAt));
    expect(rest.statusCode).toBe(204);
    expect(rest.headers[uploadOffsetHeader]).toBe(String(video.length));

    for (const server of [0, 1]) {
      expect((await head(server, name)).headers[uploadLengthHeader]).toBe(String(video.length));
      const part = await at(server).inject({
        method: 'GET',
        url: `${syncApiPrefix}/blobs/${name}`,
        headers: headers({ range: 'bytes=399990-400009' }),
      });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 399990-400009/${video.length}`);
      expect(part.rawPayload.equals(video.subarray(399_990, 400_010))).toBe(true);
    }
    expect((await stores[0]?.storedBlobs())?.map((blob) => blob.sha256)).toEqual([name]);
  });

  it('refuses bytes whose SHA-256 is not their name when the other process took the first part', async () => {
    const photo = randomBytes(300_000);
    const wrongName = sha256(randomBytes(8));
    expect(
      (await patch(0, wrongName, 0, photo.length, photo.subarray(0, 100_000))).statusCode,
    ).toBe(204);
    const last = await patch(1, wrongName, 100_000, photo.length, photo.subarray(100_000));
    expect(last.statusCode).toBe(422);
    expect(last.json()).toMatchObject({ error: { code: 'blob-hash-mismatch' } });
    // Its staged parts are gone too: the next try starts from byte 0 on either process.
    for (const server of [0, 1]) expect((await head(server, wrongName)).statusCode).toBe(404);
  });
});

describe('the bucket store', () => {
  it('stores a chunk larger than a staged part (20 MiB in one request) and serves it whole and by range', async () => {
    const store = await openS3BlobStore(s3.config('large/'));
    try {
      const video = randomBytes(20 * 1024 * 1024 + 7);
      const name = sha256(video);
      // Sent as the network delivers it: 64 KiB at a time, in one request.
      const pieces = Array.from({ length: Math.ceil(video.length / 65_536) }, (_, index) =>
        video.subarray(index * 65_536, (index + 1) * 65_536),
      );
      expect(await store.append(name, 0, video.length, Readable.from(pieces))).toEqual({
        kind: 'stored',
        size: video.length,
      });
      const back: Buffer[] = [];
      for await (const data of await store.read(name)) back.push(data as Buffer);
      expect(sha256(Buffer.concat(back))).toBe(name);
      const tail: Buffer[] = [];
      for await (const data of await store.read(name, {
        start: video.length - 10,
        end: video.length - 1,
      }))
        tail.push(data as Buffer);
      expect(Buffer.concat(tail).equals(video.subarray(-10))).toBe(true);
    } finally {
      store.close();
    }
  }, 120_000);
});

describe('the S3 flags of npm run server', () => {
  it.each([
    [{ prefix: 'fixline/' }, '--s3-prefix needs --s3-bucket'],
    [{ bucket: 'fixline', blobDir: './blobs' }, 'not both'],
    [{ bucket: 'Fixline_Blobs' }, '--s3-bucket Fixline_Blobs: a bucket name is 3 to 63'],
    [{ bucket: 'fixline', endpoint: 'ftp://store' }, '--s3-endpoint ftp://store'],
    [{ bucket: 'fixline', prefix: '../other' }, '--s3-prefix ../other'],
  ])('refuses %o, saying why', (flags, reason) => {
    const config = s3ConfigFrom(flags);
    expect(config.ok).toBe(false);
    expect(config.ok ? '' : config.error).toContain(reason);
  });

  it('reads a bucket on a store of its own, its prefix as a folder, the region needed to sign', () => {
    expect(
      s3ConfigFrom({
        bucket: 'fixline',
        endpoint: 'http://127.0.0.1:9000',
        prefix: 'center-jkt',
        forcePathStyle: true,
      }),
    ).toEqual({
      ok: true,
      value: {
        bucket: 'fixline',
        endpoint: 'http://127.0.0.1:9000',
        prefix: 'center-jkt/',
        region: 'us-east-1',
        forcePathStyle: true,
      },
    });
    expect(s3ConfigFrom({ blobDir: './blobs' })).toEqual({ ok: true, value: undefined });
  });

  it('says at start that a bucket it cannot use does not exist', async () => {
    await expect(openS3BlobStore({ ...s3.config(''), bucket: 'no-such-bucket' })).rejects.toThrow(
      'Cannot use the S3 bucket no-such-bucket for attachments (it does not exist).',
    );
  });
});

describe('the server commands on a bucket', () => {
  let dataDir: string;
  const endpoint = () => s3.config('').endpoint ?? '';
  const run = (args: string[]) =>
    promisify(execFile)(
      'npx',
      [
        'tsx',
        'server/src/main.ts',
        ...args,
        '--data-dir',
        dataDir,
        '--s3-bucket',
        'fixline-blobs',
        '--s3-endpoint',
        endpoint(),
        '--s3-prefix',
        'commands',
        '--s3-force-path-style',
      ],
      {
        cwd: projectRoot,
        timeout: 120_000,
        // Credentials as a center gives them: the SDK's environment variables, never a flag.
        env: { ...process.env, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' },
      },
    );

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fixline-s3-commands-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('purges old attachments no record names from the bucket', async () => {
    const store = await openS3BlobStore(s3.config('commands/'));
    try {
      const orphan = randomBytes(5_000);
      expect(await store.append(sha256(orphan), 0, orphan.length, Readable.from([orphan]))).toEqual(
        { kind: 'stored', size: orphan.length },
      );
      // Just written: kept for the record an offline station may still push.
      expect((await run(['purge-blobs', '--older-than', '30d'])).stdout).toContain(
        'Deleted 0 attachments no record names (0 bytes) from the S3 bucket fixline-blobs under commands/.',
      );
      expect((await run(['purge-blobs', '--older-than', '0m'])).stdout).toContain(
        `Deleted 1 attachments no record names (${orphan.length} bytes)`,
      );
      expect(await store.state(sha256(orphan))).toEqual({ kind: 'absent' });
    } finally {
      store.close();
    }
  }, 240_000);

  it('backs up the embedded database and says the attachments stay in the bucket', async () => {
    const out = join(dataDir, 'backup.zip');
    const { stdout } = await run(['backup', '--out', out]);
    expect(stdout).toContain(
      'the attachments stay in the S3 bucket fixline-blobs, which its storage provider backs up',
    );
  }, 240_000);

  it('refuses S3 flags without a bucket before it opens anything', async () => {
    const refused = await promisify(execFile)(
      'npx',
      ['tsx', 'server/src/main.ts', 'purge-blobs', '--older-than', '30d', '--s3-prefix', 'x'],
      { cwd: projectRoot, timeout: 120_000 },
    ).catch((error: unknown) => error as { code?: number; stderr?: string });
    expect(refused).toMatchObject({ code: 2 });
    expect((refused as { stderr?: string }).stderr).toContain('--s3-prefix needs --s3-bucket');
  }, 240_000);
});
