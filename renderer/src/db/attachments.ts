import { createSHA256 } from 'hash-wasm';
import type { Sha256 } from '#shared/domain/primitives';
import type { Result } from '#shared/domain/result';
import { fail, ok } from '#shared/domain/result';
import type { FixlineDatabase } from './database';
import type { AttachmentBlobRow, DraftRow, StoredAttachment, Thumbnail } from './records';
import { storageFailure } from './repositories/repositoryError';
import { runGuardedWrite } from './writeGuard';

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

/** The longest side of a thumbnail, in pixels. */
export const thumbnailMaxPixels = 320;

/** Options of {@link sha256OfBlob}. */
export type HashOptions = {
  /** Bytes read at a time (default {@link hashChunkBytes}). */
  readonly chunkBytes?: number;
  /** Called after each chunk with the bytes read so far (`chunkBytes` is the most at once). */
  readonly onChunkRead?: (chunkBytes: number, hashedBytes: number, totalBytes: number) => void;
};

/**
 * The SHA-256 of a Blob as 64 lower-case hex digits, read in chunks, so that a 500 MB video is
 * never in memory at once. The next chunk is read while the current one is hashed.
 */
export async function sha256OfBlob(blob: Blob, options: HashOptions = {}): Promise<Sha256> {
  const chunkBytes = options.chunkBytes ?? hashChunkBytes;
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1) {
    throw new RangeError(`chunkBytes must be a whole number of 1 or more, got ${chunkBytes}`);
  }
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
    options.onChunkRead?.(bytes.byteLength, offset, blob.size);
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

/**
 * A JPEG thumbnail of an image, its longest side at most `maxPixels`, made with
 * createImageBitmap and an OffscreenCanvas (no DOM, so a worker can do it too); undefined when the
 * browser cannot decode the image (a HEIC photo, a damaged file): a missing preview is no reason
 * to refuse the evidence.
 */
export async function makeThumbnail(
  image: Blob,
  maxPixels: number = thumbnailMaxPixels,
): Promise<Thumbnail | undefined> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image, { imageOrientation: 'from-image' });
  } catch {
    return undefined;
  }
  try {
    const scale = Math.min(1, maxPixels / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (context === null) return undefined;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
}

/** Options of {@link storeAttachment}. */
export type StoreAttachmentOptions = HashOptions & {
  /** The media type, when the Blob's own `type` is missing or wrong. */
  readonly mediaType?: string;
  /** The size limit (default {@link maxAttachmentBytes}); tests pass a small one. */
  readonly maxBytes?: number;
  /** The clock, in milliseconds since the epoch. */
  readonly now?: () => number;
};

/** Why a file was not stored. */
export type AttachmentError = {
  readonly code: 'too-large' | 'storage-full';
  readonly message: string;
};

/** A stored file: its metadata, and whether the same bytes were already in the store. */
export type StoredAttachmentResult = {
  readonly attachment: StoredAttachment;
  readonly alreadyStored: boolean;
};

/**
 * Stores a file's bytes once by their SHA-256, apart from the synced rows, with a thumbnail when
 * it is an image. Storing the same bytes again stores nothing and returns what is stored. Refuses
 * a file over the size limit before reading any of it. The Blob itself goes into IndexedDB, which
 * in Chromium keeps it on disk rather than in memory.
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
      message: `${fileName} is ${formatByteSize(file.size)}, over the limit of ${formatByteSize(maxBytes)} for an attachment: shorten the video or lower its resolution, then attach it again.`,
    });
  }
  const sha256 = await sha256OfBlob(file, options);
  const already = await db.attachments.get(sha256);
  if (already !== undefined) return ok({ attachment: already, alreadyStored: true });

  const mediaType = (options.mediaType ?? file.type).toLowerCase() || 'application/octet-stream';
  const thumbnail = mediaType.startsWith('image/') ? await makeThumbnail(file) : undefined;
  const attachment: StoredAttachment = {
    sha256,
    sizeBytes: file.size,
    mediaType,
    storedAt: new Date((options.now ?? Date.now)()).toISOString(),
    ...(thumbnail === undefined ? {} : { thumbnail }),
  };
  try {
    return ok(
      await runGuardedWrite(db, ['attachments', 'attachmentBlobs'], async (transaction) => {
        // Someone may have stored the same bytes while these were being hashed.
        const stored = await transaction.table<StoredAttachment, string>('attachments').get(sha256);
        if (stored !== undefined) return { attachment: stored, alreadyStored: true };
        // A slice is a plain Blob over the same bytes: the store keeps no file name, since the
        // same bytes may arrive under several.
        const blob = file.slice(0, file.size, mediaType);
        await transaction.table<AttachmentBlobRow, string>('attachmentBlobs').add({ sha256, blob });
        await transaction.table<StoredAttachment, string>('attachments').add(attachment);
        return { attachment, alreadyStored: false };
      }),
    );
  } catch (error) {
    const failure = storageFailure(error);
    if (failure?.code === 'storage-full')
      return fail({ code: 'storage-full', message: failure.message });
    throw error;
  }
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

/** Options of {@link collectUnreferencedAttachments}. */
export type CollectAttachmentsOptions = {
  /** The clock, in milliseconds since the epoch. */
  readonly now?: () => number;
  /** How long unreferenced bytes are kept (default {@link unreferencedAttachmentGraceMs}). */
  readonly graceMs?: number;
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
 * was then discarded, or whose save failed. Runs at start-up, in one transaction, so a file cannot
 * gain a reference while it is being removed.
 */
export async function collectUnreferencedAttachments(
  db: FixlineDatabase,
  options: CollectAttachmentsOptions = {},
): Promise<CollectedAttachments> {
  const cutoff = new Date(
    (options.now ?? Date.now)() - (options.graceMs ?? unreferencedAttachmentGraceMs),
  ).toISOString();
  return runGuardedWrite(
    db,
    ['attachments', 'attachmentBlobs', 'evidence', 'drafts'],
    async (transaction) => {
      const attachments = transaction.table<StoredAttachment, string>('attachments');
      const old = await attachments.filter((attachment) => attachment.storedAt < cutoff).toArray();
      if (old.length === 0) return { files: 0, bytes: 0 };
      const referenced = new Set<string>(
        (await transaction.table('evidence').orderBy('sha256').uniqueKeys()).map(String),
      );
      for (const draft of await transaction.table<DraftRow, string>('drafts').toArray()) {
        for (const digest of digestsIn(draft.value)) referenced.add(digest);
      }
      const unreferenced = old.filter((attachment) => !referenced.has(attachment.sha256));
      const digests = unreferenced.map((attachment) => attachment.sha256);
      await transaction.table('attachmentBlobs').bulkDelete(digests);
      await attachments.bulkDelete(digests);
      return {
        files: unreferenced.length,
        bytes: unreferenced.reduce((total, attachment) => total + attachment.sizeBytes, 0),
      };
    },
  );
}
