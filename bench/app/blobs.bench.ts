import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { BlobAddress, UploadOutcome } from '#shared/sync/blobHttp';
import {
  askStanding,
  attachmentTransferConcurrency,
  blobRequestsOver,
  defaultBlobChunkBytes,
  downloadBlob,
  uploadBlob,
} from '#shared/sync/blobHttp';
import { uploadOffsetHeader } from '#shared/sync/protocol';
import type { SyncFetch } from '#shared/sync/syncHttp';
import { nodeSyncFetch, syncServerFetch } from '../../electron/main/syncChannel';
import { flushToDisk } from '../../server/src/storage/flushToDisk';

/**
 * The `attachments` part of the sync benchmark: photos' bytes between a station and the real
 * server over loopback, through the path the desktop app's main process runs (uploadBlob and
 * downloadBlob of shared/sync/blobHttp.ts over nodeSyncFetch; the page's IPC hop is not in it).
 *
 * The raw baseline is one plain HTTP request per whole file, with main's HTTP client, to a minimal
 * node:http sink on 127.0.0.1 that does what the server must do with the bytes and nothing else:
 * a PUT streamed to a file while hashed (SHA-256) and flushed to the disk with its name before
 * the answer, a GET streamed from that file. So the ratio charges everything Fixline adds on top
 * of moving, storing and checking the bytes: the standing question (one per round of ten photos;
 * the queue asks one per pass), the chunks, Fastify's routing and auth, the store's way of
 * writing and hashing, ranges. Both sides move {@link attachmentTransferConcurrency} files at a
 * time, as the station's attachment queue does.
 */

const mb = 1_000_000;

export type TransferFigure = {
  readonly files: number;
  readonly bytes: number;
  readonly ms: number;
  readonly mbPerSecond: number;
};

export type AttachmentsFigures = {
  readonly upload: TransferFigure;
  readonly rawUpload: TransferFigure;
  readonly download: TransferFigure;
  readonly rawDownload: TransferFigure;
  readonly resume: {
    readonly fileBytes: number;
    readonly cutAtBytes: number;
    readonly chunkBytes: number;
    /** Bytes sent in all beyond the file's size: what the cut cost. */
    readonly resentBytes: number;
  };
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function figure(files: number, bytes: number, ms: number): TransferFigure {
  return { files, bytes, ms: Math.round(ms), mbPerSecond: Math.round((bytes / mb / ms) * 1000) };
}

/**
 * The raw sink: PUT /NAME streams to a file while hashing it, flushed to the disk before the
 * answer; GET /NAME streams the file back.
 */
async function startRawSink(folder: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const name = (request.url ?? '').replace(/[^0-9a-f]/g, '');
    const path = join(folder, name);
    if (request.method === 'PUT') {
      const hash = createHash('sha256');
      request.on('data', (data: Buffer) => hash.update(data));
      // Flushed to the disk, and its name after, before it answers: what the server does too
      // before it says a blob is stored (any server that keeps what it acknowledges must).
      pipeline(request, createWriteStream(path, { flush: true }))
        .then(() => flushToDisk(folder, 'folder'))
        .then(
          () => {
            const ok = hash.digest('hex') === name;
            response.writeHead(ok ? 204 : 422).end();
          },
          () => response.writeHead(500).end(),
        );
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    pipeline(createReadStream(path), response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Runs `work` on every item, {@link attachmentTransferConcurrency} at a time, as the queue does. */
async function inLanes<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: attachmentTransferConcurrency }, lane));
}

const photoBytes = Number(process.env['FIXLINE_BENCH_PHOTO_BYTES'] ?? 3 * mb);
const photoCount = Number(process.env['FIXLINE_BENCH_PHOTOS'] ?? 100);

export async function runAttachmentsBenchmark(
  serverUrl: string,
  deviceToken: string,
  log: (line: string) => void,
): Promise<AttachmentsFigures> {
  const photos = Array.from({ length: photoCount }, () => {
    const bytes = new Uint8Array(randomBytes(photoBytes));
    return { bytes, sha256: sha256(bytes) };
  });
  const total = photoCount * photoBytes;
  const requests = blobRequestsOver(nodeSyncFetch);
  const addressOf = (hash: string): BlobAddress => ({ serverUrl, deviceToken, sha256: hash });
  const sinkFolder = await mkdtemp(join(tmpdir(), 'fixline-bench-sink-'));
  const sink = await startRawSink(sinkFolder);
  try {
    // Alternated by rounds of ten photos, each side first in every other round, so that neither
    // side always runs on a warmer (or busier) machine.
    let uploadMs = 0;
    let rawUploadMs = 0;
    let downloadMs = 0;
    let rawDownloadMs = 0;
    const roundPhotos = 10;
    const station = async (from: number, to: number) => {
      let startedMs = performance.now();
      // As a pass of the attachment queue: one question about the round's files, then each.
      const standing = await askStanding(
        requests,
        { serverUrl, deviceToken },
        photos.slice(from, to).map((photo) => photo.sha256),
      );
      await inLanes(photos.slice(from, to), async (photo) => {
        const outcome = await uploadBlob(requests, {
          address: addressOf(photo.sha256),
          size: photo.bytes.byteLength,
          read: async (start, end) => photo.bytes.subarray(start, end),
          standing: standing.get(photo.sha256),
        });
        if (outcome.kind !== 'uploaded' || outcome.skipped)
          throw new Error(`upload: ${JSON.stringify(outcome)}`);
      });
      uploadMs += performance.now() - startedMs;
      startedMs = performance.now();
      await inLanes(photos.slice(from, to), async (photo) => {
        const hash = createHash('sha256');
        const outcome = await downloadBlob(requests, {
          address: addressOf(photo.sha256),
          received: 0,
          onBytes: (bytes) => void hash.update(bytes),
        });
        if (outcome.kind !== 'downloaded' || hash.digest('hex') !== photo.sha256)
          throw new Error(`download: ${JSON.stringify(outcome)}`);
      });
      downloadMs += performance.now() - startedMs;
    };
    const raw = async (from: number, to: number) => {
      let startedMs = performance.now();
      await inLanes(photos.slice(from, to), async (photo) => {
        const answer = await syncServerFetch(`${sink.url}/${photo.sha256}`, {
          method: 'PUT',
          body: photo.bytes,
        });
        if (answer.status !== 204) throw new Error(`raw upload: HTTP ${answer.status}`);
      });
      rawUploadMs += performance.now() - startedMs;
      startedMs = performance.now();
      await inLanes(photos.slice(from, to), async (photo) => {
        const answer = await syncServerFetch(`${sink.url}/${photo.sha256}`);
        const hash = createHash('sha256').update(new Uint8Array(await answer.arrayBuffer()));
        if (hash.digest('hex') !== photo.sha256) throw new Error('raw download: other bytes');
      });
      rawDownloadMs += performance.now() - startedMs;
    };
    for (let from = 0; from < photoCount; from += roundPhotos) {
      const to = Math.min(from + roundPhotos, photoCount);
      const rawFirst = (from / roundPhotos) % 2 === 0;
      await (rawFirst ? raw : station)(from, to);
      await (rawFirst ? station : raw)(from, to);
    }
    const figures = {
      upload: figure(photoCount, total, uploadMs),
      rawUpload: figure(photoCount, total, rawUploadMs),
      download: figure(photoCount, total, downloadMs),
      rawDownload: figure(photoCount, total, rawDownloadMs),
      resume: await resumeAfterCut(serverUrl, deviceToken, log),
    };
    return figures;
  } finally {
    await new Promise((resolve) => sink.server.close(resolve));
    await rm(sinkFolder, { recursive: true, force: true });
  }
}

/**
 * A 64 MiB upload whose connection is cut once ~40% of the file has gone out (partway through
 * a chunk: its request's socket is destroyed after the bytes up to the cut were written), then
 * resumed as the attachment queue does, by a new uploadBlob. Counts the bytes sent in all.
 */
async function resumeAfterCut(
  serverUrl: string,
  deviceToken: string,
  log: (line: string) => void,
): Promise<AttachmentsFigures['resume']> {
  const size = 64 * 1024 * 1024;
  const cutAt = Math.round(size * 0.4);
  const bytes = new Uint8Array(randomBytes(size));
  const address: BlobAddress = { serverUrl, deviceToken, sha256: sha256(bytes) };
  let sent = 0;
  let cut = false;
  const fetchSync: SyncFetch = (request) => {
    const body = request.body;
    if (request.method !== 'PATCH' || !(body instanceof Uint8Array)) return nodeSyncFetch(request);
    const offset = Number(request.headers[uploadOffsetHeader]);
    if (cut || offset + body.byteLength <= cutAt) {
      sent += body.byteLength;
      return nodeSyncFetch(request);
    }
    cut = true;
    const part = body.subarray(0, cutAt - offset);
    sent += part.byteLength;
    return {
      response: cutRequest(request.url, request.headers, body.byteLength, part),
      abort: () => undefined,
    };
  };
  const requests = blobRequestsOver(fetchSync);
  const options = {
    address,
    size,
    read: async (start: number, end: number) => bytes.subarray(start, end),
  };
  const first = await uploadBlob(requests, options);
  if (first.kind !== 'unreachable') throw new Error(`the cut upload: ${JSON.stringify(first)}`);
  // The station notices the drop and tries again a moment later, as its attachment queue does
  // (a few times: the server may still be closing the cut chunk's file when the first comes).
  let second: UploadOutcome = first;
  for (let attempt = 0; attempt < 5 && second.kind !== 'uploaded'; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    second = await uploadBlob(requests, options);
    log(`resume: attempt ${attempt + 1}: ${JSON.stringify(second)}`);
  }
  if (second.kind !== 'uploaded' || second.skipped)
    throw new Error(`the resumed upload: ${JSON.stringify(second)}`);
  const stored = await blobRequestsOver(nodeSyncFetch).head(address);
  if (stored.kind !== 'stored' || stored.size !== size)
    throw new Error(`after the resume: ${JSON.stringify(stored)}`);
  log(`resume: cut at ${cutAt}, ${sent} bytes sent for a ${size}-byte file`);
  return {
    fileBytes: size,
    cutAtBytes: cutAt,
    chunkBytes: defaultBlobChunkBytes,
    resentBytes: sent - size,
  };
}

/** A PATCH of `length` bytes that writes `part` of them, then loses its connection. */
function cutRequest(
  url: string,
  headers: Record<string, string>,
  length: number,
  part: Uint8Array,
): Promise<never> {
  return new Promise((_resolve, reject) => {
    const request = httpRequest(url, {
      method: 'PATCH',
      headers: { ...headers, 'content-length': String(length) },
    });
    request.on('error', () => undefined);
    request.write(part, () => {
      // Long enough for the bytes to reach the server, as a dropped Wi-Fi link would leave them.
      setTimeout(() => {
        request.destroy();
        reject(new Error('connection reset (the benchmark cut it)'));
      }, 100);
    });
  });
}
