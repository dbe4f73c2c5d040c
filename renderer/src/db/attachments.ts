import Dexie from 'dexie';
import type { Collection, Table, Transaction } from 'dexie';
import { createSHA256 } from 'hash-wasm';
import type { IsoDateTime, Sha256 } from '#shared/domain/primitives';
import type { Result } from '#shared/domain/result';
import { fail, ok } from '#shared/domain/result';
import { addThumbnailLater, readStoredThumbnail } from './backgroundThumbnails';
import type { FixlineDatabase } from './database';
import type {
  AttachmentCollectionSettingsRow,
  AttachmentBlobRow,
  AttachmentUploadRow,
  DraftRow,
  PartialDownloadRow,
  SettingsRow,
  StoredAttachment,
  StoredEvidence,
} from './records';
import { storageFailure } from './repositories/repositoryError';
import { runGuardedWrite } from './writeGuard';

export { makeThumbnail, thumbnailMaxPixels } from './thumbnail';
export {
  makeThumbnailsWithoutWorker,
  onThumbnailMade,
  thumbnailSettled,
  thumbnailsSettled,
} from './backgroundThumbnails';

/**
 * The largest file the store takes: 2 GiB. A phone video of an unboxing is a few hundred MB;
 * beyond 2 GiB, Chromium's Blob storage and a sync upload both get unreliable.
 */
export const maxAttachmentBytes = 2 * 1024 ** 3;

/**
 * How much of a file is read at a time while hashing: large enough that the per-read overhead
 * vanishes, small enough that two chunks in flight (one read, one hashed) cost little memory.
 */
export const hashChunkBytes = 8 * 1024 ** 2;

/**
 * The largest file hashed whole by WebCrypto: 256 MiB. `crypto.subtle.digest` is native SHA-256
 * but takes the whole file in memory at once (it has no incremental form), so a larger video is
 * streamed through hash-wasm in chunks instead.
 */
export const wholeFileHashMaxBytes = 256 * 1024 ** 2;

/** How many files are hashed and stored at once: enough to overlap reading, hashing and writing. */
export const attachmentStoreConcurrency = 3;

/** Options of {@link sha256OfBlob}. */
export type HashOptions = {
  /** Bytes read at a time when streaming (default {@link hashChunkBytes}). */
  readonly chunkBytes?: number;
  /** The largest file hashed whole by WebCrypto (default {@link wholeFileHashMaxBytes}). */
  readonly wholeFileMaxBytes?: number;
  /**
   * Called after each chunk with the bytes read so far (`chunkBytes` is the most at once); a file
   * hashed whole is one chunk.
   */
  readonly onChunkRead?: (chunkBytes: number, hashedBytes: number, totalBytes: number) => void;
};

function hexOf(digest: ArrayBuffer): Sha256 {
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The SHA-256 of a Blob as 64 lower-case hex digits. A file of at most `wholeFileMaxBytes` is
 * hashed by WebCrypto in one call; a larger one (or any, where WebCrypto is missing: a page served
 * over plain http to another machine is no secure context) is read in chunks through hash-wasm,
 * so that a 500 MB video is never in memory at once.
 */
export async function sha256OfBlob(blob: Blob, options: HashOptions = {}): Promise<Sha256> {
  const chunkBytes = options.chunkBytes ?? hashChunkBytes;
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1) {
    throw new RangeError(`chunkBytes must be a whole number of 1 or more, got ${chunkBytes}`);
  }
  // Only a secure context has `crypto.subtle` at all.
  const subtle = 'subtle' in crypto ? crypto.subtle : undefined;
  if (subtle !== undefined && blob.size <= (options.wholeFileMaxBytes ?? wholeFileHashMaxBytes)) {
    const digest = await subtle.digest('SHA-256', await blob.arrayBuffer());
    options.onChunkRead?.(blob.size, blob.size, blob.size);
    return hexOf(digest);
  }
  return streamSha256(blob, chunkBytes, options.onChunkRead);
}

/** The SHA-256 of a Blob through hash-wasm, the next chunk read while the current one is hashed. */
async function streamSha256(
  blob: Blob,
  chunkBytes: number,
  onChunkRead: HashOptions['onChunkRead'],
): Promise<Sha256> {
  const hasher = await createSHA256();
  hasher.init();
  const readChunk = async (offset: number) =>
    new Uint8Array(
      await blob.slice(offset, Math.min(offset + chunkBytes, blob.size)).arrayBuffer(),
    );
  let offset = 0;
  let pending = blob.size > 0 ? readChunk(0) : undefined;
  while (pending !== undefined) {
    const bytes = await pending;
    offset += bytes.byteLength;
    pending = offset < blob.size ? readChunk(offset) : undefined;
    hasher.update(bytes);
    onChunkRead?.(bytes.byteLength, offset, blob.size);
  }
  return hasher.digest('hex');
}

/** "2 GiB", "1.5 MiB", "512 bytes": a size as a person reads it. */
export function formatByteSize(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 ? String(value) : String(Math.round(value * 10) / 10);
  return `${rounded} ${units[unit] ?? 'bytes'}`;
}

/** Options of {@link storeAttachment}. */
export type StoreAttachmentOptions = HashOptions & {
  /** The media type, when the Blob's own `type` is missing or wrong. */
  readonly mediaType?: string;
  /** The size limit (default {@link maxAttachmentBytes}); tests pass a small one. */
  readonly maxBytes?: number;
  /** The clock, in milliseconds since the epoch. */
  readonly now?: () => number;
  /**
   * The file was assembled from the ranges of a download kept in `partialDownloads`, and its
   * bytes were checked against this name already: it is stored under it without hashing again,
   * and the ranges are removed in the transaction that stores it, so a restart never finds both
   * or neither.
   */
  readonly completesDownloadOf?: Sha256;
  /** The file is a thumbnail another station made (downloaded): it gets no thumbnail of its own. */
  readonly isThumbnail?: boolean;
  /**
   * The thumbnail the capturing station made of this file, if its bytes are here already
   * (downloaded before the original): the file takes it instead of having one made again.
   */
  readonly madeThumbnail?: Sha256;
};

/** Why a file was not stored. */
export type AttachmentError =
  | {
      readonly code: 'too-large';
      readonly message: string;
      /** The file's size and the store's limit, for the screen's own sentence. */
      readonly sizeBytes: number;
      readonly maxBytes: number;
    }
  | { readonly code: 'storage-full'; readonly message: string };

/** A stored file: its metadata, and whether the same bytes were already in the store. */
export type StoredAttachmentResult = {
  readonly attachment: StoredAttachment;
  readonly alreadyStored: boolean;
};

/**
 * Stores a file's bytes once by their SHA-256, apart from the synced rows. Storing the same bytes
 * again stores nothing and returns what is stored. Refuses a file over the size limit before
 * reading any of it. The Blob itself goes into IndexedDB, which in Chromium keeps it on disk
 * rather than in memory. An image's thumbnail is made afterwards, in the background, once the
 * bytes are stored (see {@link addThumbnailLater}): the result has none yet.
 */
export async function storeAttachment(
  db: FixlineDatabase,
  file: Blob,
  options: StoreAttachmentOptions = {},
): Promise<Result<StoredAttachmentResult, AttachmentError>> {
  const maxBytes = options.maxBytes ?? maxAttachmentBytes;
  const fileName = file instanceof File ? `"${file.name}"` : 'The file';
  if (file.size > maxBytes) {
    return fail({
      code: 'too-large',
      sizeBytes: file.size,
      maxBytes,
      message: `${fileName} is ${formatByteSize(file.size)}, over the limit of ${formatByteSize(maxBytes)} for an attachment: shorten the video or lower its resolution, then attach it again.`,
    });
  }
  const completesPartialDownload = options.completesDownloadOf !== undefined;
  const sha256 = options.completesDownloadOf ?? (await sha256OfBlob(file, options));
  const mediaType = (options.mediaType ?? file.type).toLowerCase() || 'application/octet-stream';
  // A slice is a plain Blob over the same bytes: the store keeps no file name, since the same
  // bytes may arrive under several.
  const blob = file.slice(0, file.size, mediaType);
  const already = await db.attachments.get(sha256);
  const isThumbnail = options.isThumbnail === true;
  if (already !== undefined && !completesPartialDownload)
    return ok(
      isThumbnail
        ? { attachment: already, alreadyStored: true }
        : thumbnailLater(db, blob, already, true),
    );

  const madeThumbnail =
    options.madeThumbnail === undefined
      ? undefined
      : await readStoredThumbnail(db, options.madeThumbnail);
  const attachment: StoredAttachment = {
    sha256,
    sizeBytes: file.size,
    mediaType,
    storedAt: new Date((options.now ?? Date.now)()).toISOString(),
    ...(madeThumbnail === undefined || options.madeThumbnail === undefined
      ? {}
      : { thumbnail: madeThumbnail, thumbnailSha256: options.madeThumbnail }),
  };
  let stored: StoredAttachment | undefined;
  try {
    const tables = ['attachments', 'attachmentBlobs'] as const;
    stored = await runGuardedWrite(
      db,
      completesPartialDownload ? [...tables, 'partialDownloads'] : [...tables],
      async (transaction) => {
        if (completesPartialDownload)
          await partialDownloadRows(transaction.table('partialDownloads'), sha256).delete();
        // Someone may have stored the same bytes while these were being hashed.
        const attachments = transaction.table<StoredAttachment, string>('attachments');
        const earlier = await attachments.get(sha256);
        if (earlier !== undefined) return earlier;
        await transaction.table<AttachmentBlobRow, string>('attachmentBlobs').add({ sha256, blob });
        await attachments.add(attachment);
        return undefined;
      },
    );
  } catch (error) {
    const failure = storageFailure(error);
    if (failure?.code === 'storage-full')
      return fail({ code: 'storage-full', message: failure.message });
    throw error;
  }
  if (isThumbnail)
    return ok({ attachment: stored ?? attachment, alreadyStored: stored !== undefined });
  return ok(thumbnailLater(db, blob, stored ?? attachment, stored !== undefined));
}

/**
 * Queues the thumbnail of a stored image that has none: made now for new bytes, or again for
 * bytes whose earlier attempt was cut short (the window closed before it was written).
 */
function thumbnailLater(
  db: FixlineDatabase,
  blob: Blob,
  attachment: StoredAttachment,
  alreadyStored: boolean,
): StoredAttachmentResult {
  if (attachment.mediaType.startsWith('image/') && attachment.thumbnail === undefined) {
    addThumbnailLater(db, attachment.sha256, blob);
  }
  return { attachment, alreadyStored };
}

/** A file to store, with the media type when the Blob's own `type` is missing or wrong. */
export type AttachmentToStore = { readonly file: Blob; readonly mediaType?: string };

/** Options of {@link storeAttachments}. */
export type StoreAttachmentsOptions = Omit<StoreAttachmentOptions, 'mediaType'> & {
  /** How many files are stored at once (default {@link attachmentStoreConcurrency}). */
  readonly concurrency?: number;
  /** Called as each file is stored or refused, with its position in `files`. */
  readonly onStored?: (
    result: Result<StoredAttachmentResult, AttachmentError>,
    index: number,
  ) => void;
};

/**
 * Stores several files ({@link storeAttachment} each), `concurrency` at a time, so that one
 * file's bytes are written while the next is read and hashed. Answers each file's result in the
 * order of `files`. One file failing unexpectedly does not stop the others: the first such error
 * is thrown once every file has been tried.
 */
export async function storeAttachments(
  db: FixlineDatabase,
  files: readonly AttachmentToStore[],
  options: StoreAttachmentsOptions = {},
): Promise<Result<StoredAttachmentResult, AttachmentError>[]> {
  const { concurrency = attachmentStoreConcurrency, onStored, ...storeOptions } = options;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number of 1 or more, got ${concurrency}`);
  }
  const results: Result<StoredAttachmentResult, AttachmentError>[] = [];
  const errors: unknown[] = [];
  let next = 0;
  const storeNext = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const item = files[index];
      if (item === undefined) continue;
      try {
        const result = await storeAttachment(db, item.file, {
          ...storeOptions,
          ...(item.mediaType === undefined ? {} : { mediaType: item.mediaType }),
        });
        results[index] = result;
        onStored?.(result, index);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, storeNext));
  if (errors.length > 0) throw errors[0];
  return results;
}

/** The bytes stored under `sha256`; undefined when they are not on this station. */
export async function readAttachment(
  db: FixlineDatabase,
  sha256: Sha256,
): Promise<Blob | undefined> {
  return (await db.attachmentBlobs.get(sha256))?.blob;
}

/**
 * How long stored bytes that no record refers to are kept: a file dropped into a form is stored
 * at once, before the form is saved, and a draft may wait days for its customer to come back.
 */
export const unreferencedAttachmentGraceMs = 7 * 24 * 60 * 60 * 1000;

/** How many files one transaction of a collection judges, so others are never held up long. */
const collectionPageFiles = 500;

/** Options of {@link collectUnreferencedAttachments}. */
export type CollectAttachmentsOptions = {
  /** The clock, in milliseconds since the epoch. */
  readonly now?: () => number;
  /** How long unreferenced bytes are kept (default {@link unreferencedAttachmentGraceMs}). */
  readonly graceMs?: number;
  /** How many files a transaction judges (default {@link collectionPageFiles}). */
  readonly pageFiles?: number;
};

/** What {@link collectUnreferencedAttachments} removed. */
export type CollectedAttachments = { readonly files: number; readonly bytes: number };

/** The SHA-256 digests written anywhere in a draft's value (its attached files). */
function digestsIn(value: unknown): string[] {
  return JSON.stringify(value ?? null).match(/\b[0-9a-f]{64}\b/g) ?? [];
}

/**
 * Removes stored files that no evidence record (live or deleted, which a sync may still need) and
 * no draft refers to, once they are older than the grace period: a file dropped into a form that
 * was then discarded, or whose save failed. A thumbnail's own file stays while its original does.
 *
 * Each run judges only the files that passed the grace period since the last one, oldest first,
 * a page a transaction (so a file cannot gain a reference while it is judged), and again the few
 * it kept for a draft or an original that may still go. A file that evidence names is kept for
 * good: evidence rows are never removed. Its progress is the settings row `attachment-collection`.
 */
export async function collectUnreferencedAttachments(
  db: FixlineDatabase,
  options: CollectAttachmentsOptions = {},
): Promise<CollectedAttachments> {
  const cutoff = new Date(
    (options.now ?? Date.now)() - (options.graceMs ?? unreferencedAttachmentGraceMs),
  ).toISOString();
  let files = 0;
  let bytes = 0;
  for (;;) {
    const page = await runGuardedWrite(
      db,
      ['attachments', 'attachmentBlobs', 'evidence', 'drafts', 'settings'],
      (transaction) => collectPage(transaction, cutoff, options.pageFiles ?? collectionPageFiles),
    );
    files += page.files;
    bytes += page.bytes;
    if (page.last) return { files, bytes };
  }
}

/** What becomes of a file a collection judges; a later fate wins over an earlier one. */
const fates = ['gone', 'recheck', 'kept'] as const;
type Fate = (typeof fates)[number];
const laterFate = (a: Fate, b: Fate): Fate => (fates.indexOf(a) >= fates.indexOf(b) ? a : b);

/** One page of {@link collectUnreferencedAttachments}, in its transaction. */
async function collectPage(
  transaction: Transaction,
  cutoff: IsoDateTime,
  pageFiles: number,
): Promise<CollectedAttachments & { readonly last: boolean }> {
  const attachments = transaction.table<StoredAttachment, string>('attachments');
  const evidence = transaction.table<StoredEvidence, string>('evidence');
  const settings = transaction.table<SettingsRow, string>('settings');
  const progress = (await settings.get('attachment-collection')) as
    AttachmentCollectionSettingsRow | undefined;
  const fresh = await attachments
    .where('[storedAt+sha256]')
    // After the last file judged, before the first stored at the cutoff.
    .between(
      progress?.judgedThrough ?? [Dexie.minKey, Dexie.minKey],
      [cutoff, Dexie.minKey],
      false,
      false,
    )
    .limit(pageFiles)
    .toArray();
  const last = fresh.length < pageFiles;
  // The files kept for a draft or an original last time are judged again with the last page.
  const rechecked = last
    ? (await attachments.bulkGet([...(progress?.recheck ?? [])])).flatMap((row) => row ?? [])
    : [];
  const candidates = [...fresh, ...rechecked];
  const digests = candidates.map((attachment) => attachment.sha256);

  const namedByEvidence = new Set<string>(
    [
      ...(await evidence.where('sha256').anyOf(digests).keys()),
      ...(await evidence.where('thumbnailSha256').anyOf(digests).keys()),
    ].map(String),
  );
  const inDrafts = new Set<string>();
  for (const draft of await transaction.table<DraftRow, string>('drafts').toArray()) {
    for (const digest of digestsIn(draft.value)) inDrafts.add(digest);
  }
  const fate = new Map<string, Fate>(
    digests.map((digest) => [
      digest,
      namedByEvidence.has(digest) ? 'kept' : inDrafts.has(digest) ? 'recheck' : 'gone',
    ]),
  );
  // A thumbnail shares its original's fate, when that is better than its own. An original this
  // page does not judge stays for good if evidence names it; otherwise it may still go.
  const originals = await attachments.where('thumbnailSha256').anyOf(digests).toArray();
  const unjudged = originals.filter((original) => !fate.has(original.sha256));
  const unjudgedNamed = new Set<string>(
    (
      await evidence
        .where('sha256')
        .anyOf(unjudged.map((original) => original.sha256))
        .keys()
    ).map(String),
  );
  for (const original of originals) {
    const thumbnail = original.thumbnailSha256;
    const thumbnailFate = thumbnail === undefined ? undefined : fate.get(thumbnail);
    if (thumbnail === undefined || thumbnailFate === undefined) continue;
    const originalFate =
      fate.get(original.sha256) ?? (unjudgedNamed.has(original.sha256) ? 'kept' : 'recheck');
    fate.set(thumbnail, laterFate(thumbnailFate, originalFate));
  }

  const gone = candidates.filter((attachment) => fate.get(attachment.sha256) === 'gone');
  const goneDigests = gone.map((attachment) => attachment.sha256);
  await transaction.table('attachmentBlobs').bulkDelete(goneDigests);
  await attachments.bulkDelete(goneDigests);
  const recheck = new Set(last ? [] : (progress?.recheck ?? []));
  for (const digest of digests) if (fate.get(digest) === 'recheck') recheck.add(digest);
  const lastFresh = fresh.at(-1);
  const judgedThrough =
    lastFresh === undefined
      ? progress?.judgedThrough
      : ([lastFresh.storedAt, lastFresh.sha256] as const);
  if (judgedThrough !== undefined) {
    const row: AttachmentCollectionSettingsRow = {
      key: 'attachment-collection',
      judgedThrough,
      recheck: [...recheck],
    };
    await settings.put(row);
  }
  return {
    files: gone.length,
    bytes: gone.reduce((total, attachment) => total + attachment.sizeBytes, 0),
    last,
  };
}

/**
 * Notes that the sync server of center `centerId` holds the bytes under `sha256` (uploaded from
 * here, found there, or downloaded from there), so the upload queue stops asking about them.
 */
export async function markAttachmentOnServer(
  db: FixlineDatabase,
  sha256: Sha256,
  centerId: string,
  at: IsoDateTime,
): Promise<void> {
  await runGuardedWrite(db, ['attachmentUploads'], async (transaction) => {
    await transaction
      .table<AttachmentUploadRow, string>('attachmentUploads')
      .put({ sha256, centerId, uploadedAt: at });
  });
}

/** The rows of `partialDownloads` that hold ranges of the file `sha256`, in order of offset. */
function partialDownloadRows(
  table: Table<PartialDownloadRow, [string, number]>,
  sha256: Sha256,
): Collection<PartialDownloadRow, [string, number]> {
  return table.where('[sha256+offset]').between([sha256, Dexie.minKey], [sha256, Dexie.maxKey]);
}

/** A download kept on disk: its ranges from the first byte on, and how many bytes they hold. */
export type PartialDownload = { readonly parts: readonly Blob[]; readonly received: number };

/**
 * The ranges of the file `sha256` received so far, as far as they run on from the first byte
 * without a gap (a range past a gap, which a download going on from its end never writes, is
 * left out and later overwritten).
 */
export async function readPartialDownload(
  db: FixlineDatabase,
  sha256: Sha256,
): Promise<PartialDownload> {
  const parts: Blob[] = [];
  let received = 0;
  for (const row of await partialDownloadRows(db.partialDownloads, sha256).toArray()) {
    if (row.offset !== received) break;
    parts.push(row.blob);
    received += row.blob.size;
  }
  return { parts, received };
}

/** Keeps one range of a download, received at `offset`, as a Blob on disk. */
export async function keepDownloadedRange(
  db: FixlineDatabase,
  sha256: Sha256,
  offset: number,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<void> {
  await runGuardedWrite(db, ['partialDownloads'], async (transaction) => {
    await transaction
      .table<PartialDownloadRow, [string, number]>('partialDownloads')
      .put({ sha256, offset, blob: new Blob([bytes]) });
  });
}

/** Forgets what was received of the file `sha256` (its bytes were wrong: download it again). */
export async function discardPartialDownload(db: FixlineDatabase, sha256: Sha256): Promise<void> {
  await runGuardedWrite(db, ['partialDownloads'], async (transaction) => {
    await partialDownloadRows(transaction.table('partialDownloads'), sha256).delete();
  });
}
