import 'fake-indexeddb/auto';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { BlobRequests } from '#shared/sync/blobHttp';
import type { AttachmentQueueOptions } from '../../renderer/src/core/sync/attachmentQueue';
import { AttachmentQueue } from '../../renderer/src/core/sync/attachmentQueue';
import { unreachableBlobRequests } from '../../renderer/src/core/sync/unavailableTransport';
import {
  markAttachmentOnServer,
  sha256OfBlob,
  storeAttachment,
} from '../../renderer/src/db/attachments';
import {
  readFilesToCheck,
  settleFilesChecked,
} from '../../renderer/src/db/sync/attachmentsToCheck';
import { applyPulledPage } from '../../renderer/src/db/sync/remoteApply';
import { storeEnrollment } from '../../renderer/src/db/sync/syncState';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import { makeEvidence } from '../factories/domain';
import { openStation } from './stations';

/**
 * The attachment queue when its database goes away under it: a stopped queue's last chunk is
 * dropped quietly (the window closed), and a pass that fails while running is tried again later.
 */

const destination = {
  serverUrl: 'http://127.0.0.1:7411/',
  deviceToken: 'device-token',
  centerId: 'center-1',
};

/** Timers that fire only when the test says. */
function manualTimers() {
  const pending: { run: () => void; delayMs: number }[] = [];
  return {
    pending,
    timers: {
      set: (run: () => void, delayMs: number) => {
        const timer = { run, delayMs };
        pending.push(timer);
        return timer;
      },
      clear: (handle: unknown) => {
        const index = pending.findIndex((timer) => timer === handle);
        if (index >= 0) pending.splice(index, 1);
      },
    },
  };
}

/**
 * Pulls the record of a photo of `bytes` taken at JKT1 into `station`, with the thumbnail JKT1
 * made if given; its file's name.
 */
async function pullPhotoRecord(
  station: Awaited<ReturnType<typeof openStation>>,
  bytes: Uint8Array<ArrayBuffer>,
  thumbnail?: Uint8Array<ArrayBuffer>,
) {
  const sha256 = await sha256OfBlob(new Blob([bytes]));
  const evidence = makeEvidence({
    sha256,
    sizeBytes: bytes.length,
    mediaType: 'image/jpeg',
    ...(thumbnail === undefined
      ? {}
      : {
          thumbnailSha256: await sha256OfBlob(new Blob([thumbnail])),
          thumbnailSizeBytes: thumbnail.length,
        }),
  });
  // Pulled from the server, as a record taken at JKT1 reaches this station.
  const stamp = new HybridLogicalClock('JKT1').tick(Date.now());
  await applyPulledPage(station.db, {
    rows: [
      {
        table: 'evidence',
        id: evidence.id,
        version: 1,
        values: evidence,
        stamps: Object.fromEntries(Object.keys(evidence).map((field) => [field, stamp])),
        updatedBy: evidence.capturedBy,
        station: 'JKT1',
      },
    ],
    lastMutationId: 0,
  });
  return sha256;
}

/** A station holding the record of a 10,000-byte photo taken at JKT1, whose bytes are not here. */
async function stationWithRemotePhoto() {
  const station = await openStation('BDG2');
  const bytes = new Uint8Array(10_000).map((_, index) => index % 251);
  const sha256 = await pullPhotoRecord(station, bytes);
  return { station, bytes, sha256 };
}

function queueOf(
  station: Awaited<ReturnType<typeof stationWithRemotePhoto>>['station'],
  blobs: BlobRequests,
  options: Partial<AttachmentQueueOptions> = {},
) {
  const { timers, pending } = manualTimers();
  const reported: string[] = [];
  const queue = new AttachmentQueue(station.db, blobs, {
    timers,
    now: () => Date.now(),
    random: () => 0.5,
    chunkBytes: 4_000,
    report: (message) => reported.push(message),
    ...options,
  });
  return { queue, pending, reported };
}

describe('the attachment queue when its database closes', () => {
  it('drops the chunk in flight quietly once it is stopped and its database closed', async () => {
    const { station, bytes } = await stationWithRemotePhoto();
    let answerChunk: () => void = () => undefined;
    let chunkWasAsked: () => void = () => undefined;
    const chunkAsked = new Promise<void>((asked) => (chunkWasAsked = asked));
    const blobs: BlobRequests = {
      ...unreachableBlobRequests,
      readRange: (range) => {
        chunkWasAsked();
        return new Promise((answer) => {
          answerChunk = () =>
            answer({
              kind: 'bytes',
              start: range.start,
              size: bytes.length,
              bytes: bytes.slice(range.start, range.start + 4_000),
            });
        });
      },
    };
    const { queue, reported } = queueOf(station, blobs);

    const pass = queue.wake(destination);
    await chunkAsked;
    // The window closes: the engine stops the queue, the database closes, then the chunk lands.
    queue.stop();
    station.db.close();
    answerChunk();

    await expect(pass).resolves.toBeUndefined();
    expect(reported).toEqual([]);
    expect(queue.transfers().size).toBe(0);
  });

  it('says so and runs the pass again later when the database fails under a running queue', async () => {
    const { station, sha256 } = await stationWithRemotePhoto();
    const { queue, pending, reported } = queueOf(station, unreachableBlobRequests);
    station.db.close();

    await expect(queue.wake(destination)).resolves.toBeUndefined();
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(/^attachment transfers stopped and will be tried again: .*closed/i);
    expect(pending).toHaveLength(1);
    // Half of the first backoff (random 0.5 × 1 s).
    expect(pending[0]?.delayMs).toBe(500);

    // The database opens again; the retry's pass finds the photo and tries to download it.
    await station.db.open();
    pending.shift()?.run();
    await queue.settled();
    expect(queue.transfers().get(sha256)).toMatchObject({
      direction: 'download',
      state: 'waiting',
    });
    expect(reported).toHaveLength(1);
  });
});

describe('a file the attachment queue cannot move', () => {
  it('tries it again ever after, waiting twice as long each time up to a minute', async () => {
    const { station, sha256 } = await stationWithRemotePhoto();
    // The most of each jitter, on a clock that stands still: each wait is its whole ceiling.
    const { queue, pending } = queueOf(station, unreachableBlobRequests, {
      random: () => 1,
      now: () => Date.parse('2026-12-05T00:00:00.000Z'),
    });
    await queue.wake(destination);

    const waits: number[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(pending).toHaveLength(1);
      const retry = pending.shift();
      waits.push(retry?.delayMs ?? -1);
      retry?.run();
      await queue.settled();
    }
    expect(waits).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000,
    ]);
    expect(pending).toHaveLength(1);
    expect(queue.transfers().get(sha256)).toMatchObject({
      direction: 'download',
      state: 'waiting',
      problem: expect.any(String),
    });
  });

  it('spreads its waits with jitter: a share of the ceiling the random draw picks', async () => {
    const { station } = await stationWithRemotePhoto();
    const { queue, pending } = queueOf(station, unreachableBlobRequests, {
      random: () => 0.25,
      now: () => Date.parse('2026-12-05T00:00:00.000Z'),
    });
    await queue.wake(destination);
    expect(pending.map((timer) => timer.delayMs)).toEqual([250]);
    pending.shift()?.run();
    await queue.settled();
    expect(pending.map((timer) => timer.delayMs)).toEqual([500]);
  });
});

describe('a download the attachment queue completes', () => {
  it('stores the file under its name, hashed once, and drops its ranges', async () => {
    const { station, bytes, sha256 } = await stationWithRemotePhoto();
    const blobs: BlobRequests = {
      ...unreachableBlobRequests,
      readRange: (range) =>
        Promise.resolve({
          kind: 'bytes',
          start: range.start,
          size: bytes.length,
          bytes: bytes.slice(range.start, range.start + 4_000),
        }),
    };
    const { queue, reported } = queueOf(station, blobs);
    const digest = vi.spyOn(crypto.subtle, 'digest');
    onTestFinished(() => digest.mockRestore());
    await queue.wake(destination);
    await queue.settled();

    const stored = await station.db.attachmentBlobs.get(sha256);
    expect(new Uint8Array(await (stored?.blob ?? new Blob()).arrayBuffer())).toEqual(bytes);
    expect(await station.db.attachments.get(sha256)).toMatchObject({ sizeBytes: bytes.length });
    expect(await station.db.partialDownloads.count()).toBe(0);
    // Checked against its name once, when the last range came; not hashed again to be stored.
    const photoHashes = digest.mock.calls.filter(
      ([, data]) => (data as ArrayBuffer | ArrayBufferView).byteLength === bytes.length,
    );
    expect(photoHashes).toHaveLength(1);
    expect(queue.transfers().has(sha256)).toBe(false);
    // Nothing more to do for it: the next pass, after a restart too, does not look at it again.
    expect(await station.db.attachmentsToMove.get(sha256)).toBeUndefined();
    expect(reported).toEqual([]);
  });
});

describe('a download whose file is not on the server yet', () => {
  it('waits, saying so, until the station that took it has uploaded it', async () => {
    const { station, bytes, sha256 } = await stationWithRemotePhoto();
    let uploaded = false;
    const blobs: BlobRequests = {
      ...unreachableBlobRequests,
      readRange: (range) =>
        Promise.resolve(
          uploaded
            ? {
                kind: 'bytes',
                start: range.start,
                size: bytes.length,
                bytes: bytes.slice(range.start, range.start + 4_000),
              }
            : { kind: 'not-found' },
        ),
    };
    const { queue, pending } = queueOf(station, blobs);
    await queue.wake(destination);
    await queue.settled();
    expect(queue.transfers().get(sha256)).toMatchObject({
      direction: 'download',
      state: 'waiting',
      fromStation: 'JKT1',
      notOnServer: true,
    });

    // Still not there at its retry: still said so.
    for (const timer of pending.splice(0)) timer.run();
    await queue.settled();
    expect(queue.transfers().get(sha256)).toMatchObject({ state: 'waiting', notOnServer: true });

    // Uploaded: the server says so, and the download goes at once.
    uploaded = true;
    queue.blobArrived(sha256);
    await queue.settled();
    expect(queue.transfers().has(sha256)).toBe(false);
    expect(await station.db.attachments.get(sha256)).toMatchObject({ sizeBytes: bytes.length });
  });

  it('is not said of a download that failed for another reason', async () => {
    const { station, sha256 } = await stationWithRemotePhoto();
    const { queue } = queueOf(station, unreachableBlobRequests);
    await queue.wake(destination);
    await queue.settled();
    expect(queue.transfers().get(sha256)).toMatchObject({
      state: 'waiting',
      notOnServer: false,
    });
  });
});

/**
 * Enrolls `station` with {@link destination}'s server and center, its first pull complete (an
 * empty one), as the engine leaves a station that has joined.
 */
async function enroll(
  station: Awaited<ReturnType<typeof openStation>>,
  centerId: string = destination.centerId,
) {
  await storeEnrollment(station.db, crypto.randomUUID(), {
    serverUrl: destination.serverUrl,
    deviceId: crypto.randomUUID(),
    deviceToken: destination.deviceToken,
    centerId,
  });
  await applyPulledPage(station.db, { rows: [], lastMutationId: 0, cursor: null });
}

describe('what the attachment queue looks at', () => {
  it('compares every file once per enrollment, then only the files to move and those pulls named, after a restart too', async () => {
    const { station, sha256 } = await stationWithRemotePhoto();
    await enroll(station);
    const { queue } = queueOf(station, unreachableBlobRequests);
    const wholeReads = vi.spyOn(station.db.evidence, 'orderBy');
    await queue.wake(destination);
    const readsOfAll = wholeReads.mock.calls.length;
    expect(readsOfAll).toBeGreaterThan(0);
    expect([...queue.transfers().keys()]).toEqual([sha256]);

    const second = await pullPhotoRecord(station, new Uint8Array(5_000).fill(7));
    await queue.wake(destination);
    // The photo still to move and the one the pull named, without reading every record again.
    expect(new Set(queue.transfers().keys())).toEqual(new Set([sha256, second]));
    expect(wholeReads).toHaveBeenCalledTimes(readsOfAll);

    // Stopped and started again, and a new queue as after a restart: the same two files, found
    // without reading every record.
    queue.stop();
    await queue.wake(destination);
    expect(new Set(queue.transfers().keys())).toEqual(new Set([sha256, second]));
    const afterRestart = queueOf(station, unreachableBlobRequests).queue;
    await afterRestart.wake(destination);
    expect(new Set(afterRestart.transfers().keys())).toEqual(new Set([sha256, second]));
    expect(wholeReads).toHaveBeenCalledTimes(readsOfAll);

    // Enrolled with another center, it compares everything again (nothing is sent there yet).
    await enroll(station, 'center-2');
    const elsewhere = queueOf(station, unreachableBlobRequests).queue;
    await elsewhere.wake({ ...destination, centerId: 'center-2' });
    expect(wholeReads).toHaveBeenCalledTimes(2 * readsOfAll);
    expect(new Set(elsewhere.transfers().keys())).toEqual(new Set([sha256, second]));
  });

  it('keeps the files a failed pass was to look at for the pass that retries it', async () => {
    const { station, sha256 } = await stationWithRemotePhoto();
    await enroll(station);
    const { queue, pending, reported } = queueOf(station, unreachableBlobRequests);
    await queue.wake(destination);
    const second = await pullPhotoRecord(station, new Uint8Array(5_000).fill(9));
    const uploadsRead = vi
      .spyOn(station.db.attachmentUploads, 'bulkGet')
      .mockRejectedValueOnce(new Error('the disk went away'));
    await queue.wake(destination);
    expect(reported).toEqual([expect.stringContaining('the disk went away')]);
    expect(queue.transfers().has(second)).toBe(false);

    // The pass runs again at its retry, and looks at the file the failed one did not.
    for (const timer of pending.splice(0)) timer.run();
    await queue.settled();
    expect(uploadsRead).toHaveBeenCalledTimes(2);
    expect(new Set(queue.transfers().keys())).toEqual(new Set([sha256, second]));
  });

  it('forgets a file it found nothing to move for, unless a pull named it again meanwhile', async () => {
    const station = await openStation('BDG2');
    await enroll(station);
    const bytes = new Uint8Array(6_000).fill(3);
    // A photo whose bytes are here already: nothing to fetch, and no upload of another's record.
    expectStored(await storeAttachment(station.db, new Blob([bytes])));
    await markAttachmentOnServer(
      station.db,
      await sha256OfBlob(new Blob([bytes])),
      destination.centerId,
      '2026-05-04T03:00:00.000Z',
    );
    // Everything compared once; then a pull names the photo.
    const { queue } = queueOf(station, unreachableBlobRequests);
    await queue.wake(destination);
    const sha256 = await pullPhotoRecord(station, bytes);
    const checked = await readFilesToCheck(station.db, destination);
    expect(checked).toMatchObject({ compared: true, names: new Set([sha256]) });

    // A pull names it again while a pass is looking at it: the pass must leave it.
    await pullPhotoRecord(station, bytes);
    await settleFilesChecked(station.db, checked, []);
    expect((await readFilesToCheck(station.db, destination)).names).toEqual(new Set([sha256]));

    // The next pass finds nothing to move, and forgets it.
    await queue.wake(destination);
    expect(queue.transfers().size).toBe(0);
    expect(await station.db.attachmentsNamed.count()).toBe(0);
    expect(await station.db.attachmentsToMove.count()).toBe(0);
  });

  it('compares everything instead once the files to look at outnumber half the records', async () => {
    const station = await openStation('BDG2');
    await enroll(station);
    const { queue } = queueOf(station, unreachableBlobRequests, { pageKeys: 2 });
    await queue.wake(destination);
    const wholeReads = vi.spyOn(station.db.evidence, 'orderBy');
    const first = await pullPhotoRecord(station, new Uint8Array(3_000).fill(1));
    await queue.wake(destination);
    // One file to look at, less than a page: read by key.
    expect(wholeReads).not.toHaveBeenCalled();

    const more = [
      await pullPhotoRecord(station, new Uint8Array(3_000).fill(2)),
      await pullPhotoRecord(station, new Uint8Array(3_000).fill(3)),
    ];
    await queue.wake(destination);
    // Three (two named, one still to move) for three records: everything compared instead.
    expect(wholeReads).toHaveBeenCalled();
    expect(new Set(queue.transfers().keys())).toEqual(new Set([first, ...more]));
  });

  it('does not fetch again the thumbnail of a photo whose original is still to come', async () => {
    const station = await openStation('BDG2');
    const thumbnail = new Uint8Array(3_000).fill(5);
    const original = new Uint8Array(9_000).fill(6);
    const originalSha256 = await pullPhotoRecord(station, original, thumbnail);
    const thumbnailSha256 = await sha256OfBlob(new Blob([thumbnail]));
    const asked: string[] = [];
    // The server holds the thumbnail; the original is not uploaded yet.
    const blobs: BlobRequests = {
      ...unreachableBlobRequests,
      readRange: (range) => {
        asked.push(range.sha256);
        return Promise.resolve(
          range.sha256 === thumbnailSha256
            ? { kind: 'bytes', start: range.start, size: thumbnail.length, bytes: thumbnail }
            : { kind: 'not-found' },
        );
      },
    };
    const { queue } = queueOf(station, blobs);
    await queue.wake(destination);
    expect(await station.db.attachments.get(thumbnailSha256)).toBeDefined();
    expect([...queue.transfers().keys()]).toEqual([originalSha256]);

    asked.length = 0;
    queue.fetchNow(originalSha256);
    await queue.settled();
    expect(asked).toEqual([originalSha256]);
    expect([...queue.transfers().keys()]).toEqual([originalSha256]);
  });

  it('finds every file to move on its first pass when it reads them a few keys at a time', async () => {
    const station = await openStation('BDG2');
    const photos = [1, 2, 3, 4, 5].map((seed) => ({
      original: new Uint8Array(4_000).fill(seed),
      thumbnail: new Uint8Array(500).fill(100 + seed),
    }));
    const names = [];
    for (const { original, thumbnail } of photos) {
      names.push({
        original: await pullPhotoRecord(station, original, thumbnail),
        thumbnail: await sha256OfBlob(new Blob([thumbnail])),
      });
    }
    // Two originals are here already; the server is known to hold one of them.
    for (const { original } of photos.slice(0, 2))
      expectStored(await storeAttachment(station.db, new Blob([original])));
    const [first, second] = names;
    if (first === undefined || second === undefined) throw new Error('no photos');
    await markAttachmentOnServer(
      station.db,
      first.original,
      destination.centerId,
      '2026-05-04T03:00:00.000Z',
    );

    // How many keys each read by key asked for: the files to send, the records of missing files.
    const keysAsked: number[] = [];
    const bulkGet = vi.spyOn(station.db.attachments, 'bulkGet');
    onTestFinished(() => bulkGet.mockRestore());
    const anyOf = vi.spyOn(station.db.WhereClause.prototype, 'anyOf');
    onTestFinished(() => anyOf.mockRestore());
    const transfersOf = async (pageKeys?: number) => {
      const { queue } = queueOf(
        station,
        unreachableBlobRequests,
        pageKeys === undefined ? {} : { pageKeys },
      );
      bulkGet.mockClear();
      anyOf.mockClear();
      await queue.wake(destination);
      keysAsked.length = 0;
      keysAsked.push(...bulkGet.mock.calls.map(([keys]) => keys.length));
      keysAsked.push(...anyOf.mock.calls.map(([keys]) => (keys as readonly unknown[]).length));
      const found = new Map(
        [...queue.transfers()].map(([sha256, transfer]) => [sha256, transfer.direction]),
      );
      queue.stop();
      return found;
    };
    const inPagesOfTwo = await transfersOf(2);
    expect(inPagesOfTwo).toEqual(
      new Map([
        [second.original, 'upload'],
        ...names
          .slice(2)
          .flatMap(({ original, thumbnail }) => [
            [thumbnail, 'download'] as const,
            [original, 'download'] as const,
          ]),
      ]),
    );
    expect(Math.max(...keysAsked)).toBe(2);
    expect(await transfersOf()).toEqual(inPagesOfTwo);
    // In one page, the eight files not here (three originals, five thumbnails) in one read.
    expect(Math.max(...keysAsked)).toBe(8);
  });
});

function expectStored(result: Awaited<ReturnType<typeof storeAttachment>>): void {
  if (!result.ok) throw new Error(result.error.message);
}
