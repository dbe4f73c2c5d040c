import { BlobReader, BlobWriter, TextReader, ZipWriter } from '@zip.js/zip.js';
import { createSHA256 } from 'hash-wasm';
import { sha256OfBlob } from '../attachments';
import type { FixlineDatabase } from '../database';
import type { AttachmentBlobRow, StoredAttachment } from '../records';
import { newEncryptionHeader, zipPasswordFrom } from './encryption';
import {
  attachmentEntryName,
  backupFormatVersion,
  encryptionEntryName,
  manifestEntryName,
  recordTableNames,
  tableEntryName,
  thumbnailEntryName,
  type AttachmentFacts,
  type BackupManifest,
  type RecordTableName,
} from './format';
import { openZipBackup, zipSource } from './readBackup';
import { checkedRow } from './rowSchemas';
import { databasePages } from './source';

export type ExportOptions = {
  /** Encrypts every entry but the key derivation's header; null writes a plain ZIP. */
  readonly passphrase: string | null;
  /** The clock, for the manifest's `createdAt`. */
  readonly now?: () => Date;
};

/** What an export wrote, once read back and checked. */
export type ExportedBackup = {
  readonly file: Blob;
  readonly manifest: BackupManifest;
};

/** Records compress well; photos and videos are compressed already, so they are stored as is. */
const recordsLevel = 6;
const attachmentsLevel = 0;

/** An attachment's metadata as a backup line: the thumbnail's bytes become an entry. */
function attachmentLine(row: StoredAttachment): object {
  if (row.thumbnail === undefined) return row;
  const { blob, ...size } = row.thumbnail;
  return { ...row, thumbnail: { ...size, mediaType: blob.type } };
}

/** The rows of `table` as a backup writes them, a page at a time. */
async function* tableRows(db: FixlineDatabase, table: RecordTableName): AsyncGenerator<object[]> {
  if (table !== 'attachments') {
    yield* databasePages<object>(db, table);
    return;
  }
  for await (const page of databasePages<StoredAttachment>(db, table)) {
    yield page.map(attachmentLine);
  }
}

/**
 * The whole station as one ZIP: `manifest.json`, each table as NDJSON under `tables/`, each
 * attachment's bytes under `attachments/` and each thumbnail under `thumbnails/`, with (when a
 * passphrase is given) `encryption.json`. Tables are read a page at a time and attachments one
 * by one, so the station is never in memory whole (the ZIP itself is a Blob, which Chromium keeps
 * on disk when it is large). The file is then read back and checked as a restore would check it
 * (counts, checksum, every row, every attachment's SHA-256) before it is handed over.
 * @throws Error when the file read back is not what was written.
 */
export async function exportBackup(
  db: FixlineDatabase,
  options: ExportOptions,
): Promise<ExportedBackup> {
  if (!db.isOpen()) await db.open();
  const writer = new ZipWriter(new BlobWriter('application/zip'), { useWebWorkers: false });
  let password: string | undefined;
  if (options.passphrase !== null) {
    const header = newEncryptionHeader();
    await writer.add(encryptionEntryName, new TextReader(JSON.stringify(header)));
    password = await zipPasswordFrom(options.passphrase, header);
  }

  const recordsHasher = await createSHA256();
  recordsHasher.init();
  const tables: BackupManifest['tables'] = {};
  for (const table of recordTableNames) {
    let rowCount = 0;
    const encoder = new TextEncoder();
    const pages = tableRows(db, table);
    const lines = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await pages.next();
        if (next.done === true) {
          controller.close();
          return;
        }
        const rows = next.value;
        const bytes = encoder.encode(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
        recordsHasher.update(bytes);
        rowCount += rows.length;
        controller.enqueue(bytes);
      },
    });
    await writer.add(tableEntryName(table), lines, { password, level: recordsLevel });
    tables[table] = rowCount;
  }

  const attachments: AttachmentFacts[] = [];
  for await (const page of databasePages<AttachmentBlobRow>(db, 'attachmentBlobs', 20)) {
    const metadata = await db.attachments.bulkGet(page.map((row) => row.sha256));
    for (const [index, { sha256, blob }] of page.entries()) {
      const thumbnail = metadata[index]?.thumbnail?.blob;
      await writer.add(attachmentEntryName(sha256), new BlobReader(blob), {
        password,
        level: attachmentsLevel,
      });
      if (thumbnail !== undefined) {
        await writer.add(thumbnailEntryName(sha256), new BlobReader(thumbnail), {
          password,
          level: attachmentsLevel,
        });
      }
      attachments.push({
        sha256,
        sizeBytes: blob.size,
        mediaType: metadata[index]?.mediaType ?? blob.type,
        ...(thumbnail === undefined
          ? {}
          : { thumbnail: { sha256: await sha256OfBlob(thumbnail), sizeBytes: thumbnail.size } }),
      });
    }
  }

  const station = await db.settings.get('station');
  const manifest: BackupManifest = {
    format: 'fixline-backup',
    formatVersion: backupFormatVersion,
    schemaVersion: db.verno,
    stationCode: station?.key === 'station' ? station.stationCode : null,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    tables,
    recordsSha256: recordsHasher.digest('hex'),
    attachments,
  };
  await writer.add(manifestEntryName, new TextReader(JSON.stringify(manifest, null, 2)), {
    password,
  });
  const file = await writer.close();
  await verifyBackup(file, options.passphrase);
  return { file, manifest };
}

/**
 * Reads a backup through as a restore would, without writing anything: the directory, the
 * manifest, each table's count, the records' checksum, every row against the domain schemas and
 * every attachment's size and SHA-256.
 * @throws RestoreRefusal with the first problem.
 */
export async function verifyBackup(file: Blob, passphrase: string | null): Promise<void> {
  const source = zipSource(await openZipBackup(file, passphrase));
  for await (const { table, firstRow, rows } of source.tablePages()) {
    rows.forEach((row, index) => checkedRow(table, row, firstRow + index));
  }
  // Reading each attachment checks its size and SHA-256 against the manifest.
  const attachments = source.attachmentRows();
  while ((await attachments.next()).done !== true);
}
