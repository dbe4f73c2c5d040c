import './testDatabase';
import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Claim } from '#shared/domain/claim';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { IsoDateTime, RecordId } from '#shared/domain/primitives';
import { encodeHlc } from '#shared/sync/hybridLogicalClock';
import type { SyncRow } from '#shared/sync/protocol';
import { storeAttachment } from '../../renderer/src/db/attachments';
import { readQueueWindow } from '../../renderer/src/db/claimQueue';
import { FixlineDatabase } from '../../renderer/src/db/database';
import type { RecalculationOptions } from '../../renderer/src/db/deadlineRecalculation';
import type { StoredClaim } from '../../renderer/src/db/records';
import { centerSettingsId } from '../../renderer/src/db/records';
import { applyPulledPage } from '../../renderer/src/db/sync/remoteApply';
import type { Repositories } from '../../renderer/src/db/repositories';
import { createRepositories } from '../../renderer/src/db/repositories';
import { runGuardedWrite } from '../../renderer/src/db/writeGuard';
import { makeClaimDraft, makeInspection, makePurchase } from '../factories/domain';
import {
  asTechnician,
  createCustomerAndDevice,
  expectOk,
  firstWriteMs,
  freshDatabaseName,
  steppingClock,
} from './testDatabase';

const center = { name: 'Fixline Jakarta' };

/**
 * A station in Jakarta (UTC+7): the first write lands on 2026-05-04 at 09:15 there. `middleware`
 * goes under the database before it opens.
 */
async function openJakartaStation(
  middleware?: Middleware<DBCore>,
  deadlineRecalculation?: RecalculationOptions,
) {
  const db = new FixlineDatabase(freshDatabaseName());
  if (middleware !== undefined) db.use(middleware);
  const repositories = createRepositories(db, { now: steppingClock(), deadlineRecalculation });
  expectOk(
    await createRepositories(db, { now: () => firstWriteMs }).station.setUp({
      stationCode: 'JKT1',
      center,
      timeZone: 'Asia/Jakarta',
    }),
  );
  return { db, repositories };
}

/** Opens a claim and walks it along the workflow to `statuses`, the last one where it stays. */
async function openClaim(
  repositories: Repositories,
  overrides: Partial<Claim>,
  statuses: readonly ClaimStatus[] = [],
  devices?: { customerId: RecordId; deviceId: RecordId },
): Promise<StoredClaim> {
  const { customerId, deviceId } = devices ?? (await createCustomerAndDevice(repositories));
  const draft = makeClaimDraft({ customerId, deviceId, ...overrides });
  const claim = expectOk(await repositories.claims.create(draft, asTechnician));
  for (const status of statuses) {
    expectOk(await repositories.claims.transition(claim.id, status, asTechnician));
  }
  return claim;
}

/** The ids of the claims the queue's "overdue" filter lists at `nowIso`. */
async function overdueAt(db: FixlineDatabase, nowIso: IsoDateTime): Promise<RecordId[]> {
  const window = await readQueueWindow(db, { overdue: true }, nowIso, {
    from: 'position',
    start: 0,
    size: 100,
  });
  return window.claims.map((claim) => claim.id);
}

/**
 * A KOSPET official-store order of 10 April, delivered on 4 May: free shipping (30 days from the
 * order, C4) ends on 10 May, a day before the change-of-mind window (7 days after delivery).
 */
const lateDelivery = makePurchase({
  orderDate: '2026-04-10',
  invoiceDate: '2026-04-10',
  deliveredDate: '2026-05-04',
  maxEstimatedDeliveryDate: '2026-05-05',
});
/** The end of 10 May in Jakarta has passed; the end of 11 May has not. */
const on11May = '2026-05-11T00:00:00.000Z';

/** Stores `nextDeadlineAt` on a claim as a stale derivation would have left it. */
async function plantDeadline(db: FixlineDatabase, claimId: RecordId, nextDeadlineAt: IsoDateTime) {
  await runGuardedWrite(db, ['claims'], async (transaction) => {
    const claims = transaction.table<StoredClaim, RecordId>('claims');
    const stored = await claims.get(claimId);
    if (stored === undefined) throw new Error(`no claim ${claimId}`);
    await claims.put({ ...stored, nextDeadlineAt });
  });
}

async function storedPdf(db: FixlineDatabase) {
  const stored = expectOk(
    await storeAttachment(db, new Blob(['%PDF-1.4 carrier report'], { type: 'application/pdf' })),
  );
  return stored.attachment;
}

describe('a claim’s deadline fields are derived again in the same write', () => {
  it('when its evidence is added, changed or deleted', async () => {
    const { db, repositories } = await openJakartaStation();
    // Damaged in transit: free shipping applies only with the carrier's proof (C7).
    const claim = await openClaim(repositories, {
      policyPackId: 'kospet-official-store',
      reason: 'arrived-damaged',
      purchase: lateDelivery,
    });
    // Authorized without the photos a DOA return needs (B3), which have no bearing on deadlines.
    for (const status of ['awaiting-authorization', 'authorized'] as const) {
      expectOk(
        await repositories.claims.overrideTransition(
          claim.id,
          status,
          'Photos come with the parcel',
          asTechnician,
        ),
      );
    }
    expect(await overdueAt(db, on11May)).toEqual([]);

    const attachment = await storedPdf(db);
    const evidence = expectOk(
      await repositories.evidence.create(
        {
          claimId: claim.id,
          kind: 'receipt',
          sha256: attachment.sha256,
          sizeBytes: attachment.sizeBytes,
          mediaType: 'application/pdf',
          fileName: 'carrier.pdf',
          capturedAt: '2026-05-04T02:20:00.000Z',
          capturedBy: asTechnician.actor,
        },
        asTechnician,
      ),
    );
    expect(await overdueAt(db, on11May)).toEqual([]);

    expectOk(
      await repositories.evidence.update(
        evidence.id,
        { kind: 'carrier-damage-proof' },
        asTechnician,
      ),
    );
    expect(await db.claims.get(claim.id)).toMatchObject({
      nextDeadlineKind: 'free-shipping-window',
      nextDeadlineDate: '2026-05-10',
    });
    expect(await overdueAt(db, on11May)).toEqual([claim.id]);

    expectOk(await repositories.evidence.remove(evidence.id, asTechnician));
    expect(await overdueAt(db, on11May)).toEqual([]);
  });

  it('when its inspection is added, changed or deleted', async () => {
    const { db, repositories } = await openJakartaStation();
    const claim = await openClaim(
      repositories,
      { policyPackId: 'kospet-official-store', reason: 'defect', purchase: lateDelivery },
      ['awaiting-authorization', 'authorized', 'received'],
    );
    expect(await overdueAt(db, on11May)).toEqual([claim.id]);

    // No defect found: the free shipping of the warranty no longer applies (C7).
    const { id: _id, ...noDefect } = makeInspection({
      claimId: claim.id,
      faultConfirmed: false,
      noDefectFound: true,
    });
    const inspection = expectOk(await repositories.inspections.create(noDefect, asTechnician));
    expect(await overdueAt(db, on11May)).toEqual([]);

    const faultConfirmed = { faultConfirmed: true, noDefectFound: false };
    expectOk(await repositories.inspections.update(inspection.id, faultConfirmed, asTechnician));
    expect(await overdueAt(db, on11May)).toEqual([claim.id]);

    const noDefectFound = { faultConfirmed: false, noDefectFound: true };
    expectOk(await repositories.inspections.update(inspection.id, noDefectFound, asTechnician));
    expect(await overdueAt(db, on11May)).toEqual([]);
    expectOk(await repositories.inspections.remove(inspection.id, asTechnician));
    expect(await overdueAt(db, on11May)).toEqual([claim.id]);
  });

  it('when a misuse finding of its inspection is added or deleted', async () => {
    const { db, repositories } = await openJakartaStation();
    const claim = await openClaim(
      repositories,
      { policyPackId: 'kospet-official-store', reason: 'defect', purchase: lateDelivery },
      ['awaiting-authorization', 'authorized', 'received'],
    );
    const { id: _id, ...confirmed } = makeInspection({ claimId: claim.id });
    const inspection = expectOk(await repositories.inspections.create(confirmed, asTechnician));
    expect(await overdueAt(db, on11May)).toEqual([claim.id]);

    // Liquid damage voids the warranty (C7), and its free shipping with it.
    const finding = expectOk(
      await repositories.misuseFindings.create(
        { inspectionId: inspection.id, kind: 'liquid-damage', evidenceIds: [] },
        asTechnician,
      ),
    );
    expect(await overdueAt(db, on11May)).toEqual([]);

    expectOk(await repositories.misuseFindings.remove(finding.id, asTechnician));
    expect(await overdueAt(db, on11May)).toEqual([claim.id]);
  });

  it('for every claim of a device whose category changes', async () => {
    const { db, repositories } = await openJakartaStation();
    const devices = await createCustomerAndDevice(repositories);
    // iGPSPORT covers a year from the invoice of 1 April, but a strap only six months (A1).
    const claims = [
      await openClaim(repositories, { policyPackId: 'igpsport' }, [], devices),
      await openClaim(repositories, { policyPackId: 'igpsport' }, [], devices),
    ];
    for (const claim of claims) {
      for (const status of ['awaiting-authorization', 'authorized'] as const) {
        expectOk(await repositories.claims.transition(claim.id, status, asTechnician));
      }
    }
    const in2026December = '2026-12-01T00:00:00.000Z';
    expect(await overdueAt(db, in2026December)).toEqual([]);

    expectOk(
      await repositories.devices.update(devices.deviceId, { category: 'hr-strap' }, asTechnician),
    );

    expect(await overdueAt(db, in2026December)).toEqual(claims.map((claim) => claim.id));
    expect(await db.claims.get(claims[1]?.id ?? '')).toMatchObject({
      nextDeadlineKind: 'coverage-end',
      nextDeadlineDate: '2026-10-01',
    });
  });

  it('for every claim of a customer who changes', async () => {
    const { db, repositories } = await openJakartaStation();
    const devices = await createCustomerAndDevice(repositories);
    const claim = await openClaim(repositories, { policyPackId: 'igpsport' }, [], devices);
    // No customer field moves a deadline today (the packs read only name and email, for C13), so
    // fields left stale by some earlier bug stand in for a change: the customer's write mends them.
    await plantDeadline(db, claim.id, '2026-05-01T00:00:00.000Z');
    const on4May = '2026-05-04T12:00:00.000Z';
    expect(await overdueAt(db, on4May)).toEqual([claim.id]);

    expectOk(
      await repositories.customers.update(devices.customerId, { name: 'Siti R.' }, asTechnician),
    );

    expect(await overdueAt(db, on4May)).toEqual([]);
    expect((await db.claims.get(claim.id))?.nextDeadlineAt).toBe('2026-05-05T17:00:00.000Z');
  });

  it('writes no stamp, audit event or outbox entry for the claim', async () => {
    const { db, repositories } = await openJakartaStation();
    const claim = await openClaim(
      repositories,
      { policyPackId: 'kospet-official-store', reason: 'defect', purchase: lateDelivery },
      ['awaiting-authorization', 'authorized', 'received'],
    );
    const before = await db.claims.get(claim.id);
    const auditsOfClaim = async () =>
      (await db.auditEvents.toArray()).filter((event) => event.entityId === claim.id).length;
    const claimAuditsBefore = await auditsOfClaim();

    const { id: _id, ...noDefect } = makeInspection({
      claimId: claim.id,
      faultConfirmed: false,
      noDefectFound: true,
    });
    expectOk(await repositories.inspections.create(noDefect, asTechnician));

    const after = await db.claims.get(claim.id);
    expect(after?.nextDeadlineDate).not.toBe(before?.nextDeadlineDate);
    expect(after?.stamps).toEqual(before?.stamps);
    expect(after?.updatedAt).toBe(before?.updatedAt);
    expect(await auditsOfClaim()).toBe(claimAuditsBefore);
    const lastEntry = (await db.outbox.toArray()).at(-1);
    expect(new Set(lastEntry?.rows.map((row) => row.table))).toEqual(
      new Set(['inspections', 'auditEvents']),
    );
  });
});

describe('every claim’s deadline fields are derived again when the station’s calendar changes', () => {
  it('in another time zone', async () => {
    const { db, repositories } = await openJakartaStation();
    // Asked on 4 May in Jakarta, answered by the end of the 5th there: 17:00 UTC.
    const claim = await openClaim(repositories, { policyPackId: 'igpsport' });
    const at8Utc5May = '2026-05-05T08:00:00.000Z';
    expect(await overdueAt(db, at8Utc5May)).toEqual([]);

    expectOk(
      await repositories.station.updateSettings({ center, timeZone: 'America/Los_Angeles' }),
    );
    await repositories.station.recalculateDeadlines();

    // In Los Angeles the request came on 3 May, so the answer was due by the end of the 4th there.
    expect((await db.claims.get(claim.id))?.nextDeadlineAt).toBe('2026-05-05T07:00:00.000Z');
    expect(await overdueAt(db, at8Utc5May)).toEqual([claim.id]);
  });

  it('in another time zone chosen by setting the station up again', async () => {
    const { db, repositories } = await openJakartaStation();
    const claim = await openClaim(repositories, { policyPackId: 'igpsport' });
    const at8Utc5May = '2026-05-05T08:00:00.000Z';
    expect(await overdueAt(db, at8Utc5May)).toEqual([]);

    expectOk(
      await repositories.station.setUp({
        stationCode: 'JKT1',
        center,
        timeZone: 'America/Los_Angeles',
      }),
    );
    await repositories.station.recalculateDeadlines();

    expect(await overdueAt(db, at8Utc5May)).toEqual([claim.id]);
  });

  it('including a settled claim that still holds a deadline', async () => {
    const { db, repositories } = await openJakartaStation();
    const claim = await openClaim(repositories, { policyPackId: 'igpsport' }, ['cancelled']);
    await plantDeadline(db, claim.id, '2026-05-01T00:00:00.000Z');
    expect(await overdueAt(db, '2026-05-04T12:00:00.000Z')).toEqual([claim.id]);

    expectOk(await repositories.station.updateSettings({ center, timeZone: 'Asia/Makassar' }));
    await repositories.station.recalculateDeadlines();

    expect(await overdueAt(db, '2026-05-04T12:00:00.000Z')).toEqual([]);
    expect((await db.claims.get(claim.id))?.nextDeadlineAt).toBeUndefined();
  });

  it('with a new holiday', async () => {
    const { db, repositories } = await openJakartaStation();
    // WORRY FREE+: the customer ships within 7 working days of the brand's reply (C12), which
    // comes by 5 May: by 14 May, or the 15th once 6 May is a holiday.
    const claim = await openClaim(
      repositories,
      { policyPackId: 'kospet-official-store', reason: 'accidental-damage' },
      ['awaiting-authorization', 'authorized'],
    );
    const on15May = '2026-05-15T00:00:00.000Z';
    expect(await overdueAt(db, on15May)).toEqual([claim.id]);

    expectOk(await repositories.station.updateSettings({ center, holidays: ['2026-05-06'] }));
    await repositories.station.recalculateDeadlines();

    expect(await db.claims.get(claim.id)).toMatchObject({
      nextDeadlineKind: 'worry-free-ship-by',
      nextDeadlineDate: '2026-05-15',
    });
    expect(await overdueAt(db, on15May)).toEqual([]);

    expectOk(await repositories.station.updateSettings({ center, holidays: [] }));
    await repositories.station.recalculateDeadlines();
    expect(await overdueAt(db, on15May)).toEqual([claim.id]);
  });

  it('with a holiday another station added, once it is pulled', async () => {
    const { db, repositories } = await openJakartaStation();
    const claim = await openClaim(
      repositories,
      { policyPackId: 'kospet-official-store', reason: 'accidental-damage' },
      ['awaiting-authorization', 'authorized'],
    );
    expect((await db.claims.get(claim.id))?.nextDeadlineDate).toBe('2026-05-14');
    const stored = await db.centerSettings.get(centerSettingsId);
    if (stored === undefined) throw new Error('expected the center’s settings');
    // Bandung adds 6 May as a holiday, after Jakarta set the center up.
    const bandungStamp = encodeHlc({ wallMs: Date.now() + 1000, counter: 0, node: 'BDG2' });
    const { stamps, updatedBy: _by, station: _at, ...values } = stored;
    const pulled: SyncRow = {
      table: 'centerSettings',
      id: centerSettingsId,
      version: 7,
      values: { ...values, holidays: ['2026-05-06'] },
      stamps: { ...stamps, holidays: bandungStamp },
      updatedBy: asTechnician.actor,
      station: 'BDG2',
    };

    const applied = await applyPulledPage(db, { rows: [pulled], lastMutationId: 0 });
    await repositories.station.recalculateDeadlines();

    expect(applied.calendarChanged).toBe(true);
    expect(await db.claims.get(claim.id)).toMatchObject({
      nextDeadlineKind: 'worry-free-ship-by',
      nextDeadlineDate: '2026-05-15',
    });
    expect((await repositories.station.get())?.holidays).toEqual(['2026-05-06']);
  });

  it('but not for a pulled change of the center that leaves its calendar as it was', async () => {
    const { db } = await openJakartaStation();
    const stored = await db.centerSettings.get(centerSettingsId);
    if (stored === undefined) throw new Error('expected the center’s settings');
    const { stamps, updatedBy: _by, station: _at, ...values } = stored;
    const later = encodeHlc({ wallMs: Date.now() + 1000, counter: 0, node: 'BDG2' });

    const applied = await applyPulledPage(db, {
      rows: [
        {
          table: 'centerSettings',
          id: centerSettingsId,
          version: 7,
          values: { ...values, center: { name: 'Fixline Indonesia' } },
          stamps: { ...stamps, center: later },
          updatedBy: asTechnician.actor,
          station: 'BDG2',
        },
      ],
      lastMutationId: 0,
    });

    expect(applied.calendarChanged).toBeUndefined();
    expect(await db.settings.get('deadline-recalculation')).toBeUndefined();
  });

  it('without an audit event or outbox entry, rewriting only the claims whose fields moved', async () => {
    let claimWrites = 0;
    const countClaimWrites: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'countClaimWrites',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'claims') return table;
          return {
            ...table,
            mutate: (request) => {
              if (request.type === 'put') claimWrites += request.values.length;
              return table.mutate(request);
            },
          };
        },
      }),
    };
    const { db, repositories } = await openJakartaStation(countClaimWrites);
    const moved = await openClaim(
      repositories,
      { policyPackId: 'kospet-official-store', reason: 'accidental-damage' },
      ['awaiting-authorization', 'authorized'],
    );
    await openClaim(repositories, { policyPackId: 'igpsport' });
    const counts = async () => ({
      auditEvents: await db.auditEvents.count(),
      outbox: await db.outbox.count(),
    });
    claimWrites = 0;
    expectOk(await repositories.station.updateSettings({ center, holidays: ['2026-05-06'] }));
    // The calendar change is a synced record of its own (audited, pushed); what it moves is not.
    const before = await counts();
    await repositories.station.recalculateDeadlines();

    // The holiday moves the WORRY FREE+ claim's deadline, not the iGPSPORT one's first response.
    expect(claimWrites).toBe(1);
    expect((await db.claims.get(moved.id))?.nextDeadlineDate).toBe('2026-05-15');
    expect(await counts()).toEqual(before);
  });

  it('but not when only the center’s details or its working days change', async () => {
    const { db, repositories } = await openJakartaStation();
    const claim = await openClaim(repositories, { policyPackId: 'igpsport' });
    // Stale fields show whether the claims were read again: these settings do not move a deadline
    // (the engine counts working days Monday to Friday), so the claims are left as they are.
    await plantDeadline(db, claim.id, '2026-05-01T00:00:00.000Z');

    expectOk(
      await repositories.station.updateSettings({
        center: { name: 'Fixline Jakarta Barat' },
        timeZone: 'Asia/Jakarta',
        workingDays: [1, 2, 3, 4, 5, 6],
      }),
    );
    await repositories.station.recalculateDeadlines();

    expect((await db.claims.get(claim.id))?.nextDeadlineAt).toBe('2026-05-01T00:00:00.000Z');
  });
});

describe('a calendar change recalculates the deadlines in chunks, each its own transaction', () => {
  /** Five open claims, one cancelled and one cancelled that still holds a deadline. */
  async function openClaims(repositories: Repositories, db: FixlineDatabase) {
    const open: RecordId[] = [];
    for (let index = 0; index < 5; index += 1) {
      open.push((await openClaim(repositories, { policyPackId: 'igpsport' })).id);
    }
    await openClaim(repositories, { policyPackId: 'igpsport' }, ['cancelled']);
    const stale = await openClaim(repositories, { policyPackId: 'igpsport' }, ['cancelled']);
    await plantDeadline(db, stale.id, '2026-05-01T00:00:00.000Z');
    return { recalculable: [...open, stale.id].sort() };
  }

  it('covering every claim that can have a deadline exactly once, in id order', async () => {
    const chunks: (readonly RecordId[])[] = [];
    const { db, repositories } = await openJakartaStation(undefined, {
      chunkClaims: 2,
      afterChunk: (ids) => {
        chunks.push(ids);
      },
    });
    const { recalculable } = await openClaims(repositories, db);

    expectOk(
      await repositories.station.updateSettings({ center, timeZone: 'America/Los_Angeles' }),
    );
    await repositories.station.recalculateDeadlines();

    expect(chunks.map((chunk) => chunk.length)).toEqual([2, 2, 2]);
    expect(chunks.flat()).toEqual(recalculable);
    expect(await repositories.station.deadlineRecalculation()).toBeUndefined();
    const claims = await db.claims.bulkGet(recalculable);
    // Every open claim's answer is now due by the end of 4 May in Los Angeles.
    expect(claims.map((claim) => claim?.nextDeadlineAt)).toEqual([
      ...Array.from({ length: 5 }, () => '2026-05-05T07:00:00.000Z'),
      undefined,
    ]);
  });

  it('resuming after the last chunk done when the station stopped between chunks', async () => {
    const crash = new Error('the tab was closed');
    const chunksBefore: (readonly RecordId[])[] = [];
    const { db, repositories } = await openJakartaStation(undefined, {
      chunkClaims: 2,
      afterChunk: (ids) => {
        chunksBefore.push(ids);
        if (chunksBefore.length === 2) throw crash;
      },
    });
    const { recalculable } = await openClaims(repositories, db);

    expectOk(
      await repositories.station.updateSettings({ center, timeZone: 'America/Los_Angeles' }),
    );
    await expect(repositories.station.recalculateDeadlines()).rejects.toBe(crash);
    expect(await repositories.station.deadlineRecalculation()).toEqual({ done: 4, total: 6 });

    // The station starts again on the same database.
    const chunksAfter: (readonly RecordId[])[] = [];
    const reopened = createRepositories(new FixlineDatabase(db.name), {
      deadlineRecalculation: {
        chunkClaims: 2,
        afterChunk: (ids) => {
          chunksAfter.push(ids);
        },
      },
    });
    await reopened.station.recalculateDeadlines();

    expect([...chunksBefore, ...chunksAfter].flat()).toEqual(recalculable);
    expect(chunksAfter.flat()).toEqual(recalculable.slice(4));
    expect(await reopened.station.deadlineRecalculation()).toBeUndefined();
    expect((await db.claims.get(recalculable[4] ?? ''))?.nextDeadlineAt).toBeDefined();
  });

  it('starting over when the calendar changes again while it runs', async () => {
    const { db, repositories } = await openJakartaStation(undefined, { chunkClaims: 1 });
    const claim = await openClaim(repositories, { policyPackId: 'igpsport' });
    await openClaims(repositories, db);

    expectOk(
      await repositories.station.updateSettings({ center, timeZone: 'America/Los_Angeles' }),
    );
    expectOk(await repositories.station.updateSettings({ center, timeZone: 'Asia/Jakarta' }));
    await repositories.station.recalculateDeadlines();

    // Back in Jakarta: asked on 4 May there, answered by the end of the 5th (17:00 UTC).
    expect((await db.claims.get(claim.id))?.nextDeadlineAt).toBe('2026-05-05T17:00:00.000Z');
    expect(await repositories.station.deadlineRecalculation()).toBeUndefined();
  });
});
