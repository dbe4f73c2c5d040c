import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  syncApiPrefix,
  syncProtocolHeader,
  syncProtocolVersion,
  syncRoutes,
} from '#shared/sync/protocol';
import { buildSyncServer } from '../../server/src/app';
import { createPairingCode } from '../../server/src/identity';
import type { Database } from '../../server/src/storage/database';
import type { SyncEngine } from '../../renderer/src/core/sync/syncEngine';
import { createSyncEngine } from '../../renderer/src/core/sync/syncEngine';
import type { SyncTransport } from '../../renderer/src/core/sync/syncApi';
import { asTechnician, expectOk } from '../db/testDatabase';
import type { TestStation } from '../sync/stations';
import { openStation, takeInClaim } from '../sync/stations';
import { openTestDatabase } from './serverHarness';

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

/** Requests go to the server in-process (Fastify's inject); pokes are left to `syncNow`. */
function injectTransport(): SyncTransport {
  return {
    request: async ({ route, body, deviceToken }) => {
      const response = await app.inject({
        method: route === 'hello' ? 'GET' : 'POST',
        url: `${syncApiPrefix}${syncRoutes[route]}`,
        headers: {
          [syncProtocolHeader]: String(syncProtocolVersion),
          ...(deviceToken === undefined ? {} : { authorization: `Bearer ${deviceToken}` }),
        },
        ...(route === 'hello' ? {} : { payload: (body ?? {}) as object }),
      });
      return {
        kind: 'answered',
        status: response.statusCode,
        body: response.body === '' ? undefined : response.json(),
      };
    },
    events: ({ onConnected }) => {
      onConnected(false);
      return { close: () => undefined };
    },
  };
}

const engines: SyncEngine[] = [];
afterAll(() => {
  for (const engine of engines) engine.stop();
});

async function connect(station: TestStation): Promise<SyncEngine> {
  const engine = createSyncEngine(station.db, {
    transport: injectTransport(),
    locks: null,
    network: { isOnline: () => true, subscribe: () => () => undefined },
  });
  engines.push(engine);
  const { code } = await createPairingCode(database);
  expect(await engine.connect({ serverUrl, pairingCode: code })).toEqual({ ok: true });
  await engine.syncNow();
  return engine;
}

describe('two stations and the real sync server', () => {
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
