import type { Sha256 } from '#shared/domain/primitives';
import type { FixlineDatabase } from './database';
import type { AttachmentBlobRow, StoredAttachment, Thumbnail } from './records';
import type { ThumbnailAnswer, ThumbnailRequest } from './thumbnail';
import { thumbnailMaxPixels, thumbnailMediaType } from './thumbnail';
import { runGuardedWrite } from './writeGuard';

/**
 * How long the worker may take over one image before it is given up: a decoder stuck on a
 * damaged file must not hold back every thumbnail after it.
 */
export const thumbnailTimeoutMs = 30_000;

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, (thumbnail: Thumbnail | undefined) => void>();

function stopWorker(): void {
  for (const settle of waiting.values()) settle(undefined);
  waiting.clear();
  worker?.terminate();
  worker = undefined;
}

function thumbnailWorker(): Worker {
  if (worker === undefined) {
    worker = new Worker(new URL('./thumbnailWorker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<ThumbnailAnswer>) => {
      waiting.get(event.data.id)?.(event.data.thumbnail);
      waiting.delete(event.data.id);
    });
    // A worker that fails to start or crashes (out of memory on a huge image) makes no
    // thumbnail; a fresh one takes the next image.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      console.warn('Fixline: the thumbnail worker failed', event.message);
      stopWorker();
    });
  }
  return worker;
}

/** What makes thumbnails where there is no Web Worker (Node), if anything. */
let makerWithoutWorker: ((image: Blob) => Promise<Thumbnail | undefined>) | undefined;

/**
 * Makes thumbnails with `maker` where there is no Web Worker: Node, whose tests on fake
 * IndexedDB otherwise get none (it has no image decoder either). `undefined` turns it off.
 */
export function makeThumbnailsWithoutWorker(
  maker: ((image: Blob) => Promise<Thumbnail | undefined>) | undefined,
): void {
  makerWithoutWorker = maker;
}

/** A thumbnail made in the thumbnail worker; undefined when it could not be made in time. */
function makeThumbnailInWorker(image: Blob): Promise<Thumbnail | undefined> {
  // Node (the unit tests' fake IndexedDB) has no Web Workers: no thumbnails there.
  if (typeof Worker === 'undefined')
    return makerWithoutWorker === undefined
      ? Promise.resolve(undefined)
      : makerWithoutWorker(image);
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.warn(
        `Fixline: a thumbnail took over ${thumbnailTimeoutMs} ms; restarting its worker`,
      );
      stopWorker();
    }, thumbnailTimeoutMs);
    waiting.set(id, (thumbnail) => {
      clearTimeout(timer);
      resolve(thumbnail);
    });
    const request: ThumbnailRequest = { id, image, maxPixels: thumbnailMaxPixels };
    thumbnailWorker().postMessage(request);
  });
}

/** The thumbnails queued or being made, by database and digest: each ends when written or given up. */
const queued = new Map<string, Promise<void>>();
/** The end of the queue: thumbnails are made one at a time, leaving a core to the page. */
let queueEnd: Promise<void> = Promise.resolve();

/** Hears that a file stored in `db` under `sha256` was given its thumbnail, once written. */
export type ThumbnailMadeListener = (db: FixlineDatabase, sha256: Sha256) => void;

const thumbnailMadeListeners = new Set<ThumbnailMadeListener>();

/**
 * Calls `listener` each time a thumbnail made here is written (the station core names it in the
 * evidence recorded before it existed); returns what stops it.
 */
export function onThumbnailMade(listener: ThumbnailMadeListener): () => void {
  thumbnailMadeListeners.add(listener);
  return () => thumbnailMadeListeners.delete(listener);
}

async function addThumbnail(db: FixlineDatabase, sha256: Sha256, image: Blob): Promise<void> {
  const thumbnail = await makeThumbnailInWorker(image);
  if (thumbnail === undefined) return;
  const thumbnailSha256 = await sha256OfBytes(thumbnail.blob);
  const written = await runGuardedWrite(
    db,
    ['attachments', 'attachmentBlobs'],
    async (transaction) => {
      const attachments = transaction.table<StoredAttachment, string>('attachments');
      const stored = await attachments.get(sha256);
      // Gone (collected) or already given one: nothing to add.
      if (stored === undefined || stored.thumbnail !== undefined) return false;
      await attachments.put({ ...stored, thumbnail, thumbnailSha256 });
      // The thumbnail's bytes as a file of their own too, so they sync as a small blob.
      if ((await attachments.get(thumbnailSha256)) === undefined) {
        await transaction
          .table<AttachmentBlobRow, string>('attachmentBlobs')
          .put({ sha256: thumbnailSha256, blob: thumbnail.blob });
        await attachments.add({
          sha256: thumbnailSha256,
          sizeBytes: thumbnail.blob.size,
          mediaType: thumbnailMediaType,
          storedAt: stored.storedAt,
        });
      }
      return true;
    },
  );
  // Told once the write committed, so what a listener reads sees the thumbnail.
  if (written) for (const listener of thumbnailMadeListeners) listener(db, sha256);
}

/**
 * The thumbnail stored here under `thumbnailSha256` (one another station made, downloaded), with
 * its size in pixels; undefined when its bytes are not here or cannot be decoded (and in Node,
 * which has no image decoder). Decoding a thumbnail costs a fraction of decoding its photo.
 */
export async function readStoredThumbnail(
  db: FixlineDatabase,
  thumbnailSha256: Sha256,
): Promise<Thumbnail | undefined> {
  const blob = (await db.attachmentBlobs.get(thumbnailSha256))?.blob;
  if (blob === undefined || typeof createImageBitmap !== 'function') return undefined;
  try {
    const bitmap = await createImageBitmap(blob);
    const thumbnail = { blob, width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return thumbnail;
  } catch {
    return undefined;
  }
}

/** The SHA-256 of a small Blob (a thumbnail), read whole. */
async function sha256OfBytes(blob: Blob): Promise<Sha256> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Waits until the thumbnail of `sha256` queued here is written or given up, for at most
 * `timeoutMs`; at once when none is queued.
 */
export async function thumbnailSettled(
  db: FixlineDatabase,
  sha256: Sha256,
  timeoutMs: number,
): Promise<void> {
  const pending = queued.get(`${db.name}/${sha256}`);
  if (pending === undefined) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    pending,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
}

/**
 * Queues a thumbnail of stored image bytes, made in a Web Worker and written to the attachment's
 * record when ready; screens show a placeholder until then. Call it once the bytes are stored.
 * A failure (an image the browser cannot decode, a full disk) leaves the attachment without a
 * thumbnail and is never reported as a failed save.
 */
export function addThumbnailLater(db: FixlineDatabase, sha256: Sha256, image: Blob): void {
  const key = `${db.name}/${sha256}`;
  if (queued.has(key)) return;
  const done = queueEnd
    .then(() => addThumbnail(db, sha256, image))
    .catch((error: unknown) => {
      console.warn(`Fixline could not add the thumbnail of ${sha256}`, error);
    })
    .finally(() => queued.delete(key));
  queued.set(key, done);
  queueEnd = done;
}

/** Resolves once every queued thumbnail is written or given up (tests and benchmarks wait on it). */
export async function thumbnailsSettled(): Promise<void> {
  let end: Promise<void>;
  do {
    end = queueEnd;
    await end;
  } while (end !== queueEnd);
}
