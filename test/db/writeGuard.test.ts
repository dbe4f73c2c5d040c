import './testDatabase';
import { describe, expect, it } from 'vitest';
import { DirectWriteRefusedError, ForeignTransactionError } from '../../renderer/src/db/writeGuard';
import { makeCustomer } from '../factories/domain';
import { asTechnician, expectOk, openTestDatabase } from './testDatabase';

const { id: _id, ...customerDraft } = makeCustomer();

describe('write guard', () => {
  it('refuses a direct put into a synced table, pointing at the repositories', async () => {
    const { db } = await openTestDatabase();
    const customer = {
      ...makeCustomer(),
      stamps: {},
      updatedBy: asTechnician.actor,
      station: 'JKT1',
      nameWords: [],
      phoneTails: [],
    };

    await expect(db.customers.put(customer)).rejects.toThrow(
      /Direct put on table "customers" refused: .*renderer\/src\/db\/repositories/,
    );
    expect(await db.customers.count()).toBe(0);
  });

  it('refuses a direct delete of a synced row, which stays in place', async () => {
    const { db, repositories } = await openTestDatabase();
    const created = expectOk(await repositories.customers.create(customerDraft, asTechnician));

    await expect(db.customers.delete(created.id)).rejects.toBeInstanceOf(DirectWriteRefusedError);
    expect(await db.customers.get(created.id)).toBeDefined();
  });

  it('refuses a bulk modify through a collection', async () => {
    const { db, repositories } = await openTestDatabase();
    expectOk(await repositories.customers.create(customerDraft, asTechnician));

    await expect(db.customers.toCollection().modify({ name: 'Someone Else' })).rejects.toThrow();
    expect((await db.customers.toArray()).map((customer) => customer.name)).toEqual([
      customerDraft.name,
    ]);
  });

  it('refuses a direct write to the outbox', async () => {
    const { db } = await openTestDatabase();
    await expect(db.outbox.clear()).rejects.toBeInstanceOf(DirectWriteRefusedError);
  });

  it('refuses a repository write inside a transaction the repositories did not open', async () => {
    const { db, repositories } = await openTestDatabase();
    await expect(
      db.transaction('rw', db.tables, () =>
        repositories.customers.create(customerDraft, asTechnician),
      ),
    ).rejects.toBeInstanceOf(ForeignTransactionError);
    expect(await db.customers.count()).toBe(0);
  });
});
