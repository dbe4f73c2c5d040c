import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import {
  blobChunkMediaType,
  syncApiPrefix,
  syncProtocolHeader,
  syncProtocolVersion,
  uploadLengthHeader,
  uploadOffsetHeader,
} from '#shared/sync/protocol';
import type { FastifyInstance } from 'fastify';
import { buildSyncServer } from '../../server/src/app';
import type { Database } from '../../server/src/storage/database';
import { makeEvidence } from '../factories/domain';
import type { BlobStoreFixture } from './blobStoreFixtures';
import { blobStoreKinds, openBlobStoreFixture } from './blobStoreFixtures';
import type { Station } from './serverHarness';
import { insertChange, openTestDatabase, ServerContext } from './serverHarness';

/**
 * A running server deletes by itself the attachments' bytes no record names once they are 30
 * days old (the `purge-blobs` command on a schedule), in the folder and in an S3 bucket alike.
 */

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3_600_000);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(blobStoreKinds)('the running server’s purge of unreferenced bytes (%s)', (kind) => {
  it('deletes old bytes no record names on its schedule, and keeps named and recent ones', async () => {
    const database: Database = await openTestDatabase('pglite');
    cleanups.push(() => database.close());
    const blobs: BlobStoreFixture = await openBlobStoreFixture(kind);
    cleanups.push(() => blobs.close());
    // Every 50 ms from the start, instead of daily from ten minutes after it.
    const app: FastifyInstance = await buildSyncServer({
      database,
      ...blobs.serverOptions,
      blobPurge: { firstAfterMs: 0, everyMs: 50 },
    });
    cleanups.push(() => app.close());
    const jakarta: Station = await new ServerContext(app, database, {
      current: undefined,
    }).enroll('JKT1');
    const upload = (bytes: Buffer) =>
      app.inject({
        method: 'PATCH',
        url: `${syncApiPrefix}/blobs/${sha256(bytes)}`,
        headers: {
          ...jakarta.auth,
          [syncProtocolHeader]: String(syncProtocolVersion),
          'content-type': blobChunkMediaType,
          [uploadOffsetHeader]: '0',
          [uploadLengthHeader]: String(bytes.length),
        },
        payload: bytes,
      });
    const stored = async () =>
      new Set((await blobs.store.storedBlobs()).map((blob) => blob.sha256));

    const named = randomBytes(1_000);
    const oldOrphan = randomBytes(1_000);
    const recentOrphan = randomBytes(1_000);
    for (const bytes of [named, oldOrphan, recentOrphan])
      expect((await upload(bytes)).statusCode).toBe(204);
    const clock = new HybridLogicalClock('JKT1');
    const evidence = makeEvidence({ sha256: sha256(named), sizeBytes: named.length });
    const pushed = await jakarta.push([
      jakarta.mutation([insertChange('evidence', evidence, clock.tick(Date.now()))], clock),
    ]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    await blobs.backdate(sha256(named), daysAgo(40));
    await blobs.backdate(sha256(oldOrphan), daysAgo(31));

    await vi.waitFor(async () => expect(await stored()).not.toContain(sha256(oldOrphan)), {
      timeout: 10_000,
    });
    expect(await stored()).toEqual(new Set([sha256(named), sha256(recentOrphan)]));
  });
});
