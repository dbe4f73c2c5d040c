import type { Collection, Table } from 'dexie';
import type { Sha256, StationCode } from '#shared/domain/primitives';
import type {
  BlobAddress,
  BlobRequests,
  BlobStanding,
  TransferProgress,
  UploadOptions,
} from '#shared/sync/blobHttp';
import {
  askStanding,
  attachmentTransferConcurrency,
  defaultBlobChunkBytes,
  downloadBlob,
  uploadBlob,
} from '#shared/sync/blobHttp';
import {
  discardPartialDownload,
  keepDownloadedRange,
  markAttachmentOnServer,
  readPartialDownload,
  sha256OfBlob,
  storeAttachment,
} from '../../db/attachments';
import type { FixlineDatabase } from '../../db/database';
import {
  forgetFileMoved,
  readFilesToCheck,
  settleFilesChecked,
} from '../../db/sync/attachmentsToCheck';
import { storageFailure } from '../../db/repositories/repositoryError';
import type { StoredAttachment, StoredEvidence } from '../../db/records';
import { isLive } from '../../db/records';
import { thumbnailMediaType } from '../../db/thumbnail';
import type { AttachmentTransfer } from './syncApi';

/**
 * The background queue of attachments' bytes (see the README's "Sync"): an evidence record syncs
 * at once, its bytes follow. The sync leader wakes the queue after each push and pull; each pass
 * uploads the bytes stored here that evidence records name and the server is not known to hold,
 * then downloads the bytes of evidence records this station lacks: images and files up to
 * {@link eagerDownloadMaxBytes} at once, larger videos and PDFs when someone opens them. Two files
 * move at a time; a file that fails waits and is tried again, with a growing delay, forever. The
 * first pass for an enrollment compares every record with every file; from then on, after a
 * restart too, a pass looks only at the files still to move and those pulls named since (kept in
 * tables of their own, see `db/sync/attachmentsToCheck.ts`).
 */

/** Larger videos and PDFs are downloaded only when someone opens them. */
export const eagerDownloadMaxBytes = 20 * 1024 * 1024;

/** The first retry of a file waits up to this long; each failure doubles it up to the max. */
export const firstTransferBackoffMs = 1_000;
export const maxTransferBackoffMs = 60_000;

/** Where the queue sends and fetches: the enrollment's server, as this station. */
export type BlobDestination = {
  readonly serverUrl: string;
  readonly deviceToken: string;
  readonly centerId: string;
};

/** Timers, so tests fire a retry at once (the engine's). */
export type QueueTimers = {
  readonly set: (run: () => void, delayMs: number) => unknown;
  readonly clear: (handle: unknown) => void;
};

export type AttachmentQueueOptions = {
  readonly timers: QueueTimers;
  readonly now: () => number;
  readonly random: () => number;
  readonly chunkBytes?: number;
  readonly concurrency?: number;
  readonly eagerMaxBytes?: number;
  /** Where a pass's unexpected failure is said (the console by default). */
  readonly report?: (message: string) => void;
  /** How many keys each of a pass's reads takes ({@link passPageKeys} by default). */
  readonly pageKeys?: number;
};

/**
 * A pass reads the station's records and files this many keys a read, each in its own
 * transaction, so a record saved meanwhile waits for one read, not for all of them: at 30,000
 * photos in Chromium a save waited 20 ms (60–111 at most) against 1.6 s during the first pass.
 */
const passPageKeys = 2_000;

type Job =
  | { readonly direction: 'upload'; readonly sha256: Sha256; readonly size: number }
  | {
      readonly direction: 'download';
      readonly sha256: Sha256;
      readonly size: number;
      readonly mediaType: string;
      readonly fromStation: StationCode;
      /** A thumbnail the capturing station made: stored without one of its own. */
      readonly isThumbnail: boolean;
      /** The thumbnail the capturing station made of this original, which it takes if here. */
      readonly madeThumbnail?: Sha256;
    };

export class AttachmentQueue {
  readonly #db: FixlineDatabase;
  readonly #blobs: BlobRequests;
  readonly #options: AttachmentQueueOptions;
  /** Keys a read of a pass (see {@link passPageKeys}). */
  readonly #pageKeys: number;
  readonly #transfers = new Map<Sha256, AttachmentTransfer>();
  readonly #listeners = new Set<() => void>();
  /** Failures in a row and when the next attempt may start, by file. */
  readonly #retries = new Map<Sha256, { failures: number; notBefore: number }>();
  /** Large downloads someone asked for (opened the video). */
  readonly #wanted = new Set<Sha256>();
  #destination: BlobDestination | undefined;
  #pass: Promise<void> | undefined;
  #again = false;
  #retryTimer: unknown;
  /** Passes in a row that stopped on an error no file explains. */
  #passFailures = 0;
  #run = 0;

  constructor(db: FixlineDatabase, blobs: BlobRequests, options: AttachmentQueueOptions) {
    this.#db = db;
    this.#blobs = blobs;
    this.#options = options;
    this.#pageKeys = options.pageKeys ?? passPageKeys;
  }

  /** Every file the queue is moving or waiting to move, by SHA-256. */
  transfers(): ReadonlyMap<Sha256, AttachmentTransfer> {
    return this.#transfers;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs a pass now, or once more after the one running (new records may name new files). */
  wake(destination: BlobDestination): Promise<void> {
    this.#destination = destination;
    if (this.#pass !== undefined) {
      this.#again = true;
      return this.#pass;
    }
    const run = this.#run;
    this.#pass = (async () => {
      try {
        do {
          this.#again = false;
          await this.#runPass(run);
        } while (this.#again && run === this.#run);
      } catch (error) {
        // A stopped queue's last chunk may meet a closed database (the window or station went):
        // that work is over, not failed. Otherwise the pass is tried again later, as a file is.
        if (run === this.#run) this.#passFailed(destination, run, error);
      } finally {
        this.#pass = undefined;
      }
    })();
    return this.#pass;
  }

  /** Downloads a large file now (someone opened it), and retries every waiting file at once. */
  fetchNow(sha256: Sha256): void {
    this.#wanted.add(sha256);
    this.#retries.delete(sha256);
    if (this.#destination !== undefined) void this.wake(this.#destination);
  }

  /**
   * The server says it holds `sha256` now (another station's upload completed): a download of it
   * waiting for its retry goes at once. A pass runs only once a sync has named the destination.
   */
  blobArrived(sha256: Sha256): void {
    // Only a download this queue knows of: a record not pulled yet wakes the queue by its pull.
    if (this.#transfers.get(sha256)?.direction !== 'download') return;
    this.#retries.delete(sha256);
    if (this.#destination !== undefined) void this.wake(this.#destination);
  }

  /** Waits for the pass running now, if any (tests; the app never waits for the queue). */
  async settled(): Promise<void> {
    while (this.#pass !== undefined) await this.#pass;
  }

  /** Stops moving files (the engine stops): a chunk in flight finishes, none follows. */
  stop(): void {
    this.#run += 1;
    this.#clearRetryTimer();
    this.#transfers.clear();
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }

  #setTransfer(transfer: AttachmentTransfer, run: number): void {
    if (run !== this.#run) return;
    this.#transfers.set(transfer.sha256, transfer);
    this.#notify();
  }

  #clearRetryTimer(): void {
    if (this.#retryTimer === undefined) return;
    this.#options.timers.clear(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  /**
   * What there is to move: uploads first (the other stations wait for them), then downloads;
   * thumbnails before originals each way, so other stations show a photo while it comes. The
   * first pass for an enrollment compares every record with every file; the next ones look at the
   * files still to move and those pulls named since: a file is to move only once a record names
   * it, and every record new to the server comes back in a pull, this station's own too. What a
   * pass found is kept before it moves anything, so a pass that fails leaves the files it was to
   * look at for the one that retries it.
   */
  async #findJobs(destination: BlobDestination): Promise<Job[]> {
    const checked = await readFilesToCheck(this.#db, destination);
    const byKey = checked.compared && !(await this.#cheaperToCompareAll(checked.names.size));
    const jobs = byKey
      ? await this.#findJobsAmong(checked.names, destination.centerId)
      : await this.#findAllJobs(destination.centerId);
    await settleFilesChecked(
      this.#db,
      checked,
      jobs.map((job) => job.sha256),
      checked.compared ? undefined : destination,
    );
    return jobs;
  }

  /**
   * Whether comparing everything costs less than reading `names` files by key: past a page of
   * them, once they are more than half as many as the evidence records (a pull from the start
   * again, or a new station still fetching the center's photos). In Chromium, 60,000 names by key
   * took 11.1 s; comparing the records and files of 30,000 photos and their thumbnails 2.8 s.
   */
  async #cheaperToCompareAll(names: number): Promise<boolean> {
    if (names <= this.#pageKeys) return false;
    return names > (await this.#db.evidence.count()) / 2;
  }

  /** Every file to move: the station's records and files compared whole, a page at a time. */
  async #findAllJobs(centerId: string): Promise<Job[]> {
    const db = this.#db;
    const pageKeys = this.#pageKeys;
    // One read after the other: a page's transaction ends before the next one begins.
    const named = await readInPages(db.evidence, 'sha256', pageKeys, (page) => page.uniqueKeys());
    // Keys only (schema 10): evidence without a thumbnail of its own is not in this index.
    const thumbnailed = await readInPages(db.evidence, 'thumbnailSha256', pageKeys, (page) =>
      page.uniqueKeys(),
    );
    const stored = await readInPages(db.attachments, ':id', pageKeys, (page) => page.primaryKeys());
    const uploaded = await readInPages(
      db.attachmentUploads,
      ':id',
      pageKeys,
      (page) => page.toArray(),
      (row) => row.sha256,
    );
    const thumbnails = new Set<string>(thumbnailed.map(String));
    const namedSet = new Set([...named.map(String), ...thumbnails]);
    const storedSet = new Set<string>(stored.map(String));
    const uploadedHere = new Set(
      uploaded.filter((row) => row.centerId === centerId).map((row) => row.sha256),
    );
    const toUpload = [...storedSet].filter(
      (sha256) => namedSet.has(sha256) && !uploadedHere.has(sha256),
    );
    const missing = [...namedSet].filter((sha256) => !storedSet.has(sha256));
    // Paged too: a new station that has just pulled thousands of photos' records lacks all their
    // bytes, and one read of every such record would hold the evidence as long as the pages above.
    const toUploadRows = await readKeysInPages(toUpload, pageKeys, (keys) =>
      db.attachments.bulkGet(keys),
    );
    const missingRows = await readKeysInPages(missing, pageKeys, (keys) =>
      db.evidence.where('sha256').anyOf(keys).toArray(),
    );
    return planJobs({
      toUpload: toUploadRows.flatMap((row) => (row === undefined ? [] : [row])),
      thumbnails,
      missingRows,
      isStored: (sha256) => storedSet.has(sha256),
    });
  }

  /**
   * The files to move among `names`: their records, files and uploads read by key, a page of
   * keys a read (a first pull names every file of the center).
   */
  async #findJobsAmong(names: ReadonlySet<Sha256>, centerId: string): Promise<Job[]> {
    if (names.size === 0) return [];
    const db = this.#db;
    const list = [...names];
    const pageKeys = this.#pageKeys;
    const inPages = <Row>(read: (keys: string[]) => Promise<readonly Row[]>) =>
      readKeysInPages(list, pageKeys, read);
    const [byOriginal, namedAsThumbnail, storedRows, uploadedRows] = await Promise.all([
      inPages((keys) => db.evidence.where('sha256').anyOf(keys).toArray()),
      inPages((keys) => db.evidence.where('thumbnailSha256').anyOf(keys).keys()),
      inPages((keys) => db.attachments.bulkGet(keys)),
      inPages((keys) => db.attachmentUploads.bulkGet(keys)),
    ]);
    const thumbnails = new Set<string>(namedAsThumbnail.map(String));
    const named = new Set<string>([...byOriginal.map((row) => row.sha256), ...thumbnails]);
    const stored = new Set<string>(
      storedRows.flatMap((row) => (row === undefined ? [] : [row.sha256])),
    );
    const uploadedHere = new Set(
      uploadedRows.flatMap((row) => (row?.centerId === centerId ? [row.sha256] : [])),
    );
    const missingRows = byOriginal.filter((row) => !stored.has(row.sha256));
    // The thumbnails of missing originals this station may hold though no sync named them.
    const thumbnailsToCheck = [
      ...new Set(
        missingRows.flatMap((row) =>
          row.thumbnailSha256 === undefined || names.has(row.thumbnailSha256)
            ? []
            : [row.thumbnailSha256],
        ),
      ),
    ];
    const thumbnailsHere = await readKeysInPages(thumbnailsToCheck, pageKeys, (keys) =>
      db.attachments.bulkGet(keys),
    );
    for (const row of thumbnailsHere) if (row !== undefined) stored.add(row.sha256);
    return planJobs({
      toUpload: storedRows.flatMap((row) =>
        row !== undefined && named.has(row.sha256) && !uploadedHere.has(row.sha256) ? [row] : [],
      ),
      thumbnails,
      missingRows,
      isStored: (sha256) => stored.has(sha256),
    });
  }

  async #runPass(run: number): Promise<void> {
    const destination = this.#destination;
    if (destination === undefined || run !== this.#run) return;
    const jobs = await this.#findJobs(destination);
    await this.#discardStalePartials(jobs);
    const eagerMaxBytes = this.#options.eagerMaxBytes ?? eagerDownloadMaxBytes;
    const now = this.#options.now();
    // Files no longer to move (moved, or their records gone) leave the list.
    const current = new Set(jobs.map((job) => job.sha256));
    for (const sha256 of [...this.#transfers.keys()])
      if (!current.has(sha256)) this.#transfers.delete(sha256);
    const ready: Job[] = [];
    for (const job of jobs) {
      const onDemand =
        job.direction === 'download' &&
        !job.mediaType.startsWith('image/') &&
        job.size > eagerMaxBytes &&
        !this.#wanted.has(job.sha256);
      const retry = this.#retries.get(job.sha256);
      const previous = this.#transfers.get(job.sha256);
      this.#transfers.set(job.sha256, {
        sha256: job.sha256,
        direction: job.direction,
        state: onDemand ? 'on-demand' : 'waiting',
        doneBytes: previous?.doneBytes ?? 0,
        totalBytes: job.size,
        ...(job.direction === 'download' ? { fromStation: job.fromStation } : {}),
        ...(previous?.problem === undefined ? {} : { problem: previous.problem }),
        ...(previous?.notOnServer === true ? { notOnServer: true } : {}),
      });
      if (!onDemand && (retry === undefined || isDue(retry.notBefore, now))) ready.push(job);
    }
    this.#notify();

    // One question for all the files to send, not a HEAD before each.
    const toSend = ready.filter((job) => job.direction === 'upload').map((job) => job.sha256);
    const standing = await askStanding(this.#blobs, destination, toSend);
    let next = 0;
    const worker = async () => {
      while (next < ready.length && run === this.#run) {
        const job = ready[next++];
        if (job !== undefined) await this.#move(job, destination, run, standing.get(job.sha256));
      }
    };
    const concurrency = this.#options.concurrency ?? attachmentTransferConcurrency;
    await Promise.all(Array.from({ length: Math.min(concurrency, ready.length) }, worker));
    if (run !== this.#run) return;
    this.#passFailures = 0;
    this.#retryWhenDue(destination, run);
  }

  /**
   * Forgets downloads cut short of files no longer to download (their records are gone, or the
   * same bytes were attached here meanwhile), so their ranges do not hold the disk forever.
   */
  async #discardStalePartials(jobs: readonly Job[]): Promise<void> {
    const downloading = new Set<string>(
      jobs.filter((job) => job.direction === 'download').map((job) => job.sha256),
    );
    const kept = await this.#db.partialDownloads.toCollection().primaryKeys();
    const stale = new Set(
      kept.map(([sha256]) => sha256).filter((sha256) => !downloading.has(sha256)),
    );
    for (const sha256 of stale) await discardPartialDownload(this.#db, sha256);
  }

  /** Wakes the queue when the earliest waiting file may be tried again. */
  #retryWhenDue(destination: BlobDestination, run: number): void {
    this.#clearRetryTimer();
    const waiting = [...this.#retries]
      .filter(([sha256]) => this.#transfers.has(sha256))
      .map(([, retry]) => retry.notBefore);
    if (waiting.length === 0) return;
    const due = Math.min(...waiting);
    this.#retryTimer = this.#options.timers.set(
      () => {
        this.#retryTimer = undefined;
        if (run !== this.#run) return;
        // Due now, whatever the clock says (a timer may fire a little early).
        for (const retry of this.#retries.values()) if (retry.notBefore <= due) retry.notBefore = 0;
        void this.wake(destination);
      },
      Math.min(maxTransferBackoffMs, Math.max(0, due - this.#options.now())),
    );
  }

  /**
   * A pass stopped by something no single file explains (the database refused a read): said on
   * the console, and the whole pass runs again after the backoff a failing file would get.
   */
  #passFailed(destination: BlobDestination, run: number, error: unknown): void {
    this.#passFailures += 1;
    (this.#options.report ?? console.warn)(
      `attachment transfers stopped and will be tried again: ${String(error)}`,
    );
    this.#clearRetryTimer();
    this.#retryTimer = this.#options.timers.set(() => {
      this.#retryTimer = undefined;
      if (run === this.#run) void this.wake(destination);
    }, this.#backoffMs(this.#passFailures));
  }

  /** The wait after `failures` failures in a row: full jitter up to 1 s, 2 s, 4 s… at most 60 s. */
  #backoffMs(failures: number): number {
    const ceilingMs = Math.min(maxTransferBackoffMs, firstTransferBackoffMs * 2 ** (failures - 1));
    return this.#options.random() * ceilingMs;
  }

  #failed(job: Job, failure: TransferFailed, run: number): void {
    const failures = (this.#retries.get(job.sha256)?.failures ?? 0) + 1;
    this.#retries.set(job.sha256, {
      failures,
      notBefore: this.#options.now() + this.#backoffMs(failures),
    });
    const transfer = this.#transfers.get(job.sha256);
    if (transfer !== undefined)
      this.#setTransfer(
        {
          ...transfer,
          state: 'waiting',
          problem: failure.message,
          notOnServer: failure.notOnServer,
        },
        run,
      );
  }

  #moved(job: Job, run: number): void {
    this.#retries.delete(job.sha256);
    this.#wanted.delete(job.sha256);
    if (run !== this.#run) return;
    this.#transfers.delete(job.sha256);
    this.#notify();
  }

  async #move(
    job: Job,
    destination: BlobDestination,
    run: number,
    standing: BlobStanding | undefined,
  ): Promise<void> {
    const address: BlobAddress = {
      serverUrl: destination.serverUrl,
      deviceToken: destination.deviceToken,
      sha256: job.sha256,
    };
    const onProgress = ({ doneBytes, totalBytes }: TransferProgress) => {
      const transfer = this.#transfers.get(job.sha256);
      if (transfer !== undefined)
        this.#setTransfer(
          { ...transfer, state: 'moving', doneBytes, totalBytes, notOnServer: false },
          run,
        );
    };
    const aborted = () => run !== this.#run;
    try {
      if (job.direction === 'upload')
        await this.#upload(job, address, destination, { onProgress, aborted, standing });
      else await this.#download(job, address, destination, onProgress, aborted);
      await forgetFileMoved(this.#db, job.sha256);
      this.#moved(job, run);
    } catch (error) {
      if (error instanceof TransferFailed) this.#failed(job, error, run);
      else throw error;
    }
  }

  async #upload(
    job: Job,
    address: BlobAddress,
    destination: BlobDestination,
    how: Pick<UploadOptions, 'onProgress' | 'aborted' | 'standing'>,
  ): Promise<void> {
    const blob = (await this.#db.attachmentBlobs.get(job.sha256))?.blob;
    // Removed meanwhile (collected as unreferenced): nothing to send.
    if (blob === undefined) return;
    const outcome = await uploadBlob(this.#blobs, {
      address,
      size: blob.size,
      read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
      chunkBytes: this.#options.chunkBytes ?? defaultBlobChunkBytes,
      ...how,
    });
    switch (outcome.kind) {
      case 'uploaded':
        await markAttachmentOnServer(
          this.#db,
          job.sha256,
          destination.centerId,
          new Date(this.#options.now()).toISOString(),
        );
        return;
      case 'aborted':
        throw new TransferFailed('stopped');
      case 'hash-mismatch':
        // The bytes stored here are not their name (a damaged disk): the server refuses them.
        throw new TransferFailed(outcome.message);
      case 'unreachable':
        throw new TransferFailed(outcome.reason);
      case 'refused':
        throw new TransferFailed(outcome.message);
    }
  }

  async #download(
    job: Extract<Job, { direction: 'download' }>,
    address: BlobAddress,
    destination: BlobDestination,
    onProgress: (progress: TransferProgress) => void,
    aborted: () => boolean,
  ): Promise<void> {
    // The ranges received so far are on disk (schema v8), kept across restarts: go on from there.
    const kept = await readPartialDownload(this.#db, job.sha256);
    if (kept.received > 0) onProgress({ doneBytes: kept.received, totalBytes: job.size });
    const outcome =
      job.size === 0 || kept.received >= job.size
        ? ({ kind: 'downloaded', size: kept.received } as const)
        : await downloadBlob(this.#blobs, {
            address,
            received: kept.received,
            rangeBytes: this.#options.chunkBytes ?? defaultBlobChunkBytes,
            onBytes: async (bytes, start) => {
              try {
                await keepDownloadedRange(this.#db, job.sha256, start, new Uint8Array(bytes));
              } catch (error) {
                // A full disk: the file waits, and is tried again, until there is room.
                const failure = storageFailure(error);
                if (failure === undefined) throw error;
                throw new TransferFailed(failure.message);
              }
            },
            onProgress,
            aborted,
          });
    switch (outcome.kind) {
      case 'downloaded':
        break;
      case 'not-found':
        // The record came before its bytes: the station that took them has not uploaded them yet.
        throw new TransferFailed('not on the server yet', true);
      case 'aborted':
        throw new TransferFailed('stopped');
      case 'unreachable':
        throw new TransferFailed(outcome.reason);
      case 'refused':
        throw new TransferFailed(outcome.message);
    }
    // Read back from disk: the Blob's bytes stay there (Chromium), whatever the file's size.
    const { parts } = await readPartialDownload(this.#db, job.sha256);
    const blob = new Blob([...parts], { type: job.mediaType });
    if ((await sha256OfBlob(blob)) !== job.sha256) {
      await discardPartialDownload(this.#db, job.sha256);
      throw new TransferFailed('the bytes received are not the ones named: downloading again');
    }
    // The attachment store takes the capturing station's thumbnail when it came first, or makes
    // one as for a photo taken here; it removes the ranges in the transaction storing the file.
    const stored = await storeAttachment(this.#db, blob, {
      mediaType: job.mediaType,
      completesDownloadOf: job.sha256,
      isThumbnail: job.isThumbnail,
      ...(job.madeThumbnail === undefined ? {} : { madeThumbnail: job.madeThumbnail }),
    });
    if (!stored.ok) throw new TransferFailed(stored.error.message);
    // These bytes came from the server: no need to send them back.
    await markAttachmentOnServer(
      this.#db,
      job.sha256,
      destination.centerId,
      new Date(this.#options.now()).toISOString(),
    );
  }
}

/**
 * Whether a file waiting since a failure may be tried again at `now`: once its time has come, or
 * when it is further off than any backoff (the clock was set back since: days, maybe).
 */
function isDue(notBefore: number, now: number): boolean {
  return notBefore <= now || notBefore - now > maxTransferBackoffMs;
}

/**
 * What `read` takes from `table` in the order of `index` (`':id'`: its primary key), a page of
 * at most `pageKeys` keys a read: each page is the keys after the last one read (`keyOf` of the
 * last row, the row itself for keys), and a shorter page is the last.
 */
async function readInPages<Stored, Key, Insert, Row>(
  table: Table<Stored, Key, Insert>,
  index: string,
  pageKeys: number,
  read: (page: Collection<Stored, Key, Insert>) => Promise<readonly Row[]>,
  keyOf: (row: Row) => string = String,
): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | undefined;
  for (;;) {
    const from = after === undefined ? table.orderBy(index) : table.where(index).above(after);
    const page = await read(from.limit(pageKeys));
    rows.push(...page);
    const last = page.at(-1);
    if (page.length < pageKeys || last === undefined) return rows;
    after = keyOf(last);
  }
}

/** What `read` gives for `keys`, asked `pageKeys` keys a read, one read after the other. */
async function readKeysInPages<Row>(
  keys: readonly string[],
  pageKeys: number,
  read: (page: string[]) => Promise<readonly Row[]>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let start = 0; start < keys.length; start += pageKeys) {
    rows.push(...(await read(keys.slice(start, start + pageKeys))));
  }
  return rows;
}

/** A file that could not move this time: it waits and is tried again. */
class TransferFailed extends Error {
  /** @param notOnServer the server has not the file yet (a download the other station owes) */
  constructor(
    message: string,
    readonly notOnServer = false,
  ) {
    super(message);
  }
}

/**
 * The jobs, in the order they go: uploads (thumbnails first), then the downloads of the
 * thumbnails of missing originals, then the originals. `missingRows` are the evidence records
 * whose original is not here; a thumbnail is downloaded only while its original is missing (once
 * it is here, this station makes its own).
 */
function planJobs(input: {
  readonly toUpload: readonly Pick<StoredAttachment, 'sha256' | 'sizeBytes'>[];
  readonly thumbnails: ReadonlySet<string>;
  readonly missingRows: readonly StoredEvidence[];
  readonly isStored: (sha256: Sha256) => boolean;
}): Job[] {
  const { thumbnails } = input;
  const uploads = input.toUpload
    .map((attachment): Job => ({
      direction: 'upload',
      sha256: attachment.sha256,
      size: attachment.sizeBytes,
    }))
    .sort((a, b) => Number(thumbnails.has(b.sha256)) - Number(thumbnails.has(a.sha256)));
  const downloads = new Map<Sha256, Job>();
  const thumbnailDownloads = new Map<Sha256, Job>();
  for (const row of input.missingRows.filter((evidence) => isLive(evidence))) {
    if (downloads.has(row.sha256)) continue;
    downloads.set(row.sha256, downloadJob(row));
    const thumbnail = thumbnailJob(row);
    if (thumbnail !== undefined && !input.isStored(thumbnail.sha256))
      thumbnailDownloads.set(thumbnail.sha256, thumbnail);
  }
  return [...uploads, ...thumbnailDownloads.values(), ...downloads.values()];
}

function downloadJob(evidence: StoredEvidence): Job {
  return {
    direction: 'download',
    sha256: evidence.sha256,
    size: evidence.sizeBytes,
    mediaType: evidence.mediaType,
    fromStation: evidence.station,
    isThumbnail: false,
    ...(evidence.thumbnailSha256 === undefined ? {} : { madeThumbnail: evidence.thumbnailSha256 }),
  };
}

/** The download of the thumbnail evidence names, if it names one. */
function thumbnailJob(evidence: StoredEvidence): Job | undefined {
  if (evidence.thumbnailSha256 === undefined || evidence.thumbnailSizeBytes === undefined)
    return undefined;
  return {
    direction: 'download',
    sha256: evidence.thumbnailSha256,
    size: evidence.thumbnailSizeBytes,
    mediaType: thumbnailMediaType,
    fromStation: evidence.station,
    isThumbnail: true,
  };
}
