import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { startNewHistory } from '../identity';
import { migrate } from './migrate';
import { openPgliteDatabase } from './pgliteDatabase';

/**
 * Backups of the embedded database: PGlite's own dump of its data folder (a gzipped tar of a
 * consistent, closed database), and a restore of one into an empty folder. PostgreSQL has
 * `pg_dump` for this. The server must be stopped: one process opens a data folder at a time.
 */

/** What a backup or restore did, for the command to print. */
export type BackupSummary = {
  readonly bytes: number;
  readonly version: number;
  readonly centerId: string;
};

const spaceSql = 'SELECT id, version FROM space ORDER BY created_at LIMIT 1';

function summaryOf(
  space: { id: string; version: unknown } | undefined,
  bytes: number,
): BackupSummary {
  if (space === undefined) throw new Error('the database holds no center (no space row)');
  return { bytes, version: Number(space.version), centerId: space.id };
}

/**
 * Writes a backup of the data folder `dataDir` to `file`: written beside it under another name
 * first and renamed, so a cut-short write never leaves a file that looks like a backup.
 */
export async function backupDataDir(dataDir: string, file: string): Promise<BackupSummary> {
  const pglite = await PGlite.create({ dataDir: resolve(dataDir) });
  try {
    const dump = await pglite.dumpDataDir('gzip');
    const bytes = new Uint8Array(await dump.arrayBuffer());
    const { rows } = await pglite.query<{ id: string; version: unknown }>(spaceSql);
    const summary = summaryOf(rows[0], bytes.byteLength);
    const target = resolve(file);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.${randomBytes(4).toString('hex')}.partial`;
    try {
      await writeFile(partial, bytes);
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
    return summary;
  } finally {
    await pglite.close();
  }
}

/**
 * Restores the backup `file` into `dataDir`, which must be empty or absent (a restore never
 * overwrites a database), upgrades it to this server's schema and starts a new history, so
 * stations that pulled past the backup pull again. A file that is not a backup leaves nothing.
 */
export async function restoreDataDir(file: string, dataDir: string): Promise<BackupSummary> {
  const target = resolve(dataDir);
  const existing = await readdir(target).catch(() => []);
  if (existing.length > 0) {
    throw new Error(
      `${target} already holds files: restore into a new folder (a restore never overwrites a database).`,
    );
  }
  const bytes = await readFile(resolve(file));
  try {
    const loaded = await PGlite.create({ dataDir: target, loadDataDir: new Blob([bytes]) });
    await loaded.close();
    const database = await openPgliteDatabase(target);
    try {
      await migrate(database);
      await startNewHistory(database);
      const [space] = await database.query<{ id: string; version: unknown }>(spaceSql);
      return summaryOf(space, bytes.byteLength);
    } finally {
      await database.close();
    }
  } catch (error) {
    await rm(target, { recursive: true, force: true });
    throw error;
  }
}
