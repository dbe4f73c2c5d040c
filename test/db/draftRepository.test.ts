// First: installs fake-indexeddb before Dexie is loaded.
import { expectOk, firstWriteMs, openTestDatabase, setupOutboxEntries } from './testDatabase';
import { describe, expect, it } from 'vitest';
import { DirectWriteRefusedError } from '../../renderer/src/db/writeGuard';

describe('DraftRepository', () => {
  it('keeps a draft under its key and reads it back as saved, with the time it was saved', async () => {
    const { db, repositories } = await openTestDatabase();
    const value = { customer: { name: 'Siti' }, evidence: [{ sha256: 'a'.repeat(64) }] };
    expectOk(await repositories.drafts.save('intake/tech-1', value));

    const row = await repositories.drafts.get('intake/tech-1');
    expect(row).toEqual({
      key: 'intake/tech-1',
      savedAt: new Date(firstWriteMs).toISOString(),
      value,
    });
    expect(await db.drafts.count()).toBe(1);
  });

  it('replaces the previous draft of the same key and leaves other keys alone', async () => {
    const { repositories } = await openTestDatabase();
    expectOk(await repositories.drafts.save('intake/tech-1', { step: 1 }));
    expectOk(await repositories.drafts.save('intake/tech-2', { step: 'other' }));
    expectOk(await repositories.drafts.save('intake/tech-1', { step: 2 }));

    expect((await repositories.drafts.get('intake/tech-1'))?.value).toEqual({ step: 2 });
    expect((await repositories.drafts.get('intake/tech-2'))?.value).toEqual({ step: 'other' });
  });

  it('discards a draft, and discarding a missing one is no error', async () => {
    const { repositories } = await openTestDatabase();
    expectOk(await repositories.drafts.save('intake/tech-1', { step: 1 }));
    expectOk(await repositories.drafts.discard('intake/tech-1'));
    expect(await repositories.drafts.get('intake/tech-1')).toBeUndefined();
    expectOk(await repositories.drafts.discard('intake/tech-1'));
  });

  it('writes no audit event and no outbox entry: a draft is never synced', async () => {
    const { db, repositories } = await openTestDatabase();
    expectOk(await repositories.drafts.save('intake/tech-1', { step: 1 }));
    expect(await db.auditEvents.count()).toBe(0);
    expect(await db.outbox.count()).toBe(setupOutboxEntries);
  });

  it('refuses a draft without a key', async () => {
    const { repositories } = await openTestDatabase();
    const result = await repositories.drafts.save('  ', { step: 1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'invalid-input', field: 'key' });
  });

  it('is the only way to write the drafts table: a direct write is refused by the guard', async () => {
    const { db } = await openTestDatabase();
    await expect(
      db.drafts.put({ key: 'intake/x', savedAt: new Date().toISOString(), value: {} }),
    ).rejects.toBeInstanceOf(DirectWriteRefusedError);
  });
});
