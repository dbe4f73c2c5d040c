import { describe, expect, it } from 'vitest';
import {
  hashChunkBytes,
  readAttachment,
  sha256OfBlob,
  storeAttachment,
} from '../../renderer/src/db/attachments';
import { makeCustomer, makeDevice } from '../factories/domain';
import {
  asTechnician,
  expectOk,
  makePng,
  openBrowserDatabase,
  patternBytes,
} from './browserDatabase';

const oneMiB = 1024 * 1024;

/** A Blob that refuses to be read whole, so a test can tell chunked reading from reading it all. */
class WholeReadRefusingBlob extends Blob {
  override arrayBuffer(): Promise<ArrayBuffer> {
    throw new Error('the whole Blob was read into memory');
  }

  override text(): Promise<string> {
    throw new Error('the whole Blob was read into memory');
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    throw new Error('the whole Blob was read into memory');
  }
}

function hex(digest: ArrayBuffer): string {
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('attachment store', () => {
  it('hashes a small file to the SHA-256 that crypto.subtle computes', async () => {
    const bytes = patternBytes(100_000);
    const expected = hex(await crypto.subtle.digest('SHA-256', bytes));
    expect(await sha256OfBlob(new Blob([bytes]), { chunkBytes: 4096 })).toBe(expected);
  });

  it('hashes an empty file', async () => {
    expect(await sha256OfBlob(new Blob([]))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('hashes a 200 MB Blob chunk by chunk, never reading it whole', async () => {
    const video = new WholeReadRefusingBlob(
      Array.from({ length: 200 }, () => patternBytes(oneMiB)),
      {
        type: 'video/mp4',
      },
    );
    const chunkSizes: number[] = [];

    const started = performance.now();
    const digest = await sha256OfBlob(video, {
      onChunkRead: (chunkBytes) => chunkSizes.push(chunkBytes),
    });
    const elapsedMs = performance.now() - started;

    // The same bytes hashed with Python's hashlib.
    expect(digest).toBe('db0e6cbbe829827e344133442cb0a34e30cc815880f6f6ffae06721ea703d4fd');
    expect(chunkSizes).toHaveLength((200 * oneMiB) / hashChunkBytes);
    expect(Math.max(...chunkSizes)).toBe(hashChunkBytes);
    console.info(`hashed 200 MiB in ${Math.round(elapsedMs)} ms`);
  });

  it('stores the same bytes once, however often they are attached', async () => {
    const { db } = await openBrowserDatabase();
    const bytes = patternBytes(50_000);

    const first = expectOk(
      await storeAttachment(db, new File([bytes], 'front.jpg', { type: 'application/pdf' })),
    );
    const second = expectOk(
      await storeAttachment(db, new Blob([bytes], { type: 'application/pdf' })),
    );

    expect(first.alreadyStored).toBe(false);
    expect(second).toEqual({ attachment: first.attachment, alreadyStored: true });
    expect(await db.attachments.count()).toBe(1);
    expect(await db.attachmentBlobs.count()).toBe(1);
  });

  it('reads back the stored bytes by their digest', async () => {
    const { db } = await openBrowserDatabase();
    const bytes = patternBytes(70_000);
    const { attachment } = expectOk(
      await storeAttachment(db, new Blob([bytes], { type: 'video/mp4' })),
    );

    const stored = await readAttachment(db, attachment.sha256);

    expect(new Uint8Array((await stored?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(bytes);
    expect(attachment).toMatchObject({ sizeBytes: 70_000, mediaType: 'video/mp4' });
  });

  it('refuses a file over the size limit, naming the file and the limit, and stores nothing', async () => {
    const { db } = await openBrowserDatabase();
    const video = new File([patternBytes(3 * oneMiB)], 'unboxing.mp4', { type: 'video/mp4' });

    const result = await storeAttachment(db, video, { maxBytes: 2 * oneMiB });

    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    if (!result.ok)
      expect(result.error.message).toContain('"unboxing.mp4" is 3 MiB, over the limit of 2 MiB');
    expect(await db.attachmentBlobs.count()).toBe(0);
  });

  it('makes a JPEG thumbnail no larger than 320 pixels for an image', async () => {
    const { db } = await openBrowserDatabase();
    const photo = await makePng(1600, 1200);

    const { attachment } = expectOk(await storeAttachment(db, photo));

    const thumbnail = attachment.thumbnail;
    expect(thumbnail).toMatchObject({ width: 320, height: 240 });
    expect(thumbnail?.blob.type).toBe('image/jpeg');
    const decoded = await createImageBitmap(thumbnail?.blob ?? new Blob());
    expect([decoded.width, decoded.height]).toEqual([320, 240]);
    expect((await db.attachments.get(attachment.sha256))?.thumbnail?.width).toBe(320);
  });

  it('keeps the orientation of a portrait image in its thumbnail', async () => {
    const { db } = await openBrowserDatabase();
    const { attachment } = expectOk(await storeAttachment(db, await makePng(900, 1600)));
    expect(attachment.thumbnail).toMatchObject({ width: 180, height: 320 });
  });

  it('makes no thumbnail for a video', async () => {
    const { db } = await openBrowserDatabase();
    const { attachment } = expectOk(
      await storeAttachment(db, new Blob([patternBytes(10_000)], { type: 'video/mp4' })),
    );
    expect(attachment.thumbnail).toBeUndefined();
  });

  it('stores an image it cannot decode, without a thumbnail', async () => {
    const { db } = await openBrowserDatabase();
    const { attachment } = expectOk(
      await storeAttachment(db, new Blob([patternBytes(10_000)], { type: 'image/heic' })),
    );
    expect(attachment.thumbnail).toBeUndefined();
    expect(await db.attachmentBlobs.count()).toBe(1);
  });

  it('refuses a direct write to the attachment store', async () => {
    const { db } = await openBrowserDatabase();
    await expect(
      db.attachmentBlobs.put({ sha256: 'a'.repeat(64), blob: new Blob([]) }),
    ).rejects.toThrow(/Direct put on table "attachmentBlobs" refused/);
  });

  it('records evidence only for a file already in the store', async () => {
    const { repositories } = await openBrowserDatabase();
    const { id: _customerId, ...customerDraft } = makeCustomer();
    const customer = expectOk(await repositories.customers.create(customerDraft, asTechnician));
    const { id: _deviceId, ...deviceDraft } = makeDevice({ customerId: customer.id });
    const device = expectOk(await repositories.devices.create(deviceDraft, asTechnician));
    const claim = expectOk(
      await repositories.claims.create(
        {
          policyPackId: 'kospet-warranty-refund',
          customerId: customer.id,
          deviceId: device.id,
          purchase: { channel: 'official-store', proof: 'valid' },
          reason: 'defect',
          customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: false },
        },
        asTechnician,
      ),
    );
    const evidence = {
      claimId: claim.id,
      kind: 'product-photo' as const,
      sha256: 'a'.repeat(64),
      sizeBytes: 10,
      mediaType: 'image/jpeg',
      fileName: 'front.jpg',
      capturedAt: '2026-05-04T02:16:00.000Z',
      capturedBy: asTechnician.actor,
    };

    const refused = await repositories.evidence.create(evidence, asTechnician);

    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'attachment-missing', field: 'sha256' },
    });
  });
});
