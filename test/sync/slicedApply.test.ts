import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { PullCursor, SyncRow } from '#shared/sync/protocol';
import { FixlineDatabase } from '../../renderer/src/db/database';
import { applyPulledPage } from '../../renderer/src/db/sync/remoteApply';
import type { SliceSizing } from '../../renderer/src/db/sync/slicedApply';
import {
  SliceSizer,
  applyPulledPageInSlices,
  giveWaysPerSlice,
} from '../../renderer/src/db/sync/slicedApply';
import { settleFilesChecked } from '../../renderer/src/db/sync/attachmentsToCheck';
import { readSyncState, storeEnrollment } from '../../renderer/src/db/sync/syncState';
import { asTechnician, expectOk, firstWriteMs, setupOutboxEntries } from '../db/testDatabase';
import { FakeSyncServer, centerId } from './fakeSyncServer';
import type { TestStation } from './stations';
import { openStation, pushOutbox, takeInClaim } from './stations';

const clientOfJakarta = '0196a1b2-c3d4-7000-8000-0000000000a1';
const otherTechnician = '0196a1b2-c3d4-7000-8000-0000000000b2';
/** The wall clock of every apply here, so the clock a page folds in is the same at each station. */
const now = () => firstWriteMs + 86_400_000;

/** Slices of exactly `rows` rows whatever they take. */
const fixedSlices = (rows: number): Partial<SliceSizing> => ({
  firstRows: rows,
  minRows: rows,
  maxRows: rows,
});

/** Jakarta takes in three claims and the server has them; Bandung has pulled nothing yet. */
async function claimsAtServer() {
  const jakarta = await openStation('JKT1');
  for (let index = 0; index < 3; index += 1) await takeInClaim(jakarta);
  const server = new FakeSyncServer();
  await pushOutbox(jakarta, server, clientOfJakarta);
  return { jakarta, server, rows: server.rowsAfter() };
}

async function enrolledStation(code: string): Promise<TestStation> {
  const station = await openStation(code);
  await storeEnrollment(station.db, '0196a1b2-c3d4-7000-8000-0000000000b1', {
    serverUrl: 'http://127.0.0.1:7411',
    deviceId: '0196a1b2-c3d4-7000-8000-0000000000d0',
    deviceToken: 'x'.repeat(40),
    centerId,
  });
  return station;
}

function cursorAfter(rows: readonly SyncRow[]): PullCursor {
  const last = rows.at(-1);
  if (last === undefined) throw new Error('expected rows');
  return { version: last.version, table: last.table, id: last.id };
}

/**
 * What a page leaves in a station's database: every pulled row as stored (derived fields
 * included), the queue counts, the sync state but its client id, the outbox and the clock.
 */
async function pulledState(db: FixlineDatabase, rows: readonly SyncRow[]) {
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    stored[`${row.table}/${row.id}`] = await db.table(row.table).get(row.id);
  }
  const { clientId: _clientId, ...state } = (await readSyncState(db)) ?? {};
  return {
    stored,
    claimCounts: await db.claimCounts.toArray(),
    state,
    outbox: (await db.outbox.toArray()).map((entry) => entry.sequence),
    clock: await db.settings.get('clock'),
  };
}

/**
 * Applies `page` to `station` as one slice (so a save can meet it in progress), calling
 * `onSliceStarted` as each run of it starts its transaction.
 */
function applyAsOneSlice(
  station: TestStation,
  page: { rows: readonly SyncRow[]; lastMutationId: number; cursor?: PullCursor },
  onSliceStarted: () => void,
) {
  return applyPulledPageInSlices(station.db, page, {
    sizer: new SliceSizer(fixedSlices(page.rows.length)),
    now,
    pause: () => Promise.resolve(),
    onTransaction: onSliceStarted,
  });
}

describe('applying a pulled page in slices', () => {
  it('stores the cursor only with the page’s last slice', async () => {
    const { rows } = await claimsAtServer();
    const bandung = await enrolledStation('BDG2');
    const cursor = cursorAfter(rows);
    const cursorsAfterSlices: unknown[] = [];

    await applyPulledPageInSlices(
      bandung.db,
      { rows, lastMutationId: 0, cursor },
      {
        sizer: new SliceSizer(fixedSlices(2)),
        now,
        pause: async () => {
          cursorsAfterSlices.push((await readSyncState(bandung.db))?.enrollment?.cursor);
        },
      },
    );

    expect(cursorsAfterSlices).toHaveLength(Math.ceil(rows.length / 2));
    expect(cursorsAfterSlices.slice(0, -1).every((stored) => stored === null)).toBe(true);
    expect(cursorsAfterSlices.at(-1)).toEqual(cursor);
  });

  it('leaves the same database as one transaction would', async () => {
    const { rows } = await claimsAtServer();
    const oneShot = await enrolledStation('BDG2');
    const sliced = await enrolledStation('BDG2');
    const page = { rows, lastMutationId: 0, cursor: cursorAfter(rows) };

    const whole = await applyPulledPage(oneShot.db, page, { now });
    const inSlices = await applyPulledPageInSlices(sliced.db, page, {
      sizer: new SliceSizer(fixedSlices(1)),
      now,
      pause: () => Promise.resolve(),
    });

    expect(inSlices.changedRows).toBe(whole.changedRows);
    expect(await pulledState(sliced.db, rows)).toEqual(await pulledState(oneShot.db, rows));
  });

  it('tells the sizer of a save made between its slices, and not of its own commits', async () => {
    const { rows } = await claimsAtServer();
    const bandung = await enrolledStation('BDG2');
    /** A sizer of one-row slices that counts the other writes it is told of. */
    class CountingSizer extends SliceSizer {
      otherWrites = 0;
      override noteOtherWrite(): void {
        this.otherWrites += 1;
        super.noteOtherWrite();
      }
    }
    const quiet = new CountingSizer(fixedSlices(1));
    await applyPulledPageInSlices(
      bandung.db,
      { rows: rows.slice(0, 3), lastMutationId: 0 },
      { sizer: quiet, now, pause: () => Promise.resolve() },
    );
    const saving = new CountingSizer(fixedSlices(1));
    let saved = false;

    await applyPulledPageInSlices(
      bandung.db,
      { rows: rows.slice(3), lastMutationId: 0 },
      {
        sizer: saving,
        now,
        pause: async () => {
          if (saved) return;
          saved = true;
          await takeInClaim(bandung);
        },
      },
    );

    expect(quiet.otherWrites).toBe(0);
    expect(saving.otherWrites).toBeGreaterThan(0);
  });

  it('gives way to a save asked for during a slice, then applies the slice again', async () => {
    const { rows } = await claimsAtServer();
    const page = { rows, lastMutationId: 0, cursor: cursorAfter(rows) };
    const oneShot = await enrolledStation('BDG2');
    await applyPulledPage(oneShot.db, page, { now });
    const bandung = await enrolledStation('BDG2');
    const ownClaimId = await takeInClaim(bandung);
    const order: string[] = [];
    let save: Promise<void> | undefined;

    await applyAsOneSlice(bandung, page, () => {
      order.push('slice started');
      // A technician's save as the slice starts, from outside its transaction as a click is.
      save ??= Dexie.ignoreTransaction(async () => {
        expectOk(
          await bandung.repositories.claims.update(
            ownClaimId,
            { assigneeId: otherTechnician },
            asTechnician,
          ),
        );
        order.push('saved');
      });
    });
    order.push('page applied');
    await save;

    expect(order).toEqual(['slice started', 'slice started', 'saved', 'page applied']);
    expect((await pulledState(bandung.db, rows)).stored).toEqual(
      (await pulledState(oneShot.db, rows)).stored,
    );
    expect((await bandung.db.claims.get(ownClaimId))?.assigneeId).toBe(otherTechnician);
  });

  it('gives way to saves at most twice a slice, then finishes it', async () => {
    const { rows } = await claimsAtServer();
    const bandung = await enrolledStation('BDG2');
    const ownClaimId = await takeInClaim(bandung);
    let slicesStarted = 0;
    const saves: Promise<void>[] = [];

    await applyAsOneSlice(bandung, { rows, lastMutationId: 0, cursor: cursorAfter(rows) }, () => {
      slicesStarted += 1;
      // A save at every start: the third run of the slice no longer gives way.
      saves.push(
        Dexie.ignoreTransaction(async () => {
          expectOk(
            await bandung.repositories.claims.update(
              ownClaimId,
              { assigneeId: slicesStarted % 2 === 0 ? otherTechnician : asTechnician.actor },
              asTechnician,
            ),
          );
        }),
      );
    });
    await Promise.all(saves);

    expect(slicesStarted).toBe(giveWaysPerSlice + 1);
    expect((await readSyncState(bandung.db))?.enrollment?.cursor).toEqual(cursorAfter(rows));
  });

  it('does not give way to the sync’s own bookkeeping', async () => {
    const { rows } = await claimsAtServer();
    const bandung = await enrolledStation('BDG2');
    let slicesStarted = 0;
    let settled: Promise<void> | undefined;

    await applyAsOneSlice(bandung, { rows, lastMutationId: 0, cursor: cursorAfter(rows) }, () => {
      slicesStarted += 1;
      settled ??= Dexie.ignoreTransaction(() =>
        settleFilesChecked(
          bandung.db,
          { names: new Set(), toMove: new Set(), notedUpTo: 0, compared: false },
          [],
        ),
      );
    });
    await settled;

    expect(slicesStarted).toBe(1);
  });

  it('derives claims pulled before their customers and devices once a later slice brings them', async () => {
    const { jakarta, rows } = await claimsAtServer();
    const bandung = await enrolledStation('BDG2');
    // As when the customers and devices were edited after the claims: they come later.
    const claimsFirst = [
      ...rows.filter((row) => row.table === 'claims'),
      ...rows.filter((row) => row.table !== 'claims'),
    ];
    const claimIds = claimsFirst.filter((row) => row.table === 'claims').map((row) => row.id);
    const awaitingAfterSlices: unknown[] = [];

    await applyPulledPageInSlices(
      bandung.db,
      { rows: claimsFirst, lastMutationId: 0, cursor: cursorAfter(rows) },
      {
        sizer: new SliceSizer(fixedSlices(1)),
        now,
        pause: async () => {
          awaitingAfterSlices.push((await readSyncState(bandung.db))?.claimsAwaitingRecords);
        },
      },
    );

    expect(awaitingAfterSlices[claimIds.length - 1]).toEqual(claimIds);
    for (const claimId of claimIds) {
      const atJakarta = await jakarta.db.claims.get(claimId);
      expect(atJakarta?.nextDeadlineAt).toBeDefined();
      expect((await bandung.db.claims.get(claimId))?.nextDeadlineAt).toBe(
        atJakarta?.nextDeadlineAt,
      );
    }
    expect(await readSyncState(bandung.db)).not.toHaveProperty('claimsAwaitingRecords');
  });

  it('drops the outbox entries the server acknowledged with the page’s first slice', async () => {
    const { rows } = await claimsAtServer();
    const bandung = await enrolledStation('BDG2');
    const claimId = rows.find((row) => row.table === 'claims')?.id ?? '';
    await applyPulledPage(
      bandung.db,
      { rows, lastMutationId: 0, cursor: cursorAfter(rows) },
      { now },
    );
    for (const assigneeId of [otherTechnician, asTechnician.actor]) {
      expectOk(await bandung.repositories.claims.update(claimId, { assigneeId }, asTechnician));
    }
    const outboxAfterSlices: number[][] = [];
    const entries = (await bandung.db.outbox.toArray()).map((entry) => entry.sequence);
    const [acknowledged, pending] = entries.slice(-2);
    if (acknowledged === undefined || pending === undefined)
      throw new Error('expected two entries');

    await applyPulledPageInSlices(
      bandung.db,
      { rows, lastMutationId: acknowledged },
      {
        sizer: new SliceSizer(fixedSlices(4)),
        now,
        pause: async () => {
          outboxAfterSlices.push(
            (await bandung.db.outbox.toArray()).map((entry) => entry.sequence),
          );
        },
      },
    );

    expect(outboxAfterSlices.length).toBeGreaterThan(1);
    for (const outbox of outboxAfterSlices) expect(outbox).toEqual([pending]);
    expect((await readSyncState(bandung.db))?.enrollment?.acknowledgedMutationId).toBe(
      acknowledged,
    );
  });

  it('applies the page again after a crash between slices, ending as one transaction would', async () => {
    const { rows } = await claimsAtServer();
    const oneShot = await enrolledStation('BDG2');
    const page = { rows, lastMutationId: setupOutboxEntries, cursor: cursorAfter(rows) };
    await applyPulledPage(oneShot.db, page, { now });
    const expected = await pulledState(oneShot.db, rows);
    const sliceRows = 2;
    const slices = Math.ceil(rows.length / sliceRows);

    for (const crashAfter of [1, Math.floor(slices / 2), slices - 1]) {
      const station = await enrolledStation('BDG2');
      let applied = 0;
      await expect(
        applyPulledPageInSlices(station.db, page, {
          sizer: new SliceSizer(fixedSlices(sliceRows)),
          now,
          pause: () => {
            applied += 1;
            return applied === crashAfter
              ? Promise.reject(new Error('the tab was closed'))
              : Promise.resolve();
          },
        }),
      ).rejects.toThrow('the tab was closed');
      station.db.close();
      const reopened = new FixlineDatabase(station.db.name);
      expect((await readSyncState(reopened))?.enrollment?.cursor).toBeNull();
      expect(await reopened.table(rows[0]?.table ?? 'claims').get(rows[0]?.id ?? '')).toBeDefined();

      // The next pull starts from the stored cursor (none): the same page again, sliced anew.
      await applyPulledPageInSlices(reopened, page, {
        sizer: new SliceSizer(fixedSlices(3)),
        now,
        pause: () => Promise.resolve(),
      });

      expect(await pulledState(reopened, rows)).toEqual(expected);
      reopened.close();
    }
  });
});

describe('sizing slices', () => {
  // One target whether or not anything else writes, apart from the tests of the two.
  const sizing: SliceSizing = {
    targetMs: 40,
    idleTargetMs: 40,
    quietMs: 1_000,
    firstRows: 100,
    minRows: 10,
    maxRows: 5_000,
  };
  /** Feeds `sizer` slices that take a fixed cost plus a cost a row, `times` times. */
  const settle = (sizer: SliceSizer, fixedMs: number, rowMs: number, times = 20) => {
    for (let index = 0; index < times; index += 1) {
      sizer.record(sizer.rows, fixedMs + rowMs * sizer.rows);
    }
    return sizer.rows;
  };

  it('grows towards the target when slices are quick, at most doubling at a time', () => {
    const sizer = new SliceSizer(sizing);
    sizer.record(100, 10);
    expect(sizer.rows).toBe(200);
  });

  it('shrinks when a slice overruns, at most halving at a time, and never below the least', () => {
    const sizer = new SliceSizer(sizing);
    sizer.record(100, 80);
    expect(sizer.rows).toBe(50);
    sizer.record(50, 1_000);
    expect(sizer.rows).toBe(25);
    for (let index = 0; index < 5; index += 1) sizer.record(sizer.rows, 1_000);
    expect(sizer.rows).toBe(sizing.minRows);
  });

  it('fills the target with rows once it has told the fixed cost of a slice from the cost of a row', () => {
    // 4 ms a transaction and 0.1 ms a row: 360 rows take 40 ms.
    expect(settle(new SliceSizer(sizing), 4, 0.1)).toBe(360);
  });

  it('fills the idle target while nothing else writes, and drops to the busy one at another write', () => {
    let nowMs = 0;
    const sizer = new SliceSizer({ ...sizing, idleTargetMs: 200 }, () => nowMs);
    // 4 ms a transaction and 0.1 ms a row: 1,960 rows take 200 ms, 360 take 40.
    expect(settle(sizer, 4, 0.1)).toBe(1_960);
    nowMs = 10_000;
    sizer.noteOtherWrite();
    // 40 ms of rows at once (392: the last slices were all one size, so their whole time is
    // taken as the rows' cost).
    expect(sizer.rows).toBe(392);
    // Still writing within `quietMs`: the busy target holds.
    nowMs = 10_500;
    expect(settle(sizer, 4, 0.1)).toBe(360);
    // Quiet again: slices grow back, at most doubling at a time.
    nowMs = 11_000;
    sizer.record(sizer.rows, 4 + 0.1 * sizer.rows);
    expect(sizer.rows).toBe(720);
    expect(settle(sizer, 4, 0.1)).toBe(1_960);
  });

  it('keeps slices worth their fixed cost when that alone takes half the target', () => {
    // 28 ms a transaction (a busy machine) and 0.2 ms a row: 140 rows, 56 ms a slice, where
    // shrinking to the least would leave nearly every slice's time to the fixed cost.
    expect(settle(new SliceSizer({ ...sizing, firstRows: 10 }), 28, 0.2)).toBe(140);
  });
});
