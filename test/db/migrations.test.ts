import './testDatabase';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Customer } from '#shared/domain/customer';
import { compareHlc, encodeHlc } from '#shared/sync/hybridLogicalClock';
import { FixlineDatabase } from '../../renderer/src/db/database';
import { readClaimCount, readEveryClaimCount } from '../../renderer/src/db/claimCounts';
import { countQueue, readQueueWindow } from '../../renderer/src/db/claimQueue';
import type { QueueFilter, StoredClaim, Synced } from '../../renderer/src/db/records';
import { centerSettingsId } from '../../renderer/src/db/records';
import { createRepositories } from '../../renderer/src/db/repositories';
import { currentSchemaVersion, declareSchema } from '../../renderer/src/db/schema';
import { schemaVersion1 } from '../../renderer/src/db/schema/v1';
import { schemaVersion2 } from '../../renderer/src/db/schema/v2';
import { schemaVersion3 } from '../../renderer/src/db/schema/v3';
import { schemaVersion4 } from '../../renderer/src/db/schema/v4';
import { schemaVersion5 } from '../../renderer/src/db/schema/v5';
import { schemaVersion9 } from '../../renderer/src/db/schema/v9';
import { schemaVersion10 } from '../../renderer/src/db/schema/v10';
import { schemaVersion11 } from '../../renderer/src/db/schema/v11';
import { schemaVersion12 } from '../../renderer/src/db/schema/v12';
import { schemaVersion13 } from '../../renderer/src/db/schema/v13';
import { schemaVersion14 } from '../../renderer/src/db/schema/v14';
import { schemaVersions } from '../../renderer/src/db/schema';
import { findClaimsByStatus } from '../../renderer/src/db/search';
import { readFilesToCheck } from '../../renderer/src/db/sync/attachmentsToCheck';
import { makeClaim, makeCustomer, makeEvidence, technicianId } from '../factories/domain';
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

describe('schema version 4', () => {
  const dewi = '0190a000-0000-7000-8000-00000000beef';

  /** A database as version 3 left it: a deleted claim still has its deadline fields. */
  async function makeVersion3Database() {
    const name = freshDatabaseName();
    const version3 = new Dexie(name);
    declareSchema(version3, [schemaVersion1, schemaVersion2, schemaVersion3]);
    const assigned: StoredClaim = {
      ...intakeClaim,
      assigneeId: dewi,
      nextDeadlineAt: '2026-05-04T17:00:00.000Z',
      nextDeadlineDate: '2026-05-04',
      nextDeadlineKind: 'first-response',
    };
    const otherPack: StoredClaim = { ...closedClaim, policyPackId: 'igpsport' };
    const deleted: StoredClaim = {
      ...makeClaim({
        status: 'intake',
        rmaNumber: 'RMA-JKT1-000039',
        createdAt: '2026-03-01T00:00:00.000Z',
        assigneeId: dewi,
      }),
      ...syncFields(['id', 'deletedAt']),
      deletedAt: '2026-03-02T00:00:00.000Z',
      nextDeadlineAt: '2026-03-02T17:00:00.000Z',
      nextDeadlineDate: '2026-03-02',
      nextDeadlineKind: 'first-response',
    };
    await version3.table('claims').bulkAdd([assigned, olderIntakeClaim, otherPack, deleted]);
    version3.close();
    return { name, assigned, otherPack, deleted };
  }

  it('counts the live claims of every filter and combination, leaving deleted ones out', async () => {
    const { name, assigned } = await makeVersion3Database();
    const db = new FixlineDatabase(name);
    const pack = assigned.policyPackId;

    expect(db.verno).toBe(currentSchemaVersion);
    // The counts of each day came with version 11 (see below).
    const totals = [...(await readEveryClaimCount(db.claimCounts))].filter(
      ([key]) => !key.includes('@'),
    );
    expect(Object.fromEntries(totals)).toEqual({
      all: 3,
      'status:intake': 2,
      'status:closed': 1,
      [`pack:${pack}`]: 2,
      'pack:igpsport': 1,
      [`assignee:${dewi}`]: 1,
      [`status:intake|pack:${pack}`]: 2,
      'status:closed|pack:igpsport': 1,
      [`status:intake|assignee:${dewi}`]: 1,
      [`pack:${pack}|assignee:${dewi}`]: 1,
      [`status:intake|pack:${pack}|assignee:${dewi}`]: 1,
    });
  });

  it('drops the deadline fields of deleted claims, so the overdue index holds live claims only', async () => {
    const { name, assigned, deleted } = await makeVersion3Database();
    const db = new FixlineDatabase(name);

    const upgraded = await db.claims.get(deleted.id);
    expect(upgraded?.deletedAt).toBe(deleted.deletedAt);
    expect(upgraded).not.toHaveProperty('nextDeadlineAt');
    expect(upgraded).not.toHaveProperty('nextDeadlineKind');
    expect(await db.claims.where('nextDeadlineAt').below('2026-06-01').primaryKeys()).toEqual([
      assigned.id,
    ]);
    expect((await db.claims.get(assigned.id))?.nextDeadlineAt).toBe(assigned.nextDeadlineAt);
  });

  it('keeps the app’s claim queries working without the single-field indexes', async () => {
    const { name, assigned, otherPack } = await makeVersion3Database();
    const db = new FixlineDatabase(name);
    const nowIso = '2026-06-01T00:00:00.000Z';
    const window = async (filter: QueueFilter) =>
      (
        await readQueueWindow(db, filter, nowIso, { from: 'position', start: 0, size: 10 })
      ).claims.map((claim) => claim.id);

    expect(await window({ status: 'intake' })).toEqual([olderIntakeClaim.id, assigned.id]);
    expect(await window({ assigneeId: dewi })).toEqual([assigned.id]);
    expect(await window({ status: 'intake', assigneeId: dewi, overdue: true })).toEqual([
      assigned.id,
    ]);
    expect(await countQueue(db, { overdue: true }, nowIso)).toBe(1);
    expect((await findClaimsByStatus(db, 'intake')).map((claim) => claim.id)).toEqual([
      olderIntakeClaim.id,
      assigned.id,
    ]);
    // The reports read a pack's claims by the first part of [policyPackId+createdAt].
    expect(await db.claims.where('policyPackId').equals('igpsport').primaryKeys()).toEqual([
      otherPack.id,
    ]);
    expect(await db.claims.where('assigneeId').equals(dewi).count()).toBe(2);
  });
});

describe('schema version 5', () => {
  /** An outbox entry as version 4 wrote it: its row changes carry no `base`. */
  const pendingEntry = {
    sequence: 1,
    mutationId: '0196a1b2-c3d4-7000-8000-0000000000e1',
    station: 'JKT1',
    actor: technicianId,
    at: stamp,
    rows: [{ table: 'claims', id: intakeClaim.id, set: { status: 'intake' }, unset: [], stamp }],
  };

  async function makeVersion4Database(): Promise<string> {
    const name = freshDatabaseName();
    const version4 = new Dexie(name);
    declareSchema(version4, [schemaVersion1, schemaVersion2, schemaVersion3, schemaVersion4]);
    await version4.table('claims').bulkAdd([intakeClaim]);
    await version4.table('outbox').add(pendingEntry);
    version4.close();
    return name;
  }

  it('gives the database a client id, whose mutations the pending outbox entries become', async () => {
    const db = new FixlineDatabase(await makeVersion4Database());

    const state = await db.syncState.get('state');

    expect(state).toEqual({ key: 'state', clientId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await db.outbox.toArray()).toEqual([
      { ...pendingEntry, rows: [{ ...pendingEntry.rows[0], base: {} }] },
    ]);
  });

  it('adds the sync tables empty and keeps the records as they were', async () => {
    const db = new FixlineDatabase(await makeVersion4Database());

    expect(await db.claims.toArray()).toEqual([intakeClaim]);
    expect(await db.conflicts.count()).toBe(0);
    expect(await db.syncRejections.count()).toBe(0);
    expect(await db.pulledRecords.count()).toBe(0);
    expect(await db.conflicts.where('claimId').equals(intakeClaim.id).count()).toBe(0);
  });
});

describe('schema version 6', () => {
  const dewi = {
    id: '0196a1b2-c3d4-7000-8000-0000000000d1',
    name: 'Dewi',
    roles: ['manager', 'technician'],
    pinHash: '$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
  };
  const budi = { ...dewi, id: '0196a1b2-c3d4-7000-8000-0000000000d2', name: 'Budi', roles: [] };
  const centerWide = {
    center: { name: 'Fixline Jakarta' },
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    workingDays: [1, 2, 3, 4, 5],
    holidays: ['2026-05-14'],
  };
  /** The station's row as versions 1 to 5 kept it: the center and the people in it. */
  const stationRowOfVersion5 = {
    key: 'station',
    stationCode: 'JKT1',
    language: 'id',
    setUpAt: '2026-05-01T00:00:00.000Z',
    printing: { 'rma-slip': { type: 'system', printer: 'Office' } },
    technicians: [dewi, budi],
    ...centerWide,
  };
  const pendingEntry = {
    sequence: 1,
    mutationId: '0196a1b2-c3d4-7000-8000-0000000000e1',
    station: 'JKT1',
    actor: dewi.id,
    at: stamp,
    rows: [
      {
        table: 'claims',
        id: intakeClaim.id,
        set: { status: 'intake' },
        unset: [],
        stamp,
        base: {},
      },
    ],
  };
  const bandungStamp = encodeHlc({ wallMs: Date.UTC(2026, 3, 1), counter: 0, node: 'BDG2' });
  const rina = { ...budi, id: '0196a1b2-c3d4-7000-8000-0000000000d3', name: 'Rina' };
  /** What this station pulled of the center-wide tables before it stored them (schema v5). */
  const pulledRows = [
    {
      table: 'people',
      id: rina.id,
      values: rina,
      stamps: Object.fromEntries(Object.keys(rina).map((field) => [field, bandungStamp])),
      updatedBy: rina.id,
      station: 'BDG2',
    },
    {
      table: 'centerSettings',
      id: centerSettingsId,
      values: { id: centerSettingsId, center: { name: 'Fixline Indonesia' }, holidays: [] },
      stamps: { id: bandungStamp, center: bandungStamp, holidays: bandungStamp },
      updatedBy: rina.id,
      station: 'BDG2',
    },
  ];

  async function makeVersion5Database({
    setUp = true,
    pulled = pulledRows,
  }: { setUp?: boolean; pulled?: typeof pulledRows } = {}): Promise<string> {
    const name = freshDatabaseName();
    const version5 = new Dexie(name);
    declareSchema(version5, [
      schemaVersion1,
      schemaVersion2,
      schemaVersion3,
      schemaVersion4,
      schemaVersion5,
    ]);
    if (setUp) {
      await version5
        .table('settings')
        .bulkAdd([
          stationRowOfVersion5,
          { key: 'clock', lastStamp: stamp },
          { key: 'bench', technicianId: dewi.id },
        ]);
      await version5.table('claims').add(intakeClaim);
      await version5.table('outbox').add(pendingEntry);
      await version5.table('sequences').add({ name: 'outbox', value: 1 });
    }
    await version5.table('pulledRecords').bulkAdd(pulled);
    version5.close();
    return name;
  }

  it('moves the people and the center’s settings out of the station’s row, stamped by its clock', async () => {
    const db = new FixlineDatabase(await makeVersion5Database({ pulled: [] }));

    const clock = await db.settings.get('clock');
    if (clock?.key !== 'clock') throw new Error('expected the station’s clock');
    const movedAt = clock.lastStamp;
    expect(compareHlc(movedAt, stamp)).toBe(1);
    const { technicians: _people, ...ownFields } = stationRowOfVersion5;
    const {
      center: _c,
      currency: _cu,
      timeZone: _t,
      workingDays: _w,
      holidays: _h,
      ...own
    } = ownFields;
    expect(await db.settings.get('station')).toEqual(own);
    const syncFieldsOf = (row: object) => ({
      stamps: Object.fromEntries(Object.keys(row).map((field) => [field, movedAt])),
      updatedBy: dewi.id,
      station: 'JKT1',
    });
    expect(await db.people.orderBy('id').toArray()).toEqual([
      { ...dewi, ...syncFieldsOf(dewi) },
      { ...budi, ...syncFieldsOf(budi) },
    ]);
    const centerSettings = { id: centerSettingsId, ...centerWide };
    expect(await db.centerSettings.toArray()).toEqual([
      { ...centerSettings, ...syncFieldsOf(centerSettings) },
    ]);
    // The station reads as it did before the upgrade.
    const station = await createRepositories(db).station.get();
    expect(station).toEqual({ ...stationRowOfVersion5, technicians: [dewi, budi] });
  });

  it('writes them to the outbox after the pending entries, so the first sync pushes them', async () => {
    const db = new FixlineDatabase(await makeVersion5Database({ pulled: [] }));

    const [pending, moved, ...more] = await db.outbox.orderBy('sequence').toArray();

    expect(pending).toEqual(pendingEntry);
    expect(more).toEqual([]);
    expect(moved).toMatchObject({ sequence: 2, station: 'JKT1', actor: dewi.id });
    expect(moved?.rows.map((row) => [row.table, row.id])).toEqual([
      ['people', dewi.id],
      ['people', budi.id],
      ['centerSettings', centerSettingsId],
    ]);
    expect(moved?.rows[2]).toEqual({
      table: 'centerSettings',
      id: centerSettingsId,
      set: { id: centerSettingsId, ...centerWide },
      unset: [],
      stamp: moved?.at,
      base: {
        id: null,
        center: null,
        currency: null,
        timeZone: null,
        workingDays: null,
        holidays: null,
      },
    });
    expect(await db.sequences.get('outbox')).toEqual({ name: 'outbox', value: 2 });
  });

  it('folds in what it pulled: the center’s settings as the center has them, and its people', async () => {
    const db = new FixlineDatabase(await makeVersion5Database());

    expect(await db.pulledRecords.count()).toBe(0);
    expect((await db.people.toArray()).map((person) => person.name).sort()).toEqual([
      'Budi',
      'Dewi',
      'Rina',
    ]);
    expect(await db.people.get(rina.id)).toMatchObject({ station: 'BDG2', updatedBy: rina.id });
    // The center's own fields win; this station adds only those the center had not set.
    const center = await db.centerSettings.get(centerSettingsId);
    expect(center).toMatchObject({
      center: { name: 'Fixline Indonesia' },
      holidays: [],
      currency: 'IDR',
      timeZone: 'Asia/Jakarta',
    });
    expect(center?.stamps.center).toBe(bandungStamp);
    const moved = await db.outbox.get(2);
    expect(Object.keys(moved?.rows.at(-1)?.set ?? {}).sort()).toEqual([
      'currency',
      'id',
      'timeZone',
      'workingDays',
    ]);
    // The center's calendar lost a holiday of this station's: the deadlines are counted again.
    expect(await db.settings.get('deadline-recalculation')).toMatchObject({ done: 0 });
  });

  it('leaves a station not set up yet without records or outbox entries', async () => {
    const db = new FixlineDatabase(await makeVersion5Database({ setUp: false, pulled: [] }));

    expect(db.verno).toBe(currentSchemaVersion);
    expect(await db.people.count()).toBe(0);
    expect(await db.centerSettings.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('schema version 9', () => {
  const strap = {
    id: '0190a000-0000-7000-8000-00000000a001',
    sku: 'KT3-STRAP',
    name: 'Strap',
    unitPrice: { amount: 1_500, currency: 'USD' },
    compatibleModels: ['KOSPET Tank T3'],
    ...syncFields(['id', 'sku', 'name', 'unitPrice', 'compatibleModels']),
  };

  /** The indexes IndexedDB itself holds for the parts (not what Dexie was told). */
  const storedIndexes = (db: Dexie) => [
    ...db.backendDB().transaction('partsCatalog').objectStore('partsCatalog').indexNames,
  ];

  it('keeps every part and drops the parts indexes nothing reads', async () => {
    const name = freshDatabaseName();
    const version8 = new Dexie(name);
    declareSchema(
      version8,
      schemaVersions.filter((schema) => schema.version < schemaVersion9.version),
    );
    await version8.table('partsCatalog').add(strap);
    expect(storedIndexes(version8)).toEqual(['compatibleModels', 'name', 'sku']);
    version8.close();

    const db = new FixlineDatabase(name);
    await db.open();
    expect(db.verno).toBe(currentSchemaVersion);
    expect(storedIndexes(db)).toEqual(['sku']);
    expect(await db.partsCatalog.toArray()).toEqual([strap]);
    expect(await db.partsCatalog.where('sku').equals('KT3-STRAP').primaryKeys()).toEqual([
      strap.id,
    ]);
  });

  it('hides the PIN hashes that older people’s audit events and unpushed entries carry', async () => {
    const personId = '0190a000-0000-7000-8000-00000000a002';
    const exposed = {
      pinHash: { from: 'sha256:old-hash', to: 'sha256:new-hash' },
      pinSalt: { from: null, to: 'c2FsdA==' },
      name: { from: 'Dewi', to: 'Dewi Lestari' },
    };
    const event = (id: string, entity: string) => ({
      id,
      entity,
      entityId: personId,
      action: 'update',
      changes: exposed,
      actor: technicianId,
      at: '2026-12-01T00:00:00.000Z',
      ...syncFields(['id']),
    });
    const personEvent = event('0190a000-0000-7000-8000-00000000a003', 'people');
    // Another table's field of the same name is not a PIN.
    const otherEvent = event('0190a000-0000-7000-8000-00000000a004', 'customers');
    const name = freshDatabaseName();
    const version8 = new Dexie(name);
    declareSchema(
      version8,
      schemaVersions.filter((schema) => schema.version < schemaVersion9.version),
    );
    await version8.table('auditEvents').bulkAdd([personEvent, otherEvent]);
    await version8.table('outbox').add({
      sequence: 1,
      mutationId: '0190a000-0000-7000-8000-00000000a005',
      station: 'JKT1',
      actor: technicianId,
      at: stamp,
      rows: [
        { table: 'auditEvents', id: personEvent.id, set: personEvent, unset: [], stamp, base: {} },
        { table: 'auditEvents', id: otherEvent.id, set: otherEvent, unset: [], stamp, base: {} },
      ],
    });
    version8.close();

    const db = new FixlineDatabase(name);
    const hidden = {
      pinHash: { from: '[secret]', to: '[secret]' },
      pinSalt: { from: null, to: '[secret]' },
      name: exposed.name,
    };
    expect((await db.auditEvents.get(personEvent.id))?.changes).toEqual(hidden);
    expect((await db.auditEvents.get(otherEvent.id))?.changes).toEqual(exposed);
    const [entry] = await db.outbox.toArray();
    expect(entry?.rows.map((row) => row.set['changes'])).toEqual([hidden, exposed]);
    const written = JSON.stringify([await db.auditEvents.get(personEvent.id), entry?.rows[0]]);
    expect(written).not.toContain('sha256:');
  });
});

describe('schema version 10', () => {
  it('finds the evidence that names a thumbnail by its index, and keeps every record', async () => {
    const name = freshDatabaseName();
    const version9 = new Dexie(name);
    declareSchema(
      version9,
      schemaVersions.filter((schema) => schema.version < schemaVersion10.version),
    );
    const withThumbnail = {
      ...makeEvidence({ sha256: 'a'.repeat(64) }),
      thumbnailSha256: 'b'.repeat(64),
      thumbnailSizeBytes: 2_048,
      ...syncFields(['id']),
    };
    const without = { ...makeEvidence({ sha256: 'c'.repeat(64) }), ...syncFields(['id']) };
    await version9.table('evidence').bulkAdd([withThumbnail, without]);
    version9.close();

    const db = new FixlineDatabase(name);
    expect(await db.evidence.orderBy('thumbnailSha256').uniqueKeys()).toEqual(['b'.repeat(64)]);
    expect(await db.evidence.count()).toBe(2);
  });
});

describe('schema version 11', () => {
  it('counts each day’s live claims, so a jump deep into the queue reads the right rows', async () => {
    const name = freshDatabaseName();
    const version10 = new Dexie(name);
    declareSchema(
      version10,
      schemaVersions.filter((schema) => schema.version < schemaVersion11.version),
    );
    const deleted: StoredClaim = {
      ...makeClaim({
        status: 'intake',
        rmaNumber: 'RMA-JKT1-000039',
        createdAt: '2026-05-01T08:00:00.000Z',
      }),
      ...syncFields(['id', 'deletedAt']),
      deletedAt: '2026-05-02T00:00:00.000Z',
    };
    await version10.table('claims').bulkAdd([intakeClaim, olderIntakeClaim, closedClaim, deleted]);
    // Version 10 counted the filters' totals only.
    await version10.table('claimCounts').bulkAdd([
      { key: 'all', count: 3 },
      { key: 'status:intake', count: 2 },
      { key: 'status:closed', count: 1 },
    ]);
    version10.close();

    const db = new FixlineDatabase(name);
    expect(db.verno).toBe(currentSchemaVersion);
    const days = [...(await readEveryClaimCount(db.claimCounts))].filter(([key]) =>
      key.startsWith('all@'),
    );
    const byAge = [olderIntakeClaim, closedClaim, intakeClaim].sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : 1,
    );
    const perDay = new Map<string, number>();
    for (const claim of byAge) {
      const day = claim.createdAt.slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect(days.map(([key, count]) => [key.slice(4), count])).toEqual([...perDay]);
    expect(await readClaimCount(db.claimCounts, { status: 'intake' })).toBe(2);
    const jump = await readQueueWindow(db, {}, '2026-05-06T00:00:00.000Z', {
      from: 'position',
      start: 1,
      size: 5,
    });
    expect(jump.claims.map((claim) => claim.id)).toEqual(byAge.slice(1).map((claim) => claim.id));
  });
});

describe('schema version 12', () => {
  it('finds stored files by when they were stored and by the thumbnail they name', async () => {
    const name = freshDatabaseName();
    const version11 = new Dexie(name);
    declareSchema(
      version11,
      schemaVersions.filter((schema) => schema.version < schemaVersion12.version),
    );
    const photo = {
      sha256: 'a'.repeat(64),
      sizeBytes: 3_000_000,
      mediaType: 'image/jpeg',
      storedAt: '2026-05-02T08:00:00.000Z',
      thumbnailSha256: 'b'.repeat(64),
    };
    const thumbnail = {
      sha256: 'b'.repeat(64),
      sizeBytes: 2_048,
      mediaType: 'image/jpeg',
      storedAt: '2026-05-02T08:00:01.000Z',
    };
    const receipt = {
      sha256: 'c'.repeat(64),
      sizeBytes: 40_000,
      mediaType: 'application/pdf',
      storedAt: '2026-05-01T09:00:00.000Z',
    };
    await version11.table('attachments').bulkAdd([photo, thumbnail, receipt]);
    version11.close();

    const db = new FixlineDatabase(name);
    expect(await db.attachments.orderBy('[storedAt+sha256]').primaryKeys()).toEqual([
      receipt.sha256,
      photo.sha256,
      thumbnail.sha256,
    ]);
    expect(
      await db.attachments.where('thumbnailSha256').equals(thumbnail.sha256).toArray(),
    ).toEqual([photo]);
  });
});

describe('schema version 13', () => {
  it('keeps every filter’s total in one row, the same counts, and the days’ rows as they were', async () => {
    const name = freshDatabaseName();
    const version12 = new Dexie(name);
    declareSchema(
      version12,
      schemaVersions.filter((schema) => schema.version < schemaVersion13.version),
    );
    await version12.table('claims').bulkAdd([intakeClaim, olderIntakeClaim, closedClaim]);
    // Version 12 counted each filter in a row of its own (as the claims above stand).
    const days = [
      { key: 'all@2026-04-01', count: 1 },
      { key: 'all@2026-05-01', count: 1 },
      { key: 'all@2026-05-03', count: 1 },
      { key: 'status:closed@2026-04-01', count: 1 },
    ];
    await version12
      .table('claimCounts')
      .bulkAdd([
        { key: 'all', count: 3 },
        { key: 'status:intake', count: 2 },
        { key: 'status:closed', count: 1 },
        ...days,
      ]);
    version12.close();

    const db = new FixlineDatabase(name);
    expect(db.verno).toBe(currentSchemaVersion);
    expect(await db.claimCounts.get('filters')).toEqual({
      key: 'filters',
      counts: { all: 3, 'status:intake': 2, 'status:closed': 1 },
    });
    expect(await db.claimCounts.get('all')).toBeUndefined();
    expect(
      await db.claimCounts
        .where('key')
        .anyOf(days.map((row) => row.key))
        .toArray(),
    ).toEqual(days);
    expect(await readClaimCount(db.claimCounts, { status: 'intake' })).toBe(2);
    expect(await countQueue(db, { status: 'closed' }, '2026-05-06T00:00:00.000Z')).toBe(1);
  });
});

describe('schema version 14', () => {
  it('starts with no files to check and the enrollment not compared, so the queue compares everything once', async () => {
    const name = freshDatabaseName();
    const version13 = new Dexie(name);
    declareSchema(
      version13,
      schemaVersions.filter((schema) => schema.version < schemaVersion14.version),
    );
    const enrollment = {
      serverUrl: 'http://127.0.0.1:7411/',
      deviceId: '0196f0a2-7c3e-7000-8000-0000000000d1',
      deviceToken: 'device-token',
      centerId: 'center-1',
      cursor: null,
      acknowledgedMutationId: 12,
    };
    const state = { key: 'state', clientId: '0196f0a2-7c3e-7000-8000-0000000000c1', enrollment };
    await version13.table('syncState').add(state);
    version13.close();

    const db = new FixlineDatabase(name);
    expect(db.verno).toBe(currentSchemaVersion);
    expect(await db.syncState.get('state')).toEqual(state);
    expect(await readFilesToCheck(db, enrollment)).toEqual({
      names: new Set(),
      toMove: new Set(),
      notedUpTo: 0,
      compared: false,
    });
  });
});
