import type { Sha256 } from '#shared/domain/primitives';
import type { FixlineDatabase } from './database';
import type { StoredAttachment, Thumbnail } from './records';
import type { ThumbnailAnswer, ThumbnailRequest } from './thumbnail';
import { thumbnailMaxPixels } from './thumbnail';
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

/** A thumbnail made in the thumbnail worker; undefined when it could not be made in time. */
function makeThumbnailInWorker(image: Blob): Promise<Thumbnail | undefined> {
  // Node (the unit tests' fake IndexedDB) has no Web Workers: no thumbnails there.
  if (typeof Worker === 'undefined') return Promise.resolve(undefined);
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

/** The digests whose thumbnail is queued or being made, so one is not made twice. */
const queued = new Set<string>();
/** The end of the queue: thumbnails are made one at a time, leaving a core to the page. */
let queueEnd: Promise<void> = Promise.resolve();

async function addThumbnail(db: FixlineDatabase, sha256: Sha256, image: Blob): Promise<void> {
  const thumbnail = await makeThumbnailInWorker(image);
  if (thumbnail === undefined) return;
  await runGuardedWrite(db, ['attachments'], async (transaction) => {
    const attachments = transaction.table<StoredAttachment, string>('attachments');
    const stored = await attachments.get(sha256);
    // Gone (collected) or already given one: nothing to add.
    if (stored === undefined || stored.thumbnail !== undefined) return;
    await attachments.put({ ...stored, thumbnail });
  });
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
  queued.add(key);
  queueEnd = queueEnd
    .then(() => addThumbnail(db, sha256, image))
    .catch((error: unknown) => {
      console.warn(`Fixline could not add the thumbnail of ${sha256}`, error);
    })
    .finally(() => queued.delete(key));
}

/** Resolves once every queued thumbnail is written or given up (tests and benchmarks wait on it). */
export async function thumbnailsSettled(): Promise<void> {
  let end: Promise<void>;
  do {
    end = queueEnd;
    await end;
  } while (end !== queueEnd);
}
