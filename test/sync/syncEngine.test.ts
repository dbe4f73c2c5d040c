import 'fake-indexeddb/auto';
import { isDeepStrictEqual } from 'node:util';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncEngine, SyncTimers } from '../../renderer/src/core/sync/syncEngine';
import { createSyncEngine } from '../../renderer/src/core/sync/syncEngine';
import type { SyncStatus } from '../../renderer/src/core/sync/syncApi';
import { FixlineDatabase } from '../../renderer/src/db/database';
import type { SliceSizing } from '../../renderer/src/db/sync/slicedApply';
import { readOutboxMutations, readSyncState } from '../../renderer/src/db/sync/syncState';
import { storeAttachment } from '../../renderer/src/db/attachments';
import { asTechnician, expectOk, setupOutboxEntries } from '../db/testDatabase';
import { FakeSyncServer, pairingCode } from './fakeSyncServer';
import type { TestStation } from './stations';
import { openStation, pushOutbox, takeInClaim } from './stations';

const serverUrl = 'http://127.0.0.1:7411/';
const otherTechnician = '0196a1b2-c3d4-7000-8000-0000000000b2';

/** Timers that fire only when the test says, so a backoff is seen and cut short. */
function manualTimers() {
  const pending: { run: () => void; delayMs: number }[] = [];
  const timers: SyncTimers = {
    set: (run, delayMs) => {
      const timer = { run, delayMs };
      pending.push(timer);
      return timer;
    },
    clear: (handle) => {
      const index = pending.findIndex((timer) => timer === handle);
      if (index >= 0) pending.splice(index, 1);
    },
  };
  return { timers, pending };
}

/** A network the test switches off and on, with the browser's online and offline events. */
function manualNetwork() {
  let online = true;
  const listeners = new Set<(online: boolean) => void>();
  return {
    network: {
      isOnline: () => online,
      subscribe: (listener: (online: boolean) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    set(value: boolean) {
      online = value;
      for (const listener of listeners) listener(value);
    },
  };
}

const engines: SyncEngine[] = [];
afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});

function engineOf(
  station: TestStation,
  server: FakeSyncServer,
  pullLimit?: number,
  applySlices?: Partial<SliceSizing>,
) {
  const { timers, pending } = manualTimers();
  const network = manualNetwork();
  const engine = createSyncEngine(station.db, {
    transport: server.transport,
    timers,
    network: network.network,
    locks: null,
    random: () => 0.5,
    ...(pullLimit === undefined ? {} : { pullLimit }),
    ...(applySlices === undefined ? {} : { applySlices }),
  });
  engines.push(engine);
  return { engine, pending, network };
}

async function connected(station: TestStation, server: FakeSyncServer, pullLimit?: number) {
  const parts = engineOf(station, server, pullLimit);
  expect(await parts.engine.connect({ serverUrl, pairingCode })).toEqual({ ok: true });
  await parts.engine.syncNow();
  return parts;
}

describe('the sync engine', () => {
  it('connects, pushes what the station recorded alone, and another station pulls it', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const bandung = await openStation('BDG2');
    const claimId = await takeInClaim(jakarta);

    const atJakarta = await connected(jakarta, server);
    const atBandung = await connected(bandung, server);

    expect(atJakarta.engine.status()).toMatchObject({
      phase: 'idle',
      serverUrl: 'http://127.0.0.1:7411',
      pendingChanges: 0,
      rejectedChanges: [],
    });
    expect(atJakarta.engine.status().lastSyncedAt).toBeDefined();
    expect(await jakarta.db.outbox.count()).toBe(0);
    expect((await bandung.db.claims.get(claimId))?.rmaNumber).toBe('RMA-JKT1-000001');
    expect(atBandung.engine.status().firstPull).toBeUndefined();
    expect((await readSyncState(bandung.db))?.enrollment?.cursor).not.toBeNull();
  });

  it('pulls before it first pushes after connecting, and pushes first afterwards', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    await takeInClaim(jakarta);

    const atJakarta = await connected(jakarta, server);
    const routes = () => server.requests.map((request) => request.route);
    // The first sync: its pull, then its push (and the pull after it).
    expect(routes().slice(0, 5)).toEqual(['hello', 'enroll', 'pull', 'push', 'pull']);
    expect((await readSyncState(jakarta.db))?.enrollment).not.toHaveProperty('joining');

    server.requests.splice(0);
    await takeInClaim(jakarta);
    await atJakarta.engine.syncNow();
    expect(routes()[0]).toBe('push');
  });

  it('pushes a new change by itself, and a poke brings it to the other station', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const bandung = await openStation('BDG2');
    const claimId = await takeInClaim(jakarta);
    await connected(jakarta, server);
    await connected(bandung, server);

    expectOk(
      await jakarta.repositories.claims.update(
        claimId,
        { assigneeId: otherTechnician },
        asTechnician,
      ),
    );

    await vi.waitFor(async () => {
      expect((await bandung.db.claims.get(claimId))?.assigneeId).toBe(otherTechnician);
    });
    expect(await jakarta.db.outbox.count()).toBe(0);
  });

  it('pulls once after its own push: the poke its push causes asks for nothing it lacks', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const bandung = await openStation('BDG2');
    const claimId = await takeInClaim(jakarta);
    const { engine } = await connected(jakarta, server);
    await connected(bandung, server);
    const jakartaClient = (await readSyncState(jakarta.db))?.clientId;
    const requestsBefore = server.requests.length;

    expectOk(
      await jakarta.repositories.claims.update(
        claimId,
        { assigneeId: otherTechnician },
        asTechnician,
      ),
    );
    await vi.waitFor(async () => {
      expect((await bandung.db.claims.get(claimId))?.assigneeId).toBe(otherTechnician);
      expect(await jakarta.db.outbox.count()).toBe(0);
      expect(engine.status().phase).toBe('idle');
    });
    // Room for a cycle the poke might still start.
    await new Promise((resolve) => setTimeout(resolve, 100));

    const jakartaRequests = server.requests
      .slice(requestsBefore)
      .filter((request) => (request.body as { clientId?: string }).clientId === jakartaClient)
      .map((request) => request.route);
    // The fake server pokes while it answers the push: the pull after the push covers it.
    expect(jakartaRequests).toEqual(['push', 'pull']);
  });

  it('goes offline when the server cannot be reached, backs off with jitter, and syncs when the network is back', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const { engine, pending, network } = await connected(jakarta, server);
    server.down = true;
    await takeInClaim(jakarta);

    await engine.syncNow();
    expect(engine.status().phase).toBe('offline');
    expect(pending.map((timer) => timer.delayMs)).toEqual([500]);
    pending.shift()?.run();
    await vi.waitFor(() => expect(pending.map((timer) => timer.delayMs)).toEqual([1000]));
    expect(engine.status().pendingChanges).toBe(3);

    network.set(false);
    expect(engine.status().phase).toBe('offline');
    server.down = false;
    network.set(true);

    await vi.waitFor(() => expect(engine.status().phase).toBe('idle'));
    expect(pending).toEqual([]);
    expect(await jakarta.db.outbox.count()).toBe(0);
    expect(server.lastMutationIds.size).toBe(1);
  });

  it('resends from the id the server expects after a push whose answer was lost', async () => {
    const server = new FakeSyncServer();
    server.strictIds = true;
    const jakarta = await openStation('JKT1');
    const { engine } = await connected(jakarta, server);
    engine.stop();
    await takeInClaim(jakarta);
    const state = await readSyncState(jakarta.db);
    server.receive(state?.clientId ?? '', await readOutboxMutations(jakarta.db, 1, 2));

    await engine.start();
    await engine.syncNow();

    expect(engine.status().phase).toBe('idle');
    expect(await jakarta.db.outbox.count()).toBe(0);
    // The setup's entry, then the customer, device and claim.
    expect(server.lastMutationIds.get(state?.clientId ?? '')).toBe(setupOutboxEntries + 3);
    const pushes = server.requests.filter((request) => request.route === 'push');
    // The setup's entry went as the station connected; the claim's, resent from the lost one.
    expect(
      pushes.map((request) =>
        (request.body as { mutations: { id: number }[] }).mutations.map((m) => m.id),
      ),
    ).toEqual([[1], [2, 3, 4], [4]]);
  });

  it('pulls everything again when its cursor is below the server’s horizon', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const claimId = await takeInClaim(jakarta);
    const { engine } = await connected(jakarta, server);
    server.purgeOnce = true;
    const before = server.requests.length;

    await engine.syncNow();

    const pulls = server.requests
      .slice(before)
      .filter((request) => request.route === 'pull')
      .map((request) => (request.body as { cursor: unknown }).cursor);
    expect(pulls[0]).not.toBeNull();
    expect(pulls[1]).toBeNull();
    expect(engine.status().phase).toBe('idle');
    expect((await readSyncState(jakarta.db))?.enrollment?.cursor).not.toBeNull();
    expect(await jakarta.db.claims.get(claimId)).toBeDefined();
  });

  it('shows a change the server refused, drops it from the outbox, and takes the server’s value', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const bandung = await openStation('BDG2');
    const claimId = await takeInClaim(jakarta);
    const atJakarta = await connected(jakarta, server);
    const atBandung = await connected(bandung, server);
    atJakarta.engine.stop();
    expectOk(
      await bandung.repositories.claims.transition(claimId, 'awaiting-authorization', asTechnician),
    );
    await atBandung.engine.syncNow();
    expectOk(await jakarta.repositories.claims.transition(claimId, 'cancelled', asTechnician));

    await atJakarta.engine.start();
    await atJakarta.engine.syncNow();

    await vi.waitFor(() => expect(atJakarta.engine.status().rejectedChanges).toHaveLength(1));
    expect(atJakarta.engine.status().rejectedChanges[0]?.rejection).toMatchObject({
      code: 'illegal-transition',
      id: claimId,
    });
    expect(await jakarta.db.outbox.count()).toBe(0);
    expect((await jakarta.db.claims.get(claimId))?.status).toBe('awaiting-authorization');
  });

  it('stops, saying why, when the center revoked the station', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const { engine, pending } = await connected(jakarta, server);
    server.revoked = true;

    await engine.syncNow();

    expect(engine.status()).toMatchObject({
      phase: 'stopped',
      problem: { code: 'device-revoked' },
    });
    expect(pending).toEqual([]);

    // Another station's push pokes every listener: a stopped engine does not answer it.
    const requestsWhenStopped = server.requests.length;
    const other = await openStation('BDG2');
    await takeInClaim(other);
    await pushOutbox(other, server, '0196a1b2-c3d4-7000-8000-0000000000b9');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests.length).toBe(requestsWhenStopped);
    expect(engine.status().phase).toBe('stopped');
  });

  it('stops and says which side to update when the protocols differ', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const { engine } = await connected(jakarta, server);
    server.protocol = 2;

    await engine.syncNow();

    expect(engine.status()).toMatchObject({
      phase: 'stopped',
      problem: { code: 'protocol-mismatch', update: 'station' },
    });
  });

  it('tells an unreachable server and one of another protocol apart when connecting', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const { engine } = engineOf(jakarta, server);

    server.down = true;
    expect(await engine.connect({ serverUrl, pairingCode })).toMatchObject({
      ok: false,
      problem: { code: 'unreachable' },
    });
    server.down = false;
    server.protocol = 2;
    expect(await engine.connect({ serverUrl, pairingCode })).toMatchObject({
      ok: false,
      problem: { code: 'protocol-mismatch', update: 'station' },
    });

    expect((await readSyncState(jakarta.db))?.enrollment).toBeUndefined();
  });

  it('shows the first pull’s progress page by page', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const bandung = await openStation('BDG2');
    await takeInClaim(jakarta);
    await connected(jakarta, server);
    const { engine } = engineOf(bandung, server, 2);
    const seen: { receivedRows: number; totalRows?: number }[] = [];
    engine.subscribe(() => {
      const { firstPull } = engine.status();
      if (firstPull !== undefined) seen.push({ ...firstPull });
    });

    await engine.connect({ serverUrl, pairingCode });
    await engine.syncNow();

    const total = server.rowsAfter().length;
    expect(seen.at(-1)).toMatchObject({ receivedRows: total, totalRows: total });
    expect(seen.some((progress) => progress.receivedRows === 2)).toBe(true);
    expect(engine.status().firstPull).toBeUndefined();
  });

  it('tells the first pull’s progress at most four times a second, and always its end', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    for (let index = 0; index < 3; index += 1) await takeInClaim(jakarta);
    await connected(jakarta, server);
    const bandung = await openStation('BDG2');
    // A pull faster than the interval: the clock stands still while it runs.
    const frozenMs = Date.now();
    const engine = createSyncEngine(bandung.db, {
      transport: server.transport,
      timers: manualTimers().timers,
      network: manualNetwork().network,
      locks: null,
      now: () => frozenMs,
      pullLimit: 2,
    });
    engines.push(engine);
    const told: number[] = [];
    engine.subscribe(() => {
      const received = engine.status().firstPull?.receivedRows;
      if (received !== undefined && received !== told.at(-1)) told.push(received);
    });

    await engine.connect({ serverUrl, pairingCode });
    await engine.syncNow();

    const total = server.rowsAfter().length;
    expect(total).toBeGreaterThan(6);
    expect(told).toEqual([0, 2, total]);
  });

  it('tells its status only when it changed, not at every slice of a pull', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    for (let index = 0; index < 3; index += 1) await takeInClaim(jakarta);
    await connected(jakarta, server);
    const bandung = await openStation('BDG2');
    const { engine } = engineOf(bandung, server, undefined, {
      firstRows: 2,
      minRows: 2,
      maxRows: 2,
    });
    const told: SyncStatus[] = [];
    engine.subscribe(() => told.push(engine.status()));

    await engine.connect({ serverUrl, pairingCode });
    await engine.syncNow();

    expect(server.rowsAfter().length).toBeGreaterThan(10);
    const repeated = told.filter(
      (status, index) => index > 0 && isDeepStrictEqual(status, told[index - 1]),
    );
    expect(repeated).toEqual([]);
    expect(told.at(-1)).toMatchObject({ phase: 'idle', pendingChanges: 0, rejectedChanges: [] });
  });

  it('pulls again after a crash between the slices of a page and ends as an unsliced pull', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    for (let index = 0; index < 3; index += 1) await takeInClaim(jakarta);
    await connected(jakarta, server);
    const rows = server.rowsAfter();
    const unsliced = await openStation('BDG2');
    const whole = engineOf(unsliced, server, undefined, { firstRows: 5_000 });
    await whole.engine.connect({ serverUrl, pairingCode });
    await whole.engine.syncNow();
    const crashing = await openStation('SBY3');
    let slices = 0;
    let crash: () => void = () => undefined;
    const crashed = new Promise<void>((resolve) => {
      crash = resolve;
    });
    const cut = createSyncEngine(crashing.db, {
      transport: server.transport,
      timers: manualTimers().timers,
      network: manualNetwork().network,
      locks: null,
      applySlices: { firstRows: 2, minRows: 2, maxRows: 2 },
      // The tab is closed after the second slice: nothing of the engine runs after it.
      pauseBetweenSlices: () => {
        slices += 1;
        if (slices < 2) return Promise.resolve();
        crash();
        return new Promise(() => undefined);
      },
    });
    engines.push(cut);

    expect(await cut.connect({ serverUrl, pairingCode })).toEqual({ ok: true });
    await crashed;
    cut.stop();
    expect((await readSyncState(crashing.db))?.enrollment?.cursor).toBeNull();
    const storedRows = async (station: TestStation) =>
      Promise.all(rows.map((row) => station.db.table(row.table).get(row.id)));
    const beforeCrash = (await storedRows(crashing)).filter((row) => row !== undefined);
    expect(beforeCrash.length).toBeGreaterThan(0);
    expect(beforeCrash.length).toBeLessThan(rows.length);
    crashing.db.close();
    const reopened = { ...crashing, db: new FixlineDatabase(crashing.db.name) };
    const resumed = engineOf(reopened, server, undefined, { firstRows: 3, minRows: 3, maxRows: 3 });
    await resumed.engine.start();
    await resumed.engine.syncNow();

    expect((await readSyncState(reopened.db))?.enrollment?.cursor).not.toBeNull();
    expect(await storedRows(reopened)).toEqual(await storedRows(unsliced));
    expect(await reopened.db.claimCounts.toArray()).toEqual(
      await unsliced.db.claimCounts.toArray(),
    );
    reopened.db.close();
  });

  it('stops between the slices of a page when it is stopped, without storing the cursor', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    for (let index = 0; index < 3; index += 1) await takeInClaim(jakarta);
    await connected(jakarta, server);
    const bandung = await openStation('BDG2');
    let slices = 0;
    const engine = createSyncEngine(bandung.db, {
      transport: server.transport,
      timers: manualTimers().timers,
      network: manualNetwork().network,
      locks: null,
      applySlices: { firstRows: 2, minRows: 2, maxRows: 2 },
      pauseBetweenSlices: () => {
        slices += 1;
        if (slices === 2) engine.stop();
        return Promise.resolve();
      },
    });
    engines.push(engine);

    expect(await engine.connect({ serverUrl, pairingCode })).toEqual({ ok: true });
    // The sync that was running ends by storing when it ended.
    await new Promise<void>((ended) => {
      const subscription = liveQuery(() => readSyncState(bandung.db)).subscribe({
        next: (state) => {
          if (state?.enrollment?.lastSyncedAt === undefined) return;
          subscription.unsubscribe();
          ended();
        },
      });
    });

    expect(slices).toBe(2);
    expect((await readSyncState(bandung.db))?.enrollment?.cursor).toBeNull();
  });

  it('alone, leaves the outbox uncounted as changes are made, and counts it once it joins a server', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const counted = vi.spyOn(jakarta.db.outbox, 'count');
    const { engine } = engineOf(jakarta, server);
    await engine.start();
    await takeInClaim(jakarta);
    await takeInClaim(jakarta);
    // Time for a live query of the outbox to have answered each write.
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(engine.status()).toMatchObject({ phase: 'standalone', pendingChanges: 0 });
    expect(counted).not.toHaveBeenCalled();
    expect(await jakarta.db.outbox.count()).toBeGreaterThan(0);

    expect(await engine.connect({ serverUrl, pairingCode })).toEqual({ ok: true });
    await vi.waitFor(() => expect(counted).toHaveBeenCalled());
  });

  it('leaves the server and works alone, keeping its records', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const claimId = await takeInClaim(jakarta);
    const { engine } = await connected(jakarta, server);

    await engine.leave();

    expect(engine.status().phase).toBe('standalone');
    expect((await readSyncState(jakarta.db))?.enrollment).toBeUndefined();
    expect(server.requests.at(-1)?.route).toBe('leave');
    expect(await jakarta.db.claims.get(claimId)).toBeDefined();
  });

  it('keeps every window of the station told: one leads, the others show its status and ask it to sync', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const locks = exclusiveLocks();
    // Two windows of one station: the same database, each its own engine, on one channel.
    const windowOf = () => {
      const engine = createSyncEngine(jakarta.db, {
        transport: server.transport,
        locks,
        network: manualNetwork().network,
        random: () => 0.5,
      });
      engines.push(engine);
      return engine;
    };
    const first = windowOf();
    const second = windowOf();
    await first.start();
    await second.start();

    expect(await first.connect({ serverUrl, pairingCode })).toEqual({ ok: true });
    // The other window hears of the enrollment and follows the leader's status.
    await vi.waitFor(() => expect(second.status().serverUrl).toBe(serverUrl.replace(/\/$/, '')));
    await first.syncNow();
    await vi.waitFor(() =>
      expect(second.status()).toMatchObject({
        phase: 'idle',
        lastSyncedAt: first.status().lastSyncedAt,
      }),
    );

    // "Sync now" in the window that does not lead makes the leader sync.
    await takeInClaim(jakarta);
    const pushesBefore = server.requests.filter((request) => request.route === 'push').length;
    await second.syncNow();
    await vi.waitFor(() => {
      const pushes = server.requests.filter((request) => request.route === 'push').length;
      expect(pushes).toBeGreaterThan(pushesBefore);
      expect(second.status().pendingChanges).toBe(0);
    });

    // When the leading window closes, the other one leads.
    first.stop();
    locks.releaseAll();
    await takeInClaim(jakarta);
    await vi.waitFor(() => expect(second.status().pendingChanges).toBe(0));
  });

  it('stays offline when the network goes while a sync’s last answer is on its way', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    // The pulls wait while the test holds them: the network goes meanwhile, the answer still comes.
    let holdingPulls = false;
    const heldPulls: (() => void)[] = [];
    const network = manualNetwork();
    const engine = createSyncEngine(jakarta.db, {
      transport: {
        ...server.transport,
        request: async (request) => {
          if (holdingPulls && request.route === 'pull')
            await new Promise<void>((release) => heldPulls.push(release));
          return server.transport.request(request);
        },
      },
      timers: manualTimers().timers,
      network: network.network,
      locks: null,
      random: () => 0.5,
    });
    engines.push(engine);
    expect(await engine.connect({ serverUrl, pairingCode })).toEqual({ ok: true });
    await engine.syncNow();
    expect(engine.status().phase).toBe('idle');

    holdingPulls = true;
    const syncing = engine.syncNow();
    await vi.waitFor(() => expect(heldPulls).toHaveLength(1));
    network.set(false);
    expect(engine.status().phase).toBe('offline');
    for (const release of heldPulls.splice(0)) release();
    await syncing;
    expect(engine.status()).toMatchObject({ phase: 'offline', lastSyncedAt: expect.any(String) });

    holdingPulls = false;
    network.set(true);
    await vi.waitFor(() => expect(engine.status().phase).toBe('idle'));
  });

  it('shows the leader’s attachment transfers in the windows that do not lead', async () => {
    const server = new FakeSyncServer();
    const jakarta = await openStation('JKT1');
    const locks = exclusiveLocks();
    const { timers } = manualTimers();
    const windowOf = () => {
      const engine = createSyncEngine(jakarta.db, {
        transport: server.transport,
        locks,
        timers,
        network: manualNetwork().network,
        random: () => 0.5,
      });
      engines.push(engine);
      return engine;
    };
    const leader = windowOf();
    const follower = windowOf();
    await leader.start();
    await follower.start();
    expect(await leader.connect({ serverUrl, pairingCode })).toEqual({ ok: true });
    let heard = 0;
    follower.subscribeTransfers(() => (heard += 1));

    // A photo taken here, which the leader cannot upload (the fake server takes no bytes).
    const { attachment } = expectOk(
      await storeAttachment(jakarta.db, new Blob(['photo bytes'], { type: 'image/jpeg' })),
    );
    expectOk(
      await jakarta.repositories.evidence.create(
        {
          claimId: await takeInClaim(jakarta),
          kind: 'product-photo',
          sha256: attachment.sha256,
          sizeBytes: attachment.sizeBytes,
          mediaType: 'image/jpeg',
          fileName: 'front.jpg',
          capturedAt: '2026-05-04T02:20:00.000Z',
          capturedBy: asTechnician.actor,
        },
        asTechnician,
      ),
    );
    await leader.syncNow();
    await leader.attachmentsSettled();
    const atLeader = leader.attachmentTransfers().get(attachment.sha256);
    expect(atLeader).toMatchObject({ direction: 'upload', state: 'waiting' });

    await vi.waitFor(() =>
      expect(follower.attachmentTransfers().get(attachment.sha256)).toEqual(atLeader),
    );
    expect(heard).toBeGreaterThan(0);

    // The leading window closes: the other leads, and shows its own queue's transfers.
    leader.stop();
    await vi.waitFor(() =>
      expect(follower.attachmentTransfers().get(attachment.sha256)).toMatchObject({
        direction: 'upload',
        totalBytes: attachment.sizeBytes,
      }),
    );
  });
});

/**
 * `navigator.locks` for the test: one holder of a name at a time, the next request granted when
 * it lets go. `releaseAll` is a closed window letting go of what it held.
 */
function exclusiveLocks() {
  const held = new Map<string, Promise<void>>();
  const releases: (() => void)[] = [];
  return {
    request(name: string, callback: () => Promise<void>): Promise<unknown> {
      const before = held.get(name) ?? Promise.resolve();
      const mine = before.then(
        () =>
          new Promise<void>((release) => {
            releases.push(release);
            void callback().then(release);
          }),
      );
      held.set(name, mine);
      return mine;
    },
    releaseAll() {
      for (const release of releases.splice(0)) release();
    },
  };
}
