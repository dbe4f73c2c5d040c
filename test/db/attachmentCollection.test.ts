// First: installs fake-indexeddb before Dexie is loaded.
import { asTechnician, expectOk, firstWriteMs, openTestDatabase } from './testDatabase';
import { describe, expect, it } from 'vitest';
import {
  collectUnreferencedAttachments,
  storeAttachment,
  unreferencedAttachmentGraceMs,
} from '../../renderer/src/db/attachments';
import type { FixlineDatabase } from '../../renderer/src/db/database';
import type { AttachmentCollectionSettingsRow } from '../../renderer/src/db/records';
import type { Repositories } from '../../renderer/src/db/repositories';
import { saveIntake } from '../../renderer/src/intake/saveIntake';
import { makeIntakeInput } from '../factories/intake';

const dayMs = 24 * 60 * 60 * 1000;
/** The fake clock of the collection: a week and a day after the first files were stored. */
const collectedAtMs = firstWriteMs + unreferencedAttachmentGraceMs + dayMs;

/** Stores a small file as if at `atMs`; returns its digest and size. */
async function storeFileAt(db: FixlineDatabase, text: string, atMs: number) {
  const stored = expectOk(
    await storeAttachment(db, new Blob([`%PDF-1.4 ${text}`], { type: 'application/pdf' }), {
      now: () => atMs,
    }),
  );
  return stored.attachment;
}

/** Saves a claim whose evidence is the file `sha256`; returns the evidence's id. */
async function claimWithEvidence(
  repositories: Repositories,
  file: { sha256: string; sizeBytes: number },
): Promise<string> {
  const saved = expectOk(
    await saveIntake(
      repositories,
      makeIntakeInput({
        evidence: [
          {
            kind: 'receipt',
            sha256: file.sha256,
            fileName: 'receipt.pdf',
            mediaType: 'application/pdf',
            sizeBytes: file.sizeBytes,
            capturedAt: '2026-05-04T02:10:00.000Z',
          },
        ],
      }),
      asTechnician,
    ),
  );
  const evidence = saved.evidence[0];
  if (evidence === undefined) throw new Error('the intake stored no evidence');
  return evidence.id;
}

const storedDigests = async (db: FixlineDatabase) => ({
  attachments: (await db.attachments.toCollection().primaryKeys()).sort(),
  blobs: (await db.attachmentBlobs.toCollection().primaryKeys()).sort(),
});

describe('collecting stored files that no record refers to', () => {
  it('removes a file no record refers to once the grace period has passed', async () => {
    const { db } = await openTestDatabase();
    const orphan = await storeFileAt(db, 'dropped, then the draft was discarded', firstWriteMs);

    const collected = await collectUnreferencedAttachments(db, { now: () => collectedAtMs });

    expect(collected).toEqual({ files: 1, bytes: orphan.sizeBytes });
    expect(await storedDigests(db)).toEqual({ attachments: [], blobs: [] });
  });

  it('keeps an unreferenced file still inside the grace period', async () => {
    const { db } = await openTestDatabase();
    const recent = await storeFileAt(db, 'dropped yesterday', collectedAtMs - dayMs);

    expect(await collectUnreferencedAttachments(db, { now: () => collectedAtMs })).toEqual({
      files: 0,
      bytes: 0,
    });
    expect(await storedDigests(db)).toEqual({
      attachments: [recent.sha256],
      blobs: [recent.sha256],
    });
  });

  it('keeps old files that evidence, deleted evidence or a draft refers to', async () => {
    const { db, repositories } = await openTestDatabase();
    const evidenceFile = await storeFileAt(db, 'the receipt of a claim', firstWriteMs);
    const deletedFile = await storeFileAt(db, 'evidence removed since', firstWriteMs);
    const draftFile = await storeFileAt(db, 'in a form not saved yet', firstWriteMs);
    const orphan = await storeFileAt(db, 'nobody wants this', firstWriteMs);
    await claimWithEvidence(repositories, evidenceFile);
    const removedEvidence = await claimWithEvidence(repositories, deletedFile);
    expectOk(await repositories.evidence.remove(removedEvidence, asTechnician));
    expectOk(
      await repositories.drafts.save('intake/tech-1', {
        evidence: [{ sha256: draftFile.sha256, fileName: 'photo.jpg' }],
      }),
    );

    const collected = await collectUnreferencedAttachments(db, { now: () => collectedAtMs });

    expect(collected).toEqual({ files: 1, bytes: orphan.sizeBytes });
    const kept = [evidenceFile.sha256, deletedFile.sha256, draftFile.sha256].sort();
    expect(await storedDigests(db)).toEqual({ attachments: kept, blobs: kept });
  });
});

describe('collecting a run at a time', () => {
  const progressOf = async (db: FixlineDatabase) =>
    (await db.settings.get('attachment-collection')) as AttachmentCollectionSettingsRow | undefined;

  it('judges a file once evidence names it, and afterwards only the files that aged since', async () => {
    const { db, repositories } = await openTestDatabase();
    const receipt = await storeFileAt(db, 'the receipt of a claim', firstWriteMs);
    await claimWithEvidence(repositories, receipt);

    expect(await collectUnreferencedAttachments(db, { now: () => collectedAtMs })).toEqual({
      files: 0,
      bytes: 0,
    });
    expect(await progressOf(db)).toEqual({
      key: 'attachment-collection',
      judgedThrough: [new Date(firstWriteMs).toISOString(), receipt.sha256],
      recheck: [],
    });

    // Dropped after that run and never saved: the next run past its grace takes it alone.
    const droppedAtMs = collectedAtMs + dayMs;
    const orphan = await storeFileAt(db, 'dropped into a form, then discarded', droppedAtMs);
    const laterMs = droppedAtMs + unreferencedAttachmentGraceMs + dayMs;
    expect(await collectUnreferencedAttachments(db, { now: () => laterMs })).toEqual({
      files: 1,
      bytes: orphan.sizeBytes,
    });
    expect(await storedDigests(db)).toEqual({
      attachments: [receipt.sha256],
      blobs: [receipt.sha256],
    });
    expect((await progressOf(db))?.judgedThrough).toEqual([
      new Date(droppedAtMs).toISOString(),
      orphan.sha256,
    ]);
  });

  it('keeps a file for its draft, and removes it in a later run once the draft is discarded', async () => {
    const { db, repositories } = await openTestDatabase();
    const photo = await storeFileAt(db, 'in a form not saved yet', firstWriteMs);
    expectOk(
      await repositories.drafts.save('intake/tech-1', {
        evidence: [{ sha256: photo.sha256, fileName: 'photo.jpg' }],
      }),
    );

    await collectUnreferencedAttachments(db, { now: () => collectedAtMs });
    expect((await storedDigests(db)).attachments).toEqual([photo.sha256]);
    expect((await progressOf(db))?.recheck).toEqual([photo.sha256]);

    expectOk(await repositories.drafts.discard('intake/tech-1'));
    expect(await collectUnreferencedAttachments(db, { now: () => collectedAtMs + dayMs })).toEqual({
      files: 1,
      bytes: photo.sizeBytes,
    });
    expect(await storedDigests(db)).toEqual({ attachments: [], blobs: [] });
    expect((await progressOf(db))?.recheck).toEqual([]);
  });

  it('goes through more files than a page holds, a page a transaction, oldest first', async () => {
    const { db, repositories } = await openTestDatabase();
    const files = [];
    for (let index = 0; index < 7; index += 1) {
      files.push(await storeFileAt(db, `file ${index}`, firstWriteMs + index * 1000));
    }
    const [, , , receipt, , inDraft, newest] = files;
    if (receipt === undefined || inDraft === undefined || newest === undefined)
      throw new Error('seven files were stored');
    // The fourth is a receipt; the sixth is in a draft; the rest nobody wants.
    await claimWithEvidence(repositories, receipt);
    expectOk(
      await repositories.drafts.save('intake/tech-1', { evidence: [{ sha256: inDraft.sha256 }] }),
    );

    const collected = await collectUnreferencedAttachments(db, {
      now: () => collectedAtMs,
      pageFiles: 3,
    });

    expect(collected.files).toBe(5);
    const kept = [receipt.sha256, inDraft.sha256].sort();
    expect(await storedDigests(db)).toEqual({ attachments: kept, blobs: kept });
    expect(await progressOf(db)).toEqual({
      key: 'attachment-collection',
      judgedThrough: [new Date(firstWriteMs + 6000).toISOString(), newest.sha256],
      recheck: [inDraft.sha256],
    });
  });

  it('judges nothing again when the clock was set back behind its last run', async () => {
    const { db } = await openTestDatabase();
    const orphan = await storeFileAt(db, 'nobody wants this', firstWriteMs);
    await collectUnreferencedAttachments(db, { now: () => collectedAtMs });
    const newer = await storeFileAt(db, 'stored while the clock was wrong', firstWriteMs - dayMs);

    expect(await collectUnreferencedAttachments(db, { now: () => firstWriteMs })).toEqual({
      files: 0,
      bytes: 0,
    });
    expect((await storedDigests(db)).attachments).toEqual([newer.sha256]);
    expect((await progressOf(db))?.judgedThrough).toEqual([
      new Date(firstWriteMs).toISOString(),
      orphan.sha256,
    ]);
  });
});
