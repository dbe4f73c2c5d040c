import { z } from 'zod';
import { isoDateTimeSchema, recordIdSchema, sha256Schema, textSchema } from './primitives';
import { evidenceKindSchema } from './vocabulary';
import type { EvidenceKind } from './vocabulary';

/** A media type (MIME) in lower case, `type/subtype`, e.g. `image/jpeg`, `video/mp4`, `application/pdf`. */
export const mediaTypeSchema = z
  .string()
  .regex(/^(application|audio|image|text|video)\/[a-z0-9][a-z0-9.+-]*$/, {
    error: 'expected a media type such as "image/jpeg", "video/mp4" or "application/pdf"',
  });
export type MediaType = z.infer<typeof mediaTypeSchema>;

/**
 * A file name without any folder: at most 255 characters, no `/` or `\`. The bytes are stored
 * by digest, so the name is only shown and used when the file is saved again.
 */
export const fileNameSchema = textSchema
  .max(255, { error: 'expected a file name of at most 255 characters' })
  .regex(/^[^/\\]+$/, { error: 'expected a file name without a folder (no "/" or "\\")' });

/** The media types a kind of evidence may have, so that a "photo" counted for B3 is a photo. */
function mediaTypeFits(kind: EvidenceKind, mediaType: string): boolean {
  switch (kind) {
    case 'product-photo':
    case 'packaging-photo':
      return mediaType.startsWith('image/');
    case 'video':
      return mediaType.startsWith('video/');
    case 'receipt':
    case 'carrier-damage-proof':
      return mediaType.startsWith('image/') || mediaType === 'application/pdf';
  }
}

/**
 * The metadata of a photo, video or document attached to a claim. The bytes live in the
 * content-addressed store under `sha256`; `sizeBytes` is their length in bytes.
 * Invariant: the media type fits the kind (photos are `image/*`, videos `video/*`, receipts and
 * carrier proofs an image or a PDF). `capturedBy` is the technician who added it.
 * `thumbnailSha256` and `thumbnailSizeBytes` name the small JPEG preview the capturing station made
 * of an image (its own content-addressed file, synced before the original so other stations show it
 * while the original is still coming); both or neither, and absent on evidence captured before them.
 */
export const evidenceSchema = z
  .object({
    id: recordIdSchema,
    claimId: recordIdSchema,
    kind: evidenceKindSchema,
    sha256: sha256Schema,
    sizeBytes: z
      .number({ error: 'expected a size in bytes' })
      .int({ error: 'expected a whole number of bytes' })
      .min(0, { error: 'expected a size of zero bytes or more' }),
    mediaType: mediaTypeSchema,
    fileName: fileNameSchema,
    capturedAt: isoDateTimeSchema,
    capturedBy: recordIdSchema,
    thumbnailSha256: sha256Schema.optional(),
    thumbnailSizeBytes: z
      .int({ error: 'expected a whole number of bytes' })
      .min(1, { error: 'expected a thumbnail of one byte or more' })
      .optional(),
  })
  .refine(
    (evidence) =>
      (evidence.thumbnailSha256 === undefined) === (evidence.thumbnailSizeBytes === undefined),
    {
      error: 'expected both a thumbnail’s SHA-256 and its size, or neither',
      path: ['thumbnailSha256'],
    },
  )
  .refine(
    (evidence) =>
      // A malformed media type is already refused above; judging its fit would say it twice.
      !mediaTypeSchema.safeParse(evidence.mediaType).success ||
      mediaTypeFits(evidence.kind, evidence.mediaType),
    {
      error:
        'expected a media type that fits the kind of evidence (a photo is an image, a video a video)',
      path: ['mediaType'],
    },
  );
export type Evidence = z.infer<typeof evidenceSchema>;
