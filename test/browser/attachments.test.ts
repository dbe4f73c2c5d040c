import { describe, expect, it } from 'vitest';
import type { AttachmentToStore } from '../../renderer/src/db/attachments';
import {
  hashChunkBytes,
  readAttachment,
  sha256OfBlob,
  storeAttachment,
  storeAttachments,
  thumbnailsSettled,
} from '../../renderer/src/db/attachments';
import { makeCustomer, makeDevice } from '../factories/domain';
import { makeIntakeInput } from '../factories/intake';
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

/** A Blob that counts how many Blobs of its kind are being read at once. */
class ReadCountingBlob extends Blob {
  static reading = 0;
  static mostAtOnce = 0;

  override async arrayBuffer(): Promise<ArrayBuffer> {
    ReadCountingBlob.reading += 1;
    ReadCountingBlob.mostAtOnce = Math.max(ReadCountingBlob.mostAtOnce, ReadCountingBlob.reading);
    try {
      // Long enough that every file the store starts at once is still being read.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return await super.arrayBuffer();
    } finally {
      ReadCountingBlob.reading -= 1;
    }
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

  it('hashes a file over the WebCrypto limit in chunks, to the digest WebCrypto gives below it', async () => {
    const file = new Blob([patternBytes(3 * oneMiB + 5)]);
    const wholeReads: number[] = [];
    const streamedChunks: number[] = [];

    const whole = await sha256OfBlob(file, {
      onChunkRead: (chunkBytes) => wholeReads.push(chunkBytes),
    });
    const streamed = await sha256OfBlob(file, {
      wholeFileMaxBytes: oneMiB,
      chunkBytes: oneMiB,
      onChunkRead: (chunkBytes) => streamedChunks.push(chunkBytes),
    });

    // The same bytes hashed with Node's crypto.createHash('sha256').
    const expected = 'b01669d77761c4dfdfc8fb927821087bcf5c9ef1f917c4f1f8504e529f19edab';
    expect(whole).toBe(expected);
    expect(streamed).toBe(expected);
    expect(wholeReads).toEqual([3 * oneMiB + 5]);
    expect(streamedChunks).toEqual([oneMiB, oneMiB, oneMiB, 5]);
  });

  it('hashes a file of exactly the WebCrypto limit whole, and one a byte larger in chunks', async () => {
    const atLimit = new WholeReadRefusingBlob([patternBytes(4096)]);
    const overLimit = new WholeReadRefusingBlob([patternBytes(4097)]);

    await expect(sha256OfBlob(atLimit, { wholeFileMaxBytes: 4096 })).rejects.toThrow(
      'the whole Blob was read into memory',
    );
    expect(await sha256OfBlob(overLimit, { wholeFileMaxBytes: 4096, chunkBytes: 1024 })).toBe(
      hex(await crypto.subtle.digest('SHA-256', patternBytes(4097))),
    );
  });

  it('hashes an empty file', async () => {
    expect(await sha256OfBlob(new Blob([]))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('hashes a 200 MB Blob over the WebCrypto limit chunk by chunk, never reading it whole', async () => {
    const video = new WholeReadRefusingBlob(
      Array.from({ length: 200 }, () => patternBytes(oneMiB)),
      {
        type: 'video/mp4',
      },
    );
    const chunkSizes: number[] = [];

    const started = performance.now();
    const digest = await sha256OfBlob(video, {
      wholeFileMaxBytes: 100 * oneMiB,
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

  it('stores several files three at a time, keeping the bytes of each', async () => {
    const { db } = await openBrowserDatabase();
    const contents = Array.from({ length: 7 }, (_, index) => patternBytes(10_000 + index * 3_001));
    // The fourth file is the second again: stored once, answered for both.
    const files: AttachmentToStore[] = contents.map((bytes, index) => ({
      file: new ReadCountingBlob([index === 3 ? (contents[1] ?? bytes) : bytes]),
      mediaType: 'application/pdf',
    }));
    ReadCountingBlob.mostAtOnce = 0;
    const storedOrder: number[] = [];

    const results = await storeAttachments(db, files, {
      onStored: (_, index) => storedOrder.push(index),
    });

    expect(ReadCountingBlob.mostAtOnce).toBe(3);
    expect(storedOrder.toSorted()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const stored = results.map(expectOk);
    expect(stored.map((result) => result.attachment.sizeBytes)).toEqual(
      files.map(({ file }) => file.size),
    );
    expect(stored[3]?.attachment.sha256).toBe(stored[1]?.attachment.sha256);
    expect(await db.attachmentBlobs.count()).toBe(6);
    for (const [index, result] of stored.entries()) {
      const bytes = await readAttachment(db, result.attachment.sha256);
      const expected = index === 3 ? contents[1] : contents[index];
      expect(new Uint8Array((await bytes?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(expected);
    }
  });

  it('adds a JPEG thumbnail of at most 320 pixels to an image once its bytes are stored', async () => {
    const { db } = await openBrowserDatabase();
    const photo = await makePng(1600, 1200);

    const { attachment } = expectOk(await storeAttachment(db, photo));
    await thumbnailsSettled();

    // The store answers as soon as the bytes are safe: the thumbnail comes later.
    expect(attachment.thumbnail).toBeUndefined();
    const thumbnail = (await db.attachments.get(attachment.sha256))?.thumbnail;
    expect(thumbnail).toMatchObject({ width: 320, height: 240 });
    expect(thumbnail?.blob.type).toBe('image/jpeg');
    const decoded = await createImageBitmap(thumbnail?.blob ?? new Blob());
    expect([decoded.width, decoded.height]).toEqual([320, 240]);
  });

  it('keeps the orientation of a portrait image in its thumbnail', async () => {
    const { db } = await openBrowserDatabase();
    const { attachment } = expectOk(await storeAttachment(db, await makePng(900, 1600)));
    await thumbnailsSettled();
    expect((await db.attachments.get(attachment.sha256))?.thumbnail).toMatchObject({
      width: 180,
      height: 320,
    });
  });

  it('keeps the size of a small image in its thumbnail', async () => {
    const { db } = await openBrowserDatabase();
    const { attachment } = expectOk(await storeAttachment(db, await makePng(200, 100)));
    await thumbnailsSettled();
    expect((await db.attachments.get(attachment.sha256))?.thumbnail).toMatchObject({
      width: 200,
      height: 100,
    });
  });

  it('makes no thumbnail for a video', async () => {
    const { db } = await openBrowserDatabase();
    const { attachment } = expectOk(
      await storeAttachment(db, new Blob([patternBytes(10_000)], { type: 'video/mp4' })),
    );
    await thumbnailsSettled();
    expect((await db.attachments.get(attachment.sha256))?.thumbnail).toBeUndefined();
  });

  it('stores an image it cannot decode, without a thumbnail', async () => {
    const { db } = await openBrowserDatabase();
    const { attachment } = expectOk(
      await storeAttachment(db, new Blob([patternBytes(10_000)], { type: 'image/heic' })),
    );
    await thumbnailsSettled();
    expect((await db.attachments.get(attachment.sha256))?.thumbnail).toBeUndefined();
    expect(await db.attachmentBlobs.count()).toBe(1);
  });

  it('adds the thumbnail of a photo after the intake is saved, which wrote only the records', async () => {
    const { db, repositories } = await openBrowserDatabase();
    const photo = new File([await makePng(2400, 1800)], 'front.png', { type: 'image/png' });
    const [stored] = await storeAttachments(db, [{ file: photo }]);
    const { attachment } = expectOk(stored ?? { ok: false, error: { message: 'not stored' } });

    const saved = expectOk(
      await repositories.intakes.create(
        makeIntakeInput({
          evidence: [
            {
              kind: 'product-photo',
              sha256: attachment.sha256,
              fileName: photo.name,
              mediaType: 'image/png',
              sizeBytes: photo.size,
              capturedAt: '2026-05-04T02:16:00.000Z',
            },
          ],
        }),
        asTechnician,
      ),
    );

    expect(saved.evidence).toHaveLength(1);
    await expect
      .poll(async () => (await db.attachments.get(attachment.sha256))?.thumbnail?.width, {
        timeout: 10_000,
      })
      .toBe(320);
  });

  it('saves an intake with a damaged photo, which keeps no thumbnail', async () => {
    const { db, repositories } = await openBrowserDatabase();
    const damaged = new File([patternBytes(20_000)], 'damaged.jpg', { type: 'image/jpeg' });
    const [stored] = await storeAttachments(db, [{ file: damaged }]);
    const { attachment } = expectOk(stored ?? { ok: false, error: { message: 'not stored' } });

    const saved = await repositories.intakes.create(
      makeIntakeInput({
        evidence: [
          {
            kind: 'product-photo',
            sha256: attachment.sha256,
            fileName: damaged.name,
            mediaType: 'image/jpeg',
            sizeBytes: damaged.size,
            capturedAt: '2026-05-04T02:16:00.000Z',
          },
        ],
      }),
      asTechnician,
    );
    await thumbnailsSettled();

    expect(saved.ok).toBe(true);
    expect(await db.evidence.count()).toBe(1);
    expect(await db.attachments.get(attachment.sha256)).toMatchObject({ mediaType: 'image/jpeg' });
    expect((await db.attachments.get(attachment.sha256))?.thumbnail).toBeUndefined();
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
