import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import {
  blobChunkMediaType,
  blobStandingRoute,
  maxBlobStandingQuery,
  syncApiPrefix,
  syncProtocolHeader,
  syncProtocolVersion,
  uploadLengthHeader,
  uploadOffsetHeader,
} from '#shared/sync/protocol';
import { isBlobReferenced } from '../../server/src/blobs/blobStore';
import type { Database } from '../../server/src/storage/database';
import { maxBlobChunkBytes } from '#shared/sync/blobHttp';
import { makeEvidence } from '../factories/domain';
import type { BlobStoreFixture } from './blobStoreFixtures';
import { blobStoreKinds } from './blobStoreFixtures';
import type { BlobServer } from './blobServer';
import {
  blobHeaders as headers,
  patchChunk,
  sha256Of as sha256,
  startBlobServer,
} from './blobServer';
import type { Station } from './serverHarness';
import { insertChange } from './serverHarness';

/**
 * Attachments' bytes on the server: uploaded in chunks that resume after a dropped connection,
 * checked whole against their SHA-256 before they are kept, stored once whoever sends them, sent
 * back whole or by ranges, and deleted once no record names them for a while: in the folder and
 * in an S3 bucket alike.
 */

// Set by each store's block below, which run one after the other.
let database: Database;
let app: FastifyInstance;
let blobs: BlobStoreFixture;
let address: string;
let jakarta: Station;
let bandung: Station;
let started: BlobServer;

async function head(station: Station, name: string) {
  return app.inject({
    method: 'HEAD',
    url: `${syncApiPrefix}/blobs/${name}`,
    headers: headers(station),
  });
}

function patch(station: Station, name: string, offset: number, length: number, chunk: Buffer) {
  return patchChunk(app, station, name, offset, length, chunk);
}

/**
 * Sends `bytes` as the upload's chunk over a real connection and drops the connection after
 * `sendBytes` of them, as a station losing the network mid-upload.
 */
function askStanding(station: Station, body: unknown) {
  return app.inject({
    method: 'POST',
    url: `${syncApiPrefix}${blobStandingRoute}`,
    headers: headers(station),
    payload: body as Record<string, unknown>,
  });
}

function patchCutShort(station: Station, name: string, bytes: Buffer, sendBytes: number) {
  return new Promise<void>((resolve) => {
    const url = new URL(`${address}${syncApiPrefix}/blobs/${name}`);
    const outgoing = httpRequest(url, {
      method: 'PATCH',
      headers: headers(station, {
        'content-type': blobChunkMediaType,
        [uploadOffsetHeader]: 0,
        [uploadLengthHeader]: bytes.length,
        'content-length': bytes.length,
      }),
    });
    outgoing.on('error', () => resolve());
    outgoing.on('close', () => resolve());
    outgoing.write(bytes.subarray(0, sendBytes), () => {
      setTimeout(() => outgoing.destroy(), 200);
    });
  });
}

describe.each(blobStoreKinds)('attachments’ bytes on the sync server (%s)', (kind) => {
  beforeAll(async () => {
    started = await startBlobServer(kind);
    ({ database, app, blobs, address, jakarta, bandung } = started);
  }, 120_000);

  afterAll(() => started.close());

  it('stores a file sent whole and sends it back whole and by ranges', async () => {
    const photo = randomBytes(300_000);
    const name = sha256(photo);
    expect((await head(jakarta, name)).statusCode).toBe(404);

    const sent = await patch(jakarta, name, 0, photo.length, photo);
    expect(sent.statusCode).toBe(204);
    expect(sent.headers[uploadOffsetHeader]).toBe(String(photo.length));
    const known = await head(bandung, name);
    expect(known.statusCode).toBe(200);
    expect(known.headers[uploadLengthHeader]).toBe(String(photo.length));

    const whole = await fetch(`${address}${syncApiPrefix}/blobs/${name}`, {
      headers: headers(bandung),
    });
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(photo)).toBe(true);
    const part = await fetch(`${address}${syncApiPrefix}/blobs/${name}`, {
      headers: headers(bandung, { range: 'bytes=1000-1999' }),
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${photo.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(photo.subarray(1000, 2000))).toBe(true);
  });

  it('answers open, suffix and unsatisfiable ranges, so a player can seek', async () => {
    const video = randomBytes(10_000);
    const name = sha256(video);
    expect((await patch(jakarta, name, 0, video.length, video)).statusCode).toBe(204);
    const ask = (range: string) =>
      fetch(`${address}${syncApiPrefix}/blobs/${name}`, { headers: headers(bandung, { range }) });
    const open = await ask('bytes=9000-');
    expect(open.status).toBe(206);
    expect(open.headers.get('content-range')).toBe('bytes 9000-9999/10000');
    expect(Buffer.from(await open.arrayBuffer()).equals(video.subarray(9000))).toBe(true);
    const suffix = await ask('bytes=-100');
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe('bytes 9900-9999/10000');
    expect(Buffer.from(await suffix.arrayBuffer()).equals(video.subarray(9900))).toBe(true);
    const past = await ask('bytes=20000-');
    expect(past.status).toBe(416);
    expect(await past.json()).toMatchObject({ error: { code: 'invalid-request' } });
  });

  it('resumes an upload cut at 40% where it stands, and refuses a chunk from elsewhere', async () => {
    const video = randomBytes(4 * 1024 * 1024);
    const name = sha256(video);
    const underwayBefore = await blobs.store.uploadsUnderway();
    await patchCutShort(jakarta, name, video, Math.floor(video.length * 0.4));

    const standing = await head(jakarta, name);
    expect(standing.statusCode).toBe(200);
    expect(await blobs.store.uploadsUnderway()).toBe(underwayBefore + 1);
    expect(standing.headers[uploadLengthHeader]).toBeUndefined();
    const offset = Number(standing.headers[uploadOffsetHeader]);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(video.length * 0.4);

    const elsewhere = await patch(jakarta, name, 0, video.length, video);
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json()).toMatchObject({
      error: { code: 'upload-offset-mismatch', details: { offset } },
    });

    const rest = await patch(jakarta, name, offset, video.length, video.subarray(offset));
    expect(rest.statusCode).toBe(204);
    expect(rest.headers[uploadOffsetHeader]).toBe(String(video.length));
    expect(await blobs.store.uploadsUnderway()).toBe(underwayBefore);
    const back = await fetch(`${address}${syncApiPrefix}/blobs/${name}`, {
      headers: headers(bandung),
    });
    expect(sha256(Buffer.from(await back.arrayBuffer()))).toBe(name);
  });

  it('refuses a chunk larger than the protocol’s largest (413), with or without its length declared', async () => {
    const file = randomBytes(maxBlobChunkBytes + 1_000);
    const name = sha256(file);
    const declared = await patch(jakarta, name, 0, file.length, file);
    expect(declared.statusCode).toBe(413);
    expect(declared.json()).toMatchObject({ error: { code: 'payload-too-large' } });
    expect((await head(jakarta, name)).statusCode).toBe(404);

    // A chunked body, with no length: what came within the limit is kept, as for a cut chunk.
    const chunked = await fetch(`${address}${syncApiPrefix}/blobs/${name}`, {
      method: 'PATCH',
      headers: headers(jakarta, {
        'content-type': blobChunkMediaType,
        [uploadOffsetHeader]: 0,
        [uploadLengthHeader]: file.length,
      }),
      body: Readable.toWeb(
        Readable.from(
          Array.from({ length: Math.ceil(file.length / 65_536) }, (_, index) =>
            file.subarray(index * 65_536, (index + 1) * 65_536),
          ),
        ),
      ) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({ error: { code: 'payload-too-large' } });
    const standing = await head(jakarta, name);
    expect(Number(standing.headers[uploadOffsetHeader] ?? 0)).toBeLessThanOrEqual(
      maxBlobChunkBytes,
    );

    // A chunk of the largest size is taken.
    const largest = randomBytes(maxBlobChunkBytes);
    const taken = await patch(jakarta, sha256(largest), 0, largest.length, largest);
    expect(taken.statusCode).toBe(204);
  });

  it('refuses bytes whose SHA-256 is not their name, and keeps nothing of them', async () => {
    const photo = randomBytes(50_000);
    const wrongName = sha256(randomBytes(10));
    const sent = await patch(jakarta, wrongName, 0, photo.length, photo);
    expect(sent.statusCode).toBe(422);
    expect(sent.json()).toMatchObject({ error: { code: 'blob-hash-mismatch' } });
    expect((await head(jakarta, wrongName)).statusCode).toBe(404);
    const missing = await fetch(`${address}${syncApiPrefix}/blobs/${wrongName}`, {
      headers: headers(jakarta),
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'blob-not-found' } });
  });

  it('checks the whole SHA-256 whether it was kept chunk by chunk, cut short or lost to a restart', async () => {
    const place = await blobs.fresh();
    const chunksOf = (bytes: Buffer, size: number) =>
      Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) =>
        bytes.subarray(index * size, (index + 1) * size),
      );
    const file = randomBytes(300_000);
    const name = sha256(file);
    // Chunk by chunk, the second one cut short after 50,000 of its bytes and then resumed.
    const { store } = place;
    expect(
      await store.append(name, 0, file.length, Readable.from([file.subarray(0, 100_000)])),
    ).toEqual({ kind: 'partial', offset: 100_000 });
    // The connection drops once the store has taken the 50,000 bytes and asks for more. What of
    // them reached storage by then depends on the store and the machine: the upload stands
    // somewhere in that chunk, and goes on from there.
    let served = false;
    const cut = new Readable({
      read() {
        if (!served) {
          served = true;
          this.push(file.subarray(100_000, 150_000));
          return;
        }
        setImmediate(() => this.destroy(Object.assign(new Error('reset'), { code: 'ECONNRESET' })));
      },
    });
    const cutShort = await store.append(name, 100_000, file.length, cut);
    if (cutShort.kind !== 'partial') throw new Error(`a cut chunk left ${cutShort.kind}`);
    expect(cutShort.offset).toBeGreaterThanOrEqual(100_000);
    expect(cutShort.offset).toBeLessThanOrEqual(150_000);
    expect(await store.state(name)).toEqual({ kind: 'uploading', offset: cutShort.offset });
    expect(
      await store.append(
        name,
        cutShort.offset,
        file.length,
        Readable.from(chunksOf(file.subarray(cutShort.offset), 60_000)),
      ),
    ).toEqual({ kind: 'stored', size: file.length });

    // A wrong chunk in the middle is caught though every chunk was hashed as it came.
    const other = randomBytes(300_000);
    const otherName = sha256(other);
    const tampered = Buffer.concat([other.subarray(0, 200_000), randomBytes(100_000)]);
    for (const [index, chunk] of chunksOf(tampered, 100_000).entries()) {
      const result = await store.append(
        otherName,
        index * 100_000,
        tampered.length,
        Readable.from([chunk]),
      );
      expect(result.kind).toBe(index < 2 ? 'partial' : 'hash-mismatch');
    }
    expect(await store.state(otherName)).toEqual({ kind: 'absent' });

    // A restart in the middle: the new store hashes the file from disk at the end.
    await store.append(otherName, 0, other.length, Readable.from([other.subarray(0, 100_000)]));
    const restarted = await place.reopen();
    expect(
      await restarted.append(
        otherName,
        100_000,
        other.length,
        Readable.from([other.subarray(100_000)]),
      ),
    ).toEqual({ kind: 'stored', size: other.length });
    expect((await restarted.storedBlobs()).map((blob) => blob.sha256).sort()).toEqual(
      [name, otherName].sort(),
    );
  });

  it('takes one chunk of an upload at a time across processes on the same store', async () => {
    const video = randomBytes(600_000);
    const name = sha256(video);
    const half = video.length / 2;
    const other = await blobs.reopen();
    // The first process takes the first half, whose bytes are slow to come: a poor link.
    const slow = new PassThrough();
    const first = blobs.store.append(name, 0, video.length, slow);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Meanwhile a retry of the same chunk reaches the other process, where the upload still
    // stands at 0: appended there too, the first half would be in the file twice.
    const meanwhile = await other.append(
      name,
      0,
      video.length,
      Readable.from([video.subarray(0, half)]),
    );
    slow.end(video.subarray(0, half));
    expect(await first).toEqual({ kind: 'partial', offset: half });
    if (kind === 'folder') expect(meanwhile).toMatchObject({ kind: 'offset-mismatch' });
    const standing = await other.state(name);
    expect(standing).toEqual({ kind: 'uploading', offset: half });
    expect(
      await other.append(name, half, video.length, Readable.from([video.subarray(half)])),
    ).toEqual({ kind: 'stored', size: video.length });
    const back = await fetch(`${address}${syncApiPrefix}/blobs/${name}`, {
      headers: headers(bandung),
    });
    expect(Buffer.from(await back.arrayBuffer()).equals(video)).toBe(true);
  });

  it('stores the same photo from two stations once', async () => {
    const photo = randomBytes(20_000);
    const name = sha256(photo);
    expect((await patch(jakarta, name, 0, photo.length, photo)).statusCode).toBe(204);
    // The second station asks first, as it does before every upload, and skips it.
    const asked = await head(bandung, name);
    expect(asked.headers[uploadLengthHeader]).toBe(String(photo.length));
    expect((await patch(bandung, name, 0, photo.length, photo)).statusCode).toBe(204);
    expect(await blobs.copiesOf(name)).toBe(1);
  });

  it('says what it holds of many blobs in one request, as a HEAD of each would', async () => {
    const stored = randomBytes(5_000);
    const underway = randomBytes(4 * 1024 * 1024);
    const never = randomBytes(10);
    expect((await patch(jakarta, sha256(stored), 0, stored.length, stored)).statusCode).toBe(204);
    await patchCutShort(jakarta, sha256(underway), underway, 1024 * 1024);
    const offset = Number((await head(jakarta, sha256(underway))).headers[uploadOffsetHeader]);
    expect(offset).toBeGreaterThan(0);

    const asked = [stored, underway, never, stored].map((bytes) => sha256(bytes));
    const answer = await askStanding(bandung, { sha256s: asked });
    expect(answer.statusCode).toBe(200);
    // Each blob once, though asked twice.
    expect(answer.json().blobs).toHaveLength(3);
    expect(answer.json().blobs).toEqual(
      expect.arrayContaining([
        { sha256: sha256(stored), kind: 'stored', size: stored.length },
        { sha256: sha256(underway), kind: 'uploading', offset },
        { sha256: sha256(never), kind: 'absent' },
      ]),
    );
  });

  it('refuses a standing question without a token, with a name that is not a SHA-256, or too long', async () => {
    const name = sha256(Buffer.from('x'));
    const noToken = await app.inject({
      method: 'POST',
      url: `${syncApiPrefix}${blobStandingRoute}`,
      headers: { [syncProtocolHeader]: String(syncProtocolVersion) },
      payload: { sha256s: [name] },
    });
    expect(noToken.statusCode).toBe(401);
    const badName = await askStanding(jakarta, { sha256s: [name, 'photo.jpg'] });
    expect(badName.statusCode).toBe(400);
    expect(badName.json()).toMatchObject({
      error: { code: 'invalid-request', message: expect.stringContaining('SHA-256') },
    });
    const tooMany = await askStanding(jakarta, {
      sha256s: Array.from({ length: maxBlobStandingQuery + 1 }, () => name),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ error: { code: 'invalid-request' } });
    expect((await askStanding(jakarta, { sha256s: [] })).statusCode).toBe(400);
  });

  it('answers only enrolled stations, and refuses a name that is not a SHA-256', async () => {
    const noToken = await app.inject({
      method: 'HEAD',
      url: `${syncApiPrefix}/blobs/${sha256(Buffer.from('x'))}`,
      headers: { [syncProtocolHeader]: String(syncProtocolVersion) },
    });
    expect(noToken.statusCode).toBe(401);
    const badName = await patch(jakarta, 'photo.jpg', 0, 10, Buffer.alloc(10));
    expect(badName.statusCode).toBe(400);
  });

  it('deletes old bytes no record names, and keeps the ones an evidence record names', async () => {
    const named = randomBytes(1_000);
    const thumbnail = randomBytes(100);
    const orphan = randomBytes(1_000);
    for (const bytes of [named, thumbnail, orphan]) {
      expect((await patch(jakarta, sha256(bytes), 0, bytes.length, bytes)).statusCode).toBe(204);
    }
    const clock = new HybridLogicalClock('JKT1');
    const evidence = makeEvidence({
      sha256: sha256(named),
      sizeBytes: named.length,
      thumbnailSha256: sha256(thumbnail),
      thumbnailSizeBytes: thumbnail.length,
    });
    const pushed = await jakarta.push([
      jakarta.mutation([insertChange('evidence', evidence, clock.tick(Date.now()))], clock),
    ]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);

    const { store } = blobs;
    const longAgo = new Date(Date.now() - 40 * 24 * 3_600_000);
    for (const bytes of [named, thumbnail, orphan]) await blobs.backdate(sha256(bytes), longAgo);
    const { purged } = await store.purge(new Date(Date.now() - 30 * 24 * 3_600_000), (name) =>
      isBlobReferenced(database, name),
    );
    expect(purged).toBe(1);
    expect((await head(jakarta, sha256(named))).statusCode).toBe(200);
    expect((await head(jakarta, sha256(thumbnail))).statusCode).toBe(200);
    expect((await head(jakarta, sha256(orphan))).statusCode).toBe(404);
    // The photos uploaded by the tests above are recent: kept until their records may come.
    expect((await store.storedBlobs()).length).toBeGreaterThan(1);
  });
});
