import './testDatabase';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Customer } from '#shared/domain/customer';
import { encodeHlc } from '#shared/sync/hybridLogicalClock';
import { FixlineDatabase } from '../../renderer/src/db/database';
import type { StoredClaim, Synced } from '../../renderer/src/db/records';
import { currentSchemaVersion, declareSchema } from '../../renderer/src/db/schema';
import { schemaVersion1 } from '../../renderer/src/db/schema/v1';
import { schemaVersion2 } from '../../renderer/src/db/schema/v2';
import { findClaimsByStatus } from '../../renderer/src/db/search';
import { makeClaim, makeCustomer, technicianId } from '../factories/domain';
import { freshDatabaseName } from './testDatabase';

const stamp = encodeHlc({ wallMs: Date.UTC(2026, 4, 1), counter: 0, node: 'JKT1' });

function syncFields(fields: readonly string[]) {
  return {
    stamps: Object.fromEntries(fields.map((field) => [field, stamp])),
    updatedBy: technicianId,
    station: 'JKT1',
  };
}

function version1Customer(overrides: Partial<Customer>): Synced<Customer> {
  const customer = makeCustomer(overrides);
  return { ...customer, ...syncFields(Object.keys(customer)) };
}

const siti = version1Customer({ name: 'Siti Rahmawati', phone: '+62 812-3456' });
const desiree = version1Customer({ name: 'Désirée  van Dijk', phone: '(021) 555 0199' });
const deletedBudi = {
  ...version1Customer({ name: 'Budi', phone: '0857 1111' }),
  deletedAt: '2026-05-01T00:00:00.000Z',
};

const intakeClaim: StoredClaim = {
  ...makeClaim({ status: 'intake', createdAt: '2026-05-03T00:00:00.000Z' }),
  ...syncFields(['id']),
};
const olderIntakeClaim: StoredClaim = {
  ...makeClaim({
    status: 'intake',
    rmaNumber: 'RMA-JKT1-000041',
    createdAt: '2026-05-01T00:00:00.000Z',
  }),
  ...syncFields(['id']),
};
const closedClaim: StoredClaim = {
  ...makeClaim({
    status: 'closed',
    rmaNumber: 'RMA-JKT1-000040',
    createdAt: '2026-04-01T00:00:00.000Z',
  }),
  ...syncFields(['id']),
};

/** A database as version 1 of the app left it, with rows in it. */
async function makeVersion1Database(): Promise<string> {
  const name = freshDatabaseName();
  const version1 = new Dexie(name);
  declareSchema(version1, [schemaVersion1]);
  await version1.table('customers').bulkAdd([siti, desiree, deletedBudi]);
  await version1.table('claims').bulkAdd([intakeClaim, olderIntakeClaim, closedClaim]);
  version1.close();
  return name;
}

describe('schema version 2', () => {
  it('adds the search fields to every customer of a version 1 database', async () => {
    const db = new FixlineDatabase(await makeVersion1Database());

    const customers = await db.customers.orderBy('id').toArray();

    expect(db.verno).toBe(currentSchemaVersion);
    expect(customers).toEqual(
      [
        {
          ...siti,
          nameWords: ['siti', 'rahmawati'],
          phoneTails: ['628123456', '28123456', '8123456', '123456', '23456', '3456'],
        },
        {
          ...desiree,
          nameWords: ['desiree', 'van', 'dijk'],
          phoneTails: ['0215550199', '215550199', '15550199', '5550199', '550199', '50199', '0199'],
        },
        {
          ...deletedBudi,
          nameWords: ['budi'],
          phoneTails: ['08571111', '8571111', '571111', '71111', '1111'],
        },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('finds upgraded customers by the new indexes', async () => {
    const db = new FixlineDatabase(await makeVersion1Database());
    expect(
      (await db.customers.where('nameWords').startsWith('rahma').toArray()).map((row) => row.id),
    ).toEqual([siti.id]);
    expect(
      (await db.customers.where('phoneTails').startsWith('5550').toArray()).map((row) => row.id),
    ).toEqual([desiree.id]);
  });

  it('keeps every claim as it was', async () => {
    const db = new FixlineDatabase(await makeVersion1Database());
    expect(await db.claims.orderBy('id').toArray()).toEqual(
      [intakeClaim, olderIntakeClaim, closedClaim].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('lists upgraded claims of a status oldest first by the new compound index', async () => {
    const db = new FixlineDatabase(await makeVersion1Database());
    expect((await findClaimsByStatus(db, 'intake')).map((claim) => claim.id)).toEqual([
      olderIntakeClaim.id,
      intakeClaim.id,
    ]);
  });
});

describe('schema version 3', () => {
  it('lists upgraded claims by assignee and by policy pack through the new indexes', async () => {
    const name = freshDatabaseName();
    const version2 = new Dexie(name);
    declareSchema(version2, [schemaVersion1, schemaVersion2]);
    const assigned = { ...intakeClaim, assigneeId: '0190a000-0000-7000-8000-00000000beef' };
    const otherPack = { ...closedClaim, policyPackId: 'igpsport' };
    await version2.table('claims').bulkAdd([assigned, olderIntakeClaim, otherPack]);
    version2.close();

    const db = new FixlineDatabase(name);
    expect(db.verno).toBe(currentSchemaVersion);
    expect(
      (await db.claims.where('assigneeId').equals(assigned.assigneeId).toArray()).map(
        (claim) => claim.id,
      ),
    ).toEqual([assigned.id]);
    expect(
      (await db.claims.where('policyPackId').equals('igpsport').toArray()).map((c) => c.id),
    ).toEqual([otherPack.id]);
    expect(await db.claims.count()).toBe(3);
  });
});
