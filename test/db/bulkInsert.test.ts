import './testDatabase';
import { describe, expect, it } from 'vitest';
import type { Device } from '#shared/domain/device';
import { readClaimCount } from '../../renderer/src/db/claimCounts';
import { readClaimDeadlineFields } from '../../renderer/src/db/claimDeadline';
import type { FixlineDatabase } from '../../renderer/src/db/database';
import { rmaSequenceName } from '../../renderer/src/db/repositories';
import {
  claimDefinition,
  customerDefinition,
  deviceDefinition,
} from '../../renderer/src/db/repositories/definitions';
import { RepositoryWriter, writeScope } from '../../renderer/src/db/repositories/repositoryWriter';
import { makeClaim, makeCustomer, makeDevice, nextId } from '../factories/domain';
import { asTechnician, createCustomerAndDevice, expectOk, openTestDatabase } from './testDatabase';

/** What a refused write must leave as it was. */
async function countRows(db: FixlineDatabase) {
  return {
    customers: await db.customers.count(),
    devices: await db.devices.count(),
    claims: await db.claims.count(),
    auditEvents: await db.auditEvents.count(),
    outbox: await db.outbox.count(),
    claimCounts: await db.claimCounts.count(),
    sequences: await db.sequences.toArray(),
  };
}

/** Devices written with one `insertAll` in one repository write. */
function insertDevices(db: FixlineDatabase, devices: readonly Device[]) {
  return new RepositoryWriter(db).write(asTechnician, writeScope([deviceDefinition]), (session) =>
    session.insertAll(deviceDefinition, devices),
  );
}

describe('a batched insert (WriteSession.insertAll)', () => {
  it('refuses a batch with one missing customer as a single insert does, writes nothing and names the row', async () => {
    const { db, repositories } = await openTestDatabase();
    const { customerId } = await createCustomerAndDevice(repositories);
    const before = await countRows(db);
    const missing = nextId();
    const astray = makeDevice({ customerId: missing });

    const result = await insertDevices(db, [
      makeDevice({ customerId }),
      makeDevice({ customerId }),
      astray,
      makeDevice({ customerId }),
    ]);

    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', field: 'customerId' } });
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain(`no customer with id ${missing}`);
    expect(message).toContain(astray.id);
    expect(message).toContain('row 3 of 4');
    expect(await countRows(db)).toEqual(before);
  });

  it('refuses a batch naming a deleted customer, and says it was deleted', async () => {
    const { db, repositories } = await openTestDatabase();
    const { customerId } = await createCustomerAndDevice(repositories);
    const gone = await createCustomerAndDevice(repositories, { serial: 'KT3-GONE' });
    expectOk(await repositories.customers.remove(gone.customerId, asTechnician));
    const before = await countRows(db);

    const result = await insertDevices(db, [
      makeDevice({ customerId: gone.customerId }),
      makeDevice({ customerId }),
    ]);

    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', field: 'customerId' } });
    expect(result.ok ? '' : result.error.message).toMatch(/\(it was deleted\).*row 1 of 2/);
    expect(await countRows(db)).toEqual(before);
  });

  it('refuses a batched replace that moves one device to a missing customer, naming the row', async () => {
    const { db, repositories } = await openTestDatabase();
    const { customerId } = await createCustomerAndDevice(repositories);
    expectOk(await insertDevices(db, [makeDevice({ customerId }), makeDevice({ customerId })]));
    const stored = await db.devices.toArray();
    const before = await countRows(db);
    const missing = nextId();

    const result = await new RepositoryWriter(db).write(
      asTechnician,
      writeScope([deviceDefinition]),
      (session) =>
        session.replaceAll(
          deviceDefinition,
          stored.map((existing, index) => ({
            existing,
            next: session.parse(deviceDefinition, {
              ...existing,
              // The first device is left as it was: rows are named as the caller gave them.
              ...(index === 0 ? {} : { model: 'KOSPET Tank T3 Ultra' }),
              ...(index === 2 ? { customerId: missing } : {}),
            }),
          })),
        ),
    );

    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', field: 'customerId' } });
    expect(result.ok ? '' : result.error.message).toContain(`${missing}, named by the device`);
    expect(result.ok ? '' : result.error.message).toContain('row 3 of 3');
    expect(await countRows(db)).toEqual(before);
    expect((await db.devices.toArray()).map((device) => device.model)).toEqual(
      stored.map((device) => device.model),
    );
  });

  it('refuses a batch of claims with one missing device, leaving the claims, counts and RMA counter as they were', async () => {
    const { db, repositories } = await openTestDatabase();
    const { customerId, deviceId } = await createCustomerAndDevice(repositories);
    const before = await countRows(db);
    const missingDevice = nextId();

    const result = await new RepositoryWriter(db).write(
      asTechnician,
      writeScope([claimDefinition]),
      async (session) => {
        const first = await session.reserveSequence(rmaSequenceName(session.station), 3);
        const claims = [deviceId, deviceId, missingDevice].map((device, index) =>
          makeClaim({
            customerId,
            deviceId: device,
            rmaNumber: `RMA-JKT1-${String(first + index).padStart(6, '0')}`,
          }),
        );
        return session.insertAll(claimDefinition, claims);
      },
    );

    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', field: 'deviceId' } });
    expect(result.ok ? '' : result.error.message).toContain('row 3 of 3');
    expect(await countRows(db)).toEqual(before);
  });

  it('writes an intake in bulk with consecutive RMA numbers, an audit event a record, and each claim’s deadline as a single write derives it', async () => {
    const { db } = await openTestDatabase();
    const before = await countRows(db);

    const written = await new RepositoryWriter(db).write(
      asTechnician,
      writeScope([customerDefinition, deviceDefinition, claimDefinition]),
      async (session) => {
        const customers = Array.from({ length: 5 }, () => makeCustomer());
        const devices = customers.map((customer) => makeDevice({ customerId: customer.id }));
        const first = await session.reserveSequence(rmaSequenceName(session.station), 5);
        const claims = devices.map((device, index) =>
          makeClaim({
            customerId: device.customerId,
            deviceId: device.id,
            rmaNumber: `RMA-JKT1-${String(first + index).padStart(6, '0')}`,
            createdAt: session.at,
            updatedAt: session.at,
          }),
        );
        await session.insertAll(customerDefinition, customers);
        await session.insertAll(deviceDefinition, devices);
        return (await session.insertAll(claimDefinition, claims)).length;
      },
    );

    expect(expectOk(written)).toBe(5);
    const claims = await db.claims.orderBy('rmaNumber').toArray();
    expect(claims.map((claim) => claim.rmaNumber)).toEqual([
      'RMA-JKT1-000001',
      'RMA-JKT1-000002',
      'RMA-JKT1-000003',
      'RMA-JKT1-000004',
      'RMA-JKT1-000005',
    ]);
    expect(await db.sequences.get(rmaSequenceName('JKT1'))).toEqual({
      name: rmaSequenceName('JKT1'),
      value: 5,
    });
    expect(await db.auditEvents.count()).toBe(before.auditEvents + 15);
    // An outbox entry for each `insertAll`, numbered together at the end of the write.
    expect(await db.outbox.where(':id').above(before.outbox).primaryKeys()).toEqual([
      before.outbox + 1,
      before.outbox + 2,
      before.outbox + 3,
    ]);
    expect(await readClaimCount(db.claimCounts, {})).toBe(5);
    const alone = await db.transaction('r', db.tables, (transaction) =>
      Promise.all(claims.map((claim) => readClaimDeadlineFields(transaction, claim))),
    );
    expect(alone.some((fields) => fields.nextDeadlineAt !== undefined)).toBe(true);
    claims.forEach((claim, index) => {
      expect({
        nextDeadlineAt: claim.nextDeadlineAt,
        nextDeadlineDate: claim.nextDeadlineDate,
        nextDeadlineKind: claim.nextDeadlineKind,
      }).toEqual({
        nextDeadlineAt: alone[index]?.nextDeadlineAt,
        nextDeadlineDate: alone[index]?.nextDeadlineDate,
        nextDeadlineKind: alone[index]?.nextDeadlineKind,
      });
    });
  });
});
