import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evidence } from '#shared/domain/evidence';
import type { BlobRequests } from '#shared/sync/blobHttp';
import type { AttachmentTransfer, SyncTransport } from '../../renderer/src/core/sync/syncApi';
import type { SyncEngine, SyncTimers } from '../../renderer/src/core/sync/syncEngine';
import { createSyncEngine } from '../../renderer/src/core/sync/syncEngine';
import { unreachableBlobRequests } from '../../renderer/src/core/sync/unavailableTransport';
import { readAttachment, storeAttachment } from '../../renderer/src/db/attachments';
import { buildSyncServer } from '../../server/src/app';
import { createPairingCode } from '../../server/src/identity';
import type { Database } from '../../server/src/storage/database';
import { makeClaimDraft } from '../factories/domain';
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
  app = await buildSyncServer({ database, blobRoot });
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
};

async function connect(
  station: TestStation,
  options: { eagerMaxBytes?: number } = {},
): Promise<Connected> {
  const serverBlobs = injectBlobRequests(app);
  const { timers, fireAll } = manualTimers();
  const connected: Connected = {
    engine: undefined as unknown as SyncEngine,
    fireTimers: fireAll,
    seen: [],
    blobsOnline: true,
  };
  const blobs: BlobRequests = {
    head: (address) =>
      (connected.blobsOnline ? serverBlobs : unreachableBlobRequests).head(address),
    sendChunk: (chunk) =>
      (connected.blobsOnline ? serverBlobs : unreachableBlobRequests).sendChunk(chunk),
    readRange: (range) =>
      (connected.blobsOnline ? serverBlobs : unreachableBlobRequests).readRange(range),
  };
  const transport: SyncTransport = {
    request: ({ route, body, deviceToken }) => injectSyncRequest(app, { route, body, deviceToken }),
    events: ({ onConnected }) => {
      onConnected(false);
      return { close: () => undefined };
    },
    blobs,
  };
  const engine = createSyncEngine(station.db, {
    transport,
    locks: null,
    windows: null,
    timers,
    network: { isOnline: () => true, subscribe: () => () => undefined },
    attachments: { chunkBytes, ...options },
  });
  engines.push(engine);
  engine.subscribeTransfers(() => {
    for (const transfer of engine.attachmentTransfers().values()) connected.seen.push(transfer);
  });
  const { code } = await createPairingCode(database);
  expect(await engine.connect({ serverUrl, pairingCode: code })).toEqual({ ok: true });
  Object.assign(connected, { engine });
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
