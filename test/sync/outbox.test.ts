import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { runGuardedWrite } from '../../renderer/src/db/writeGuard';
import {
  becomeNewClient,
  ensureSyncState,
  outboxMutation,
  readOutboxMutations,
  storePushOutcome,
} from '../../renderer/src/db/sync/syncState';
import { asTechnician, expectOk } from '../db/testDatabase';
import { openStation, takeInClaim } from './stations';

const otherTechnician = '0196a1b2-c3d4-7000-8000-0000000000b2';

describe('the outbox as mutations', () => {
  it('records for each changed field the stamp it had before: null for a new row', async () => {
    const station = await openStation('JKT1');
    const claimId = await takeInClaim(station);
    const before = await station.db.claims.get(claimId);

    expectOk(
      await station.repositories.claims.update(
        claimId,
        { assigneeId: otherTechnician },
        asTechnician,
      ),
    );

    const entries = await station.db.outbox.orderBy('sequence').toArray();
    const created = entries.at(-2)?.rows.find((row) => row.table === 'claims');
    const updated = entries.at(-1)?.rows.find((row) => row.table === 'claims');
    expect(Object.values(created?.base ?? { none: 'x' }).every((base) => base === null)).toBe(true);
    expect(updated?.base).toEqual({
      assigneeId: null,
      updatedAt: before?.stamps['updatedAt'],
    });
    const audit = entries.at(-1)?.rows.find((row) => row.table === 'auditEvents');
    expect(Object.values(audit?.base ?? {}).every((base) => base === null)).toBe(true);
  });

  it('records a claim’s status change as a transition intent', async () => {
    const station = await openStation('JKT1');
    const claimId = await takeInClaim(station);

    expectOk(
      await station.repositories.claims.transition(claimId, 'awaiting-authorization', asTechnician),
    );

    const last = await station.db.outbox.orderBy('sequence').last();
    expect(last?.intent).toEqual({
      kind: 'transition',
      claimId,
      from: 'intake',
      to: 'awaiting-authorization',
    });
    expect(last && outboxMutation(last)).toMatchObject({
      id: last?.sequence,
      intent: { kind: 'transition', claimId },
    });
  });

  it('numbers the mutations by the outbox sequence, 1, 2, 3… without gaps', async () => {
    const station = await openStation('JKT1');
    await takeInClaim(station);

    const mutations = await readOutboxMutations(station.db, 1, 500);

    // The setup's center settings first, then the customer, device and claim.
    expect(mutations.map((mutation) => mutation.id)).toEqual([1, 2, 3, 4]);
    expect(mutations[0]?.changes[0]).toMatchObject({ table: 'centerSettings' });
    expect(mutations[1]?.changes[0]).toMatchObject({ table: 'customers', base: { name: null } });
  });

  it('keeps the rejections the server sent and drops every acknowledged entry', async () => {
    const station = await openStation('JKT1');
    await takeInClaim(station);
    const second = await station.db.outbox.get(2);
    const rejection = { code: 'conflict', message: 'taken', table: 'devices' as const };

    await storePushOutcome(station.db, {
      lastMutationId: 2,
      rejected: [{ id: 2, rejection }],
      at: '2026-05-04T03:00:00.000Z',
    });

    expect((await station.db.outbox.toArray()).map((entry) => entry.sequence)).toEqual([3, 4]);
    expect(await station.db.syncRejections.toArray()).toEqual([
      { mutationId: second?.mutationId, at: '2026-05-04T03:00:00.000Z', rejection },
    ]);
  });
});

describe('the client id', () => {
  it('is made once and kept', async () => {
    const station = await openStation('JKT1');

    const first = await ensureSyncState(station.db);
    const second = await ensureSyncState(station.db);

    expect(second.clientId).toBe(first.clientId);
    expect(first.enrollment).toBeUndefined();
  });

  it('is new for a new client, whose outbox is numbered again from 1 and goes on from there', async () => {
    const station = await openStation('JKT1');
    const { clientId } = await ensureSyncState(station.db);
    const claimId = await takeInClaim(station);
    await storePushOutcome(station.db, {
      lastMutationId: 3,
      rejected: [],
      at: '2026-05-04T03:00:00.000Z',
    });
    const kept = await station.db.outbox.toArray();

    const renewed = await runGuardedWrite(
      station.db,
      ['syncState', 'outbox', 'sequences'],
      (transaction) => becomeNewClient(transaction),
    );
    expectOk(
      await station.repositories.claims.update(
        claimId,
        { assigneeId: otherTechnician },
        asTechnician,
      ),
    );

    expect(renewed.clientId).not.toBe(clientId);
    const entries = await station.db.outbox.orderBy('sequence').toArray();
    expect(entries.map((entry) => [entry.sequence, entry.mutationId])).toEqual([
      [1, kept[0]?.mutationId],
      [2, entries[1]?.mutationId],
    ]);
  });
});
