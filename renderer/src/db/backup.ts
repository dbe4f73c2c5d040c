import { exportDB, importInto, peakImportFile } from 'dexie-export-import';
import type { Result } from '../../../shared/domain/result';
import { fail, ok } from '../../../shared/domain/result';
import type { FixlineDatabase } from './database';
import { storageFailure } from './repositories/repositoryError';
import { runRestore } from './writeGuard';

/**
 * Rows per chunk of an export. Attachment Blobs of one chunk are read together, so the chunk is
 * kept small; record tables still go quickly, as each chunk is one key-range query.
 */
const exportRowsPerChunk = 50;

/**
 * The whole database in one file (dexie-export-import's JSON, which carries the Blobs of the
 * attachments and their thumbnails): every record with its stamps and tombstones, the settings,
 * the outbox, the sequences and the attachment store.
 */
export async function exportDatabase(db: FixlineDatabase): Promise<Blob> {
  return exportDB(db, { numRowsPerChunk: exportRowsPerChunk });
}

/** Why a backup was not restored; nothing of it was. */
export type ImportError = {
  readonly code: 'not-a-backup' | 'version-mismatch' | 'database-not-empty' | 'storage-full';
  readonly message: string;
};

/**
 * Restores a backup made by {@link exportDatabase} into an empty database (a new machine, or a
 * station reset first), in one transaction: it lands whole or not at all. It never overwrites
 * records: a restore over live data would silently drop whatever was recorded since the backup.
 * The backup must be of the same schema version. Restoring also restores the station code and its
 * RMA sequence, so one backup must be restored on one machine only, or two stations would make
 * the same RMA numbers.
 */
export async function importDatabase(
  db: FixlineDatabase,
  backup: Blob,
): Promise<Result<void, ImportError>> {
  let backupVersion: number;
  try {
    backupVersion = (await peakImportFile(backup)).data.databaseVersion;
  } catch {
    return fail({
      code: 'not-a-backup',
      message:
        'This file is not a Fixline backup (or it is damaged): choose the file the export made.',
    });
  }
  if (!db.isOpen()) await db.open();
  if (backupVersion !== db.verno) {
    return fail({
      code: 'version-mismatch',
      message: `This backup was made by a database at version ${backupVersion}, but this one is at version ${db.verno}: restore it with the Fixline version that made it.`,
    });
  }
  const rowCounts = await db.transaction('r', db.tables, () =>
    Promise.all(db.tables.map((table) => table.count())),
  );
  if (rowCounts.some((count) => count > 0)) {
    return fail({
      code: 'database-not-empty',
      message:
        'This station already holds data, and a restore would overwrite it: restore a backup only on a new or reset station.',
    });
  }
  try {
    // The importer writes every table in one transaction of its own, which the guard lets
    // through while the restore runs.
    await runRestore(db, () => importInto(db, backup, { acceptNameDiff: true }));
    return ok(undefined);
  } catch (error) {
    const failure = storageFailure(error);
    if (failure?.code === 'storage-full')
      return fail({ code: 'storage-full', message: failure.message });
    throw error;
  }
}
