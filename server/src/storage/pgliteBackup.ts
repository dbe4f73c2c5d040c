import { randomBytes } from 'node:crypto';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { BlobReader, BlobWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { FolderBlobStore } from '../blobs/blobStore';
import { startNewHistory } from '../identity';
import { flushToDisk } from './flushToDisk';
import { migrate } from './migrate';
import { openPgliteDatabase } from './pgliteDatabase';

/**
 * Backups of a server on the embedded database: one ZIP holding PGlite's own dump of its data
 * folder (a gzipped tar of a consistent, closed database) and every blob of the attachments, and
 * a restore of one into new folders. PostgreSQL has `pg_dump` for the database. The server must
 * be stopped: one process opens a data folder at a time.
 */

/** What a backup or restore did, for the command to print. */
export type BackupSummary = {
  readonly bytes: number;
  readonly version: number;
  readonly centerId: string;
  /** Attachments' blobs in the backup. */
  readonly blobs?: number;
};

const spaceSql = 'SELECT id, version FROM space ORDER BY created_at LIMIT 1';

function summaryOf(
  space: { id: string; version: unknown } | undefined,
  bytes: number,
): BackupSummary {
  if (space === undefined) throw new Error('the database holds no center (no space row)');
  return { bytes, version: Number(space.version), centerId: space.id };
}

/** The entries of a server backup (a ZIP): the database's dump, then each blob by its name. */
const databaseEntry = 'database.tar.gz';
const blobEntryPrefix = 'blobs/';

/**
 * The folders a server keeps: the embedded database's, and the attachments' bytes (none when they
 * are in an S3 bucket, which the storage provider backs up).
 */
export type ServerFolders = { readonly dataDir: string; readonly blobDir: string | undefined };

/**
 * Writes a backup of the embedded database and the blob folder to `file`, a ZIP: written beside
 * it under another name first and renamed, so a cut-short write never leaves a file that looks
 * like a backup. Blobs are stored as they are (photos and videos are compressed already).
 */
export async function backupServer(folders: ServerFolders, file: string): Promise<BackupSummary> {
  const pglite = await PGlite.create({ dataDir: resolve(folders.dataDir) });
  let dump: Blob;
  let space: { id: string; version: unknown } | undefined;
  try {
    dump = await pglite.dumpDataDir('gzip');
    [space] = (await pglite.query<{ id: string; version: unknown }>(spaceSql)).rows;
  } finally {
    await pglite.close();
  }
  const target = resolve(file);
  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}.${randomBytes(4).toString('hex')}.partial`;
  try {
    const zip = new ZipWriter(Writable.toWeb(createWriteStream(partial)), {
      useWebWorkers: false,
      level: 0,
    });
    await zip.add(databaseEntry, new BlobReader(dump));
    let blobs = 0;
    const stored =
      folders.blobDir === undefined ? [] : await new FolderBlobStore(folders.blobDir).storedBlobs();
    for (const blob of stored) {
      await zip.add(
        `${blobEntryPrefix}${blob.sha256}`,
        new BlobReader(await openAsBlob(blob.path)),
      );
      blobs += 1;
    }
    await zip.close();
    // Flushed before it takes its name, and the name after: a backup said to be written is one.
    await flushToDisk(partial, 'file');
    await rename(partial, target);
    await flushToDisk(dirname(target), 'folder');
    return { ...summaryOf(space, (await stat(target)).size), blobs };
  } finally {
    await rm(partial, { force: true });
  }
}

/**
 * Restores the backup `file` into `folders`, whose database folder must be empty or absent (a
 * restore never overwrites a database); upgrades the database to this server's schema and starts
 * a new history, so stations that pulled past the backup pull again. Each blob's SHA-256 is
 * checked as it is written. A file that is not a backup leaves no database behind.
 */
export async function restoreServer(file: string, folders: ServerFolders): Promise<BackupSummary> {
  const target = resolve(folders.dataDir);
  const existing = await readdir(target).catch(() => []);
  if (existing.length > 0) {
    throw new Error(
      `${target} already holds files: restore into a new folder (a restore never overwrites a database).`,
    );
  }
  const source = resolve(file);
  const reader = new ZipReader(new BlobReader(await openAsBlob(source)), { useWebWorkers: false });
  try {
    const entries = await reader.getEntries();
    const databaseDump = entries.find((entry) => entry.filename === databaseEntry);
    if (databaseDump === undefined || databaseDump.directory) {
      throw new Error(`${source} is not a Fixline server backup (it holds no ${databaseEntry}).`);
    }
    const blobEntries = entries.filter((entry) => entry.filename.startsWith(blobEntryPrefix));
    if (folders.blobDir === undefined && blobEntries.length > 0) {
      throw new Error(
        `${source} holds ${blobEntries.length} attachments, and this server keeps attachments in an S3 bucket: restore it with --blob-dir <folder> instead.`,
      );
    }
    const loaded = await PGlite.create({
      dataDir: target,
      loadDataDir: await databaseDump.getData(new BlobWriter()),
    });
    await loaded.close();
    let blobs = 0;
    for (const entry of blobEntries) {
      if (entry.directory || folders.blobDir === undefined) continue;
      const store = new FolderBlobStore(folders.blobDir);
      const sha256 = entry.filename.slice(blobEntryPrefix.length);
      // Streamed from the ZIP into the store, which checks the SHA-256: a video is never held whole.
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      const [, stored] = await Promise.all([
        entry.getData(writable),
        store.append(sha256, 0, entry.uncompressedSize, Readable.fromWeb(readable)),
      ]);
      if (stored.kind !== 'stored') {
        throw new Error(
          `${entry.filename} in ${source} is damaged (its bytes are not its SHA-256).`,
        );
      }
      blobs += 1;
    }
    const database = await openPgliteDatabase(target);
    try {
      await migrate(database);
      await startNewHistory(database);
      const [space] = await database.query<{ id: string; version: unknown }>(spaceSql);
      return { ...summaryOf(space, (await stat(source)).size), blobs };
    } finally {
      await database.close();
    }
  } catch (error) {
    await rm(target, { recursive: true, force: true });
    throw error;
  } finally {
    await reader.close();
  }
}
