import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderBlobStore } from '../../server/src/blobs/blobStore';
import { sha256Of as sha256 } from './blobServer';

describe('the folder blob store’s listings', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'fixline-blob-listing-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('counts its blobs and uploads while an upload’s lock folder comes and goes', async () => {
    const store = new FolderBlobStore(root);
    const stored = randomBytes(1_000);
    const partial = randomBytes(2_000);
    await store.append(sha256(stored), 0, stored.length, Readable.from([stored]));
    await store.append(
      sha256(partial),
      0,
      partial.length,
      Readable.from([partial.subarray(0, 500)]),
    );
    // What proper-lockfile makes beside an upload while one of its chunks streams.
    const lockFolder = join(root, 'uploads', `${'b'.repeat(64)}.lock`);
    let churning = true;
    const churn = (async () => {
      while (churning) {
        await mkdir(lockFolder).catch(() => undefined);
        await rm(lockFolder, { recursive: true, force: true });
      }
    })();

    const counts: number[] = [];
    const storedCounts: number[] = [];
    try {
      for (let listing = 0; listing < 150; listing += 1) {
        counts.push(await store.uploadsUnderway());
        storedCounts.push((await store.storedBlobs()).length);
      }
    } finally {
      churning = false;
      await churn;
    }

    expect(new Set(counts)).toEqual(new Set([1]));
    expect(new Set(storedCounts)).toEqual(new Set([1]));
  });
});
