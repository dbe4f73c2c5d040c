import './testDatabase';
import { describe, expect, it } from 'vitest';
import { compareHlc } from '#shared/sync/hybridLogicalClock';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import type { FieldStamps } from '../../renderer/src/db/records';
import { createRepositories } from '../../renderer/src/db/repositories';
import type { Repositories } from '../../renderer/src/db/repositories';
import type { FixlineDatabase } from '../../renderer/src/db/database';
import {
  makeClaimDraft,
  makeCustomer,
  makeInspection,
  makeQuote,
  makeQuoteLine,
  nextId,
} from '../factories/domain';
import {
  asTechnician,
  createCustomerAndDevice,
  expectOk,
  firstWriteMs,
  openTestDatabase,
  failingWritesOn,
  setupOutboxEntries,
} from './testDatabase';

const { id: _customerId, ...customerDraft } = makeCustomer();

function stampOf(row: { readonly stamps: FieldStamps }, field: string): Hlc {
  const stamp = row.stamps[field];
  if (stamp === undefined) throw new Error(`the row has no stamp for "${field}"`);
  return stamp;
}

async function countRows(db: FixlineDatabase) {
  return {
    customers: await db.customers.count(),
    auditEvents: await db.auditEvents.count(),
    // The entries of the test's writes, after the setup's.
    outbox: (await db.outbox.count()) - setupOutboxEntries,
  };
}

/** A middleware that fails every write to `tableName` the way a full disk does. */

async function openClaim(repositories: Repositories) {
  const { customerId, deviceId } = await createCustomerAndDevice(repositories);
  const draft = makeClaimDraft({ customerId, deviceId });
  return expectOk(await repositories.claims.create(draft, asTechnician));
}

describe('repositories', () => {
  it('write a new record, its audit event and one outbox entry carrying both', async () => {
    const { db, repositories } = await openTestDatabase();
    const customer = expectOk(await repositories.customers.create(customerDraft, asTechnician));

    const stored = await db.customers.get(customer.id);
    expect(stored).toMatchObject({
      ...customerDraft,
      id: customer.id,
      station: 'JKT1',
      updatedBy: asTechnician.actor,
    });
    const stamps = Object.values(stored?.stamps ?? {});
    expect(Object.keys(stored?.stamps ?? {}).sort()).toEqual(
      Object.keys({ ...customerDraft, id: '' }).sort(),
    );
    expect(new Set(stamps).size).toBe(1);

    const auditEvents = await db.auditEvents.toArray();
    expect(auditEvents).toHaveLength(1);
    expect(auditEvents[0]).toMatchObject({
      entity: 'customers',
      entityId: customer.id,
      action: 'create',
      actor: asTechnician.actor,
      station: 'JKT1',
      at: new Date(firstWriteMs).toISOString(),
    });
    expect(auditEvents[0]?.changes['name']).toEqual({ from: null, to: customerDraft.name });

    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(setupOutboxEntries + 1);
    const entry = outbox.at(-1);
    expect(entry?.sequence).toBe(setupOutboxEntries + 1);
    expect(entry?.rows.map((row) => [row.table, row.id])).toEqual([
      ['customers', customer.id],
      ['auditEvents', auditEvents[0]?.id],
    ]);
    expect(entry?.rows[0]?.set).toEqual({ ...customerDraft, id: customer.id });
  });

  it('leave nothing behind when the disk fills up after the record was written', async () => {
    const { db, repositories } = await openTestDatabase();
    // Middlewares take effect when the database opens.
    db.close({ disableAutoOpen: false });
    db.use(failingWritesOn('outbox'));

    const result = await repositories.customers.create(customerDraft, asTechnician);

    expect(result).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    expect(await countRows(db)).toEqual({ customers: 0, auditEvents: 0, outbox: 0 });
  });

  it('refuse input that breaks the domain schema, naming the field, and write nothing', async () => {
    const { db, repositories } = await openTestDatabase();

    const result = await repositories.customers.create(
      { ...customerDraft, phone: 'call me' },
      asTechnician,
    );

    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'phone' } });
    if (!result.ok) expect(result.error.message).toMatch(/^phone: expected a phone number/);
    expect(await countRows(db)).toEqual({ customers: 0, auditEvents: 0, outbox: 0 });
  });

  it('refuse a write by an actor who is not a technician id', async () => {
    const { repositories } = await openTestDatabase();
    const result = await repositories.customers.create(customerDraft, { actor: 'siti' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'actor' } });
  });

  it('refuse writes until the station is set up', async () => {
    const { db, repositories } = await openTestDatabase(null);
    const result = await repositories.customers.create(customerDraft, asTechnician);
    expect(result).toMatchObject({ ok: false, error: { code: 'station-not-set-up' } });
    // Not set up, so not even the setup's entry is there.
    expect(await countRows(db)).toEqual({
      customers: 0,
      auditEvents: 0,
      outbox: -setupOutboxEntries,
    });
  });

  it('refuse to change the station code once it is set', async () => {
    const { repositories } = await openTestDatabase('JKT1');
    const result = await repositories.station.setUp({
      stationCode: 'SBY2',
      center: { name: 'Surabaya' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'station-already-set-up', field: 'stationCode' },
    });
    expect((await repositories.station.get())?.stationCode).toBe('JKT1');
  });

  it('stamp only the fields an update changes, and audit their values before and after', async () => {
    const { db, repositories } = await openTestDatabase();
    const created = expectOk(await repositories.customers.create(customerDraft, asTechnician));

    const updated = expectOk(
      await repositories.customers.update(
        created.id,
        { email: 'siti.r@example.com' },
        asTechnician,
      ),
    );

    expect(compareHlc(stampOf(created, 'name'), stampOf(updated, 'name'))).toBe(0);
    expect(compareHlc(stampOf(created, 'email'), stampOf(updated, 'email'))).toBe(-1);
    const audit = await db.auditEvents
      .where('[entity+entityId]')
      .equals(['customers', created.id])
      .sortBy('id');
    expect(audit.map((event) => event.action)).toEqual(['create', 'update']);
    expect(audit[1]?.changes).toEqual({
      email: { from: 'siti@example.com', to: 'siti.r@example.com' },
    });
    const lastEntry = await db.outbox.get(setupOutboxEntries + 2);
    expect(lastEntry?.rows[0]).toMatchObject({ set: { email: 'siti.r@example.com' }, unset: [] });
  });

  it('record a field set to undefined as removed', async () => {
    const { db, repositories } = await openTestDatabase();
    const created = expectOk(await repositories.customers.create(customerDraft, asTechnician));

    const updated = expectOk(
      await repositories.customers.update(created.id, { email: undefined }, asTechnician),
    );

    expect(updated.email).toBeUndefined();
    expect('email' in ((await db.customers.get(created.id)) ?? {})).toBe(false);
    expect((await db.outbox.get(setupOutboxEntries + 2))?.rows[0]).toMatchObject({
      set: {},
      unset: ['email'],
    });
  });

  it('write nothing for an update that changes nothing', async () => {
    const { db, repositories } = await openTestDatabase();
    const created = expectOk(await repositories.customers.create(customerDraft, asTechnician));

    expectOk(
      await repositories.customers.update(created.id, { name: customerDraft.name }, asTechnician),
    );

    expect(await countRows(db)).toEqual({ customers: 1, auditEvents: 1, outbox: 1 });
  });

  it('delete by leaving a tombstone stamped like any other change', async () => {
    const { db, repositories } = await openTestDatabase();
    const created = expectOk(await repositories.customers.create(customerDraft, asTechnician));

    const removed = expectOk(await repositories.customers.remove(created.id, asTechnician));

    const row = await db.customers.get(created.id);
    expect(row).toMatchObject({ ...customerDraft, deletedAt: removed.deletedAt });
    expect(row?.stamps['deletedAt']).toBeDefined();
    expect(await repositories.customers.get(created.id)).toBeUndefined();
    const audit = await db.auditEvents
      .where('[entity+entityId]')
      .equals(['customers', created.id])
      .sortBy('id');
    expect(audit.map((event) => event.action)).toEqual(['create', 'delete']);
    expect((await db.outbox.get(setupOutboxEntries + 2))?.rows[0]?.set).toEqual({
      deletedAt: removed.deletedAt,
    });
  });

  it('refuse to update a deleted record', async () => {
    const { repositories } = await openTestDatabase();
    const created = expectOk(await repositories.customers.create(customerDraft, asTechnician));
    expectOk(await repositories.customers.remove(created.id, asTechnician));

    const result = await repositories.customers.update(
      created.id,
      { name: 'Siti R.' },
      asTechnician,
    );

    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', field: 'id' } });
  });

  it('refuse a record that points at a customer who does not exist', async () => {
    const { db, repositories } = await openTestDatabase();
    const result = await repositories.devices.create(
      { customerId: nextId(), model: 'KOSPET Tank T3', category: 'smartwatch', serial: 'KT3-1' },
      asTechnician,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', field: 'customerId' } });
    expect(await db.devices.count()).toBe(0);
  });

  it('number outbox entries without gaps, even around a refused write', async () => {
    const { db, repositories } = await openTestDatabase();
    expectOk(await repositories.customers.create(customerDraft, asTechnician));
    await repositories.customers.create({ ...customerDraft, email: 'not an email' }, asTechnician);
    await repositories.devices.create(
      { customerId: nextId(), model: 'KOSPET Tank T3', category: 'smartwatch', serial: 'KT3-1' },
      asTechnician,
    );
    expectOk(await repositories.customers.create(customerDraft, asTechnician));

    // The setup's entry, then the two writes that were stored.
    expect(await db.outbox.toCollection().primaryKeys()).toEqual([1, 2, 3]);
  });

  it('keep stamps increasing when the wall clock is set back between writes', async () => {
    const { db } = await openTestDatabase();
    const times = [firstWriteMs, firstWriteMs - 3_600_000];
    const repositories = createRepositories(db, { now: () => times.shift() ?? firstWriteMs });
    const first = expectOk(await repositories.customers.create(customerDraft, asTechnician));
    const second = expectOk(await repositories.customers.create(customerDraft, asTechnician));
    expect(compareHlc(stampOf(first, 'id'), stampOf(second, 'id'))).toBe(-1);
  });

  it('move a claim through the workflow and audit the status change as a transition', async () => {
    const { db, repositories } = await openTestDatabase();
    const claim = await openClaim(repositories);

    const moved = expectOk(
      await repositories.claims.transition(claim.id, 'awaiting-authorization', asTechnician),
    );

    expect(moved.status).toBe('awaiting-authorization');
    expect(moved.updatedAt > claim.updatedAt).toBe(true);
    const audit = await db.auditEvents
      .where('[entity+entityId]')
      .equals(['claims', claim.id])
      .sortBy('id');
    expect(audit.at(-1)).toMatchObject({
      action: 'transition',
      changes: { status: { from: 'intake', to: 'awaiting-authorization' } },
    });
  });

  it('refuse a transition the workflow forbids, with the statuses allowed, writing nothing', async () => {
    const { db, repositories } = await openTestDatabase();
    const claim = await openClaim(repositories);
    const outboxBefore = await db.outbox.count();

    const result = await repositories.claims.transition(claim.id, 'received', asTechnician);

    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'not-authorized',
        clauses: ['B14'],
        allowedStatuses: ['awaiting-authorization', 'resolved', 'refused', 'cancelled'],
      },
    });
    expect((await db.claims.get(claim.id))?.status).toBe('intake');
    expect(await db.outbox.count()).toBe(outboxBefore);
  });

  it('refuse an inspection while the device has not been received, citing B14, writing nothing', async () => {
    const { db, repositories } = await openTestDatabase();
    const claim = await openClaim(repositories);
    for (const step of ['awaiting-authorization', 'authorized'] as const) {
      expectOk(await repositories.claims.transition(claim.id, step, asTechnician));
    }
    const { id: _id, ...inspection } = makeInspection({ claimId: claim.id });
    const outboxBefore = await db.outbox.count();

    const refused = await repositories.inspections.create(inspection, asTechnician);

    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'device-not-received', field: 'claimId', clauses: ['B14'] },
    });
    expect(await db.inspections.count()).toBe(0);
    expect(await db.outbox.count()).toBe(outboxBefore);

    expectOk(await repositories.claims.transition(claim.id, 'received', asTechnician));
    const recorded = expectOk(await repositories.inspections.create(inspection, asTechnician));
    expect(recorded.claimId).toBe(claim.id);
  });

  it('refuse to change a claim status by update', async () => {
    const { repositories } = await openTestDatabase();
    const claim = await openClaim(repositories);
    // What a form built from an untyped source might send: the type forbids it, so a cast-free
    // variable with an extra field stands in for it.
    const patch = { stepsTried: 'Reset it twice.', status: 'closed' };
    const result = await repositories.claims.update(claim.id, patch, asTechnician);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'status' } });
  });

  it('refuse to change the lines of a quote once it was sent', async () => {
    const { repositories } = await openTestDatabase();
    const claim = await openClaim(repositories);
    const { id: _quoteId, ...quoteDraft } = makeQuote({ claimId: claim.id });
    const quote = expectOk(await repositories.quotes.create(quoteDraft, asTechnician));
    const { id: _lineId, ...lineDraft } = makeQuoteLine({ quoteId: quote.id });
    const line = expectOk(await repositories.quoteLines.create(lineDraft, asTechnician));
    expectOk(
      await repositories.quotes.update(
        quote.id,
        { status: 'sent', sentAt: '2026-05-05T03:00:00.000Z' },
        asTechnician,
      ),
    );

    const result = await repositories.quoteLines.update(line.id, { quantity: 2 }, asTechnician);

    expect(result).toMatchObject({ ok: false, error: { code: 'quote-not-editable' } });
  });

  it('let only the author of a note change it', async () => {
    const { repositories } = await openTestDatabase();
    const claim = await openClaim(repositories);
    const note = expectOk(
      await repositories.notes.create(
        {
          claimId: claim.id,
          body: 'Customer calls back Friday.',
          author: asTechnician.actor,
          at: '2026-05-04T03:00:00.000Z',
        },
        asTechnician,
      ),
    );

    const result = await repositories.notes.update(
      note.id,
      { body: 'Edited by someone else.' },
      { actor: nextId() },
    );

    expect(result).toMatchObject({ ok: false, error: { code: 'not-author' } });
  });
});
