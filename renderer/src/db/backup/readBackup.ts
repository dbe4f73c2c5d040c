import {
  BlobReader,
  BlobWriter,
  ERR_INVALID_PASSWORD,
  TextWriter,
  ZipReader,
  type FileEntry,
} from '@zip.js/zip.js';
import { createSHA256 } from 'hash-wasm';
import { sha256OfBlob } from '../attachments';
import type { AttachmentBlobRow } from '../records';
import { currentSchemaVersion } from '../schema';
import { encryptionHeaderSchema, zipPasswordFrom } from './encryption';
import {
  attachmentEntryName,
  backupFormatVersion,
  encryptionEntryName,
  manifestEntryName,
  manifestSchema,
  recordTableNames,
  recordTableSince,
  RestoreRefusal,
  tableEntryName,
  thumbnailEntryName,
  type BackupManifest,
  type RestoreError,
} from './format';
import type { BackupSource, RowPage } from './source';

/** Rows handed over at a time: one IndexedDB `bulkAdd` each. */
const rowsPerPage = 1000;

/** A ZIP backup whose manifest was read and judged; its contents are read by {@link zipSource}. */
export type OpenedBackup = {
  readonly manifest: BackupManifest;
  readonly entries: ReadonlyMap<string, FileEntry>;
  /** The entries' ZIP password; undefined when the backup is not encrypted. */
  readonly password: string | undefined;
};

function refuse(error: RestoreError): never {
  throw new RestoreRefusal(error);
}

/** Runs a read of the ZIP, saying that the file is damaged (or cut short) when it fails. */
async function readingZip<Value>(entry: string, read: () => Promise<Value>): Promise<Value> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof RestoreRefusal) throw error;
    if (error instanceof Error && error.message === ERR_INVALID_PASSWORD) {
      return refuse({
        code: 'wrong-passphrase',
        message: 'The passphrase does not open this backup.',
      });
    }
    return refuse({
      code: 'damaged',
      entry,
      message: `The backup is damaged or cut short: ${entry} cannot be read (${String(error)}).`,
    });
  }
}

/**
 * Opens a ZIP backup: reads its directory (at the end of the file, so a file cut short is refused
 * here), derives the key when it is encrypted, and reads and judges the manifest.
 * @throws RestoreRefusal with the first problem.
 */
export async function openZipBackup(file: Blob, passphrase: string | null): Promise<OpenedBackup> {
  const reader = new ZipReader(new BlobReader(file), { useWebWorkers: false });
  const entries = new Map<string, FileEntry>();
  for (const entry of await readingZip('the directory', () => reader.getEntries())) {
    if (!entry.directory) entries.set(entry.filename, entry);
  }
  const readText = (name: string, password?: string) => {
    const entry = entries.get(name);
    if (entry === undefined) {
      return refuse({
        code: 'not-a-backup',
        entry: name,
        message: `This ZIP file is not a Fixline backup: it has no ${name}.`,
      });
    }
    return readingZip(name, () => entry.getData(new TextWriter(), { password }));
  };
  let password: string | undefined;
  if (entries.has(encryptionEntryName)) {
    if (passphrase === null || passphrase === '') {
      refuse({
        code: 'passphrase-needed',
        message: 'This backup is encrypted: give its passphrase.',
      });
    }
    const header = encryptionHeaderSchema.safeParse(parseJson(await readText(encryptionEntryName)));
    if (!header.success) {
      refuse({
        code: 'damaged',
        entry: encryptionEntryName,
        message: 'The encryption header is damaged.',
      });
    }
    password = await zipPasswordFrom(passphrase, header.data);
  }
  const manifest = manifestSchema.safeParse(parseJson(await readText(manifestEntryName, password)));
  if (!manifest.success) {
    return refuse({
      code: 'not-a-backup',
      entry: manifestEntryName,
      message: `This file is not a Fixline backup: its manifest is not one (${manifest.error.issues[0]?.message ?? ''}).`,
    });
  }
  const { formatVersion, schemaVersion } = manifest.data;
  if (formatVersion > backupFormatVersion || schemaVersion > currentSchemaVersion) {
    refuse({
      code: 'newer-version',
      message: `This backup was made by a newer Fixline (format ${formatVersion}, schema ${schemaVersion}); this one reads up to format ${backupFormatVersion}, schema ${currentSchemaVersion}.`,
    });
  }
  return { manifest: manifest.data, entries, password };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The rows and attachments of an opened backup, checked as they are read: each table's row count
 * against the manifest (so a table cut short shows), the records' SHA-256 after the last table,
 * each attachment's and thumbnail's size and SHA-256. Rows are handed over as parsed JSON; the
 * caller judges them against the domain.
 */
export function zipSource(backup: OpenedBackup): BackupSource {
  const { manifest, entries, password } = backup;
  const entryNamed = (name: string) =>
    entries.get(name) ??
    refuse({
      code: 'damaged',
      entry: name,
      message: `The backup has no ${name}: it is incomplete.`,
    });

  const readBlob = (name: string, mediaType: string) =>
    readingZip(name, () => entryNamed(name).getData(new BlobWriter(mediaType), { password }));

  async function checkedBlob(
    name: string,
    facts: { sha256: string; sizeBytes: number },
    mediaType: string,
  ): Promise<Blob> {
    const blob = await readBlob(name, mediaType);
    if (blob.size !== facts.sizeBytes || (await sha256OfBlob(blob)) !== facts.sha256) {
      refuse({
        code: 'attachment-mismatch',
        entry: name,
        message: `The bytes of ${name} are not the ones exported (size or SHA-256 differs).`,
      });
    }
    return blob;
  }

  const thumbnailFacts = new Map(
    manifest.attachments.flatMap((facts) =>
      facts.thumbnail === undefined ? [] : [[facts.sha256, facts.thumbnail] as const],
    ),
  );

  const attachmentsInBackup = new Set(manifest.attachments.map((facts) => facts.sha256));

  /**
   * An attachment's metadata row with its thumbnail's bytes put back; refused when the backup
   * does not carry the attachment's bytes (evidence would point at nothing).
   */
  async function withThumbnail(row: Record<string, unknown>): Promise<Record<string, unknown>> {
    const thumbnail = row['thumbnail'];
    const sha256 = row['sha256'];
    if (typeof sha256 === 'string' && !attachmentsInBackup.has(sha256)) {
      return refuse({
        code: 'attachment-mismatch',
        entry: attachmentEntryName(sha256),
        message: `The backup lists attachment ${sha256} but does not carry its bytes.`,
      });
    }
    if (typeof thumbnail !== 'object' || thumbnail === null || typeof sha256 !== 'string')
      return row;
    const facts = thumbnailFacts.get(sha256);
    if (facts === undefined) {
      return refuse({
        code: 'attachment-mismatch',
        entry: thumbnailEntryName(sha256),
        message: `The manifest does not list the thumbnail of ${sha256}.`,
      });
    }
    const { mediaType, ...size } = thumbnail as { mediaType?: unknown };
    const type = typeof mediaType === 'string' ? mediaType : 'image/jpeg';
    const blob = await checkedBlob(thumbnailEntryName(sha256), facts, type);
    return { ...row, thumbnail: { ...size, blob } };
  }

  async function* tablePages(): AsyncGenerator<RowPage> {
    const recordsHasher = await createSHA256();
    recordsHasher.init();
    for (const table of recordTableNames) {
      // A backup of an older schema has none of the tables that came after it.
      if ((recordTableSince[table] ?? 0) > manifest.schemaVersion) continue;
      const name = tableEntryName(table);
      const expected = manifest.tables[table] ?? 0;
      let rows: Record<string, unknown>[] = [];
      let rowCount = 0;
      for await (const line of ndjsonLines(entryNamed(name), password, recordsHasher)) {
        rowCount += 1;
        const row = parseJson(line);
        if (typeof row !== 'object' || row === null || Array.isArray(row)) {
          refuse({
            code: 'invalid-row',
            table,
            row: rowCount,
            field: '(row)',
            problem: 'not a JSON object',
            message: `Row ${rowCount} of ${table} is not a JSON object.`,
          });
        }
        const record = row as Record<string, unknown>;
        rows.push(table === 'attachments' ? await withThumbnail(record) : record);
        if (rows.length === rowsPerPage) {
          yield { table, firstRow: rowCount - rows.length + 1, rows };
          rows = [];
        }
      }
      if (rows.length > 0) yield { table, firstRow: rowCount - rows.length + 1, rows };
      if (rowCount !== expected) {
        refuse({
          code: 'count-mismatch',
          table,
          expected,
          found: rowCount,
          message: `The backup's ${table} holds ${rowCount} rows, but its manifest says ${expected}: the file is incomplete.`,
        });
      }
    }
    if (recordsHasher.digest('hex') !== manifest.recordsSha256) {
      refuse({
        code: 'checksum-mismatch',
        message:
          'The records are not the ones exported: their SHA-256 differs from the manifest’s.',
      });
    }
  }

  async function* attachmentRows(): AsyncGenerator<AttachmentBlobRow> {
    for (const facts of manifest.attachments) {
      const blob = await checkedBlob(attachmentEntryName(facts.sha256), facts, facts.mediaType);
      yield { sha256: facts.sha256, blob };
    }
  }

  return { schemaVersion: manifest.schemaVersion, tablePages, attachmentRows };
}

/**
 * The lines of an NDJSON entry, decoded as they stream out of the ZIP (a table is never in memory
 * whole); every byte also goes into `hasher`. The last line has no newline after it.
 */
async function* ndjsonLines(
  entry: FileEntry,
  password: string | undefined,
  hasher: { update(bytes: Uint8Array): unknown },
): AsyncGenerator<string> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const written = readingZip(entry.filename, () => entry.getData(writable, { password }));
  // Reported by `await written` below, or by the read that sees the stream fail.
  written.catch(() => undefined);
  const reader = readable.getReader();
  // Not fatal: a damaged byte still fails the records' checksum, which says so in words.
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  try {
    for (;;) {
      const { done, value } = await readingZip(entry.filename, () => reader.read());
      if (done) break;
      hasher.update(value);
      const lines = (pending + decoder.decode(value, { stream: true })).split('\n');
      pending = lines.pop() ?? '';
      yield* lines;
    }
    pending += decoder.decode();
    if (pending !== '') yield pending;
    await written;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
