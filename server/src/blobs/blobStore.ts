import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { lock } from 'proper-lockfile';
import type { Queryable } from '../storage/database';
import { flushToDisk } from '../storage/flushToDisk';
import { sqlColumnOf, syncTableColumns } from '../storage/syncColumns';

/**
 * The bytes of attachments, stored by their SHA-256 in a folder: `ab/cd/<sha256>` once whole
 * and checked, `uploads/<sha256>` while an upload is under way (it resumes at that file's
 * length). A blob is only ever in its final place after its whole SHA-256 was checked, so the
 * same photo sent by two stations is stored once and a station never downloads a wrong one.
 */

/** Where a blob stands on the server. */
export type BlobState =
  | { readonly kind: 'stored'; readonly size: number }
  | { readonly kind: 'uploading'; readonly offset: number }
  | { readonly kind: 'absent' };

/** What appending a chunk did. */
export type AppendResult =
  | { readonly kind: 'partial'; readonly offset: number }
  | { readonly kind: 'stored'; readonly size: number }
  /** The chunk did not start where the upload stands: resume at `offset`. */
  | { readonly kind: 'offset-mismatch'; readonly offset: number }
  /** The whole file's SHA-256 is not its name: the upload is dropped. */
  | { readonly kind: 'hash-mismatch'; readonly actual: string }
  /** The chunk went past the length the upload declared. */
  | { readonly kind: 'too-long' };

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** A part of a stored blob, both ends included (as in HTTP's `Range: bytes=start-end`). */
export type ByteRange = { readonly start: number; readonly end: number };

/** A blob stored whole, with when it was last written (a purge deletes old ones no record names). */
export type StoredBlob = {
  readonly sha256: string;
  readonly size: number;
  readonly modifiedAt: Date;
};

/**
 * Where the server keeps attachments' bytes: a folder ({@link FolderBlobStore}, the default) or
 * an S3-compatible bucket (`S3BlobStore`, for several server processes). The routes and commands
 * see only this.
 */
export interface BlobStore {
  /** Where the bytes are, for logs and messages. */
  readonly description: string;
  state(sha256: string): Promise<BlobState>;
  /**
   * Appends `chunk` at `offset` of the upload of `sha256`, whose whole length is `length`; at
   * the end checks the whole SHA-256 and stores the blob under its name, or drops the upload.
   */
  append(sha256: string, offset: number, length: number, chunk: Readable): Promise<AppendResult>;
  /** The bytes of a stored blob, all or `range` of them. */
  read(sha256: string, range?: ByteRange): Promise<Readable>;
  /** Every blob stored whole (not uploads under way). */
  storedBlobs(): Promise<readonly StoredBlob[]>;
  /** How many uploads are under way: started, neither complete nor dropped. */
  uploadsUnderway(): Promise<number>;
  /**
   * Deletes stored blobs and abandoned uploads not changed since `before` that `isReferenced`
   * says no record names: a station offline for days may push the record after the bytes.
   */
  purge(
    before: Date,
    isReferenced: (sha256: string) => Promise<boolean>,
  ): Promise<{ readonly purged: number; readonly bytes: number }>;
}

/** How many uploads under way keep their SHA-256 so far in memory (a few hundred bytes each). */
const maxRunningHashes = 1_000;

/**
 * The SHA-256 of each upload under way so far, fed as its chunks arrive, so the last chunk need
 * not read the whole upload back. Lost on a restart, or dropped past the cap (oldest first, so
 * abandoned uploads do not pile up): the last chunk then hashes the upload from storage.
 */
export class RunningHashes {
  readonly #hashes = new Map<string, { readonly offset: number; readonly hash: Hash }>();

  /** The upload's hash if it covers exactly its first `offset` bytes, handed over (kept no more). */
  take(sha256: string, offset: number): Hash | undefined {
    const running = this.#hashes.get(sha256);
    this.#hashes.delete(sha256);
    return running?.offset === offset ? running.hash : undefined;
  }

  keep(sha256: string, offset: number, hash: Hash): void {
    this.#hashes.set(sha256, { offset, hash });
    if (this.#hashes.size > maxRunningHashes) {
      const [oldest] = this.#hashes.keys();
      if (oldest !== undefined) this.#hashes.delete(oldest);
    }
  }

  forget(sha256: string): void {
    this.#hashes.delete(sha256);
  }
}

/** How long an upload's lock outlives its process (it is refreshed every half of this). */
const uploadLockStaleMs = 20_000;

export class FolderBlobStore implements BlobStore {
  readonly root: string;
  readonly description: string;
  readonly #runningHashes = new RunningHashes();
  /** The uploads' folder, made at the first chunk (not at every one). */
  #uploadsFolder: Promise<unknown> | undefined;

  constructor(root: string) {
    this.root = resolve(root);
    this.description = `folder ${this.root}`;
  }

  /** The stored blob's path relative to the root (for a static file reply). */
  relativePath(sha256: string): string {
    return relative(this.root, this.#storedPath(sha256));
  }

  #storedPath(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  #uploadPath(sha256: string): string {
    return join(this.root, 'uploads', sha256);
  }

  async state(sha256: string): Promise<BlobState> {
    // Both at once: a HEAD answers after one round to the disk, not two.
    const [size, offset] = await Promise.all([
      sizeOf(this.#storedPath(sha256)),
      sizeOf(this.#uploadPath(sha256)),
    ]);
    if (size !== undefined) return { kind: 'stored', size };
    return offset === undefined ? { kind: 'absent' } : { kind: 'uploading', offset };
  }

  /**
   * Appends `chunk` at `offset` of the upload of `sha256`, whose whole length is `length`. At the
   * end the whole file is hashed: stored under its name when it matches, dropped when not. A chunk
   * cut short by a dropped connection keeps what arrived: the upload resumes after it.
   */
  async append(
    sha256: string,
    offset: number,
    length: number,
    chunk: Readable,
  ): Promise<AppendResult> {
    const release = await this.#lockUpload(sha256);
    if (release === undefined) {
      return { kind: 'offset-mismatch', offset: (await sizeOf(this.#uploadPath(sha256))) ?? 0 };
    }
    try {
      const before = await this.state(sha256);
      if (before.kind === 'stored') return { kind: 'stored', size: before.size };
      const current = before.kind === 'uploading' ? before.offset : 0;
      if (offset !== current) return { kind: 'offset-mismatch', offset: current };
      const upload = this.#uploadPath(sha256);
      let received = 0;
      let tooLong = false;
      const hash =
        this.#runningHashes.take(sha256, current) ??
        (current === 0 ? createHash('sha256') : undefined);
      chunk.on('data', (data: Buffer) => {
        received += data.length;
        if (current + received > length && !tooLong) {
          tooLong = true;
          chunk.destroy();
        }
        hash?.update(data);
      });
      let cutShort = false;
      try {
        await pipeline(chunk, createWriteStream(upload, { flags: 'a' }));
      } catch (error) {
        if (!tooLong && !isCutShort(error)) throw error;
        cutShort = true;
      }
      if (tooLong) {
        await rm(upload, { force: true });
        return { kind: 'too-long' };
      }
      // Whole, every byte received was written; cut short, the file says how far it got.
      const written = cutShort ? ((await sizeOf(upload)) ?? 0) : current + received;
      // A chunk cut short may have hashed bytes that never reached the file: then it is no use.
      const hashed = hash !== undefined && current + received === written ? hash : undefined;
      if (written < length) {
        if (hashed !== undefined) this.#runningHashes.keep(sha256, written, hashed);
        return { kind: 'partial', offset: written };
      }
      const actual = hashed?.digest('hex') ?? (await sha256Of(upload));
      if (actual !== sha256) {
        await rm(upload, { force: true });
        return { kind: 'hash-mismatch', actual };
      }
      // The station is told the blob is stored only once it would survive a power cut: its
      // bytes flushed before it takes its name, and the name after. Chunks before the last are
      // not flushed: a cut that loses some of them fails the whole file's check, and the station
      // sends the file again.
      await flushToDisk(upload, 'file');
      const stored = this.#storedPath(sha256);
      const folder = dirname(stored);
      const madeFolders = await mkdir(folder, { recursive: true });
      await rename(upload, stored);
      // Folders made for it (`ab/` and `ab/cd/`, the first time) are names to flush as well.
      const named = madeFolders === undefined ? [folder] : [folder, dirname(folder), this.root];
      await Promise.all(named.map((path) => flushToDisk(path, 'folder')));
      return { kind: 'stored', size: written };
    } finally {
      await release();
    }
  }

  /**
   * Takes the upload of `sha256` for one chunk, in this process and any other on the same
   * folder (a shared volume): a lock folder beside the upload, kept fresh while the chunk streams
   * and taken over once stale when its process died. Undefined when another holds it.
   */
  async #lockUpload(sha256: string): Promise<(() => Promise<void>) | undefined> {
    const upload = this.#uploadPath(sha256);
    this.#uploadsFolder ??= mkdir(join(upload, '..'), { recursive: true }).catch(
      (error: unknown) => {
        this.#uploadsFolder = undefined; // tried again at the next chunk
        throw error;
      },
    );
    await this.#uploadsFolder;
    try {
      return await lock(upload, {
        realpath: false,
        stale: uploadLockStaleMs,
        // A lock that could not be kept fresh is not fatal: the whole SHA-256 is checked before
        // the blob is stored, and a mixed-up upload is dropped and sent again.
        onCompromised: () => undefined,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return undefined;
      // The uploads' folder was removed since it was made: made again at the next chunk.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') this.#uploadsFolder = undefined;
      throw error;
    }
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable> {
    const path = this.#storedPath(sha256);
    // Opened before it is handed over, so a missing blob fails here, not mid-reply.
    await stat(path);
    return createReadStream(path, range === undefined ? {} : range);
  }

  /** Every blob stored whole (not uploads under way), with its path. */
  async storedBlobs(): Promise<(StoredBlob & { readonly path: string })[]> {
    const uploads = join(this.root, 'uploads');
    const paths = (await this.#files()).filter((path) => !path.startsWith(`${uploads}/`));
    return Promise.all(
      paths.map(async (path) => {
        const info = await stat(path);
        return { sha256: path.slice(-64), path, size: info.size, modifiedAt: info.mtime };
      }),
    );
  }

  async uploadsUnderway(): Promise<number> {
    // Only the uploads' folder: the metrics page asks at every scrape.
    return (await this.#files(join(this.root, 'uploads'))).length;
  }

  async purge(
    before: Date,
    isReferenced: (sha256: string) => Promise<boolean>,
  ): Promise<{ readonly purged: number; readonly bytes: number }> {
    let purged = 0;
    let bytes = 0;
    for (const path of await this.#files()) {
      const info = await stat(path);
      if (info.mtime >= before) continue;
      const sha256 = path.slice(-64);
      if (await isReferenced(sha256)) continue;
      await rm(path, { force: true });
      purged += 1;
      bytes += info.size;
    }
    return { purged, bytes };
  }

  /**
   * The blob files under `folder` (the whole store by default), uploads under way included. Each
   * folder is listed on its own: `readdir`'s recursive listing fails whole when a folder goes while
   * it is listed, as an upload's lock folder does when its chunk ends, and the store then seemed
   * empty (about one listing in five while a lock came and went). A folder gone is skipped.
   */
  async #files(folder = this.root): Promise<string[]> {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    const inFolders = await Promise.all(
      entries
        .filter((entry) => entry.isDirectory() && !entry.name.endsWith('.lock'))
        .map((entry) => this.#files(join(folder, entry.name))),
    );
    return entries
      .filter((entry) => entry.isFile() && /^[0-9a-f]{64}$/.test(entry.name))
      .map((entry) => join(folder, entry.name))
      .concat(inFolders.flat());
  }
}

/**
 * Whether a record of the center names the blob `sha256`: an evidence file or its thumbnail,
 * deleted or not.
 */
export async function isBlobReferenced(queryable: Queryable, sha256: string): Promise<boolean> {
  const rows = await queryable.query(referencedSql, [sha256]);
  return rows.length > 0;
}

const evidenceColumns = syncTableColumns.evidence;
const referencedSql = `SELECT 1 FROM ${evidenceColumns.sqlTable} WHERE ${sqlColumnOf('evidence', 'sha256')} = $1 OR ${sqlColumnOf('evidence', 'thumbnailSha256')} = $1 LIMIT 1`;

/**
 * How many blobs records of the center name (an evidence file or its thumbnail, not deleted)
 * that `store` does not hold yet: a station pushed the record and its bytes are still to come.
 */
export async function countMissingBlobs(queryable: Queryable, store: BlobStore): Promise<number> {
  const rows = await queryable.query<{ sha256: string }>(namedBlobsSql);
  if (rows.length === 0) return 0;
  const stored = new Set((await store.storedBlobs()).map((blob) => blob.sha256));
  return rows.filter((row) => !stored.has(row.sha256)).length;
}

const namedBlobsSql = `SELECT ${sqlColumnOf('evidence', 'sha256')} AS sha256 FROM ${evidenceColumns.sqlTable} WHERE ${sqlColumnOf('evidence', 'deletedAt')} IS NULL AND ${sqlColumnOf('evidence', 'sha256')} IS NOT NULL
  UNION SELECT ${sqlColumnOf('evidence', 'thumbnailSha256')} FROM ${evidenceColumns.sqlTable} WHERE ${sqlColumnOf('evidence', 'deletedAt')} IS NULL AND ${sqlColumnOf('evidence', 'thumbnailSha256')} IS NOT NULL`;

/** A request body that ended early (the station's connection dropped). */
export function isCutShort(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET';
}
