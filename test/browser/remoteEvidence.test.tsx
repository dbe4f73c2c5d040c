import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { EvidenceItem, StoredEvidence } from '../../renderer/src/core';
import { createStationCore } from '../../renderer/src/core';
import type {
  AttachmentTransfer,
  StationSync,
  ViewingUrl,
} from '../../renderer/src/core/sync/syncApi';
import { EvidenceGallery } from '../../renderer/src/claim/EvidenceGallery';
import { viewingUrlRetryMs } from '../../renderer/src/claim/useViewingUrl';
import { sha256OfBlob, thumbnailsSettled } from '../../renderer/src/db/attachments';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import type { Evidence } from '#shared/domain/evidence';
import { makeEvidence, nextId } from '../factories/domain';
import type { BlobRequests } from '#shared/sync/blobHttp';
import { createSyncEngine } from '../../renderer/src/core/sync/syncEngine';
import { unreachableBlobRequests } from '../../renderer/src/core/sync/unavailableTransport';
import { FakeSyncServer, pairingCode } from '../sync/fakeSyncServer';
import { expectOk, makePng, openBrowserDatabase, patternBytes } from './browserDatabase';
import { inAct, renderInStation } from './stationScreen';

/**
 * Evidence whose record came from another station before its bytes, in Chromium: the gallery and
 * the viewer say where it comes from and how far its download is, never show a broken image, ask
 * for a file that waits to be opened, and show the photo once its bytes are stored.
 */

/** A StationSync whose transfers the test sets, recording the files screens ask for. */
function fakeSync(
  viewing: ViewingUrl | (() => ViewingUrl) = { kind: 'unavailable', reason: 'standalone' },
) {
  let transfers = new Map<string, AttachmentTransfer>();
  const listeners = new Set<() => void>();
  const fetched: string[] = [];
  const sync: StationSync = {
    status: () => ({ phase: 'idle', pendingChanges: 0, rejectedChanges: [] }),
    subscribe: () => () => undefined,
    connect: () => Promise.resolve({ ok: true }),
    syncNow: () => Promise.resolve(),
    leave: () => Promise.resolve(),
    attachmentTransfers: () => transfers,
    subscribeTransfers: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    fetchAttachment: (sha256) => void fetched.push(sha256),
    viewingUrl: () => Promise.resolve(typeof viewing === 'function' ? viewing() : viewing),
  };
  const set = (transfer: AttachmentTransfer) => {
    transfers = new Map(transfers).set(transfer.sha256, transfer);
    for (const listener of listeners) listener();
  };
  return { sync, set, fetched };
}

/** A video of JKT1's whose bytes are not on this station. */
/** The claim screen's evidence gallery holding `items`, captured by Rina. */
function galleryOf(items: readonly EvidenceItem[]) {
  return <EvidenceGallery items={items} onAdd={() => undefined} technicianName={() => 'Rina'} />;
}

function remoteVideo(): StoredEvidence {
  return {
    ...makeEvidence({
      kind: 'video',
      sha256: 'ab'.repeat(32),
      sizeBytes: 40 * 1024 * 1024,
      mediaType: 'video/mp4',
      fileName: 'boot-loop.mp4',
    }),
    stamps: {},
    updatedBy: '00000000-0000-7000-8000-0000000000aa',
    station: 'JKT1',
  };
}

describe('evidence whose bytes are not on this station yet', () => {
  it('plays a video from the server’s URL, and takes the next URL before that one expires', async () => {
    const { db } = await openBrowserDatabase('BDG2');
    const asked: string[] = [];
    // Each URL expires a minute and a moment after it is given: the viewer renews it in seconds.
    const { sync } = fakeSync(() => {
      const url = `https://sync.example/sync/v1/blobs/${'ab'.repeat(32)}/view?ticket=t${asked.length + 1}`;
      asked.push(url);
      return { kind: 'url', url, expiresInMs: 60_500 };
    });
    const core = { ...createStationCore(db), sync };
    await renderInStation(core, galleryOf([{ evidence: remoteVideo(), attachment: undefined }]));
    await userEvent.click(page.getByRole('button', { name: /boot-loop\.mp4/ }));
    const viewer = page.getByRole('dialog');
    await expect
      .element(
        viewer.getByText('Playing from the sync server while it downloads', { exact: false }),
      )
      .toBeVisible();
    const source = () => document.querySelector('video')?.getAttribute('src');
    const first = source();
    expect(first).toBe(asked.at(-1));
    // Renewed: the player has the newest URL asked for, not the first.
    await expect
      .poll(() => source() !== first && source() === asked.at(-1), { timeout: 15_000 })
      .toBe(true);
  }, 30_000);

  it.each([
    [
      'offline',
      'The sync server cannot be reached, so this video cannot play yet: it plays once it is downloaded.',
      'Video from JKT1, downloading…',
    ],
    // Said once: the download's own line would say the same.
    [
      'not-on-server',
      'This video is not on the sync server yet: it plays once JKT1 has uploaded it.',
      undefined,
    ],
  ] as const)(
    'says why a video that is not here cannot play from the server (%s)',
    async (reason, message, status) => {
      const { db } = await openBrowserDatabase('BDG2');
      const { sync, fetched } = fakeSync({ kind: 'unavailable', reason });
      const core = { ...createStationCore(db), sync };
      const evidence = remoteVideo();
      await renderInStation(core, galleryOf([{ evidence, attachment: undefined }]));
      await userEvent.click(page.getByRole('button', { name: /boot-loop\.mp4/ }));
      const viewer = page.getByRole('dialog');
      await expect.element(viewer.getByRole('alert')).toHaveTextContent(message);
      expect(
        viewer
          .getByRole('status')
          .elements()
          .map((element) => element.textContent),
      ).toEqual(status === undefined ? [] : [status]);
      expect(document.querySelectorAll('video')).toHaveLength(0);
      // The download is asked for all the same: the video plays once it is here.
      await expect.poll(() => fetched).toEqual([evidence.sha256]);
    },
  );

  it('plays a video from the server once the other station has uploaded it, the viewer open', async () => {
    const { db } = await openBrowserDatabase('BDG2');
    // Not on the server when the viewer opens (JKT1 still uploading it), there at the next ask.
    const answers: ViewingUrl[] = [
      { kind: 'unavailable', reason: 'not-on-server' },
      { kind: 'unavailable', reason: 'offline' },
    ];
    const url = `https://sync.example/sync/v1/blobs/${'ab'.repeat(32)}/view?ticket=t1`;
    const { sync } = fakeSync(
      () => answers.shift() ?? { kind: 'url', url, expiresInMs: 5 * 60_000 },
    );
    const core = { ...createStationCore(db), sync };
    await renderInStation(core, galleryOf([{ evidence: remoteVideo(), attachment: undefined }]));
    await userEvent.click(page.getByRole('button', { name: /boot-loop\.mp4/ }));
    const viewer = page.getByRole('dialog');
    await expect
      .element(viewer.getByRole('alert'))
      .toHaveTextContent('This video is not on the sync server yet');
    await expect
      .element(viewer.getByRole('alert'), { timeout: 2 * viewingUrlRetryMs })
      .toHaveTextContent('The sync server cannot be reached');
    await expect
      .poll(() => document.querySelector('video')?.getAttribute('src'), {
        timeout: 2 * viewingUrlRetryMs,
      })
      .toBe(url);
    expect(viewer.getByRole('alert').elements()).toHaveLength(0);
  }, 30_000);

  it('says a photo is not on the server yet while the station that took it has not uploaded it', async () => {
    const { db } = await openBrowserDatabase('BDG2');
    const { sync, set } = fakeSync();
    const core = { ...createStationCore(db), sync };
    const evidence: StoredEvidence = {
      ...makeEvidence({ sizeBytes: 3_000_000, mediaType: 'image/jpeg', fileName: 'parcel.jpg' }),
      stamps: {},
      updatedBy: '00000000-0000-7000-8000-0000000000aa',
      station: 'JKT1',
    };
    const waiting = {
      sha256: evidence.sha256,
      direction: 'download',
      state: 'waiting',
      doneBytes: 0,
      totalBytes: evidence.sizeBytes,
      fromStation: 'JKT1',
    } as const;
    set({ ...waiting, problem: 'not on the server yet', notOnServer: true });
    await renderInStation(core, galleryOf([{ evidence, attachment: undefined }]));
    const gallery = page.getByRole('region', { name: 'Evidence' });
    await expect
      .element(gallery.getByText('Photo from JKT1, waiting for JKT1 to upload it'))
      .toBeVisible();
    // Uploaded since: the next try downloads it, and says so.
    await inAct(async () => {
      set({ ...waiting, state: 'moving', doneBytes: 300_000, notOnServer: false });
    });
    await expect.element(gallery.getByText('Photo from JKT1, downloading… 10%')).toBeVisible();
  });

  it('says whose photo it is and how far it has come, and shows it once it arrives', async () => {
    const { db } = await openBrowserDatabase('BDG2');
    const { sync, set, fetched } = fakeSync();
    const core = { ...createStationCore(db), sync };
    const png = await makePng(64, 48);
    const sha256 = await sha256OfBlob(png);
    const evidence: StoredEvidence = {
      ...makeEvidence({
        sha256,
        sizeBytes: png.size,
        mediaType: 'image/png',
        fileName: 'front.png',
      }),
      stamps: {},
      updatedBy: '00000000-0000-7000-8000-0000000000aa',
      station: 'JKT1',
    };
    set({
      sha256,
      direction: 'download',
      state: 'moving',
      doneBytes: Math.ceil(png.size * 0.4),
      totalBytes: png.size,
      fromStation: 'JKT1',
    });

    const container = await renderInStation(core, galleryOf([{ evidence, attachment: undefined }]));

    const gallery = page.getByRole('region', { name: 'Evidence' });
    await expect
      .poll(() => container.textContent, { timeout: 5000 })
      .toContain('Photo from JKT1, downloading… 40%');
    await expect.element(gallery.getByText('Photo from JKT1, downloading… 40%')).toBeVisible();
    expect(container.querySelectorAll('img')).toHaveLength(0);
    await inAct(async () => {
      set({
        sha256,
        direction: 'download',
        state: 'moving',
        doneBytes: Math.ceil(png.size * 0.75),
        totalBytes: png.size,
        fromStation: 'JKT1',
      });
    });
    await expect.element(gallery.getByText('Photo from JKT1, downloading… 75%')).toBeVisible();
    await inAct(async () => {
      await i18next.changeLanguage('id');
    });
    await expect
      .element(page.getByText('Foto dari JKT1, sedang diunduh… 75%').first())
      .toBeVisible();
    await inAct(async () => {
      await i18next.changeLanguage('en');
    });

    // Opened, it says the same, asks for the file, and shows the photo once its bytes are stored.
    await userEvent.click(gallery.getByText('Photo from JKT1, downloading… 75%'));
    const viewer = page.getByRole('dialog');
    await expect.element(viewer.getByText('Photo from JKT1, downloading… 75%')).toBeVisible();
    // The viewer asks for the file in an effect, which may run after its text is drawn.
    await expect.poll(() => fetched).toEqual([sha256]);
    await inAct(async () => {
      expectOk(await core.attachments.store(png, { mediaType: 'image/png' }));
    });
    await expect.element(viewer.getByRole('img', { name: 'front.png' })).toBeVisible();
    await thumbnailsSettled();
  });

  it('shows the thumbnail that came before the photo, with how far the photo has come', async () => {
    const { db } = await openBrowserDatabase('BDG2');
    const { sync, set } = fakeSync();
    const core = { ...createStationCore(db), sync };
    const thumbnail = await makePng(32, 24);
    const evidence = remoteEvidence('c'.repeat(64), 50_000);
    set({
      sha256: evidence.sha256,
      direction: 'download',
      state: 'moving',
      doneBytes: 20_000,
      totalBytes: 50_000,
      fromStation: 'JKT1',
    });

    const container = await renderInStation(
      core,
      galleryOf([{ evidence, attachment: undefined, remoteThumbnail: thumbnail }]),
    );

    const gallery = page.getByRole('region', { name: 'Evidence' });
    await expect.element(gallery.getByText('Photo from JKT1, downloading… 40%')).toBeVisible();
    await expect.poll(() => container.querySelectorAll('img').length).toBe(1);
  });

  it('shows a download’s progress in a window that does not sync, as the syncing window moves it', async () => {
    const { db } = await openBrowserDatabase('BDG2');
    const bytes = patternBytes(10_000);
    const sha256 = await sha256OfBlob(new Blob([bytes]));
    const evidence = makeEvidence({
      sha256,
      sizeBytes: bytes.length,
      mediaType: 'image/jpeg',
      fileName: 'front.jpg',
    });
    // The server sends the first 4,000 bytes, and then the network goes.
    const blobs: BlobRequests = {
      ...unreachableBlobRequests,
      readRange: async (range) =>
        range.start === 0
          ? { kind: 'bytes', start: 0, size: bytes.length, bytes: bytes.slice(0, 4_000) }
          : { kind: 'unreachable', reason: 'the network went' },
    };
    // Jakarta recorded the photo; its record reaches this station with the first pull.
    const server = serverHolding(evidence);
    const windowOf = () =>
      createSyncEngine(db, {
        transport: { ...server.transport, blobs },
        attachments: { chunkBytes: 4_000 },
      });
    const syncing = windowOf();
    const other = windowOf();
    try {
      // This window syncs (it holds the lock); the other starts after and follows it.
      expect(await syncing.connect({ serverUrl: 'http://127.0.0.1:7411/', pairingCode })).toEqual({
        ok: true,
      });
      await expect.poll(() => syncing.attachmentTransfers().get(sha256)?.doneBytes).toBe(4_000);
      await other.start();
      const core = { ...createStationCore(db), sync: other };

      await renderInStation(
        core,
        galleryOf([
          {
            evidence: { ...remoteEvidence(sha256, bytes.length), id: evidence.id },
            attachment: undefined,
          },
        ]),
      );

      const gallery = page.getByRole('region', { name: 'Evidence' });
      await expect.element(gallery.getByText('Photo from JKT1, downloading… 40%')).toBeVisible();
    } finally {
      syncing.stop();
      other.stop();
    }
  });
});

describe('a photo downloaded after its thumbnail', () => {
  it('takes the thumbnail the capturing station made instead of making its own', async () => {
    const { db } = await openBrowserDatabase('BDG2');
    const photo = await makePng(640, 480);
    const thumbnail = await makePng(64, 48);
    const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
    const served = new Map([
      [await sha256OfBlob(photo), await bytesOf(photo)],
      [await sha256OfBlob(thumbnail), await bytesOf(thumbnail)],
    ]);
    const [photoSha256, thumbnailSha256] = [...served.keys()];
    if (photoSha256 === undefined || thumbnailSha256 === undefined) throw new Error('no files');
    const blobs: BlobRequests = {
      ...unreachableBlobRequests,
      readRange: (range) => {
        const bytes = served.get(range.sha256);
        return Promise.resolve(
          bytes === undefined
            ? { kind: 'not-found' }
            : {
                kind: 'bytes',
                start: range.start,
                size: bytes.length,
                bytes: bytes.slice(range.start),
              },
        );
      },
    };
    const evidence = makeEvidence({
      sha256: photoSha256,
      sizeBytes: photo.size,
      mediaType: 'image/png',
      fileName: 'front.png',
      thumbnailSha256,
      thumbnailSizeBytes: thumbnail.size,
    });
    const server = serverHolding(evidence);
    const engine = createSyncEngine(db, { transport: { ...server.transport, blobs } });
    try {
      expect(await engine.connect({ serverUrl: 'http://127.0.0.1:7411/', pairingCode })).toEqual({
        ok: true,
      });
      await expect
        .poll(async () => (await db.attachments.get(photoSha256))?.sizeBytes)
        .toBe(photo.size);
      await engine.attachmentsSettled();
      await thumbnailsSettled();
    } finally {
      engine.stop();
    }

    const stored = await db.attachments.get(photoSha256);
    expect(stored?.thumbnailSha256).toBe(thumbnailSha256);
    expect(stored?.thumbnail).toMatchObject({ width: 64, height: 48 });
    expect(await bytesOf(stored?.thumbnail?.blob ?? new Blob())).toEqual(
      served.get(thumbnailSha256),
    );
    // The photo and the thumbnail that came with it; no thumbnail made here beside them.
    expect((await db.attachments.toCollection().primaryKeys()).sort()).toEqual(
      [photoSha256, thumbnailSha256].sort(),
    );
  });
});

/** A sync server holding `evidence`, recorded at JKT1: it reaches a station with its first pull. */
function serverHolding(evidence: Evidence): FakeSyncServer {
  const server = new FakeSyncServer();
  const stamp = new HybridLogicalClock('JKT1').tick(Date.now());
  server.receive(nextId(), [
    {
      id: 1,
      mutationId: nextId(),
      at: stamp,
      actor: evidence.capturedBy,
      station: 'JKT1',
      changes: [
        {
          table: 'evidence',
          id: evidence.id,
          set: evidence,
          unset: [],
          stamp,
          base: Object.fromEntries(Object.keys(evidence).map((field) => [field, null])),
        },
      ],
    },
  ]);
  return server;
}

/** An evidence record that came from JKT1 (pulled as received), its bytes not here. */
function remoteEvidence(sha256: string, sizeBytes: number): StoredEvidence {
  return {
    ...makeEvidence({ sha256, sizeBytes, mediaType: 'image/jpeg', fileName: 'front.jpg' }),
    stamps: {},
    updatedBy: '00000000-0000-7000-8000-0000000000aa',
    station: 'JKT1',
  };
}
