import 'fake-indexeddb/auto';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Evidence } from '#shared/domain/evidence';
import type { BlobRequests } from '#shared/sync/blobHttp';
import { followEventStream } from '#shared/sync/syncHttp';
import type { AttachmentTransfer, SyncTransport } from '../../renderer/src/core/sync/syncApi';
import type { SyncEngine, SyncTimers } from '../../renderer/src/core/sync/syncEngine';
import { createSyncEngine } from '../../renderer/src/core/sync/syncEngine';
import { unreachableBlobRequests } from '../../renderer/src/core/sync/unavailableTransport';
import { webSchedule, webSyncFetch } from '../../renderer/src/bridge/webSyncFetch';
import {
  makeThumbnailsWithoutWorker,
  readAttachment,
  storeAttachment,
  thumbnailsSettled,
} from '../../renderer/src/db/attachments';
import { claimEvidence } from '../../renderer/src/core/claimQueries';
import { nameLateThumbnails } from '../../renderer/src/core/lateThumbnails';
import { FixlineDatabase } from '../../renderer/src/db/database';
import { buildSyncServer } from '../../server/src/app';
import { FolderBlobStore } from '../../server/src/blobs/blobStore';
import { createPairingCode } from '../../server/src/identity';
import type { Database } from '../../server/src/storage/database';
import { makeClaimDraft } from '../factories/domain';
import { makeIntakeInput } from '../factories/intake';
import { asTechnician, createCustomerAndDevice, expectOk } from '../db/testDatabase';
import type { TestStation } from '../sync/stations';
import { openStation, takeInClaim } from '../sync/stations';
import { injectBlobRequests, injectSyncRequest, openTestDatabase } from './serverHarness';

/**
 * Attachments' bytes between two stations (the real repositories, engine and attachment queue on
 * fake-indexeddb) through the real sync server (in-process, blobs in a folder): a photo taken at
 * one reaches the other byte for byte after the record, a record that arrives before its bytes
 * waits for them, and a large video waits until someone opens it.
 */

const serverUrl = 'http://sync.test';
const chunkBytes = 64 * 1024;

let database: Database;
let app: FastifyInstance;
let blobRoot: string;

beforeAll(async () => {
  blobRoot = await mkdtemp(join(tmpdir(), 'fixline-attachment-sync-'));
  database = await openTestDatabase('pglite');
  // More stations enroll here in a minute than the pairing limit lets one address.
  app = await buildSyncServer({ database, blobRoot, pairingAttemptsPerMinute: 100_000 });
}, 120_000);

const engines: SyncEngine[] = [];
afterAll(async () => {
  for (const engine of engines) engine.stop();
  await app.close();
  await database.close();
  await rm(blobRoot, { recursive: true, force: true });
});

/** Timers that fire when the test says: a file's retry is seen waiting, then run. */
function manualTimers() {
  const pending = new Set<{ run: () => void }>();
  const timers: SyncTimers = {
    set: (run) => {
      const timer = { run };
      pending.add(timer);
      return timer;
    },
    clear: (handle) => void pending.delete(handle as { run: () => void }),
  };
  const fireAll = () => {
    const due = [...pending];
    pending.clear();
    for (const timer of due) timer.run();
  };
  return { timers, fireAll };
}

type Connected = {
  readonly engine: SyncEngine;
  readonly fireTimers: () => void;
  /** Every state of every transfer the engine reported, in order. */
  readonly seen: AttachmentTransfer[];
  /** Whether the station's blob requests reach the server (its records still sync). */
  blobsOnline: boolean;
  /** How many more ranges a download gets before the network goes (none past this). */
  rangesLeft: number;
  /** Each range the station asked the server for: which file, from where. */
  readonly ranges: { readonly sha256: string; readonly start: number }[];
  /** Chunks being sent now, and the most ever sent at once. */
  chunksInFlight: number;
  mostChunksInFlight: number;
  /** How many files the station asked about by HEAD, and in standing questions. */
  heads: number;
  standingQuestions: number;
};

type EngineOptions = {
  readonly eagerMaxBytes?: number;
  readonly concurrency?: number;
  /** Follow the server's real event stream over HTTP (the server listens), not none. */
  readonly liveEvents?: boolean;
  /** A server from before the standing route: it answers that question with a 404. */
  readonly noStandingRoute?: boolean;
};

/** The address the server listens at, once a test follows its event stream. */
let listening: Promise<string> | undefined;

/** The sync engine of `station`'s database, its blob requests under the test's control. */
function engineOf(db: FixlineDatabase, options: EngineOptions = {}): Connected {
  const { liveEvents = false, noStandingRoute = false, ...attachments } = options;
  const serverBlobs = injectBlobRequests(app);
  const { timers, fireAll } = manualTimers();
  const connected: Connected = {
    engine: undefined as unknown as SyncEngine,
    fireTimers: fireAll,
    seen: [],
    blobsOnline: true,
    rangesLeft: Number.POSITIVE_INFINITY,
    ranges: [],
    chunksInFlight: 0,
    mostChunksInFlight: 0,
    heads: 0,
    standingQuestions: 0,
  };
  const blobs: BlobRequests = {
    head: (address) => {
      connected.heads += 1;
      return (connected.blobsOnline ? serverBlobs : unreachableBlobRequests).head(address);
    },
    standing: async (query) => {
      connected.standingQuestions += 1;
      if (noStandingRoute && connected.blobsOnline)
        return { kind: 'refused', status: 404, code: 'server-error', message: 'Not Found' };
      return (connected.blobsOnline ? serverBlobs : unreachableBlobRequests).standing(query);
    },
    sendChunk: async (chunk) => {
      connected.chunksInFlight += 1;
      connected.mostChunksInFlight = Math.max(
        connected.mostChunksInFlight,
        connected.chunksInFlight,
      );
      try {
        return await (connected.blobsOnline ? serverBlobs : unreachableBlobRequests).sendChunk(
          chunk,
        );
      } finally {
        connected.chunksInFlight -= 1;
      }
    },
    readRange: (range) => {
      if (!connected.blobsOnline || connected.rangesLeft <= 0)
        return unreachableBlobRequests.readRange(range);
      connected.rangesLeft -= 1;
      connected.ranges.push({ sha256: range.sha256, start: range.start });
      return serverBlobs.readRange(range);
    },
  };
  const transport: SyncTransport = {
    request: ({ route, body, deviceToken }) => injectSyncRequest(app, { route, body, deviceToken }),
    events: ({ deviceToken, onPoke, onBlob, onConnected }) => {
      if (!liveEvents) {
        onConnected(false);
        return { close: () => undefined };
      }
      listening ??= app.listen({ host: '127.0.0.1', port: 0 });
      let stream: { close: () => void } | undefined;
      let closed = false;
      void listening.then((address) => {
        if (closed) return;
        stream = followEventStream({
          fetchSync: webSyncFetch,
          serverUrl: address,
          deviceToken,
          schedule: webSchedule,
          onPoke,
          onBlob,
          onConnected,
        });
      });
      return {
        close: () => {
          closed = true;
          stream?.close();
        },
      };
    },
    blobs,
  };
  const engine = createSyncEngine(db, {
    transport,
    locks: null,
    windows: null,
    timers,
    network: { isOnline: () => true, subscribe: () => () => undefined },
    attachments: { chunkBytes, ...attachments },
  });
  engines.push(engine);
  engine.subscribeTransfers(() => {
    for (const transfer of engine.attachmentTransfers().values()) connected.seen.push(transfer);
  });
  Object.assign(connected, { engine });
  return connected;
}

/** Enrolls `station` with the server and syncs it once. */
async function connect(station: TestStation, options: EngineOptions = {}): Promise<Connected> {
  const connected = engineOf(station.db, options);
  const { code } = await createPairingCode(database);
  expect(await connected.engine.connect({ serverUrl, pairingCode: code })).toEqual({ ok: true });
  await sync(connected);
  return connected;
}

/** Pushes and pulls, then lets the attachment queue finish its pass. */
async function sync(station: Connected): Promise<void> {
  await station.engine.syncNow();
  await station.engine.attachmentsSettled();
}

/** Stores `bytes` at `station` as a technician attaching them to a new claim would. */
async function attach(
  station: TestStation,
  bytes: Uint8Array<ArrayBuffer>,
  evidence: Pick<Evidence, 'kind' | 'mediaType' | 'fileName'>,
  claimId?: string,
): Promise<Evidence> {
  claimId ??= await takeInClaim(station);
  const { attachment } = expectOk(
    await storeAttachment(station.db, new Blob([bytes], { type: evidence.mediaType })),
  );
  return expectOk(
    await station.repositories.evidence.create(
      {
        claimId,
        ...evidence,
        sha256: attachment.sha256,
        sizeBytes: attachment.sizeBytes,
        capturedAt: '2026-05-04T02:20:00.000Z',
        capturedBy: asTechnician.actor,
      },
      asTechnician,
    ),
  );
}

async function bytesAt(station: TestStation, sha256: string): Promise<Buffer | undefined> {
  const blob = await readAttachment(station.db, sha256);
  return blob === undefined ? undefined : Buffer.from(await blob.arrayBuffer());
}

const photo = { kind: 'product-photo', mediaType: 'image/jpeg', fileName: 'front.jpg' } as const;

describe('attachments’ bytes between two stations', () => {
  it('brings a photo taken at one station to the other, byte for byte, with progress', async () => {
    const jakarta = await openStation('JKT1');
    const bandung = await openStation('BDG2');
    const atJakarta = await connect(jakarta);
    const atBandung = await connect(bandung);
    const bytes = new Uint8Array(randomBytes(300_000));
    const evidence = await attach(jakarta, bytes, photo);

    await sync(atJakarta);
    expect(await jakarta.db.attachmentUploads.get(evidence.sha256)).toBeDefined();
    const uploads = atJakarta.seen.filter((seen) => seen.direction === 'upload');
    expect(uploads.at(-1)).toMatchObject({ doneBytes: bytes.length, totalBytes: bytes.length });

    await sync(atBandung);
    expect((await bytesAt(bandung, evidence.sha256))?.equals(bytes)).toBe(true);
    expect(await bandung.db.attachments.get(evidence.sha256)).toMatchObject({
      mediaType: 'image/jpeg',
      sizeBytes: bytes.length,
    });
    // Range by range, named by the station that took it; gone from the list once here.
    const downloads = atBandung.seen.filter((seen) => seen.sha256 === evidence.sha256);
    expect(downloads.map((seen) => seen.doneBytes)).toContain(2 * chunkBytes);
    expect(downloads.every((seen) => seen.fromStation === 'JKT1')).toBe(true);
    expect(atBandung.engine.attachmentTransfers().size).toBe(0);

    // Nothing goes back up: the bytes came from the server.
    atBandung.seen.length = 0;
    await sync(atBandung);
    expect(atBandung.seen).toEqual([]);
  });

  it('uploads two files at a time, never more, until all of them are on the server', async () => {
    const jakarta = await openStation('JKT21');
    const bandung = await openStation('BDG22');
    const atJakarta = await connect(jakarta);
    const atBandung = await connect(bandung);
    const claimId = await takeInClaim(jakarta);
    const photos = [1, 2, 3, 4, 5].map(() => new Uint8Array(randomBytes(3 * chunkBytes)));
    const evidence = [];
    for (const bytes of photos) evidence.push(await attach(jakarta, bytes, photo, claimId));

    await sync(atJakarta);
    expect(atJakarta.mostChunksInFlight).toBe(2);
    expect(atJakarta.engine.attachmentTransfers().size).toBe(0);
    await sync(atBandung);
    for (const [index, bytes] of photos.entries()) {
      const sha256 = evidence[index]?.sha256 ?? '';
      expect((await bytesAt(bandung, sha256))?.equals(bytes)).toBe(true);
    }
  });

  it('asks the server once about all the files it is to send, not a HEAD before each', async () => {
    // Attached before the stations connect, so that one pass finds all of them.
    const jakarta = await openStation('JKT27');
    const claimId = await takeInClaim(jakarta);
    const photos = [1, 2, 3, 4].map(() => new Uint8Array(randomBytes(chunkBytes + 10)));
    for (const bytes of photos) await attach(jakarta, bytes, photo, claimId);
    const [first = new Uint8Array()] = photos;
    // One of them is on the server already (the same photo sent from another station).
    const bandung = await openStation('BDG28');
    await attach(bandung, first, photo);
    const atBandung = await connect(bandung);
    expect([atBandung.standingQuestions, atBandung.heads]).toEqual([1, 0]);

    const atJakarta = await connect(jakarta);
    expect([atJakarta.standingQuestions, atJakarta.heads]).toEqual([1, 0]);
    const onServer = new FolderBlobStore(blobRoot);
    for (const bytes of photos) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      expect(await onServer.state(sha256)).toEqual({ kind: 'stored', size: bytes.length });
      expect(await jakarta.db.attachmentUploads.get(sha256)).toBeDefined();
    }
  });

  it('asks by HEAD a server that does not answer the standing question', async () => {
    const jakarta = await openStation('JKT29');
    const claimId = await takeInClaim(jakarta);
    const photos = [1, 2].map(() => new Uint8Array(randomBytes(1_000)));
    for (const bytes of photos) await attach(jakarta, bytes, photo, claimId);

    const atJakarta = await connect(jakarta, { noStandingRoute: true });
    expect([atJakarta.standingQuestions, atJakarta.heads]).toEqual([1, photos.length]);
    const uploaded = await jakarta.db.attachmentUploads.bulkGet(
      photos.map((bytes) => createHash('sha256').update(bytes).digest('hex')),
    );
    expect(uploaded.every((row) => row !== undefined)).toBe(true);
    expect(atJakarta.engine.attachmentTransfers().size).toBe(0);
  });

  it('keeps a record that arrives before its bytes, and fetches them once they are uploaded', async () => {
    const jakarta = await openStation('JKT3');
    const bandung = await openStation('BDG4');
    const atJakarta = await connect(jakarta);
    const atBandung = await connect(bandung);
    // Jakarta's records reach the server, its uploads do not (yet).
    atJakarta.blobsOnline = false;
    const bytes = new Uint8Array(randomBytes(100_000));
    const evidence = await attach(jakarta, bytes, photo);
    await sync(atJakarta);
    expect(atJakarta.engine.attachmentTransfers().get(evidence.sha256)).toMatchObject({
      direction: 'upload',
      state: 'waiting',
      problem: expect.any(String),
    });

    await sync(atBandung);
    expect(await bandung.db.evidence.get(evidence.id)).toMatchObject({ sha256: evidence.sha256 });
    expect(await bytesAt(bandung, evidence.sha256)).toBeUndefined();
    expect(atBandung.engine.attachmentTransfers().get(evidence.sha256)).toMatchObject({
      direction: 'download',
      state: 'waiting',
      fromStation: 'JKT3',
      doneBytes: 0,
      totalBytes: bytes.length,
      problem: 'not on the server yet',
    });

    // Jakarta's retry finds the network back.
    atJakarta.blobsOnline = true;
    atJakarta.fireTimers();
    await atJakarta.engine.attachmentsSettled();
    expect(atJakarta.engine.attachmentTransfers().size).toBe(0);
    // Bandung's retry finds the bytes.
    atBandung.fireTimers();
    await atBandung.engine.attachmentsSettled();
    expect((await bytesAt(bandung, evidence.sha256))?.equals(bytes)).toBe(true);
  });

  it('fetches bytes it waits for as soon as the server says their upload completed', async () => {
    const jakarta = await openStation('JKT13');
    const bandung = await openStation('BDG14');
    const atJakarta = await connect(jakarta);
    const atBandung = await connect(bandung, { liveEvents: true });
    await expect.poll(() => atBandung.engine.status().phase).toBe('idle');
    atJakarta.blobsOnline = false;
    const bytes = new Uint8Array(randomBytes(150_000));
    const evidence = await attach(jakarta, bytes, photo);
    await sync(atJakarta);
    await sync(atBandung);
    expect(atBandung.engine.attachmentTransfers().get(evidence.sha256)).toMatchObject({
      state: 'waiting',
      problem: 'not on the server yet',
    });

    // Jakarta's upload completes. Bandung's retry timer never fires and nobody syncs it: the
    // server's blob event wakes its queue.
    atJakarta.blobsOnline = true;
    atJakarta.fireTimers();
    await atJakarta.engine.attachmentsSettled();
    await expect
      .poll(async () => (await bytesAt(bandung, evidence.sha256))?.equals(bytes), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(atBandung.ranges.some((range) => range.sha256 === evidence.sha256)).toBe(true);
    atBandung.engine.stop();
  });

  it('brings a photo’s thumbnail to the other station first, and its original after', async () => {
    // Node has no image decoder: a stand-in thumbnail, the photo's first bytes, made as the
    // worker would make one once the photo is stored.
    makeThumbnailsWithoutWorker(async (image) => ({
      blob: image.slice(0, 2_000, 'image/jpeg'),
      width: 32,
      height: 24,
    }));
    try {
      const jakarta = await openStation('JKT15');
      const bandung = await openStation('BDG16');
      const atJakarta = await connect(jakarta);
      const atBandung = await connect(bandung, { concurrency: 1 });
      const bytes = new Uint8Array(randomBytes(300_000));
      const evidence = await attach(jakarta, bytes, photo);
      const thumbnail = Buffer.from(bytes.subarray(0, 2_000));
      const thumbnailSha256 = createHash('sha256').update(thumbnail).digest('hex');
      expect(evidence).toMatchObject({ thumbnailSha256, thumbnailSizeBytes: 2_000 });
      await sync(atJakarta);
      expect(await jakarta.db.attachmentUploads.get(thumbnailSha256)).toBeDefined();

      // Bandung's network lets one range through: the thumbnail's, before any of the original.
      atBandung.ranges.length = 0;
      atBandung.rangesLeft = 1;
      await sync(atBandung);
      expect(atBandung.ranges.map((range) => range.sha256)).toEqual([thumbnailSha256]);
      expect((await bytesAt(bandung, thumbnailSha256))?.equals(thumbnail)).toBe(true);
      expect(await bytesAt(bandung, evidence.sha256)).toBeUndefined();
      const [item] = await claimEvidence(bandung.db, evidence.claimId);
      expect(item?.attachment).toBeUndefined();
      const shown = await item?.remoteThumbnail?.arrayBuffer();
      expect(shown === undefined ? undefined : Buffer.from(new Uint8Array(shown))).toEqual(
        thumbnail,
      );
      // A downloaded thumbnail gets no thumbnail of its own.
      await thumbnailsSettled();
      expect((await bandung.db.attachments.get(thumbnailSha256))?.thumbnail).toBeUndefined();

      // The original follows, and shows as it does today.
      atBandung.rangesLeft = Number.POSITIVE_INFINITY;
      atBandung.fireTimers();
      await atBandung.engine.attachmentsSettled();
      expect((await bytesAt(bandung, evidence.sha256))?.equals(bytes)).toBe(true);
      const [arrived] = await claimEvidence(bandung.db, evidence.claimId);
      expect(arrived?.attachment).toMatchObject({ sha256: evidence.sha256 });
      expect(arrived?.remoteThumbnail).toBeUndefined();
      expect(atBandung.engine.attachmentTransfers().size).toBe(0);
    } finally {
      makeThumbnailsWithoutWorker(undefined);
    }
  });

  it('brings the thumbnail of a photo saved at intake before it was made first, too', async () => {
    // The thumbnail is held back until the intake is saved and synced: Save never waits for one.
    let makeIt = () => {};
    const held = new Promise<void>((resolve) => {
      makeIt = resolve;
    });
    makeThumbnailsWithoutWorker(async (image) => {
      await held;
      return { blob: image.slice(0, 2_000, 'image/jpeg'), width: 32, height: 24 };
    });
    const jakarta = await openStation('JKT23');
    const stopNaming = nameLateThumbnails(jakarta.db, jakarta.repositories.evidence);
    try {
      const bandung = await openStation('BDG24');
      const atJakarta = await connect(jakarta);
      const atBandung = await connect(bandung, { concurrency: 1 });
      const bytes = new Uint8Array(randomBytes(300_000));
      const { attachment } = expectOk(
        await storeAttachment(jakarta.db, new Blob([bytes], { type: 'image/jpeg' })),
      );
      const saved = expectOk(
        await jakarta.repositories.intakes.create(
          makeIntakeInput({
            evidence: [
              {
                ...photo,
                sha256: attachment.sha256,
                sizeBytes: attachment.sizeBytes,
                capturedAt: '2026-05-04T02:20:00.000Z',
              },
            ],
          }),
          asTechnician,
        ),
      );
      const [evidence] = saved.evidence;
      expect(evidence?.thumbnailSha256).toBeUndefined();
      await atJakarta.engine.syncNow();

      // The thumbnail is made after the record reached the server: Jakarta names it, and sends it.
      makeIt();
      await thumbnailsSettled();
      const thumbnail = Buffer.from(bytes.subarray(0, 2_000));
      const thumbnailSha256 = createHash('sha256').update(thumbnail).digest('hex');
      await vi.waitFor(async () => {
        expect(await jakarta.db.evidence.get(evidence?.id ?? '')).toMatchObject({
          thumbnailSha256,
        });
      });
      await sync(atJakarta);

      // Bandung's network lets one range through: the thumbnail's, before any of the original.
      atBandung.ranges.length = 0;
      atBandung.rangesLeft = 1;
      await sync(atBandung);
      expect(await bandung.db.evidence.get(evidence?.id ?? '')).toMatchObject({
        thumbnailSha256,
        thumbnailSizeBytes: 2_000,
      });
      expect(atBandung.ranges.map((range) => range.sha256)).toEqual([thumbnailSha256]);
      expect((await bytesAt(bandung, thumbnailSha256))?.equals(thumbnail)).toBe(true);
      expect(await bytesAt(bandung, attachment.sha256)).toBeUndefined();

      atBandung.rangesLeft = Number.POSITIVE_INFINITY;
      atBandung.fireTimers();
      await atBandung.engine.attachmentsSettled();
      expect((await bytesAt(bandung, attachment.sha256))?.equals(bytes)).toBe(true);
    } finally {
      stopNaming();
      makeThumbnailsWithoutWorker(undefined);
    }
  });

  it('keeps a download cut midway on disk, and goes on from there after a restart', async () => {
    const jakarta = await openStation('JKT9');
    const bandung = await openStation('BDG10');
    const atJakarta = await connect(jakarta);
    const atBandung = await connect(bandung);
    const bytes = new Uint8Array(randomBytes(5 * chunkBytes + 1_234));
    const evidence = await attach(jakarta, bytes, photo);
    await sync(atJakarta);

    // Three ranges arrive, then the network goes.
    const startsOf = (station: Connected) =>
      station.ranges
        .filter((range) => range.sha256 === evidence.sha256)
        .map((range) => range.start);
    atBandung.rangesLeft = 3;
    await sync(atBandung);
    expect(startsOf(atBandung)).toEqual([0, chunkBytes, 2 * chunkBytes]);
    expect(await bytesAt(bandung, evidence.sha256)).toBeUndefined();
    const kept = await bandung.db.partialDownloads
      .where('[sha256+offset]')
      .between([evidence.sha256, 0], [evidence.sha256, Infinity])
      .toArray();
    expect(kept.map((row) => [row.sha256, row.offset, row.blob.size])).toEqual(
      [0, 1, 2].map((range) => [evidence.sha256, range * chunkBytes, chunkBytes]),
    );

    // The app closes and opens again: a new database connection, a new engine and queue.
    atBandung.engine.stop();
    bandung.db.close();
    const reopened = new FixlineDatabase(bandung.db.name);
    await reopened.open();
    const restarted = engineOf(reopened);
    await restarted.engine.start();
    await sync(restarted);

    // It went on from the ranges on disk, and ends with the file whole and nothing partial.
    expect(startsOf(restarted)).toEqual([3 * chunkBytes, 4 * chunkBytes, 5 * chunkBytes]);
    expect((await bytesAt({ ...bandung, db: reopened }, evidence.sha256))?.equals(bytes)).toBe(
      true,
    );
    expect(await reopened.partialDownloads.count()).toBe(0);
    expect(restarted.engine.attachmentTransfers().size).toBe(0);
  });

  it('forgets a download cut short once the same bytes are attached here', async () => {
    const jakarta = await openStation('JKT11');
    const bandung = await openStation('BDG12');
    const atJakarta = await connect(jakarta);
    const atBandung = await connect(bandung);
    const bytes = new Uint8Array(randomBytes(4 * chunkBytes));
    const evidence = await attach(jakarta, bytes, photo);
    await sync(atJakarta);
    atBandung.rangesLeft = 2;
    await sync(atBandung);
    expect(await bandung.db.partialDownloads.count()).toBe(2);

    // The customer's same photo, attached at Bandung too: nothing left to download.
    expectOk(await storeAttachment(bandung.db, new Blob([bytes], { type: 'image/jpeg' })));
    await sync(atBandung);
    expect(await bandung.db.partialDownloads.count()).toBe(0);
    expect((await bytesAt(bandung, evidence.sha256))?.equals(bytes)).toBe(true);
  });

  it('leaves a large video on the server until someone opens it', async () => {
    const jakarta = await openStation('JKT5');
    const bandung = await openStation('BDG6');
    const atJakarta = await connect(jakarta, { eagerMaxBytes: 100_000 });
    const atBandung = await connect(bandung, { eagerMaxBytes: 100_000 });
    const video = new Uint8Array(randomBytes(250_000));
    const evidence = await attach(jakarta, video, {
      kind: 'video',
      mediaType: 'video/mp4',
      fileName: 'unboxing.mp4',
    });
    await sync(atJakarta);
    await sync(atBandung);
    expect(atBandung.engine.attachmentTransfers().get(evidence.sha256)).toMatchObject({
      state: 'on-demand',
      doneBytes: 0,
    });
    expect(await bytesAt(bandung, evidence.sha256)).toBeUndefined();

    atBandung.engine.fetchAttachment(evidence.sha256);
    await atBandung.engine.attachmentsSettled();
    expect((await bytesAt(bandung, evidence.sha256))?.equals(video)).toBe(true);
  });

  it('counts evidence for a DOA return (B3) by its records, whether or not their bytes are here', async () => {
    const jakarta = await openStation('JKT7');
    const bandung = await openStation('BDG8');
    const atJakarta = await connect(jakarta);
    const atBandung = await connect(bandung);
    atJakarta.blobsOnline = false;
    const { customerId, deviceId } = await createCustomerAndDevice(jakarta.repositories);
    const claim = expectOk(
      await jakarta.repositories.claims.create(
        makeClaimDraft({ customerId, deviceId, reason: 'arrived-damaged' }),
        asTechnician,
      ),
    );
    await sync(atJakarta);
    await sync(atBandung);
    expectOk(
      await bandung.repositories.claims.transition(
        claim.id,
        'awaiting-authorization',
        asTechnician,
      ),
    );
    expect(
      await bandung.repositories.claims.transition(claim.id, 'authorized', asTechnician),
    ).toMatchObject({ ok: false, error: { code: 'doa-evidence-missing' } });
    await sync(atBandung);

    // Jakarta photographs the product and its packaging; the bytes stay there for now.
    const product = await attach(jakarta, new Uint8Array(randomBytes(2_000)), photo, claim.id);
    const packaging = await attach(
      jakarta,
      new Uint8Array(randomBytes(2_000)),
      { kind: 'packaging-photo', mediaType: 'image/jpeg', fileName: 'box.jpg' },
      claim.id,
    );
    await sync(atJakarta);
    await sync(atBandung);
    expect(await bytesAt(bandung, product.sha256)).toBeUndefined();
    expect(await bytesAt(bandung, packaging.sha256)).toBeUndefined();
    expectOk(await bandung.repositories.claims.transition(claim.id, 'authorized', asTechnician));
  });
});
