import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcChannel, IpcInput, IpcResult } from '#shared/ipc/contract';
import { createEventSender } from '#shared/ipc/events';
import type {
  BlobAddress,
  BlobRequests,
  BlobViewing,
  TransferProgress,
} from '#shared/sync/blobHttp';
import { blobRequestsOver, downloadBlob, uploadBlob } from '#shared/sync/blobHttp';
import type { SyncFetch } from '#shared/sync/syncHttp';
import { createLabelPrinters } from '../../electron/printing/labelPrinters';
import { createPrintService } from '../../electron/printing/printService';
import { nodeSyncFetch } from '../../electron/main/syncChannel';
import { webSyncFetch } from '../../renderer/src/bridge/webSyncFetch';
import { bridgeTransport, type SyncBridge } from '../../renderer/src/core/sync/bridgeTransport';
import { buildSyncServer } from '../../server/src/app';
import type { Database } from '../../server/src/storage/database';
import { forwardMediaRequest, mediaScheme } from '../../electron/main/mediaProtocol';
import { viewTicketLifetimeMs } from '../../server/src/blobs/viewTickets';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import { makeEvidence } from '../factories/domain';
import { desktopHarness } from '../support/ipcHarness';
import type { BlobStoreFixture } from './blobStoreFixtures';
import { blobStoreKinds, openBlobStoreFixture } from './blobStoreFixtures';
import { insertChange, openTestDatabase, ServerContext, type Station } from './serverHarness';

/**
 * The station's side of attachments' bytes, end to end as the desktop app runs it: the page's
 * upload and download loops (shared/sync/blobHttp.ts) through the bridge transport, main's IPC
 * handlers (which check each request) and Node's fetch, to the real sync server over HTTP, its
 * bytes in a folder or in an S3 bucket.
 */

// Set by each store's block below, which run one after the other.
let database: Database;
let app: FastifyInstance;
let blobStore: BlobStoreFixture;
let address: string;
let jakarta: Station;
let bandung: Station;
let workspace: string;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What went over the network: each PATCH's offset and size, each GET's range. */
type Sent = { method: string; offset?: number; bytes?: number; range?: string };

/**
 * The desktop app's blob requests: the bridge transport over main's handlers (behind a stand-in
 * ipcMain), whose fetch is Node's, seen (and cut, when `cut` says so) on its way out.
 */
function desktopBlobs(
  sent: Sent[] = [],
  cut: (request: Parameters<SyncFetch>[0]) => 'send' | 'drop-answer' | 'fail' = () => 'send',
): {
  blobs: BlobRequests;
  viewTicket: BlobViewing['viewTicket'];
  invoke: ReturnType<typeof desktopHarness>['invoke'];
} {
  const fetchSync: SyncFetch = (request) => {
    const offset = request.headers['upload-offset'];
    sent.push({
      method: request.method,
      ...(offset === undefined ? {} : { offset: Number(offset) }),
      ...(request.body instanceof Uint8Array ? { bytes: request.body.byteLength } : {}),
      ...(request.headers['range'] === undefined ? {} : { range: request.headers['range'] }),
    });
    const action = cut(request);
    if (action === 'fail')
      return { response: Promise.reject(new Error('connection reset')), abort: () => undefined };
    const made = nodeSyncFetch(request);
    if (action === 'send') return made;
    // The server takes the bytes, but the answer never reaches the station (the link dropped).
    return {
      response: made.response.then(async (answer) => {
        await answer.text();
        throw new Error('connection reset');
      }),
      abort: made.abort,
    };
  };
  const labelPrinters = createLabelPrinters(join(workspace, `printers-${sent.length}.json`));
  const harness = desktopHarness({
    labelPrinters,
    printing: createPrintService({ labelPrinters }),
    sendEvent: createEventSender(
      () => undefined,
      () => undefined,
    ),
    sync: { fetchSync },
  });
  const call =
    <Channel extends IpcChannel>(channel: Channel) =>
    async (input: IpcInput<Channel>) =>
      (await harness.invoke(channel, input)) as IpcResult<Channel>;
  const sync: SyncBridge['sync'] = {
    request: call('fixline:sync:request'),
    openEvents: call('fixline:sync:openEvents'),
    closeEvents: call('fixline:sync:closeEvents'),
    blobHead: call('fixline:sync:blobHead'),
    blobStanding: call('fixline:sync:blobStanding'),
    blobChunk: call('fixline:sync:blobChunk'),
    blobRange: call('fixline:sync:blobRange'),
    blobTicket: call('fixline:sync:blobTicket'),
  };
  const transport = bridgeTransport({ sync, on: () => () => undefined });
  const { viewTicket } = transport;
  if (viewTicket === undefined) throw new Error('the bridge transport asks for viewing tickets');
  return { blobs: transport.blobs, viewTicket, invoke: harness.invoke };
}

function addressOf(station: Station, name: string): BlobAddress {
  return { serverUrl: address, deviceToken: station.enrolled.deviceToken, sha256: name };
}

/** Reads a file's bytes as an upload asks for them. */
const readerOf = (bytes: Uint8Array) => (start: number, end: number) =>
  Promise.resolve(new Uint8Array(bytes.subarray(start, end)));

async function downloadWhole(blobs: BlobRequests, at: BlobAddress): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const outcome = await downloadBlob(blobs, {
    address: at,
    received: 0,
    onBytes: (bytes) => void parts.push(bytes),
  });
  expect(outcome.kind).toBe('downloaded');
  return Buffer.concat(parts);
}

const chunkBytes = 64 * 1024;

describe.each(blobStoreKinds)(
  'uploading and downloading attachments’ bytes from a station (%s)',
  (kind) => {
    beforeAll(async () => {
      blobStore = await openBlobStoreFixture(kind);
      workspace = await mkdtemp(join(tmpdir(), 'fixline-blob-transfer-main-'));
      database = await openTestDatabase('pglite');
      app = await buildSyncServer({ database, ...blobStore.serverOptions });
      address = await app.listen({ host: '127.0.0.1', port: 0 });
      const server = new ServerContext(app, database, { current: undefined });
      jakarta = await server.enroll('JKT1');
      bandung = await server.enroll('BDG2');
    }, 120_000);

    afterAll(async () => {
      await app.close();
      await database.close();
      await blobStore.close();
      await rm(workspace, { recursive: true, force: true });
    });

    it('resumes an upload cut at 40% where the server stands, and completes it', async () => {
      const video = randomBytes(1024 * 1024 + 123);
      const name = sha256(video);
      const cutAt = Math.floor(video.length * 0.4);
      const sent: Sent[] = [];
      let cutDone = false;
      const { blobs } = desktopBlobs(sent, (request) => {
        const offset = Number(request.headers['upload-offset']);
        if (request.method !== 'PATCH' || cutDone || offset + chunkBytes <= cutAt) return 'send';
        cutDone = true;
        return 'drop-answer';
      });
      const progress: TransferProgress[] = [];
      const options = {
        address: addressOf(jakarta, name),
        size: video.length,
        read: readerOf(video),
        chunkBytes,
        onProgress: (step: TransferProgress) => void progress.push(step),
      };

      const first = await uploadBlob(blobs, options);
      expect(first.kind).toBe('unreachable');
      const stoodAt = progress.at(-1)?.doneBytes ?? 0;
      expect(stoodAt).toBeLessThanOrEqual(cutAt);
      expect(stoodAt).toBeGreaterThan(cutAt - chunkBytes);

      sent.length = 0;
      expect(await uploadBlob(blobs, options)).toEqual({ kind: 'uploaded', skipped: false });
      // It asked where the server stands, and went on from there: the chunk the station never
      // heard about was not sent again.
      expect(sent[0]?.method).toBe('HEAD');
      expect(sent[1]).toMatchObject({ method: 'PATCH', offset: stoodAt + chunkBytes });
      expect(progress.at(-1)).toEqual({ doneBytes: video.length, totalBytes: video.length });
      expect((await downloadWhole(blobs, addressOf(bandung, name))).equals(video)).toBe(true);

      // Asked again, the server has it: nothing is sent.
      sent.length = 0;
      expect(await uploadBlob(blobs, options)).toEqual({ kind: 'uploaded', skipped: true });
      expect(sent.map((request) => request.method)).toEqual(['HEAD']);
    });

    it('reports bytes whose SHA-256 is not their name as refused, and the server keeps none', async () => {
      const photo = randomBytes(200_000);
      const wrongName = sha256(randomBytes(16));
      const { blobs } = desktopBlobs();
      const outcome = await uploadBlob(blobs, {
        address: addressOf(jakarta, wrongName),
        size: photo.length,
        read: readerOf(photo),
        chunkBytes,
      });
      expect(outcome).toMatchObject({ kind: 'hash-mismatch' });
      expect(await blobs.head(addressOf(jakarta, wrongName))).toEqual({ kind: 'absent' });
    });

    it('stores the same photo from two stations once, the second going on where the first stands', async () => {
      const photo = randomBytes(300_000);
      const name = sha256(photo);
      const atJakarta = desktopBlobs();
      const sent: Sent[] = [];
      let jakartaStarted = false;
      // Bandung asked first and found nothing; Jakarta's first chunk lands before Bandung's.
      const atBandung = desktopBlobs(sent, () => 'send');
      const racing: BlobRequests = {
        ...atBandung.blobs,
        sendChunk: async (chunk) => {
          if (!jakartaStarted) {
            jakartaStarted = true;
            const first = await atJakarta.blobs.sendChunk({
              ...addressOf(jakarta, name),
              offset: 0,
              length: photo.length,
              bytes: new Uint8Array(photo.subarray(0, chunkBytes)),
            });
            expect(first).toEqual({ kind: 'accepted', offset: chunkBytes });
          }
          return atBandung.blobs.sendChunk(chunk);
        },
      };
      const outcome = await uploadBlob(racing, {
        address: addressOf(bandung, name),
        size: photo.length,
        read: readerOf(photo),
        chunkBytes,
      });
      expect(outcome).toEqual({ kind: 'uploaded', skipped: false });
      // Refused at 0 (409), it went on at Jakarta's offset.
      expect(sent.filter((request) => request.method === 'PATCH').map((r) => r.offset)).toEqual([
        0,
        chunkBytes,
        2 * chunkBytes,
        3 * chunkBytes,
        4 * chunkBytes,
      ]);
      // Jakarta asks before uploading, and skips it.
      expect(
        await uploadBlob(atJakarta.blobs, {
          address: addressOf(jakarta, name),
          size: photo.length,
          read: readerOf(photo),
        }),
      ).toEqual({ kind: 'uploaded', skipped: true });
      expect(await blobStore.copiesOf(name)).toBe(1);
    });

    it('downloads by ranges, goes on from the bytes it has after a drop, and reassembles them exactly', async () => {
      const video = randomBytes(500_000);
      const name = sha256(video);
      const { blobs: upload } = desktopBlobs();
      const at = addressOf(jakarta, name);
      expect(
        await uploadBlob(upload, { address: at, size: video.length, read: readerOf(video) }),
      ).toEqual({ kind: 'uploaded', skipped: false });

      const sent: Sent[] = [];
      let ranges = 0;
      const { blobs } = desktopBlobs(sent, (request) =>
        request.method === 'GET' && ++ranges === 3 ? 'fail' : 'send',
      );
      const parts: Uint8Array[] = [];
      const options = {
        address: addressOf(bandung, name),
        rangeBytes: 100_000,
        onBytes: (bytes: Uint8Array, start: number) => {
          expect(start).toBe(parts.reduce((total, part) => total + part.byteLength, 0));
          parts.push(bytes);
        },
      };
      const cut = await downloadBlob(blobs, { ...options, received: 0 });
      expect(cut).toMatchObject({ kind: 'unreachable', received: 200_000 });
      const rest = await downloadBlob(blobs, { ...options, received: 200_000 });
      expect(rest).toEqual({ kind: 'downloaded', size: video.length });
      expect(sent.map((request) => request.range)).toEqual([
        'bytes=0-99999',
        'bytes=100000-199999',
        'bytes=200000-299999',
        'bytes=200000-299999',
        'bytes=300000-399999',
        'bytes=400000-499999',
      ]);
      expect(Buffer.concat(parts).equals(video)).toBe(true);

      const missing = await downloadBlob(blobs, {
        ...options,
        address: addressOf(bandung, sha256(randomBytes(8))),
        received: 0,
      });
      expect(missing).toEqual({ kind: 'not-found' });
    });

    it('moves the same bytes over the page’s fetch, as the browser build does', async () => {
      const photo = randomBytes(150_000);
      const name = sha256(photo);
      const blobs = blobRequestsOver(webSyncFetch);
      expect(
        await uploadBlob(blobs, {
          address: addressOf(jakarta, name),
          size: photo.length,
          read: readerOf(photo),
          chunkBytes,
        }),
      ).toEqual({ kind: 'uploaded', skipped: false });
      expect(await blobs.head(addressOf(bandung, name))).toEqual({
        kind: 'stored',
        size: photo.length,
      });
      expect((await downloadWhole(blobs, addressOf(bandung, name))).equals(photo)).toBe(true);
    });

    it('has main refuse a chunk that is too large, goes past its file, or names no SHA-256', async () => {
      const { invoke } = desktopBlobs();
      const name = sha256(randomBytes(8));
      const base = { serverUrl: address, deviceToken: jakarta.enrolled.deviceToken };
      const tooLarge = await invoke('fixline:sync:blobChunk', {
        ...base,
        sha256: name,
        offset: 0,
        length: 9 * 1024 * 1024,
        bytes: new Uint8Array(9 * 1024 * 1024),
      });
      expect(tooLarge).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const pastEnd = await invoke('fixline:sync:blobChunk', {
        ...base,
        sha256: name,
        offset: 90,
        length: 100,
        bytes: new Uint8Array(20),
      });
      expect(pastEnd).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const notAName = await invoke('fixline:sync:blobHead', { ...base, sha256: '../settings' });
      expect(notAName).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    });

    it('plays a video by ranges from a viewing ticket, through main’s fixline-media scheme or the page’s own origin', async () => {
      const video = randomBytes(300_000);
      const name = sha256(video);
      const { blobs, viewTicket } = desktopBlobs();
      const upload = {
        address: addressOf(jakarta, name),
        size: video.length,
        read: readerOf(video),
      };
      expect((await uploadBlob(blobs, upload)).kind).toBe('uploaded');
      // No ticket before a record of the center names the bytes.
      expect(await viewTicket(addressOf(bandung, name))).toEqual({ kind: 'not-found' });
      const clock = new HybridLogicalClock('JKT1');
      const evidence = makeEvidence({
        kind: 'video',
        sha256: name,
        sizeBytes: video.length,
        mediaType: 'video/webm',
        fileName: 'fan-noise.webm',
      });
      const pushed = await jakarta.push([
        jakarta.mutation([insertChange('evidence', evidence, clock.tick(Date.now()))], clock),
      ]);
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);

      const desktop = await viewTicket(addressOf(bandung, name));
      if (desktop.kind !== 'ticket') throw new Error(`no ticket: ${JSON.stringify(desktop)}`);
      expect(desktop.url.startsWith(`${mediaScheme}://`)).toBe(true);
      expect(desktop.expiresInMs).toBe(viewTicketLifetimeMs);
      const played = await forwardMediaRequest(
        new Request(desktop.url, { headers: { range: 'bytes=1000-1999' } }),
        (url, init) => fetch(url, init),
      );
      expect(played.status).toBe(206);
      expect(played.headers.get('content-type')).toBe('video/webm');
      expect(played.headers.get('content-range')).toBe(`bytes 1000-1999/${video.length}`);
      expect(Buffer.from(await played.arrayBuffer()).equals(video.subarray(1000, 2000))).toBe(true);

      // In a browser the server served the page: the player uses the server's own URL.
      const web = await blobRequestsOver(webSyncFetch).viewTicket(addressOf(bandung, name));
      if (web.kind !== 'ticket') throw new Error(`no ticket: ${JSON.stringify(web)}`);
      expect(web.url.startsWith(`${address}/sync/v1/blobs/${name}/view?ticket=`)).toBe(true);
      const part = await fetch(web.url, { headers: { range: 'bytes=-100' } });
      expect(part.status).toBe(206);
      expect(Buffer.from(await part.arrayBuffer()).equals(video.subarray(-100))).toBe(true);
    });
  },
);
