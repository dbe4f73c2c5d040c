import { z } from 'zod';
import { isoDateTimeSchema, sha256Schema, stationCodeSchema } from '#shared/domain/primitives';
import { syncedTableNames, type TableName } from '../records';

/** The version of the ZIP layout below; a reader refuses a newer one rather than guess. */
export const backupFormatVersion = 1;

/**
 * The tables a backup carries as NDJSON, in the order they are written and restored. The bytes
 * of `attachmentBlobs` are entries of their own (see {@link attachmentEntryName}), so the table
 * is not listed; `drafts` came with schema version 3.
 */
export const recordTableNames = [
  'settings',
  'sequences',
  'outbox',
  ...syncedTableNames,
  'attachments',
  'drafts',
] as const satisfies readonly Exclude<TableName, 'attachmentBlobs'>[];
export type RecordTableName = (typeof recordTableNames)[number];

/**
 * The schema version that brought each record table a backup of an older schema has no entry for:
 * the center-wide records came with version 6 (before, the settings row held them).
 */
export const recordTableSince: Readonly<Partial<Record<RecordTableName, number>>> = {
  people: 6,
  centerSettings: 6,
};

/** What the backup is and what it holds, written last, read first. */
export const manifestEntryName = 'manifest.json';
/** How the password of an encrypted backup is derived; the one entry left unencrypted. */
export const encryptionEntryName = 'encryption.json';
/** The rows of one table, one JSON object a line. */
export const tableEntryName = (table: RecordTableName) => `tables/${table}.ndjson`;
/** The bytes of one attachment, named by their SHA-256. */
export const attachmentEntryName = (sha256: string) => `attachments/${sha256}`;
/** The JPEG preview of an image attachment, named by the attachment's SHA-256. */
export const thumbnailEntryName = (sha256: string) => `thumbnails/${sha256}`;

const countSchema = z.int().nonnegative();

/** The bytes of an entry outside the records: how many, and their SHA-256. */
const fileFactsSchema = z.object({ sha256: sha256Schema, sizeBytes: countSchema });

export const manifestSchema = z.object({
  format: z.literal('fixline-backup'),
  formatVersion: z.int().positive(),
  /** The database schema version the rows are written in (`schema/`). */
  schemaVersion: z.int().positive(),
  /** The station the backup was made on; null when it was not set up yet. */
  stationCode: stationCodeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  /** Rows of each table's NDJSON entry. */
  tables: z.partialRecord(z.enum(recordTableNames), countSchema),
  /**
   * SHA-256 of every table entry's bytes, in {@link recordTableNames} order: one changed or
   * missing byte in any record shows.
   */
  recordsSha256: sha256Schema,
  /** Each attachment's bytes, and its thumbnail's when it has one. */
  attachments: z.array(
    fileFactsSchema.extend({ mediaType: z.string(), thumbnail: fileFactsSchema.optional() }),
  ),
});
export type BackupManifest = z.infer<typeof manifestSchema>;
export type AttachmentFacts = BackupManifest['attachments'][number];

/**
 * Why a backup was refused (the screen words each code in English and Bahasa Indonesia); nothing
 * of it was restored.
 * - `not-a-backup`: neither a Fixline ZIP backup nor an older JSON one.
 * - `damaged`: the file is cut short or its bytes are corrupt (`entry` names what was unreadable).
 * - `newer-version`: made by a newer Fixline (format or schema version above this one's).
 * - `count-mismatch`: a table holds another number of rows than the manifest says.
 * - `checksum-mismatch`: the records' bytes are not the ones exported.
 * - `invalid-row`: a row breaks the domain rules (`table`, `row` from 1, `field`, `problem`).
 * - `attachment-mismatch`: an attachment is missing, or its size or SHA-256 differs.
 * - `passphrase-needed` / `wrong-passphrase`: the backup is encrypted.
 * - `database-not-empty`: the station holds data, which a restore would overwrite.
 * - `storage-full`: the disk or the browser's quota is full.
 */
export type RestoreErrorCode =
  | 'not-a-backup'
  | 'damaged'
  | 'newer-version'
  | 'count-mismatch'
  | 'checksum-mismatch'
  | 'invalid-row'
  | 'attachment-mismatch'
  | 'passphrase-needed'
  | 'wrong-passphrase'
  | 'database-not-empty'
  | 'storage-full';

/** A refused restore: the code and the values the screen words it with. */
export type RestoreError = {
  readonly code: RestoreErrorCode;
  /** English, for logs and tests; the screen words the code itself. */
  readonly message: string;
  readonly table?: string;
  /** The row, counted from 1 in its table. */
  readonly row?: number;
  readonly field?: string;
  readonly problem?: string;
  /** The ZIP entry or attachment at fault. */
  readonly entry?: string;
  readonly expected?: number;
  readonly found?: number;
};

/**
 * Thrown inside the restore (and its transaction) to refuse the backup: throwing aborts the
 * transaction, so nothing written before the problem stays.
 */
export class RestoreRefusal extends Error {
  override readonly name = 'RestoreRefusal';

  constructor(readonly error: RestoreError) {
    super(error.message);
  }
}
