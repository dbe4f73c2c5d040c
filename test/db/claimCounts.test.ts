import './testDatabase';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedTransitions } from '#shared/domain/claimWorkflow';
import type { RecordId } from '#shared/domain/primitives';
import type { PolicyId } from '#shared/policy';
import type { CountedFilter } from '../../renderer/src/db/claimCounts';
import {
  claimCountKey,
  claimDayCountKey,
  readEveryClaimCount,
  isCountedByDay,
  readClaimDayCounts,
  rebuildClaimCounts,
} from '../../renderer/src/db/claimCounts';
import type { FixlineDatabase } from '../../renderer/src/db/database';
import type { StoredClaim } from '../../renderer/src/db/records';
import { isLive } from '../../renderer/src/db/records';
import { createRepositories } from '../../renderer/src/db/repositories';
import { claimDefinition } from '../../renderer/src/db/repositories/definitions';
import { RepositoryWriter, writeScope } from '../../renderer/src/db/repositories/repositoryWriter';
import { runGuardedWrite } from '../../renderer/src/db/writeGuard';
import { makeClaimDraft } from '../factories/domain';
import {
  asTechnician,
  createCustomerAndDevice,
  expectOk,
  firstWriteMs,
  openTestDatabase,
  steppingClock,
} from './testDatabase';

const packs: readonly PolicyId[] = ['igpsport', 'kospet-warranty-refund', 'kospet-official-store'];
const assignees: readonly (RecordId | undefined)[] = [
  undefined,
  '00000000-0000-7000-8000-0000000000a1',
  '00000000-0000-7000-8000-0000000000b2',
];

/** One claim write; `claim` picks a claim among those made so far (modulo their number). */
type Operation =
  | { readonly kind: 'create'; readonly pack: number; readonly assignee: number }
  | { readonly kind: 'step'; readonly claim: number; readonly choice: number }
  | { readonly kind: 'reassign'; readonly claim: number; readonly assignee: number }
  | { readonly kind: 'repack'; readonly claim: number; readonly pack: number }
  | { readonly kind: 'remove'; readonly claim: number }
  | { readonly kind: 'bulk-repack'; readonly claims: readonly number[]; readonly pack: number }
  | { readonly kind: 'rebuild' };

const index = fc.nat({ max: 50 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('create' as const), pack: index, assignee: index }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('step' as const), claim: index, choice: index }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('reassign' as const), claim: index, assignee: index }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('repack' as const), claim: index, pack: index }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), claim: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bulk-repack' as const),
      claims: fc.array(index, { minLength: 1, maxLength: 4 }),
      pack: index,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'rebuild' as const }) },
);

const pick = <Value>(values: readonly Value[], at: number): Value | undefined =>
  values.length === 0 ? undefined : values[at % values.length];

async function apply(
  db: FixlineDatabase,
  repositories: Awaited<ReturnType<typeof openTestDatabase>>['repositories'],
  made: { customerId: RecordId; deviceId: RecordId },
  ids: RecordId[],
  step: Operation,
): Promise<void> {
  const claimId = 'claim' in step ? pick(ids, step.claim) : undefined;
  switch (step.kind) {
    case 'create': {
      const assigneeId = pick(assignees, step.assignee);
      const draft = makeClaimDraft({
        ...made,
        policyPackId: pick(packs, step.pack) ?? 'igpsport',
        ...(assigneeId === undefined ? {} : { assigneeId }),
      });
      ids.push(expectOk(await repositories.claims.create(draft, asTechnician)).id);
      return;
    }
    case 'step': {
      const claim = claimId === undefined ? undefined : await db.claims.get(claimId);
      const to =
        claim === undefined ? undefined : pick(allowedTransitions(claim.status), step.choice);
      if (claim === undefined || to === undefined) return;
      // Refused when the claim is deleted; the counts must then stay as they are.
      await repositories.claims.overrideTransition(
        claim.id,
        to,
        'the customer called',
        asTechnician,
      );
      return;
    }
    case 'reassign':
      if (claimId === undefined) return;
      await repositories.claims.update(
        claimId,
        { assigneeId: pick(assignees, step.assignee) },
        asTechnician,
      );
      return;
    case 'repack':
      if (claimId === undefined) return;
      await repositories.claims.update(
        claimId,
        { policyPackId: pick(packs, step.pack) ?? 'igpsport' },
        asTechnician,
      );
      return;
    case 'remove':
      if (claimId !== undefined) await repositories.claims.remove(claimId, asTechnician);
      return;
    case 'bulk-repack': {
      const chosen = [...new Set(step.claims.flatMap((at) => pick(ids, at) ?? []))];
      const policyPackId = pick(packs, step.pack) ?? 'igpsport';
      // The bulk form of a replace, as an import writes many rows in one session.
      await new RepositoryWriter(db, { now: steppingClock() }).write(
        asTechnician,
        writeScope([claimDefinition]),
        async (session) => {
          const live = (await db.claims.bulkGet(chosen)).flatMap((claim) =>
            claim !== undefined && isLive(claim) ? [claim] : [],
          );
          return session.replaceAll(
            claimDefinition,
            live.map((existing) => ({
              existing,
              next: session.parse(claimDefinition, { ...existing, policyPackId }),
            })),
          );
        },
      );
      return;
    }
    case 'rebuild':
      // As a restore or a page of synced changes counts again, from nothing.
      await runGuardedWrite(db, ['claims', 'claimCounts'], rebuildClaimCounts);
      return;
  }
}

/** Every filter the claims could be counted under: each field any value stored, or none. */
function everyFilter(claims: readonly StoredClaim[]): CountedFilter[] {
  const values = <Value>(of: (claim: StoredClaim) => Value | undefined) => [
    undefined,
    ...new Set(claims.flatMap((claim) => of(claim) ?? [])),
  ];
  return values((claim) => claim.status).flatMap((status) =>
    values((claim) => claim.policyPackId).flatMap((packId) =>
      values((claim) => claim.assigneeId).map((assigneeId) => ({
        status,
        packId: packId as CountedFilter['packId'],
        assigneeId,
      })),
    ),
  );
}

/** Counts `filter` the plain way: every live claim read and checked. */
function realCount(claims: readonly StoredClaim[], filter: CountedFilter): number {
  return claims.filter(
    (claim) =>
      isLive(claim) &&
      (filter.status === undefined || claim.status === filter.status) &&
      (filter.packId === undefined || claim.policyPackId === filter.packId) &&
      (filter.assigneeId === undefined || claim.assigneeId === filter.assigneeId),
  ).length;
}

/** The count of each day's live claims of `filter` the plain way, by their count keys. */
function realDayCounts(claims: readonly StoredClaim[], filter: CountedFilter) {
  const byDay = new Map<string, number>();
  for (const claim of claims) {
    if (realCount([claim], filter) === 0) continue;
    const day = claim.createdAt.slice(0, 10);
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  return [...byDay].map(([day, count]) => [claimDayCountKey(filter, day), count] as const);
}

describe('the claim counts table', () => {
  it('holds the real count of live claims of every filter after any sequence of claim writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 24 }), async (steps) => {
        const { db, repositories } = await openTestDatabase();
        const made = await createCustomerAndDevice(repositories);
        const ids: RecordId[] = [];
        for (const step of steps) await apply(db, repositories, made, ids, step);

        const claims = await db.claims.toArray();
        const table = await readEveryClaimCount(db.claimCounts);
        const expected = new Map(
          everyFilter(claims).flatMap((filter) => {
            const count = realCount(claims, filter);
            const days = isCountedByDay(filter) ? realDayCounts(claims, filter) : [];
            return count === 0 ? [] : [[claimCountKey(filter), count] as const, ...days];
          }),
        );
        expect(table).toEqual(expected);
        db.close();
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('counts each day’s live claims for no filter and each condition alone, the days in order', async () => {
    const { db } = await openTestDatabase();
    let clockMs = firstWriteMs;
    const repositories = createRepositories(db, { now: () => clockMs });
    const made = await createCustomerAndDevice(repositories);
    const dayMs = 86_400_000;
    const open = async (day: number, policyPackId: PolicyId) => {
      clockMs = firstWriteMs + day * dayMs;
      const draft = makeClaimDraft({ ...made, policyPackId });
      return expectOk(await repositories.claims.create(draft, asTechnician));
    };
    // Written out of the days' order: the days are read in order all the same.
    await open(11, 'igpsport');
    await open(0, 'igpsport');
    const removed = await open(3, 'kospet-warranty-refund');
    await open(3, 'igpsport');
    await open(0, 'kospet-warranty-refund');
    expectOk(await repositories.claims.remove(removed.id, asTechnician));

    expect(await readClaimDayCounts(db.claimCounts, {})).toEqual([
      { day: '2026-05-04', count: 2 },
      { day: '2026-05-07', count: 1 },
      { day: '2026-05-15', count: 1 },
    ]);
    expect(await readClaimDayCounts(db.claimCounts, { packId: 'kospet-warranty-refund' })).toEqual([
      { day: '2026-05-04', count: 1 },
    ]);
    // A combination has its total only.
    expect(
      await readClaimDayCounts(db.claimCounts, { status: 'intake', packId: 'igpsport' }),
    ).toEqual([]);
  });

  it('moves in the claim write’s transaction: a refused write leaves every count as it was', async () => {
    const { db, repositories } = await openTestDatabase();
    const made = await createCustomerAndDevice(repositories);
    const claim = expectOk(await repositories.claims.create(makeClaimDraft(made), asTechnician));
    const before = await db.claimCounts.toArray();

    const refused = await repositories.claims.update(
      claim.id,
      { policyPackId: 'igpsport', deviceId: '00000000-0000-7000-8000-00000000dead' },
      asTechnician,
    );

    expect(refused.ok).toBe(false);
    expect(await db.claimCounts.toArray()).toEqual(before);
  });
});
