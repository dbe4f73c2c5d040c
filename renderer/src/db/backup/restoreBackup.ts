import Dexie from 'dexie';
import { importInto, peakImportFile } from 'dexie-export-import';
import type { Result } from '#shared/domain/result';
import { fail, ok } from '#shared/domain/result';
import { rebuildClaimCounts } from '../claimCounts';
import { FixlineDatabase } from '../database';
import { storageFailure } from '../repositories/repositoryError';
import { declareSchema, schemaVersions } from '../schema';
import { becomeNewClient } from '../sync/syncState';
import { runRestore } from '../writeGuard';
import { RestoreRefusal, type RestoreError } from './format';
import { openZipBackup, zipSource } from './readBackup';
import { checkedRow } from './rowSchemas';
import { databaseSource, type BackupSource } from './source';

/** What a restore put back. */
export type RestoreSummary = {
  /** Rows restored, by table (tables without rows left out). */
  readonly rows: Readonly<Record<string, number>>;
  readonly attachments: number;
  /** The schema version the backup was made at (older ones were upgraded on the way in). */
  readonly backupSchemaVersion: number;
  /** Whether it was a JSON backup of Fixline before the ZIP format. */
  readonly legacy: boolean;
};

export type RestoreOptions = {
  /** The passphrase of an encrypted backup; null when none was given. */
  readonly passphrase?: string | null;
};

/**
 * Restores a backup into an empty database (a new machine, or a station reset first). The whole
 * file is checked on the way in (each table's row count, the records' checksum, every row against
 * the domain schemas, every attachment's SHA-256) inside one import transaction: at the first
 * problem the transaction is aborted and nothing of the backup stays. A backup of an older schema
 * is imported into a scratch database at its own version, upgraded there by the same upgrade
 * functions an app update runs, and copied over. The queue's claim counts are counted again. Restoring also restores the station code and its
 * RMA sequence, so one backup must be restored on one machine only. The restored database is a
 * new sync client, enrolled with no server, its outbox numbered again from 1.
 */
export async function restoreBackup(
  db: FixlineDatabase,
  file: Blob,
  options: RestoreOptions = {},
): Promise<Result<RestoreSummary, RestoreError>> {
  try {
    if (!db.isOpen()) await db.open();
    await refuseUnlessEmpty(db);
    switch (await backupKind(file)) {
      case 'zip': {
        const source = zipSource(await openZipBackup(file, options.passphrase ?? null));
        const written =
          source.schemaVersion === db.verno
            ? await writeSource(db, source, true)
            : await viaScratchDatabase(db, source.schemaVersion, (scratch) =>
                writeSource(scratch, source, false),
              );
        return ok({ ...written, backupSchemaVersion: source.schemaVersion, legacy: false });
      }
      case 'legacy-json': {
        const version = await legacyVersion(file, db.verno);
        const written = await viaScratchDatabase(db, version, (scratch) =>
          importLegacy(scratch, file),
        );
        return ok({ ...written, backupSchemaVersion: version, legacy: true });
      }
      case 'unknown':
        return fail({
          code: 'not-a-backup',
          message: 'This file is not a Fixline backup: choose the file an export made.',
        });
    }
  } catch (error) {
    if (error instanceof RestoreRefusal) return fail(error.error);
    const failure = storageFailure(error);
    if (failure?.code === 'storage-full') {
      return fail({ code: 'storage-full', message: failure.message });
    }
    throw error;
  }
}

/**
 * The client id the sync engine makes when the app starts is no data: a restore replaces it (see
 * `becomeNewClient`).
 */
export const tablesIgnoredWhenEmpty: ReadonlySet<string> = new Set(['syncState']);

async function refuseUnlessEmpty(db: Dexie): Promise<void> {
  const tables = db.tables.filter((table) => !tablesIgnoredWhenEmpty.has(table.name));
  const rowCounts = await db.transaction('r', tables, () =>
    Promise.all(tables.map((table) => table.count())),
  );
  if (rowCounts.some((count) => count > 0)) {
    throw new RestoreRefusal({
      code: 'database-not-empty',
      message:
        'This station already holds data, and a restore would overwrite it: restore a backup only on a new or reset station.',
    });
  }
}

/** A ZIP starts with a local file header ("PK\3\4"); a legacy backup is a JSON object. */
async function backupKind(file: Blob): Promise<'zip' | 'legacy-json' | 'unknown'> {
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  const text = new TextDecoder().decode(head).trimStart();
  return text.startsWith('{') ? 'legacy-json' : 'unknown';
}

/** The schema version a legacy (dexie-export-import JSON) backup was made at. */
async function legacyVersion(file: Blob, currentVersion: number): Promise<number> {
  let version: number;
  try {
    version = (await peakImportFile(file)).data.databaseVersion;
  } catch {
    throw new RestoreRefusal({
      code: 'not-a-backup',
      message:
        'This file is not a Fixline backup (or it is damaged): choose the file an export made.',
    });
  }
  if (!schemaVersions.some((schema) => schema.version === version) || version > currentVersion) {
    throw new RestoreRefusal({
      code: 'newer-version',
      message: `This backup was made at schema version ${version}, which this Fixline does not know.`,
    });
  }
  return version;
}

async function importLegacy(scratch: Dexie, file: Blob): Promise<unknown> {
  try {
    return await importInto(scratch, file, { acceptNameDiff: true });
  } catch (error) {
    throw new RestoreRefusal({
      code: 'damaged',
      message: `The backup is damaged or cut short: ${String(error)}`,
    });
  }
}

type Written = Pick<RestoreSummary, 'rows' | 'attachments'>;

/**
 * How long one read of the source may keep the import transaction waiting: reading and hashing a
 * video of a few GB takes minutes on a slow disk (Dexie's default is one minute).
 */
const sourceReadTimeoutMs = 15 * 60_000;

/**
 * Fills a scratch database declared at `version` (`fill`), opens it at the current version so the
 * upgrade functions run, and copies it into `target`, checked like any backup. The scratch
 * database is deleted whatever happens.
 */
async function viaScratchDatabase(
  target: FixlineDatabase,
  version: number,
  fill: (scratch: Dexie) => Promise<unknown>,
): Promise<Written> {
  const name = `${target.name}-restore-${crypto.randomUUID()}`;
  const older = new Dexie(name);
  declareSchema(
    older,
    schemaVersions.filter((schema) => schema.version <= version),
  );
  try {
    await older.open();
    await fill(older);
    older.close();
    const upgraded = new FixlineDatabase(name);
    try {
      await upgraded.open();
      return await writeSource(target, databaseSource(upgraded), true);
    } finally {
      upgraded.close();
    }
  } finally {
    older.close();
    await Dexie.delete(name);
  }
}

/**
 * Writes everything `source` yields into the empty `db`, in one transaction over every table;
 * with `checkRows`, each row is first judged against the domain schemas. Reading the source is
 * not IndexedDB work, so each read is wrapped in `Dexie.waitFor`, which keeps the transaction
 * open meanwhile.
 */
async function writeSource(db: Dexie, source: BackupSource, checkRows: boolean): Promise<Written> {
  const rows: Record<string, number> = {};
  let attachments = 0;
  await runRestore(db, () =>
    db.transaction('rw', db.tables, async (transaction) => {
      const pages = source.tablePages();
      for (;;) {
        const next = await Dexie.waitFor(pages.next(), sourceReadTimeoutMs);
        if (next.done === true) break;
        const { table, firstRow, rows: page } = next.value;
        const checked = checkRows
          ? page.map((row, index) => checkedRow(table, row, firstRow + index))
          : page;
        await db.table(table).bulkAdd(checked);
        rows[table] = (rows[table] ?? 0) + page.length;
      }
      const blobs = source.attachmentRows();
      for (;;) {
        const next = await Dexie.waitFor(blobs.next(), sourceReadTimeoutMs);
        if (next.done === true) break;
        await db.table('attachmentBlobs').add(next.value);
        attachments += 1;
      }
      // The counts are derived, never in a backup: counted again from the claims just written
      // (a scratch database of an older version has no counts to keep).
      if (db.tables.some((table) => table.name === 'claimCounts')) {
        await rebuildClaimCounts(transaction);
      }
      // The station the backup came from may have pushed these mutation ids already: the
      // restored station is a new client whose outbox starts again at 1, enrolled nowhere.
      if (db.tables.some((table) => table.name === 'syncState')) {
        await becomeNewClient(transaction);
      }
    }),
  );
  return { rows, attachments };
}
