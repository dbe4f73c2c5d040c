import Dexie from 'dexie';
import { sha256OfBlob } from '../attachments';
import type { AttachmentBlobRow } from '../records';
import { recordTableNames, RestoreRefusal, type RecordTableName } from './format';

/** Some consecutive rows of one table; `firstRow` counts from 1 in the table. */
export type RowPage = {
  readonly table: RecordTableName;
  readonly firstRow: number;
  readonly rows: readonly Record<string, unknown>[];
};

/**
 * What a restore reads, table by table and then attachment by attachment: a ZIP backup as it is
 * read, or a database a legacy backup was imported and upgraded in. Each source checks what it
 * can on the way (counts, checksums, hashes) and throws `RestoreRefusal` at the first problem.
 */
export type BackupSource = {
  /** The schema version the rows are in. */
  readonly schemaVersion: number;
  readonly tablePages: () => AsyncGenerator<RowPage>;
  readonly attachmentRows: () => AsyncGenerator<AttachmentBlobRow>;
};

/** Rows read from a database at a time. */
const databasePageRows = 1000;

/**
 * Every row of `table`, in primary-key order, a page at a time (a station of 100,000 claims is
 * never read whole). Outside any transaction that may be running, as each page is its own read.
 */
export async function* databasePages<Row extends object>(
  db: Dexie,
  table: string,
  pageRows: number = databasePageRows,
): AsyncGenerator<Row[]> {
  const keyPath = db.table(table).schema.primKey.keyPath;
  // Every table is keyed by one field; paging by a compound key would need another query.
  if (typeof keyPath !== 'string') throw new Error(`${table} is not keyed by one field`);
  let lastKey: unknown;
  for (;;) {
    const after = lastKey;
    const page = await Dexie.ignoreTransaction(() => {
      const collection =
        after === undefined
          ? db.table<Row>(table).orderBy(':id')
          : db.table<Row>(table).where(':id').above(after);
      return collection.limit(pageRows).toArray();
    });
    const last = page.at(-1);
    if (last === undefined) return;
    yield page;
    if (page.length < pageRows) return;
    lastKey = Dexie.getByKeyPath(last, keyPath);
  }
}

/** Refuses an attachment whose bytes do not hash to its address. */
export async function checkAttachmentBytes(row: AttachmentBlobRow): Promise<void> {
  if ((await sha256OfBlob(row.blob)) !== row.sha256) {
    throw new RestoreRefusal({
      code: 'attachment-mismatch',
      entry: row.sha256,
      message: `The bytes of attachment ${row.sha256} do not match its SHA-256.`,
    });
  }
}

/** A database as a restore source: a legacy backup imported and upgraded in a scratch database. */
export function databaseSource(db: Dexie): BackupSource {
  return {
    schemaVersion: db.verno,
    async *tablePages() {
      for (const table of recordTableNames) {
        let firstRow = 1;
        for await (const rows of databasePages<Record<string, unknown>>(db, table)) {
          yield { table, firstRow, rows };
          firstRow += rows.length;
        }
      }
    },
    async *attachmentRows() {
      for await (const page of databasePages<AttachmentBlobRow>(db, 'attachmentBlobs', 20)) {
        for (const row of page) {
          await checkAttachmentBytes(row);
          yield row;
        }
      }
    },
  };
}
