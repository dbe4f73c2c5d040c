import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import { compareHlc, decodeHlc, encodeHlc } from '#shared/sync/hybridLogicalClock';
import type { SyncRow } from '#shared/sync/protocol';
import { readClaimCount } from '../../renderer/src/db/claimCounts';
import { FixlineDatabase } from '../../renderer/src/db/database';
import type { StoredClaim } from '../../renderer/src/db/records';
import { applyPulledPage, remoteApplyTables } from '../../renderer/src/db/sync/remoteApply';
import { readSyncState, storeEnrollment } from '../../renderer/src/db/sync/syncState';
import {
  asTechnician,
  createCustomerAndDevice,
  expectOk,
  failingWritesOn,
  firstWriteMs,
  openTestDatabase,
  setupOutboxEntries,
  steppingClock,
} from '../db/testDatabase';
import { createRepositories } from '../../renderer/src/db/repositories';
import { makeClaimDraft, makeInspection, makePurchase } from '../factories/domain';
import { FakeSyncServer, centerId } from './fakeSyncServer';
import type { TestStation } from './stations';
import { openStation, pushOutbox, rowsOf, takeInClaim } from './stations';

const clientOfJakarta = '0196a1b2-c3d4-7000-8000-0000000000a1';
const otherTechnician = '0196a1b2-c3d4-7000-8000-0000000000b2';

/** Jakarta takes in a claim and the server has it; Bandung has pulled nothing yet. */
async function claimAtServer() {
  const jakarta = await openStation('JKT1');
  const bandung = await openStation('BDG2');
  const claimId = await takeInClaim(jakarta);
  const server = new FakeSyncServer();
  await pushOutbox(jakarta, server, clientOfJakarta);
  return { jakarta, bandung, claimId, server, rows: server.rowsAfter() };
}

async function enroll(station: TestStation): Promise<void> {
  await storeEnrollment(station.db, '0196a1b2-c3d4-7000-8000-0000000000b1', {
    serverUrl: 'http://127.0.0.1:7411',
    deviceId: '0196a1b2-c3d4-7000-8000-0000000000d0',
    deviceToken: 'x'.repeat(40),
    centerId,
  });
}

/** The synced part of a stored row: what every station holds alike. */
function syncedPart(row: object | undefined, fields: readonly string[]) {
  return Object.fromEntries(
    Object.entries(row ?? {}).filter(([field]) => fields.includes(field) || field === 'stamps'),
  );
}

describe('applying a pulled page', () => {
  it('stores the rows as the server holds them, with no audit event or outbox entry of its own', async () => {
    const { jakarta, bandung, claimId, rows } = await claimAtServer();

    const applied = await applyPulledPage(bandung.db, { rows, lastMutationId: 0 });

    const claimRow = rowsOf(rows, 'claims')[0];
    const pulled = await bandung.db.claims.get(claimId);
    expect(applied.changedRows).toBe(rows.length);
    expect(syncedPart(pulled, Object.keys(claimRow?.values ?? {}))).toEqual(
      syncedPart(await jakarta.db.claims.get(claimId), Object.keys(claimRow?.values ?? {})),
    );
    expect(pulled).toMatchObject({ updatedBy: claimRow?.updatedBy, station: 'JKT1' });
    // Bandung's own entry, from its setup, only.
    expect(await bandung.db.outbox.count()).toBe(setupOutboxEntries);
    expect(await bandung.db.auditEvents.count()).toBe(await jakarta.db.auditEvents.count());
    expect(await bandung.db.auditEvents.filter((event) => event.station === 'BDG2').count()).toBe(
      0,
    );
  });

  it('derives the customer’s search keys, the claim’s deadline and the queue counts', async () => {
    const { jakarta, bandung, claimId, rows } = await claimAtServer();

    await applyPulledPage(bandung.db, { rows, lastMutationId: 0 });

    const atJakarta = await jakarta.db.claims.get(claimId);
    const atBandung = await bandung.db.claims.get(claimId);
    expect(atJakarta?.nextDeadlineAt).toBeDefined();
    expect(atBandung?.nextDeadlineAt).toBe(atJakarta?.nextDeadlineAt);
    expect(atBandung?.nextDeadlineKind).toBe(atJakarta?.nextDeadlineKind);
    const customer = await bandung.db.customers.get(atBandung?.customerId ?? '');
    expect(customer?.nameWords).toEqual(['siti', 'rahmawati']);
    expect(customer?.phoneTails).toContain('81234567890');
    expect(await readClaimCount(bandung.db.claimCounts, {})).toBe(1);
    expect(await readClaimCount(bandung.db.claimCounts, { status: 'intake' })).toBe(1);
    expect(await bandung.db.claimCounts.toArray()).toEqual(await jakarta.db.claimCounts.toArray());
  });

  it('derives a claim pulled before its customer and device once a later page brings them', async () => {
    const { jakarta, bandung, claimId, rows } = await claimAtServer();
    await enroll(bandung);
    const isCustomerOrDevice = (row: SyncRow) =>
      row.table === 'customers' || row.table === 'devices';

    await applyPulledPage(bandung.db, {
      rows: rows.filter((row) => !isCustomerOrDevice(row)),
      lastMutationId: 0,
    });
    expect(await bandung.db.claims.get(claimId)).not.toHaveProperty('nextDeadlineAt');
    expect((await readSyncState(bandung.db))?.claimsAwaitingRecords).toEqual([claimId]);

    await applyPulledPage(bandung.db, { rows: rows.filter(isCustomerOrDevice), lastMutationId: 0 });

    const atJakarta = await jakarta.db.claims.get(claimId);
    expect(atJakarta?.nextDeadlineAt).toBeDefined();
    expect((await bandung.db.claims.get(claimId))?.nextDeadlineAt).toBe(atJakarta?.nextDeadlineAt);
    expect(await readSyncState(bandung.db)).not.toHaveProperty('claimsAwaitingRecords');
  });

  it('derives a claim pulled in one page with the inspection and misuse finding that bear on it', async () => {
    const jakarta = await openStation('JKT1');
    const bandung = await openStation('BDG2');
    const { customerId, deviceId } = await createCustomerAndDevice(jakarta.repositories);
    // A KOSPET official-store order delivered late: free shipping (C4) is due by 10 May, unless
    // the warranty is void, as liquid damage found at inspection makes it (C7).
    const draft = makeClaimDraft({
      customerId,
      deviceId,
      policyPackId: 'kospet-official-store',
      reason: 'defect',
      purchase: makePurchase({
        orderDate: '2026-04-10',
        invoiceDate: '2026-04-10',
        deliveredDate: '2026-05-04',
        maxEstimatedDeliveryDate: '2026-05-05',
      }),
    });
    const claim = expectOk(await jakarta.repositories.claims.create(draft, asTechnician));
    for (const status of ['awaiting-authorization', 'authorized', 'received'] as const) {
      expectOk(await jakarta.repositories.claims.transition(claim.id, status, asTechnician));
    }
    const { id: _id, ...confirmed } = makeInspection({ claimId: claim.id });
    const inspection = expectOk(
      await jakarta.repositories.inspections.create(confirmed, asTechnician),
    );
    const beforeFinding = await jakarta.db.claims.get(claim.id);
    expectOk(
      await jakarta.repositories.misuseFindings.create(
        { inspectionId: inspection.id, kind: 'liquid-damage', evidenceIds: [] },
        asTechnician,
      ),
    );
    const server = new FakeSyncServer();
    await pushOutbox(jakarta, server, clientOfJakarta);

    await applyPulledPage(bandung.db, { rows: server.rowsAfter(), lastMutationId: 0 });

    const deadlineOf = (row: StoredClaim | undefined) => ({
      at: row?.nextDeadlineAt,
      date: row?.nextDeadlineDate,
      kind: row?.nextDeadlineKind,
    });
    expect(beforeFinding?.nextDeadlineKind).toBe('free-shipping-window');
    // The void warranty leaves the change-of-mind window (7 days from delivery) as the next.
    expect(deadlineOf(await jakarta.db.claims.get(claim.id))).toMatchObject({
      kind: 'change-of-mind-window',
      date: '2026-05-11',
    });
    expect(deadlineOf(await bandung.db.claims.get(claim.id))).toEqual(
      deadlineOf(await jakarta.db.claims.get(claim.id)),
    );
  });

  it('takes a claim deleted elsewhere out of the counts and the overdue index', async () => {
    const { jakarta, bandung, claimId, server, rows } = await claimAtServer();
    await applyPulledPage(bandung.db, { rows, lastMutationId: 0 });
    const since = server.version;
    expectOk(await jakarta.repositories.claims.remove(claimId, asTechnician));
    await pushOutbox(jakarta, server, clientOfJakarta);

    await applyPulledPage(bandung.db, { rows: server.rowsAfter(since), lastMutationId: 0 });

    const deleted = await bandung.db.claims.get(claimId);
    expect(deleted?.deletedAt).toBeDefined();
    expect(deleted).not.toHaveProperty('nextDeadlineAt');
    expect(await readClaimCount(bandung.db.claimCounts, {})).toBe(0);
    expect(await bandung.db.claims.where('nextDeadlineAt').above('').count()).toBe(0);
  });

  it('stores the cursor only with the page that carries one (the last of a pull)', async () => {
    const { bandung, rows } = await claimAtServer();
    await enroll(bandung);
    const [first, ...rest] = rows;
    const last = rest.at(-1);
    if (first === undefined || last === undefined) throw new Error('expected several rows');

    await applyPulledPage(bandung.db, { rows: [first], lastMutationId: 0 });
    expect((await readSyncState(bandung.db))?.enrollment?.cursor).toBeNull();

    const cursor = { version: last.version, table: last.table, id: last.id };
    await applyPulledPage(bandung.db, { rows: rest, lastMutationId: 0, cursor });
    expect((await readSyncState(bandung.db))?.enrollment?.cursor).toEqual(cursor);
  });

  it('adopts the center’s settings in a joining station’s first pull, dropping its own changes of them', async () => {
    const jakarta = await openStation('JKT1');
    expectOk(
      await jakarta.repositories.station.updateSettings({
        center: { name: 'Fixline Jakarta Pusat' },
        timeZone: 'Asia/Jakarta',
        holidays: ['2026-12-25'],
      }),
    );
    const server = new FakeSyncServer();
    await pushOutbox(jakarta, server, clientOfJakarta);
    // Bandung is set up an hour later, so its stamps are newer than the center's.
    const { db } = await openTestDatabase(null);
    expectOk(
      await createRepositories(db, { now: () => firstWriteMs + 3_600_000 }).station.setUp({
        stationCode: 'BDG2',
        center: { name: 'Bengkel Bandung' },
        timeZone: 'Asia/Makassar',
      }),
    );
    const bandung: TestStation = {
      db,
      repositories: createRepositories(db, { now: steppingClock(firstWriteMs + 7_200_000) }),
      code: 'BDG2',
    };
    await takeInClaim(bandung);
    const entriesBefore = await bandung.db.outbox.count();
    await enroll(bandung);
    const rows = server.rowsAfter();
    const last = rows.at(-1);
    if (last === undefined) throw new Error('expected the center’s rows');

    const applied = await applyPulledPage(bandung.db, {
      rows,
      lastMutationId: 0,
      cursor: { version: last.version, table: last.table, id: last.id },
    });

    expect(await bandung.repositories.station.get()).toMatchObject({
      center: { name: 'Fixline Jakarta Pusat' },
      timeZone: 'Asia/Jakarta',
      holidays: ['2026-12-25'],
    });
    // Deadlines counted in Bandung's calendar are recounted in the center's.
    expect(applied.calendarChanged).toBe(true);
    // The setup's entry held only settings the center has: it is gone, and the outbox is
    // numbered again without the gap (nothing was pushed yet).
    const outbox = await bandung.db.outbox.orderBy('sequence').toArray();
    expect(outbox.map((entry) => entry.sequence)).toEqual(
      Array.from({ length: entriesBefore - 1 }, (_, index) => index + 1),
    );
    expect(outbox.flatMap((entry) => entry.rows).map((row) => row.table)).not.toContain(
      'centerSettings',
    );
    expect((await bandung.db.sequences.get('outbox'))?.value).toBe(entriesBefore - 1);
    expect((await readSyncState(bandung.db))?.enrollment).not.toHaveProperty('joining');

    // A later pull is an ordinary one: the station's newer edits are not adopted away.
    expectOk(await bandung.repositories.station.updateSettings({ center: { name: 'Fixline' } }));
    await applyPulledPage(bandung.db, { rows, lastMutationId: 0 });
    expect((await bandung.repositories.station.get())?.center.name).toBe('Fixline');
  });

  it('leaves nothing of a page whose transaction fails midway, cursor and outbox included', async () => {
    const { bandung, rows } = await claimAtServer();
    await enroll(bandung);
    await createCustomerAndDevice(bandung.repositories);
    const name = bandung.db.name;
    bandung.db.close();
    const crashing = new FixlineDatabase(name);
    crashing.use(failingWritesOn('claims', () => new Error('the tab was closed')));
    const last = rows.at(-1);
    if (last === undefined) throw new Error('expected rows');

    await expect(
      applyPulledPage(crashing, {
        rows,
        lastMutationId: 1,
        cursor: { version: last.version, table: last.table, id: last.id },
      }),
    ).rejects.toThrow();

    const pulledCustomer = rowsOf(rows, 'customers')[0];
    expect(await crashing.customers.get(pulledCustomer?.id ?? '')).toBeUndefined();
    expect(await crashing.auditEvents.filter((event) => event.station === 'JKT1').count()).toBe(0);
    expect(await crashing.outbox.count()).toBe(setupOutboxEntries + 2);
    expect((await readSyncState(crashing))?.enrollment?.cursor).toBeNull();
    crashing.close();
  });

  it('keeps a local edit not pushed yet when its stamp is later, and takes the remote fields that are', async () => {
    const { bandung, claimId, rows } = await claimAtServer();
    await applyPulledPage(bandung.db, { rows, lastMutationId: 0 });
    expectOk(
      await bandung.repositories.claims.update(
        claimId,
        { assigneeId: otherTechnician },
        asTechnician,
      ),
    );
    const local = await bandung.db.claims.get(claimId);
    const claimRow = rowsOf(rows, 'claims')[0];
    if (claimRow === undefined || local === undefined) throw new Error('expected the claim');
    const olderStamp = claimRow.stamps['status'] as Hlc;
    // Later than Bandung's edit, whose clock the pull moved to the wall clock of this run.
    const laterStamp = encodeHlc({ wallMs: Date.now() + 60_000, counter: 0, node: 'SBY3' });
    const concurrent: SyncRow = {
      ...claimRow,
      version: claimRow.version + 100,
      values: {
        ...claimRow.values,
        assigneeId: asTechnician.actor,
        updatedAt: '2026-05-04T03:15:00.000Z',
      },
      stamps: { ...claimRow.stamps, assigneeId: olderStamp, updatedAt: laterStamp },
      station: 'SBY3',
    };

    await applyPulledPage(bandung.db, { rows: [concurrent], lastMutationId: 0 });

    const merged = await bandung.db.claims.get(claimId);
    expect(compareHlc(local.stamps['assigneeId'] as Hlc, olderStamp)).toBe(1);
    expect(merged?.assigneeId).toBe(otherTechnician);
    expect(merged?.updatedAt).toBe('2026-05-04T03:15:00.000Z');
    expect(merged?.station).toBe('SBY3');
    expect(await bandung.db.outbox.count()).toBe(setupOutboxEntries + 1);
    expect(await readClaimCount(bandung.db.claimCounts, { assigneeId: otherTechnician })).toBe(1);
  });

  it('drops the outbox entries the server acknowledged, and only those', async () => {
    const { bandung, claimId, rows } = await claimAtServer();
    await applyPulledPage(bandung.db, { rows, lastMutationId: 0 });
    expectOk(
      await bandung.repositories.claims.update(
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

    await applyPulledPage(bandung.db, { rows: [], lastMutationId: setupOutboxEntries + 1 });

    expect((await bandung.db.outbox.toArray()).map((entry) => entry.sequence)).toEqual([
      setupOutboxEntries + 2,
    ]);
  });

  it('moves the station’s clock past the stamps it pulls, but not to a stamp from a clock far ahead', async () => {
    const { bandung, rows } = await claimAtServer();
    const nowMs = Date.UTC(2026, 4, 4, 3);
    const highest = rows
      .flatMap((row) => Object.values(row.stamps))
      .reduce((a, b) => (compareHlc(a, b) > 0 ? a : b));
    const customerRow = rowsOf(rows, 'customers')[0];
    if (customerRow === undefined) throw new Error('expected a customer');
    const dayAhead = encodeHlc({ wallMs: nowMs + 86_400_000, counter: 0, node: 'SBY3' });
    const fromTheFuture: SyncRow = {
      ...customerRow,
      values: { ...customerRow.values, name: 'Siti R.' },
      stamps: { ...customerRow.stamps, name: dayAhead },
    };

    await applyPulledPage(bandung.db, { rows, lastMutationId: 0 }, { now: () => nowMs });
    const clock = await bandung.db.settings.get('clock');
    const afterPull = clock?.key === 'clock' ? clock.lastStamp : undefined;
    const drifted = await applyPulledPage(
      bandung.db,
      { rows: [fromTheFuture], lastMutationId: 0 },
      { now: () => nowMs },
    );
    const clockAfter = await bandung.db.settings.get('clock');

    expect(afterPull !== undefined && compareHlc(afterPull, highest)).toBe(1);
    expect(decodeHlc(afterPull ?? '')?.node).toBe('BDG2');
    expect(drifted.clockDrift?.code).toBe('clock-drift');
    expect(clockAfter?.key === 'clock' && clockAfter.lastStamp).toBe(afterPull);
    expect((await bandung.db.customers.get(customerRow.id))?.name).toBe('Siti R.');
  });

  it('keeps pulled conflicts by claim, and center-wide rows as records of their own', async () => {
    const { bandung, claimId, rows } = await claimAtServer();
    const stamp = rows[0]?.stamps['id'] as Hlc;
    const conflict: SyncRow = {
      table: 'conflicts',
      id: '0196a1b2-c3d4-7000-8000-0000000000f1',
      version: 900,
      values: {
        id: '0196a1b2-c3d4-7000-8000-0000000000f1',
        table: 'claims',
        rowId: claimId,
        claimId,
        field: 'assigneeId',
        winnerStamp: stamp,
        loserStamp: stamp,
        loserStation: 'SBY3',
        detectedAt: '2026-05-04T03:00:00.000Z',
      },
      stamps: { id: stamp, claimId: stamp },
      updatedBy: asTechnician.actor,
      station: 'SERVER',
    };
    const person: SyncRow = {
      ...conflict,
      table: 'people',
      version: 901,
      values: { id: conflict.id, name: 'Dewi' },
    };

    await applyPulledPage(bandung.db, { rows: [...rows, conflict, person], lastMutationId: 0 });

    expect(await bandung.db.conflicts.where('claimId').equals(claimId).count()).toBe(1);
    expect(await bandung.db.people.get(person.id)).toMatchObject({
      name: 'Dewi',
      station: 'SERVER',
    });
    expect(await bandung.db.pulledRecords.count()).toBe(0);
  });

  it('holds no lock on pulledRecords, which only the upgrade to schema v6 still reads', () => {
    expect(remoteApplyTables).not.toContain('pulledRecords');
    expect(new Set(remoteApplyTables).size).toBe(remoteApplyTables.length);
  });
});
