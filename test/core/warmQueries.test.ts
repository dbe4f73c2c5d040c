import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { NamedCoreQuery } from '../../renderer/src/core';
import { createStationCore, warmQueriesOf } from '../../renderer/src/core';
import { queueCountQuery } from '../../renderer/src/hooks/useClaimQueue';
import { queueFilterAt } from '../../renderer/src/queue/warmQueue';
import { makeClaimDraft } from '../factories/domain';
import {
  asTechnician,
  createCustomerAndDevice,
  expectOk,
  openTestDatabase,
  steppingClock,
} from '../db/testDatabase';

/**
 * Queries a start reads before the screen that shows them is drawn: handed to that screen with
 * their result, kept current after, and closed when no screen claims them.
 */

const nowIso = '2026-05-04T03:00:00.000Z';

async function openCoreWithClaims(claims: number) {
  const { db, repositories } = await openTestDatabase();
  for (let index = 0; index < claims; index += 1) await addClaim(repositories);
  return { db, repositories, core: createStationCore(db, { now: steppingClock() }) };
}

async function addClaim(
  repositories: Awaited<ReturnType<typeof openTestDatabase>>['repositories'],
) {
  const { customerId, deviceId } = await createCustomerAndDevice(repositories);
  expectOk(
    await repositories.claims.create(makeClaimDraft({ customerId, deviceId }), asTechnician),
  );
}

/** The queue's count, counting how many times it was read. */
function countedQueueCount() {
  const query = queueCountQuery({}, nowIso);
  const counted = { reads: 0 };
  const named: NamedCoreQuery<{ readonly question: string; readonly count: number }> = {
    key: query.key,
    run: (core) => {
      counted.reads += 1;
      return query.run(core);
    },
  };
  return { named, counted };
}

describe('a query read before its screen', () => {
  it('is handed to the screen with its result at once, and kept current after', async () => {
    const { core, repositories } = await openCoreWithClaims(2);
    const { named } = countedQueueCount();
    const warm = warmQueriesOf(core);
    warm.start(named);

    const claimed = warm.claim(named);
    await vi.waitFor(() => expect(claimed?.hasValue()).toBe(true));
    expect(claimed?.getValue()?.count).toBe(2);
    // A subscriber gets the value read already as it subscribes, not after another read.
    const seen: number[] = [];
    const subscription = claimed?.subscribe((answer) => seen.push(answer.count));
    expect(seen).toEqual([2]);

    await addClaim(repositories);
    await vi.waitFor(() => expect(seen).toEqual([2, 3]));
    subscription?.unsubscribe();
  });

  it('is handed over once, and only for the same question', async () => {
    const { core } = await openCoreWithClaims(0);
    const { named, counted } = countedQueueCount();
    const warm = warmQueriesOf(core);
    warm.start(named);
    warm.start(named);
    expect(warm.claim(queueCountQuery({ overdue: true }, nowIso))).toBeUndefined();
    expect(warm.claim(queueCountQuery({}, '2026-05-04T03:01:00.000Z'))).toBeUndefined();
    const claimed = warm.claim(named);
    expect(claimed).toBeDefined();
    expect(warm.claim(named)).toBeUndefined();
    await vi.waitFor(() => expect(claimed?.hasValue()).toBe(true));
    // Started twice, read once.
    expect(counted.reads).toBe(1);
    claimed?.close();
  });

  it('stops reading when no screen claims it in time', async () => {
    const { core, repositories } = await openCoreWithClaims(1);
    const { named, counted } = countedQueueCount();
    const warm = warmQueriesOf(core);
    warm.start(named, 50);
    await vi.waitFor(() => expect(counted.reads).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(warm.claim(named)).toBeUndefined();

    await addClaim(repositories);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(counted.reads).toBe(1);
  });

  it('waits for the screen that claimed it to subscribe, even when claimed near its time', async () => {
    const { core } = await openCoreWithClaims(1);
    const { named } = countedQueueCount();
    const warm = warmQueriesOf(core);
    warm.start(named, 150);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const claimed = warm.claim(named);
    // The screen's render is committed, and it subscribes, past the time it had to be claimed.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const seen: number[] = [];
    const subscription = claimed?.subscribe((answer) => seen.push(answer.count));
    await vi.waitFor(() => expect(seen).toEqual([1]));
    subscription?.unsubscribe();
  });

  it('stays live for a subscriber that leaves and comes back at once (React remounting)', async () => {
    const { core, repositories } = await openCoreWithClaims(1);
    const { named } = countedQueueCount();
    const warm = warmQueriesOf(core);
    warm.start(named);
    const claimed = warm.claim(named);
    await vi.waitFor(() => expect(claimed?.hasValue()).toBe(true));
    claimed?.subscribe(() => undefined).unsubscribe();
    const seen: number[] = [];
    const subscription = claimed?.subscribe((answer) => seen.push(answer.count));
    await addClaim(repositories);
    await vi.waitFor(() => expect(seen).toEqual([1, 2]));
    subscription?.unsubscribe();
  });

  it('reads again for a screen that comes back after it closed (the kept queue shown again)', async () => {
    const { core, repositories } = await openCoreWithClaims(1);
    const { named, counted } = countedQueueCount();
    const warm = warmQueriesOf(core);
    warm.start(named);
    const claimed = warm.claim(named);
    await vi.waitFor(() => expect(claimed?.hasValue()).toBe(true));
    claimed?.subscribe(() => undefined).unsubscribe();
    claimed?.close();
    // Closed, it reads nothing more: a claim added now is not counted until it is watched again.
    await addClaim(repositories);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(counted.reads).toBe(1);

    const seen: number[] = [];
    const subscription = claimed?.subscribe((answer) => seen.push(answer.count));
    // The last value at once, then the claims as they are now.
    await vi.waitFor(() => expect(seen).toEqual([1, 2]));
    await addClaim(repositories);
    await vi.waitFor(() => expect(seen).toEqual([1, 2, 3]));
    subscription?.unsubscribe();
  });
});

describe('the queue read before its screen', () => {
  it('is the queue at the address the window opens on, with its filter', () => {
    expect(queueFilterAt('')).toEqual({});
    expect(queueFilterAt('#/')).toEqual({});
    expect(queueFilterAt('#/?status=intake&overdue=1')).toEqual({
      status: 'intake',
      overdue: true,
    });
    expect(queueFilterAt('#/claims/0190c0de')).toBeUndefined();
    expect(queueFilterAt('#/intake')).toBeUndefined();
  });
});
