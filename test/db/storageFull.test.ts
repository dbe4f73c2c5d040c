import './testDatabase';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { storageFailure } from '../../renderer/src/db/repositories/repositoryError';
import { isStorageFull } from '../../renderer/src/db/writeGuard';
import { makeCustomer } from '../factories/domain';
import { asTechnician, failingWritesOn, openTestDatabase, quotaError } from './testDatabase';

describe('a write that fails for want of space is "storage full"', () => {
  it.each([
    ['a QuotaExceededError', quotaError()],
    [
      'an AbortError around a quota error',
      new Dexie.AbortError('Transaction aborted', quotaError()),
    ],
    [
      'an UnknownError around a quota error',
      new Dexie.UnknownError('Internal error committing transaction', quotaError()),
    ],
    [
      'an error whose cause is a quota error',
      new Error('write failed', { cause: new Dexie.AbortError('aborted', quotaError()) }),
    ],
    [
      'an UnknownError that says the disk is full',
      new DOMException('IO error: the disk is full', 'UnknownError'),
    ],
  ])('%s', (_case, error) => {
    expect(isStorageFull(error)).toBe(true);
    expect(storageFailure(error)?.code).toBe('storage-full');
  });

  it.each([
    [
      'an AbortError around a taken unique key',
      new Dexie.AbortError('aborted', new DOMException('Key exists', 'ConstraintError')),
    ],
    ['an UnknownError with no word of space', new DOMException('Internal error', 'UnknownError')],
    ['a bug', new TypeError('x is undefined')],
    ['something that is no error', 'quota'],
  ])('but not %s', (_case, error) => {
    expect(isStorageFull(error)).toBe(false);
    expect(storageFailure(error)?.code).not.toBe('storage-full');
  });

  it('a repository refuses with storage-full when the commit aborts around a quota error', async () => {
    const { db, repositories } = await openTestDatabase();
    // Middlewares take effect when the database opens.
    db.close({ disableAutoOpen: false });
    db.use(
      failingWritesOn('outbox', () => new Dexie.AbortError('Transaction aborted', quotaError())),
    );
    const { id: _id, ...customer } = makeCustomer();

    const result = await repositories.customers.create(customer, asTechnician);

    expect(result).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    expect(await db.customers.count()).toBe(0);
  });
});
