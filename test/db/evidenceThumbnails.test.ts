// First: installs fake-indexeddb before Dexie is loaded.
import { asTechnician, expectOk, firstWriteMs, openTestDatabase } from './testDatabase';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  collectUnreferencedAttachments,
  makeThumbnailsWithoutWorker,
  storeAttachment,
  thumbnailsSettled,
  unreferencedAttachmentGraceMs,
} from '../../renderer/src/db/attachments';
import { nameLateThumbnails } from '../../renderer/src/core/lateThumbnails';
import type { FixlineDatabase } from '../../renderer/src/db/database';
import type { AttachmentCollectionSettingsRow } from '../../renderer/src/db/records';
import { applyPulledPage } from '../../renderer/src/db/sync/remoteApply';
import { FakeSyncServer } from '../sync/fakeSyncServer';
import type { TestStation } from '../sync/stations';
import { openStation, pushOutbox, takeInClaim } from '../sync/stations';

/**
 * A photo's thumbnail as a file of its own: stored beside the photo once made, named by the
 * evidence recorded for the photo (so it syncs first), and kept while something names it.
 */

const dayMs = 24 * 60 * 60 * 1000;
const collectedAtMs = firstWriteMs + unreferencedAttachmentGraceMs + dayMs;

/** Node has no image decoder: the stand-in thumbnail is the photo's first 100 bytes. */
const thumbnailOf = (bytes: Uint8Array) => bytes.subarray(0, 100);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeEach(() => {
  makeThumbnailsWithoutWorker(async (image) => ({
    blob: image.slice(0, 100, 'image/jpeg'),
    width: 40,
    height: 30,
  }));
});
afterEach(() => makeThumbnailsWithoutWorker(undefined));

async function storePhoto(db: FixlineDatabase, seed: number, atMs = firstWriteMs) {
  const bytes = new Uint8Array(1_000).map((_, index) => (index * seed) % 251);
  const stored = expectOk(
    await storeAttachment(db, new Blob([bytes], { type: 'image/jpeg' }), { now: () => atMs }),
  );
  return { bytes, attachment: stored.attachment };
}

describe('a photo’s thumbnail as a file of its own', () => {
  it('is stored beside the photo, and the evidence recorded for the photo names it', async () => {
    const station = { ...(await openTestDatabase()), code: 'JKT1' };
    const { bytes, attachment } = await storePhoto(station.db, 7);
    const claimId = await takeInClaim(station);
    // Recorded at once, before the thumbnail is written: the record waits for it.
    const evidence = expectOk(
      await station.repositories.evidence.create(
        {
          claimId,
          kind: 'product-photo',
          sha256: attachment.sha256,
          sizeBytes: attachment.sizeBytes,
          mediaType: 'image/jpeg',
          fileName: 'front.jpg',
          capturedAt: '2026-05-04T02:20:00.000Z',
          capturedBy: asTechnician.actor,
        },
        asTechnician,
      ),
    );
    const thumbnail = thumbnailOf(bytes);
    expect(evidence).toMatchObject({
      thumbnailSha256: sha256(thumbnail),
      thumbnailSizeBytes: thumbnail.length,
    });
    expect(await station.db.attachments.get(attachment.sha256)).toMatchObject({
      thumbnailSha256: sha256(thumbnail),
      thumbnail: { width: 40, height: 30 },
    });
    expect(await station.db.attachments.get(sha256(thumbnail))).toMatchObject({
      mediaType: 'image/jpeg',
      sizeBytes: thumbnail.length,
    });
    const blob = (await station.db.attachmentBlobs.get(sha256(thumbnail)))?.blob;
    expect(new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(thumbnail);
    // The thumbnail's own file gets no thumbnail.
    await thumbnailsSettled();
    expect((await station.db.attachments.get(sha256(thumbnail)))?.thumbnail).toBeUndefined();
  });

  it('names no thumbnail for a file that has none (a PDF)', async () => {
    const station = { ...(await openTestDatabase()), code: 'JKT1' };
    const pdf = expectOk(
      await storeAttachment(
        station.db,
        new Blob(['%PDF-1.4 receipt'], { type: 'application/pdf' }),
      ),
    ).attachment;
    const claimId = await takeInClaim(station);
    const evidence = expectOk(
      await station.repositories.evidence.create(
        {
          claimId,
          kind: 'receipt',
          sha256: pdf.sha256,
          sizeBytes: pdf.sizeBytes,
          mediaType: 'application/pdf',
          fileName: 'receipt.pdf',
          capturedAt: '2026-05-04T02:20:00.000Z',
          capturedBy: asTechnician.actor,
        },
        asTechnician,
      ),
    );
    expect(evidence.thumbnailSha256).toBeUndefined();
    expect(evidence.thumbnailSizeBytes).toBeUndefined();
  });

  it('is collected with an unreferenced photo, and kept while evidence names its photo', async () => {
    const station = { ...(await openTestDatabase()), code: 'JKT1' };
    const kept = await storePhoto(station.db, 3);
    const orphan = await storePhoto(station.db, 5);
    await thumbnailsSettled();
    const claimId = await takeInClaim(station);
    expectOk(
      await station.repositories.evidence.create(
        {
          claimId,
          kind: 'product-photo',
          sha256: kept.attachment.sha256,
          sizeBytes: kept.attachment.sizeBytes,
          mediaType: 'image/jpeg',
          fileName: 'front.jpg',
          capturedAt: '2026-05-04T02:20:00.000Z',
          capturedBy: asTechnician.actor,
        },
        asTechnician,
      ),
    );

    await collectUnreferencedAttachments(station.db, { now: () => collectedAtMs });

    const digests = (await station.db.attachments.toCollection().primaryKeys()).sort();
    expect(digests).toEqual([kept.attachment.sha256, sha256(thumbnailOf(kept.bytes))].sort());
    expect(digests).not.toContain(sha256(thumbnailOf(orphan.bytes)));
  });
});

describe('a thumbnail collected a run at a time', () => {
  it('stays while its photo waits in a draft, and goes with it in a later run', async () => {
    const station = { ...(await openTestDatabase()), code: 'JKT1' };
    const photo = await storePhoto(station.db, 11);
    await thumbnailsSettled();
    const thumbnailDigest = sha256(thumbnailOf(photo.bytes));
    expectOk(
      await station.repositories.drafts.save('intake/tech-1', {
        evidence: [{ sha256: photo.attachment.sha256, fileName: 'front.jpg' }],
      }),
    );

    await collectUnreferencedAttachments(station.db, { now: () => collectedAtMs });
    const both = [photo.attachment.sha256, thumbnailDigest].sort();
    expect((await station.db.attachments.toCollection().primaryKeys()).sort()).toEqual(both);
    expect(
      [
        ...(
          (await station.db.settings.get(
            'attachment-collection',
          )) as AttachmentCollectionSettingsRow
        ).recheck,
      ].sort(),
    ).toEqual(both);

    expectOk(await station.repositories.drafts.discard('intake/tech-1'));
    const collected = await collectUnreferencedAttachments(station.db, {
      now: () => collectedAtMs + dayMs,
    });
    expect(collected.files).toBe(2);
    expect(await station.db.attachments.count()).toBe(0);
  });
});

/** Evidence of a photo stored while no thumbnail could be made: it names none. */
async function recordWithoutThumbnail(station: TestStation, seed: number) {
  makeThumbnailsWithoutWorker(undefined);
  const { bytes, attachment } = await storePhoto(station.db, seed);
  await thumbnailsSettled();
  const claimId = await takeInClaim(station);
  const evidence = expectOk(
    await station.repositories.evidence.create(
      {
        claimId,
        kind: 'product-photo',
        sha256: attachment.sha256,
        sizeBytes: attachment.sizeBytes,
        mediaType: 'image/jpeg',
        fileName: 'front.jpg',
        capturedAt: '2026-05-04T02:20:00.000Z',
        capturedBy: asTechnician.actor,
      },
      asTechnician,
    ),
  );
  expect(evidence.thumbnailSha256).toBeUndefined();
  return { bytes, evidence };
}

/** Makes the thumbnail of `bytes` now, as the queue does for bytes whose thumbnail is missing. */
async function makeThumbnailNow(
  db: FixlineDatabase,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<void> {
  makeThumbnailsWithoutWorker(async (image) => ({
    blob: image.slice(0, 100, 'image/jpeg'),
    width: 40,
    height: 30,
  }));
  expectOk(await storeAttachment(db, new Blob([bytes], { type: 'image/jpeg' })));
  await thumbnailsSettled();
}

describe('a thumbnail made after its evidence was saved', () => {
  it('is named in the evidence captured here, in one outbox entry and no audit event', async () => {
    const station = { ...(await openTestDatabase()), code: 'JKT1' };
    const { bytes, evidence } = await recordWithoutThumbnail(station, 11);
    const stop = nameLateThumbnails(station.db, station.repositories.evidence);
    const outboxBefore = await station.db.outbox.count();
    const auditBefore = await station.db.auditEvents.count();

    await makeThumbnailNow(station.db, bytes);

    const thumbnail = thumbnailOf(bytes);
    await vi.waitFor(async () => {
      expect(await station.db.evidence.get(evidence.id)).toMatchObject({
        thumbnailSha256: sha256(thumbnail),
        thumbnailSizeBytes: thumbnail.length,
        updatedBy: asTechnician.actor,
      });
    });
    stop();
    expect(await station.db.outbox.count()).toBe(outboxBefore + 1);
    const entry = await station.db.outbox.orderBy('sequence').last();
    expect(entry).toMatchObject({ actor: asTechnician.actor });
    expect(entry?.rows).toEqual([
      expect.objectContaining({
        table: 'evidence',
        id: evidence.id,
        set: { thumbnailSha256: sha256(thumbnail), thumbnailSizeBytes: thumbnail.length },
        unset: [],
      }),
    ]);
    expect(await station.db.auditEvents.count()).toBe(auditBefore);
    // Named once: asking again changes nothing.
    expect(await station.repositories.evidence.nameLateThumbnail(evidence.sha256)).toEqual({
      ok: true,
      value: 0,
    });
    expect(await station.db.outbox.count()).toBe(outboxBefore + 1);
  });

  it('is never named here in evidence pulled from another station', async () => {
    const jakarta = await openStation('JKT1');
    const bandung = await openStation('BDG2');
    const { bytes, evidence } = await recordWithoutThumbnail(jakarta, 17);
    const server = new FakeSyncServer();
    await pushOutbox(jakarta, server, '0196a1b2-c3d4-7000-8000-0000000000a1');
    await applyPulledPage(bandung.db, { rows: server.rowsAfter(), lastMutationId: 0 });
    const pulled = await bandung.db.evidence.get(evidence.id);
    expect(pulled).toMatchObject({ station: 'JKT1' });
    const stop = nameLateThumbnails(bandung.db, bandung.repositories.evidence);
    const outboxBefore = await bandung.db.outbox.count();

    // The photo arrives at Bandung, which makes its own thumbnail of it.
    await makeThumbnailNow(bandung.db, bytes);
    expect(await bandung.db.attachments.get(evidence.sha256)).toMatchObject({
      thumbnailSha256: sha256(thumbnailOf(bytes)),
    });
    expect(await bandung.repositories.evidence.nameLateThumbnail(evidence.sha256)).toEqual({
      ok: true,
      value: 0,
    });
    stop();
    expect(await bandung.db.evidence.get(evidence.id)).toEqual(pulled);
    expect(await bandung.db.outbox.count()).toBe(outboxBefore);
  });
});
