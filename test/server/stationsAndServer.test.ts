import 'fake-indexeddb/auto';
import '../sync/model/browserGlobals';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '#shared/domain/audit';
import { auditEventSchema } from '#shared/domain/audit';
import type { Mutation } from '#shared/sync/protocol';
import { buildSyncServer } from '../../server/src/app';
import { createPairingCode, revokeDevice } from '../../server/src/identity';
import type { Database } from '../../server/src/storage/database';
import type { SyncEngine } from '../../renderer/src/core/sync/syncEngine';
import { createSyncEngine } from '../../renderer/src/core/sync/syncEngine';
import type { SyncTransport } from '../../renderer/src/core/sync/syncApi';
import { exportBackup, restoreBackup } from '../../renderer/src/db/backup';
import { FixlineDatabase } from '../../renderer/src/db/database';
import { createRepositories } from '../../renderer/src/db/repositories';
import { centerSettingsId } from '../../renderer/src/db/records';
import { hashPin } from '../../renderer/src/station/personPin';
import {
  asTechnician,
  cheapPinHashCost,
  expectOk,
  firstWriteMs,
  freshDatabaseName,
  openTestDatabase as openStationDatabase,
  steppingClock,
} from '../db/testDatabase';
import type { TestStation } from '../sync/stations';
import { openStation, takeInClaim } from '../sync/stations';
import {
  injectBlobRequests,
  injectSyncRequest,
  openTestDatabase,
  resetDatabase,
} from './serverHarness';

/**
 * The station's real engine and repositories (on fake-indexeddb) against the real sync server
 * (on PGlite in memory): what one station records reaches the other through push and pull, and
 * a concurrent edit ends the same on both with the loser kept as a conflict.
 */

const serverUrl = 'http://sync.test';
const otherTechnician = '0196a1b2-c3d4-7000-8000-0000000000b2';

let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  app = await buildSyncServer({ database });
}, 120_000);

afterAll(async () => {
  await app.close();
  await database.close();
});

/**
 * Requests go to the server in-process (Fastify's inject); pokes are left to `syncNow`. Every
 * push's mutations are kept in `pushed`.
 */
function injectTransport(server: FastifyInstance, pushed: Mutation[] = []): SyncTransport {
  return {
    request: async ({ route, body, deviceToken }) => {
      if (route === 'push') pushed.push(...(body as { mutations: Mutation[] }).mutations);
      return injectSyncRequest(server, { route, body, deviceToken });
    },
    events: ({ onConnected }) => {
      onConnected(false);
      return { close: () => undefined };
    },
    blobs: injectBlobRequests(server),
  };
}

const engines: SyncEngine[] = [];
afterAll(() => {
  for (const engine of engines) engine.stop();
});

async function connect(
  station: TestStation,
  server: { app: FastifyInstance; database: Database } = { app, database },
  pushed: Mutation[] = [],
  transport: SyncTransport = injectTransport(server.app, pushed),
): Promise<SyncEngine> {
  const engine = createSyncEngine(station.db, {
    transport,
    locks: null,
    network: { isOnline: () => true, subscribe: () => () => undefined },
  });
  engines.push(engine);
  const { code } = await createPairingCode(server.database);
  expect(await engine.connect({ serverUrl, pairingCode: code })).toEqual({ ok: true });
  await engine.syncNow();
  return engine;
}

describe('two stations and the real sync server', () => {
  // Each test a center of its own: one whose people another test added would refuse the writes
  // of these stations' technician, who is none of them (the server takes changes only from the
  // center's people once it has some).
  beforeEach(() => resetDatabase(database));

  it('brings a claim taken in at one station to the other, and a change of it back', async () => {
    const jakarta = await openStation('JKT1');
    const bandung = await openStation('BDG2');
    const claimId = await takeInClaim(jakarta);
    const atJakarta = await connect(jakarta);
    const atBandung = await connect(bandung);

    const pulled = await bandung.db.claims.get(claimId);
    expect(pulled?.rmaNumber).toBe('RMA-JKT1-000001');
    expect(await bandung.db.customers.get(pulled?.customerId ?? '')).toBeDefined();
    expect(await jakarta.db.outbox.count()).toBe(0);
    expect(atJakarta.status()).toMatchObject({ phase: 'idle', pendingChanges: 0 });

    expectOk(
      await bandung.repositories.claims.update(
        claimId,
        { assigneeId: otherTechnician },
        asTechnician,
      ),
    );
    await atBandung.syncNow();
    await atJakarta.syncNow();
    expect((await jakarta.db.claims.get(claimId))?.assigneeId).toBe(otherTechnician);
    expect(atBandung.status().rejectedChanges).toEqual([]);
  });

  it('brings a person added at one station to the other, and their rename back', async () => {
    const jakarta = await openStation('JKT5');
    const bandung = await openStation('BDG6');
    const atJakarta = await connect(jakarta);
    const atBandung = await connect(bandung);

    const rina = expectOk(
      await jakarta.repositories.station.addPerson({
        name: 'Rina',
        roles: ['technician'],
        pin: '4826',
      }),
    );
    await atJakarta.syncNow();
    await atBandung.syncNow();
    const atBandungBefore = await bandung.repositories.station.get();
    expect(atBandungBefore?.technicians?.map((person) => person.name)).toContain('Rina');
    // The PIN's hash came along: Rina signs in at the station she was not added at.
    expect(await bandung.repositories.station.signIn(rina.id, '4826')).toEqual({
      ok: true,
      value: { kind: 'signed-in' },
    });

    expectOk(await bandung.repositories.station.updatePerson(rina.id, { name: 'Rina Kurnia' }));
    await atBandung.syncNow();
    await atJakarta.syncNow();

    expect(await jakarta.db.people.get(rina.id)).toMatchObject({
      name: 'Rina Kurnia',
      station: 'BDG6',
    });
    expect(atBandung.status().rejectedChanges).toEqual([]);
    expect(atJakarta.status().rejectedChanges).toEqual([]);
  });

  it('ends a field changed at both stations offline with one value and the loser as a conflict', async () => {
    const jakarta = await openStation('JKT3');
    const bandung = await openStation('BDG4');
    const claimId = await takeInClaim(jakarta);
    const atJakarta = await connect(jakarta);
    const atBandung = await connect(bandung);

    expectOk(
      await jakarta.repositories.claims.update(
        claimId,
        { assigneeId: otherTechnician },
        asTechnician,
      ),
    );
    expectOk(
      await bandung.repositories.claims.update(
        claimId,
        { assigneeId: asTechnician.actor },
        asTechnician,
      ),
    );
    await atJakarta.syncNow();
    await atBandung.syncNow();
    await atJakarta.syncNow();

    const atBoth = [await jakarta.db.claims.get(claimId), await bandung.db.claims.get(claimId)];
    expect(atBoth[0]?.assigneeId).toBeDefined();
    expect(atBoth[0]?.assigneeId).toBe(atBoth[1]?.assigneeId);
    for (const station of [jakarta, bandung]) {
      const conflicts = await station.db.conflicts.where('claimId').equals(claimId).toArray();
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ table: 'claims', rowId: claimId, field: 'assigneeId' });
    }
  });
});

describe('a station joining a center that is set up already', () => {
  let center: { app: FastifyInstance; database: Database };

  // A server of its own per test: which station comes first is what these tests are about.
  beforeEach(async () => {
    const centerDatabase = await openTestDatabase('pglite');
    center = { database: centerDatabase, app: await buildSyncServer({ database: centerDatabase }) };
  }, 120_000);

  afterEach(async () => {
    for (const engine of engines.splice(0)) engine.stop();
    await center.app.close();
    await center.database.close();
  });

  /** The center's first station: set up with its name and calendar, then connected. */
  async function setUpCenter(): Promise<{ station: TestStation; engine: SyncEngine }> {
    const station = await openStation('JKT7');
    expectOk(
      await station.repositories.station.updateSettings({
        center: { name: 'Fixline Jakarta Pusat' },
        timeZone: 'Asia/Jakarta',
        holidays: ['2026-12-25'],
      }),
    );
    return { station, engine: await connect(station, center) };
  }

  /**
   * A brand-new station set up at first run, an hour after the center was (its stamps are the
   * newer), with a center of its own, a currency the center never chose and a person.
   */
  async function setUpNewStation(personId: string): Promise<TestStation> {
    const { db, repositories } = await openStationDatabase(null);
    const setUp = createRepositories(db, {
      now: () => firstWriteMs + 3_600_000,
      pinHashCost: cheapPinHashCost,
    }).station.setUp({
      stationCode: 'BDG8',
      center: { name: 'Bengkel Bandung' },
      timeZone: 'Asia/Makassar',
      holidays: ['2026-08-17'],
      currency: 'IDR',
      technicians: [
        { id: personId, name: 'Rina', pinHash: await hashPin('4826', cheapPinHashCost) },
      ],
    });
    expectOk(await setUp);
    return { db, repositories, code: 'BDG8' };
  }

  async function serverCenterSettings(): Promise<Record<string, unknown> | undefined> {
    const [row] = await center.database.query(
      'SELECT center, time_zone, holidays, currency FROM center_settings WHERE id = $1',
      [centerSettingsId],
    );
    return row;
  }

  it('takes the center’s settings over its own, pushes none of them, and pushes its people', async () => {
    const jakarta = await setUpCenter();
    const rinaId = '0196a1b2-c3d4-7000-8000-0000000000c1';
    const bandung = await setUpNewStation(rinaId);
    const pushedByBandung: Mutation[] = [];
    const atBandung = await connect(bandung, center, pushedByBandung);
    await jakarta.engine.syncNow();

    const centerWide = {
      center: { name: 'Fixline Jakarta Pusat' },
      timeZone: 'Asia/Jakarta',
      holidays: ['2026-12-25'],
    };
    for (const station of [jakarta.station, bandung]) {
      expect(await station.repositories.station.get()).toMatchObject(centerWide);
    }
    expect(await serverCenterSettings()).toMatchObject({
      center: centerWide.center,
      time_zone: centerWide.timeZone,
      holidays: centerWide.holidays,
    });
    // The center's stamps came along: the next change at either station orders after them.
    expect((await bandung.db.centerSettings.get(centerSettingsId))?.stamps).toMatchObject({
      center: (await jakarta.station.db.centerSettings.get(centerSettingsId))?.stamps.center,
    });

    const pushedSettings = pushedByBandung.flatMap((mutation) =>
      mutation.changes.filter((change) => change.table === 'centerSettings'),
    );
    const pushedFields = pushedSettings.flatMap((change) => [
      ...Object.keys(change.set),
      ...change.unset,
    ]);
    for (const field of ['center', 'timeZone', 'holidays']) {
      expect(pushedFields).not.toContain(field);
    }
    expect(await bandung.db.outbox.count()).toBe(0);
    expect(atBandung.status()).toMatchObject({ phase: 'idle', rejectedChanges: [] });

    // Rina, added at Bandung's setup, is a new person of the center.
    expect(await jakarta.station.db.people.get(rinaId)).toMatchObject({
      name: 'Rina',
      station: 'BDG8',
    });
    expect(await jakarta.station.repositories.station.signIn(rinaId, '4826')).toEqual({
      ok: true,
      value: { kind: 'signed-in' },
    });
  });

  it('pushes no audit event of the center’s settings it changed before it joined, where the center won', async () => {
    const jakarta = await setUpCenter();
    const bandung = await setUpNewStation('0196a1b2-c3d4-7000-8000-0000000000c4');
    // Changed at the new station before it joined: the center's name wins over it; the
    // currency, which the center never chose, becomes the center's.
    expectOk(
      await bandung.repositories.station.updateSettings({
        center: { name: 'Bengkel Bandung Barat' },
        currency: 'USD',
      }),
    );
    const pushed: Mutation[] = [];
    await connect(bandung, center, pushed);
    await jakarta.engine.syncNow();

    // Bandung's events of the center's settings, which Jakarta's own edits are not.
    const auditedFields = (events: readonly AuditEvent[]) =>
      events
        .filter((event) => event.entity === 'centerSettings' && event.station === 'BDG8')
        .flatMap((event) => Object.keys(event.changes));
    const pushedEvents = pushed
      .flatMap((mutation) => mutation.changes)
      .filter((change) => change.table === 'auditEvents')
      .map((change) => auditEventSchema.parse(change.set));
    for (const fields of [
      auditedFields(pushedEvents),
      auditedFields(await bandung.db.auditEvents.toArray()),
      auditedFields(await jakarta.station.db.auditEvents.toArray()),
    ]) {
      expect(fields).not.toContain('center');
      expect(fields).not.toContain('timeZone');
      expect(fields).not.toContain('holidays');
    }
    expect(auditedFields(pushedEvents)).toEqual(['currency']);
    expect(auditedFields(await jakarta.station.db.auditEvents.toArray())).toEqual(['currency']);
    expect(await bandung.db.auditEvents.count()).toBe(await jakarta.station.db.auditEvents.count());
  });

  it('keeps a center field only the new station chose, and brings it to the center', async () => {
    const jakarta = await setUpCenter();
    const bandung = await setUpNewStation('0196a1b2-c3d4-7000-8000-0000000000c2');
    await connect(bandung, center);
    await jakarta.engine.syncNow();

    // The center never chose a currency: Bandung's stays, and is the center's now.
    for (const station of [jakarta.station, bandung]) {
      expect((await station.repositories.station.get())?.currency).toBe('IDR');
    }
    expect(await serverCenterSettings()).toMatchObject({ currency: 'IDR' });
    // Adopting is no concurrent edit: nothing of it is a conflict.
    expect(await center.database.query('SELECT id FROM conflicts')).toEqual([]);
  });

  it('keeps what a station that left changed meanwhile when it joins again', async () => {
    const jakarta = await setUpCenter();
    await jakarta.engine.leave();
    expectOk(
      await jakarta.station.repositories.station.updateSettings({
        center: { name: 'Fixline Jakarta Barat' },
      }),
    );

    await connect(jakarta.station, center);

    expect(await serverCenterSettings()).toMatchObject({
      center: { name: 'Fixline Jakarta Barat' },
      holidays: ['2026-12-25'],
    });
    expect(await jakarta.station.db.outbox.count()).toBe(0);
  });

  it('pushes the settings of the center’s first station as they are', async () => {
    const first = await setUpNewStation('0196a1b2-c3d4-7000-8000-0000000000c3');
    const pushed: Mutation[] = [];
    await connect(first, center, pushed);

    expect(await serverCenterSettings()).toMatchObject({
      center: { name: 'Bengkel Bandung' },
      time_zone: 'Asia/Makassar',
      holidays: ['2026-08-17'],
      currency: 'IDR',
    });
    expect(
      pushed.flatMap((mutation) => mutation.changes).some((c) => c.table === 'centerSettings'),
    ).toBe(true);
    expect(await first.db.outbox.count()).toBe(0);
    expect(await first.repositories.station.get()).toMatchObject({
      center: { name: 'Bengkel Bandung' },
      timeZone: 'Asia/Makassar',
    });
  });
});

describe('a station restored from a backup and paired again', () => {
  let own: { app: FastifyInstance; database: Database };

  // A server of its own per test: each pairs a station twice, past the shared server's limit.
  beforeEach(async () => {
    const ownDatabase = await openTestDatabase('pglite');
    own = { database: ownDatabase, app: await buildSyncServer({ database: ownDatabase }) };
  }, 120_000);

  afterEach(async () => {
    for (const engine of engines.splice(0)) engine.stop();
    await own.app.close();
    await own.database.close();
  });

  it('gives a claim it took in before its first pull the next RMA number the center lacks', async () => {
    const jakarta = await openStation('JKT9');
    await takeInClaim(jakarta);
    const atJakarta = await connect(jakarta, own);
    const { file } = await exportBackup(jakarta.db, { passphrase: null });
    await takeInClaim(jakarta);
    await atJakarta.syncNow();
    const old = (await jakarta.db.syncState.get('state'))?.enrollment;
    atJakarta.stop();
    await revokeDevice(own.database, old?.deviceId ?? '');

    // The machine is replaced: the backup, a claim or an hour behind, counts from 1 again.
    const db = new FixlineDatabase(freshDatabaseName());
    expectOk(await restoreBackup(db, file));
    const repositories = createRepositories(db, { now: steppingClock(firstWriteMs + 3_600_000) });
    const restored: TestStation = { db, repositories, code: 'JKT9' };
    const takenAfterRestore = await takeInClaim(restored);
    expect((await db.claims.get(takenAfterRestore))?.rmaNumber).toBe('RMA-JKT9-000002');
    const atRestored = await connect(restored, own);

    expect(atRestored.status()).toMatchObject({ phase: 'idle', pendingChanges: 0 });
    expect(atRestored.status().rejectedChanges).toEqual([]);
    expect((await db.claims.get(takenAfterRestore))?.rmaNumber).toBe('RMA-JKT9-000003');
    const numbers = (await db.claims.toArray())
      .map((claim) => claim.rmaNumber)
      .filter((rmaNumber) => rmaNumber.startsWith('RMA-JKT9-'))
      .sort();
    expect(numbers).toEqual(['RMA-JKT9-000001', 'RMA-JKT9-000002', 'RMA-JKT9-000003']);
    const bandung = await openStation('BDG9');
    await connect(bandung, own);
    expect((await bandung.db.claims.get(takenAfterRestore))?.rmaNumber).toBe('RMA-JKT9-000003');
    // The claim's history says its number changed, for whoever printed the first one.
    const renumbering = (await bandung.db.auditEvents.toArray()).filter(
      (event) => event.entityId === takenAfterRestore && event.action === 'update',
    );
    expect(renumbering.map((event) => event.changes)).toEqual([
      { rmaNumber: { from: 'RMA-JKT9-000002', to: 'RMA-JKT9-000003' } },
    ]);
  });

  it('does not apply again the changes its backup had pushed, nor find conflicts in them', async () => {
    const jakarta = await openStation('JKT8');
    const claimId = await takeInClaim(jakarta);
    // For a while the server's answers are lost: it applies a push, the station never hears.
    const answersLost = { now: false };
    const inject = injectTransport(own.app);
    const flaky: SyncTransport = {
      ...inject,
      request: async (request) => {
        const answer = await inject.request(request);
        return answersLost.now ? { kind: 'unreachable', reason: 'the cable came out' } : answer;
      },
    };
    const atJakarta = await connect(jakarta, own, [], flaky);
    answersLost.now = true;
    expectOk(
      await jakarta.repositories.claims.update(
        claimId,
        { assigneeId: otherTechnician },
        asTechnician,
      ),
    );
    await atJakarta.syncNow().catch(() => undefined);
    const { file } = await exportBackup(jakarta.db, { passphrase: null });
    expect(await jakarta.db.outbox.count()).toBe(1);
    // Bandung assigns the claim afterwards, having seen Jakarta's assignment.
    const bandung = await openStation('BDG7');
    const atBandung = await connect(bandung, own);
    expectOk(
      await bandung.repositories.claims.update(
        claimId,
        { assigneeId: asTechnician.actor },
        asTechnician,
      ),
    );
    await atBandung.syncNow();
    const old = (await jakarta.db.syncState.get('state'))?.enrollment;
    atJakarta.stop();
    await revokeDevice(own.database, old?.deviceId ?? '');

    const db = new FixlineDatabase(freshDatabaseName());
    expectOk(await restoreBackup(db, file));
    const restored: TestStation = {
      db,
      repositories: createRepositories(db, { now: steppingClock(firstWriteMs + 3_600_000) }),
      code: 'JKT8',
    };
    const pushedAgain: Mutation[] = [];
    const atRestored = await connect(restored, own, pushedAgain);

    expect(atRestored.status()).toMatchObject({ phase: 'idle', pendingChanges: 0 });
    expect((await db.claims.get(claimId))?.assigneeId).toBe(asTechnician.actor);
    const conflicts = await own.database.query('SELECT id FROM conflicts WHERE claim_id = $1', [
      claimId,
    ]);
    expect(conflicts).toEqual([]);
    expect(pushedAgain).toEqual([]);
  });
});
