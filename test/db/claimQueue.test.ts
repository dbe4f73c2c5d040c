import './testDatabase';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { RecordId } from '#shared/domain/primitives';
import { readClaimCount } from '../../renderer/src/db/claimCounts';
import { deadlinePassesAt } from '../../renderer/src/db/claimDeadline';
import {
  countQueue,
  countQueueFilters,
  matchesQueueFilter,
  queueCursor,
  readQueueIds,
  readQueueWindow,
} from '../../renderer/src/db/claimQueue';
import { FixlineDatabase } from '../../renderer/src/db/database';
import type { QueueFilter, StoredClaim } from '../../renderer/src/db/records';
import type { Repositories } from '../../renderer/src/db/repositories';
import { createRepositories } from '../../renderer/src/db/repositories';
import { declareSchema } from '../../renderer/src/db/schema';
import { schemaVersion1 } from '../../renderer/src/db/schema/v1';
import { schemaVersion2 } from '../../renderer/src/db/schema/v2';
import { makeClaimDraft } from '../factories/domain';
import {
  asTechnician,
  createCustomerAndDevice,
  expectOk,
  firstWriteMs,
  freshDatabaseName,
  steppingClock,
} from './testDatabase';

/** A station in Jakarta (UTC+7), where the first write lands on 2026-05-04 at 09:15. */
async function openJakartaStation(name: string = freshDatabaseName()) {
  const db = new FixlineDatabase(name);
  const repositories = createRepositories(db, { now: steppingClock() });
  expectOk(
    await createRepositories(db, { now: () => firstWriteMs }).station.setUp({
      stationCode: 'JKT1',
      center: { name: 'Fixline Jakarta' },
      timeZone: 'Asia/Jakarta',
    }),
  );
  return { db, repositories };
}

async function openClaim(
  repositories: Repositories,
  overrides: Partial<Pick<StoredClaim, 'policyPackId' | 'assigneeId'>> = {},
  serial = `KT3-${Math.random().toString(36).slice(2, 10)}`,
) {
  const { customerId, deviceId } = await createCustomerAndDevice(repositories, { serial });
  const draft = makeClaimDraft({ customerId, deviceId, policyPackId: 'igpsport', ...overrides });
  return expectOk(await repositories.claims.create(draft, asTechnician));
}

describe('a claim’s next deadline', () => {
  it('is the end of the last day in the center’s time zone, across a change to summer time', () => {
    expect(deadlinePassesAt('2026-05-05', 'Asia/Jakarta')).toBe('2026-05-05T17:00:00.000Z');
    // Berlin moves to summer time early on 29 March 2026: the 28th ends at UTC+1, the 29th at +2.
    expect(deadlinePassesAt('2026-03-28', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(deadlinePassesAt('2026-03-29', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
  });

  it('is stored with a new claim: the first response is due the day after the request', async () => {
    const { db, repositories } = await openJakartaStation();
    const claim = await openClaim(repositories);
    // iGPSPORT answers within 24 hours (A9): asked on 4 May in Jakarta, answered by the 5th.
    expect(await db.claims.get(claim.id)).toMatchObject({
      nextDeadlineKind: 'first-response',
      nextDeadlineDate: '2026-05-05',
      nextDeadlineAt: '2026-05-05T17:00:00.000Z',
    });
  });

  it('moves on once the center answers, and is gone once the claim is settled', async () => {
    const { db, repositories } = await openJakartaStation();
    const claim = await openClaim(repositories);
    expectOk(
      await repositories.claims.transition(claim.id, 'awaiting-authorization', asTechnician),
    );
    expect((await db.claims.get(claim.id))?.nextDeadlineKind).toBe('first-response');

    expectOk(await repositories.claims.transition(claim.id, 'authorized', asTechnician));
    // Answered: what is left is the warranty itself, a year from the invoice of 1 April 2026.
    expect(await db.claims.get(claim.id)).toMatchObject({
      nextDeadlineKind: 'coverage-end',
      nextDeadlineDate: '2027-04-01',
    });

    expectOk(await repositories.claims.transition(claim.id, 'cancelled', asTechnician));
    const cancelled = await db.claims.get(claim.id);
    expect(cancelled?.nextDeadlineAt).toBeUndefined();
    expect(cancelled?.nextDeadlineKind).toBeUndefined();
    expect(await db.claims.where('nextDeadlineAt').above('').count()).toBe(0);
  });

  it('is never synced: the outbox carries the claim’s own fields only', async () => {
    const { db, repositories } = await openJakartaStation();
    await openClaim(repositories);
    const entries = await db.outbox.toArray();
    const claimChanges = entries.flatMap((entry) =>
      entry.rows.filter((row) => row.table === 'claims'),
    );
    expect(claimChanges).toHaveLength(1);
    expect(Object.keys(claimChanges[0]?.set ?? {})).not.toContain('nextDeadlineAt');
    expect((await db.claims.toArray())[0]?.stamps).not.toHaveProperty('nextDeadlineAt');
  });

  it('is derived for the claims a version 2 database holds when it upgrades to version 3', async () => {
    const name = freshDatabaseName();
    const { db: setupDb, repositories } = await openJakartaStation(name);
    const claim = await openClaim(repositories);
    // Before version 6 the station's row held the center's calendar and people.
    const { technicians: _people, ...stationAsVersion2 } = (await repositories.station.get()) ?? {};
    const rows = {
      settings: [
        ...(await setupDb.settings.toArray()).filter((row) => row.key !== 'station'),
        stationAsVersion2,
      ],
      customers: await setupDb.customers.toArray(),
      devices: await setupDb.devices.toArray(),
      claims: (await setupDb.claims.toArray()).map(
        ({ nextDeadlineAt: _at, nextDeadlineDate: _date, nextDeadlineKind: _kind, ...row }) => row,
      ),
    };
    setupDb.close();
    await Dexie.delete(name);

    const version2 = new Dexie(name);
    declareSchema(version2, [schemaVersion1, schemaVersion2]);
    for (const [table, tableRows] of Object.entries(rows)) {
      await version2.table(table).bulkAdd(tableRows);
    }
    version2.close();

    const db = new FixlineDatabase(name);
    expect(await db.claims.get(claim.id)).toMatchObject({
      nextDeadlineKind: 'first-response',
      nextDeadlineAt: '2026-05-05T17:00:00.000Z',
    });
    expect(await db.claims.where('nextDeadlineAt').below('2026-06-01').count()).toBe(1);
  });
});

describe('the queue’s filters', () => {
  const technicianA: RecordId = '00000000-0000-7000-8000-0000000000a1';
  const technicianB: RecordId = '00000000-0000-7000-8000-0000000000b2';
  const beforeDeadline = '2026-05-05T16:00:00.000Z';
  const afterDeadline = '2026-05-05T18:00:00.000Z';

  async function seededQueue() {
    const { db, repositories } = await openJakartaStation();
    const claims = [
      await openClaim(repositories, { assigneeId: technicianA }),
      await openClaim(repositories, { assigneeId: technicianB }),
      await openClaim(repositories, { policyPackId: 'kospet-warranty-refund' }),
      await openClaim(repositories, {
        policyPackId: 'kospet-warranty-refund',
        assigneeId: technicianA,
      }),
    ];
    // The second is answered: its first-response deadline no longer counts.
    expectOk(await repositories.claims.transition(claims[1]?.id ?? '', 'cancelled', asTechnician));
    return { db, repositories, claims };
  }

  const rmaNumbersOf = async (db: FixlineDatabase, filter: QueueFilter, nowIso: string) => {
    const { claims } = await readQueueWindow(db, filter, nowIso, {
      from: 'position',
      start: 0,
      size: 100,
    });
    expect(await countQueue(db, filter, nowIso)).toBe(claims.length);
    return claims.map((claim) => claim.rmaNumber);
  };

  it('list each status, pack and assignee oldest first, each counted by the counts table', async () => {
    const { db } = await seededQueue();
    expect(await readClaimCount(db.claimCounts, { status: 'intake' })).toBe(3);
    expect(await rmaNumbersOf(db, { status: 'intake' }, beforeDeadline)).toEqual([
      'RMA-JKT1-000001',
      'RMA-JKT1-000003',
      'RMA-JKT1-000004',
    ]);
    expect(await rmaNumbersOf(db, { packId: 'kospet-warranty-refund' }, beforeDeadline)).toEqual([
      'RMA-JKT1-000003',
      'RMA-JKT1-000004',
    ]);
    expect(await rmaNumbersOf(db, { assigneeId: technicianA }, beforeDeadline)).toEqual([
      'RMA-JKT1-000001',
      'RMA-JKT1-000004',
    ]);
  });

  it('count a claim overdue only once its next deadline has passed', async () => {
    const { db } = await seededQueue();
    // KOSPET "Warranty & Refund" promises no reply time, so only the iGPSPORT claim is due.
    expect(await rmaNumbersOf(db, { overdue: true }, beforeDeadline)).toEqual([]);
    expect(await rmaNumbersOf(db, { overdue: true }, afterDeadline)).toEqual(['RMA-JKT1-000001']);
  });

  it('combine conditions, in the queue’s order', async () => {
    const { db } = await seededQueue();
    const filter: QueueFilter = { status: 'intake', assigneeId: technicianA };
    expect(await rmaNumbersOf(db, filter, beforeDeadline)).toEqual([
      'RMA-JKT1-000001',
      'RMA-JKT1-000004',
    ]);
    expect(
      await rmaNumbersOf(db, { ...filter, packId: 'kospet-warranty-refund' }, beforeDeadline),
    ).toEqual(['RMA-JKT1-000004']);
    expect(await rmaNumbersOf(db, { ...filter, overdue: true }, afterDeadline)).toEqual([
      'RMA-JKT1-000001',
    ]);
  });

  it('leave deleted claims out of the lists and the counts', async () => {
    const { db, repositories, claims } = await seededQueue();
    expectOk(await repositories.claims.remove(claims[0]?.id ?? '', asTechnician));
    expect(await rmaNumbersOf(db, { status: 'intake' }, beforeDeadline)).toEqual([
      'RMA-JKT1-000003',
      'RMA-JKT1-000004',
    ]);
    expect(await rmaNumbersOf(db, {}, beforeDeadline)).toHaveLength(3);
    const counts = await countQueueFilters(
      db,
      { statuses: ['intake', 'cancelled'], packIds: ['igpsport'], assigneeIds: [technicianA] },
      afterDeadline,
    );
    expect(counts.all).toBe(3);
    expect(counts.overdue).toBe(0);
    expect(Object.fromEntries(counts.byStatus)).toEqual({ intake: 2, cancelled: 1 });
    expect(counts.byPack.get('igpsport')).toBe(1);
    expect(counts.byAssignee.get(technicianA)).toBe(1);
  });
});

describe('saved queue views', () => {
  it('are saved, listed in order, replaced by name and deleted', async () => {
    const { repositories } = await openJakartaStation();
    const overdue = expectOk(await repositories.station.saveView('Overdue', { overdue: true }));
    const mine = expectOk(
      await repositories.station.saveView('My intake', {
        status: 'intake',
        assigneeId: '00000000-0000-7000-8000-0000000000a1',
      }),
    );
    expect((await repositories.station.savedViews()).map((view) => view.name)).toEqual([
      'Overdue',
      'My intake',
    ]);

    const replaced = expectOk(
      await repositories.station.saveView('  overdue ', { overdue: true, packId: 'igpsport' }),
    );
    expect(replaced.id).toBe(overdue.id);
    expect(await repositories.station.savedViews()).toEqual([
      { id: overdue.id, name: 'overdue', filter: { overdue: true, packId: 'igpsport' } },
      mine,
    ]);

    expectOk(await repositories.station.removeView(mine.id));
    expect((await repositories.station.savedViews()).map((view) => view.id)).toEqual([overdue.id]);
    const again = await repositories.station.removeView(mine.id);
    expect(again.ok ? undefined : again.error.code).toBe('not-found');
  });

  it('refuse a view without a name, or of an unknown status, saying what to fix', async () => {
    const { repositories } = await openJakartaStation();
    const unnamed = await repositories.station.saveView('   ', { overdue: true });
    expect(unnamed.ok ? undefined : unnamed.error).toMatchObject({ field: 'name' });
    const badStatus = await repositories.station.saveView('Odd', {
      status: 'lost' as QueueFilter['status'],
    });
    expect(badStatus.ok ? undefined : badStatus.error.field).toBe('filter.status');
    expect(await repositories.station.savedViews()).toEqual([]);
  });

  it('survive an update of the station’s center details', async () => {
    const { repositories } = await openJakartaStation();
    const view = expectOk(await repositories.station.saveView('Overdue', { overdue: true }));
    expectOk(
      await repositories.station.setUp({
        stationCode: 'JKT1',
        center: { name: 'Fixline Jakarta Barat' },
        timeZone: 'Asia/Jakarta',
      }),
    );
    expect(await repositories.station.savedViews()).toEqual([view]);
  });
});

describe('the queue’s keyset paging', () => {
  const technicianA: RecordId = '00000000-0000-7000-8000-0000000000a1';
  const nowIso = '2026-05-06T00:00:00.000Z';

  /**
   * 40 claims: packs, assignees and statuses in turn, 8 opened in the same second (ties broken by
   * id), and every seventh deleted, so deleted claims sit between the live ones of every filter.
   */
  async function pagedQueue() {
    const { db, repositories } = await openJakartaStation();
    const sameSecond = createRepositories(db, { now: () => firstWriteMs + 3_600_000 });
    const packs = ['igpsport', 'kospet-warranty-refund'] as const;
    for (let index = 0; index < 40; index += 1) {
      const writer = index >= 10 && index < 18 ? sameSecond : repositories;
      const claim = await openClaim(writer, {
        policyPackId: packs[index % 2],
        ...(index % 3 === 0 ? { assigneeId: technicianA } : {}),
      });
      if (index % 4 === 1) {
        expectOk(await repositories.claims.transition(claim.id, 'cancelled', asTechnician));
      }
      if (index % 7 === 3) expectOk(await repositories.claims.remove(claim.id, asTechnician));
    }
    return db;
  }

  /** The filter's live claims in queue order, by reading and sorting every claim. */
  async function fullRead(db: FixlineDatabase, filter: QueueFilter) {
    const byDeadline = filter.overdue === true && Object.keys(filter).length === 1;
    const at = (claim: StoredClaim) => (byDeadline ? claim.nextDeadlineAt : claim.createdAt) ?? '';
    return (await db.claims.toArray())
      .filter((claim) => claim.deletedAt === undefined && matchesQueueFilter(claim, filter, nowIso))
      .sort((a, b) => (at(a) !== at(b) ? (at(a) < at(b) ? -1 : 1) : a.id < b.id ? -1 : 1))
      .map((claim) => claim.id);
  }

  const filters: readonly QueueFilter[] = [
    {},
    { status: 'intake' },
    { packId: 'igpsport' },
    { assigneeId: technicianA },
    { status: 'intake', packId: 'kospet-warranty-refund' },
    { overdue: true },
    { overdue: true, packId: 'igpsport' },
  ];

  it('reads windows forward by keys that join into the order of a full read', async () => {
    const db = await pagedQueue();
    for (const filter of filters) {
      const expected = await fullRead(db, filter);
      expect(expected.length).toBeGreaterThan(1);
      const ids: string[] = [];
      let window = await readQueueWindow(db, filter, nowIso, {
        from: 'position',
        start: 0,
        size: 3,
      });
      while (window.claims.length > 0) {
        expect(window.start).toBe(ids.length);
        ids.push(...window.claims.map((claim) => claim.id));
        const last = window.claims.at(-1);
        if (last === undefined) break;
        window = await readQueueWindow(db, filter, nowIso, {
          from: 'after',
          cursor: queueCursor(last, filter),
          skip: 0,
          start: ids.length,
          size: 3,
        });
      }
      expect(ids).toEqual(expected);
      expect(await countQueue(db, filter, nowIso)).toBe(expected.length);
    }
  });

  it('reads windows backward from the end by keys, and skips rows when asked', async () => {
    const db = await pagedQueue();
    for (const filter of filters) {
      const expected = await fullRead(db, filter);
      const ids: string[] = [];
      let window = await readQueueWindow(db, filter, nowIso, {
        from: 'before',
        cursor: undefined,
        skip: 0,
        end: expected.length,
        size: 4,
      });
      for (;;) {
        expect(window.start).toBe(expected.length - ids.length - window.claims.length);
        ids.unshift(...window.claims.map((claim) => claim.id));
        const first = window.claims[0];
        if (first === undefined || window.start === 0) break;
        window = await readQueueWindow(db, filter, nowIso, {
          from: 'before',
          cursor: queueCursor(first, filter),
          skip: 0,
          end: window.start,
          size: 4,
        });
      }
      expect(ids).toEqual(expected);

      const [firstClaim] = (
        await readQueueWindow(db, filter, nowIso, { from: 'position', start: 0, size: 1 })
      ).claims;
      if (firstClaim === undefined) throw new Error('the filter holds claims');
      const skipped = await readQueueWindow(db, filter, nowIso, {
        from: 'after',
        cursor: queueCursor(firstClaim, filter),
        skip: 1,
        start: 2,
        size: 2,
      });
      expect(skipped.claims.map((claim) => claim.id)).toEqual(expected.slice(2, 4));
    }
  });

  it('jumps to any position exactly, deleted claims before it or not', async () => {
    const db = await pagedQueue();
    for (const filter of filters) {
      const expected = await fullRead(db, filter);
      for (let start = 0; start < expected.length + 2; start += 1) {
        const window = await readQueueWindow(db, filter, nowIso, {
          from: 'position',
          start,
          size: 3,
        });
        expect(window.start).toBe(start);
        expect(window.claims.map((claim) => claim.id)).toEqual(expected.slice(start, start + 3));
      }
      expect(await readQueueIds(db, filter, nowIso, 2, 6)).toEqual(expected.slice(2, 6));
    }
  });

  it('jumps exactly by the counts per day: claims over many days, some days emptied or deleted in part', async () => {
    const { db } = await openJakartaStation();
    // A claim every 5 hours: about five a day, across nine days, a day's runs of each filter
    // starting and ending at every part of a day.
    let clockMs = firstWriteMs;
    const repositories = createRepositories(db, { now: () => clockMs });
    const packs = ['igpsport', 'kospet-warranty-refund', 'kospet-official-store'] as const;
    for (let index = 0; index < 45; index += 1) {
      clockMs = firstWriteMs + index * 5 * 3_600_000;
      const claim = await openClaim(repositories, {
        policyPackId: packs[index % 3],
        ...(index % 4 === 0 ? { assigneeId: technicianA } : {}),
      });
      if (index % 5 === 2) {
        expectOk(await repositories.claims.transition(claim.id, 'cancelled', asTechnician));
      }
      // Every claim of the third day deleted, and a few more here and there.
      const day = Math.floor((index * 5 + 2) / 24);
      if (day === 2 || index % 6 === 5) {
        expectOk(await repositories.claims.remove(claim.id, asTechnician));
      }
    }
    const dayFilters: readonly QueueFilter[] = [
      {},
      { status: 'intake' },
      { status: 'cancelled' },
      { packId: 'kospet-warranty-refund' },
      { assigneeId: technicianA },
    ];
    for (const filter of dayFilters) {
      const expected = await fullRead(db, filter);
      expect(expected.length).toBeGreaterThan(3);
      for (let start = 0; start < expected.length + 2; start += 1) {
        const window = await readQueueWindow(db, filter, nowIso, {
          from: 'position',
          start,
          size: 4,
        });
        expect(window.claims.map((claim) => claim.id)).toEqual(expected.slice(start, start + 4));
      }
    }
  });
});
