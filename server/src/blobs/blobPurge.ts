import type { FastifyBaseLogger } from 'fastify';
import type { Queryable } from '../storage/database';
import type { BlobStore } from './blobStore';
import { isBlobReferenced } from './blobStore';

/**
 * A running server deletes attachments' bytes no record names once they are this old: a station
 * offline for days may push the record after the bytes (`purge-blobs` does the same on demand).
 */
export const unreferencedBlobRetentionMs = 30 * 24 * 3_600_000;

/** When a running server looks for bytes no record names. */
export type BlobPurgeSchedule = {
  /** After the start, so a restart loop does not scan the store each time (default 10 min). */
  readonly firstAfterMs?: number;
  /** Then every this often (default a day). */
  readonly everyMs?: number;
  /** How old unreferenced bytes must be to go (default {@link unreferencedBlobRetentionMs}). */
  readonly olderThanMs?: number;
};

/**
 * Purges the store's unreferenced bytes on `schedule`, one round at a time, logging what went
 * (counts and sizes only) and any failure (the next round tries again). Several server processes
 * on one database each run it: a purge deletes only what no record names, so they agree. The
 * result stops it, waiting for a round under way.
 */
export function scheduleBlobPurge(
  store: BlobStore,
  database: Queryable,
  log: FastifyBaseLogger,
  schedule: BlobPurgeSchedule = {},
): () => Promise<void> {
  const olderThanMs = schedule.olderThanMs ?? unreferencedBlobRetentionMs;
  let running: Promise<void> | undefined;
  const round = () => {
    if (running !== undefined) return;
    running = (async () => {
      try {
        const { purged, bytes } = await store.purge(new Date(Date.now() - olderThanMs), (sha256) =>
          isBlobReferenced(database, sha256),
        );
        if (purged > 0) log.info({ purged, bytes }, 'deleted attachments no record names');
      } catch (error) {
        log.warn({ err: error }, 'deleting attachments no record names failed: next round');
      } finally {
        running = undefined;
      }
    })();
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(
    () => {
      round();
      interval = setInterval(round, schedule.everyMs ?? 24 * 3_600_000).unref();
    },
    schedule.firstAfterMs ?? 10 * 60_000,
  ).unref();
  return async () => {
    clearTimeout(first);
    clearInterval(interval);
    await running;
  };
}
