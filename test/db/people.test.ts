import './testDatabase';
import { describe, expect, it } from 'vitest';
import { secretAuditValue } from '#shared/domain/audit';
import { money } from '#shared/domain/primitives';
import type { Role } from '#shared/domain/roles';
import type { Repositories, WriteContext } from '../../renderer/src/db/repositories';
import { createRepositories } from '../../renderer/src/db/repositories';
import { argon2idHashSchema, centerSettingsId } from '../../renderer/src/db/records';
import { makeClaimDraft, nextId } from '../factories/domain';
import type { PinHashCost } from '../../renderer/src/station/personPin';
import { pinHashCost } from '../../renderer/src/station/personPin';
import {
  asTechnician,
  cheapPinHashCost,
  createCustomerAndDevice,
  expectOk,
  firstWriteMs,
  freshDatabaseName,
  openTestDatabase,
  steppingClock,
} from './testDatabase';
import { FixlineDatabase } from '../../renderer/src/db/database';

const part = {
  sku: 'KT3-STRAP',
  name: 'Tank T3 strap',
  unitPrice: money(150_000, 'IDR'),
  compatibleModels: ['KOSPET Tank T3'],
};

/**
 * A station with a claim opened before anyone had roles, then a manager, a clerk and a
 * technician; their PINs are hashed at `pinHashCost` (cheap unless a test checks the real one).
 */
async function stationWithPeople(pinHashCost: PinHashCost = cheapPinHashCost) {
  const { db, repositories } = await openTestDatabase('JKT1', { pinHashCost });
  const { customerId, deviceId } = await createCustomerAndDevice(repositories);
  const draft = makeClaimDraft({ customerId, deviceId });
  const claim = expectOk(await repositories.claims.create(draft, asTechnician));
  const add = async (name: string, roles: Role[], pin: string) =>
    expectOk(await repositories.station.addPerson({ name, roles, pin }));
  const manager = await add('Dewi Lestari', ['manager'], '4821');
  // From now on roles apply, so the next people are added by the manager at the bench.
  expectOk(await repositories.station.setBenchPerson(manager.id));
  const clerk = await add('Budi Santoso', ['warehouse-clerk'], '2468');
  const technician = await add('Agus Wijaya', ['technician'], '1357');
  const as = (person: { id: string }): WriteContext => ({ actor: person.id });
  return { db, repositories, claim, manager, clerk, technician, as };
}

async function sitAtBench(repositories: Repositories, personId: string) {
  expectOk(await repositories.station.setBenchPerson(personId));
}

describe('who may do what, as the repositories enforce it', () => {
  it('refuses a clerk the parts catalog, saying a manager may, and stores nothing', async () => {
    const { db, repositories, clerk, as } = await stationWithPeople();
    const outboxBefore = await db.outbox.count();

    const result = await repositories.partsCatalog.create(part, as(clerk));

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not-permitted', action: 'edit-parts-catalog', rolesAllowed: ['manager'] },
    });
    expect(await db.partsCatalog.count()).toBe(0);
    expect(await db.outbox.count()).toBe(outboxBefore);
  });

  it('lets a manager edit the parts catalog and records that they did it as a manager', async () => {
    const { db, repositories, manager, as } = await stationWithPeople();
    const stored = expectOk(await repositories.partsCatalog.create(part, as(manager)));
    const [event] = await db.auditEvents
      .where('[entity+entityId]')
      .equals(['partsCatalog', stored.id])
      .toArray();
    expect(event).toMatchObject({ actor: manager.id, actorRole: 'manager', action: 'create' });
  });

  it('lets a clerk record the condition a parcel arrived in, and no other claim field', async () => {
    const { repositories, claim, clerk, as } = await stationWithPeople();
    expectOk(
      await repositories.claims.update(
        claim.id,
        {
          conditionOnArrival: {
            unopened: true,
            unused: true,
            originalPackaging: true,
            accessoriesReceived: [],
          },
        },
        as(clerk),
      ),
    );
    expect(
      await repositories.claims.update(claim.id, { stepsTried: 'Charged it.' }, as(clerk)),
    ).toMatchObject({ ok: false, error: { code: 'not-permitted', action: 'take-in' } });
  });

  it('judges a claim transition by where it goes: a decision is a technician’s', async () => {
    const { repositories, claim, clerk, technician, as } = await stationWithPeople();
    expect(
      await repositories.claims.transition(claim.id, 'awaiting-authorization', as(clerk)),
    ).toMatchObject({ ok: false, error: { code: 'not-permitted', action: 'decide' } });
    const moved = expectOk(
      await repositories.claims.transition(claim.id, 'awaiting-authorization', as(technician)),
    );
    expect(moved.status).toBe('awaiting-authorization');
  });

  it('refuses a write by someone who is not a person of the station once roles apply', async () => {
    const { repositories, claim } = await stationWithPeople();
    expect(
      await repositories.notes.create(
        {
          claimId: claim.id,
          body: 'Called the customer.',
          author: asTechnician.actor,
          at: new Date(firstWriteMs).toISOString(),
        },
        asTechnician,
      ),
    ).toMatchObject({ ok: false, error: { code: 'unknown-person', action: 'write-note' } });
  });

  it('lets everyone do everything while the station has no manager', async () => {
    const { repositories } = await openTestDatabase();
    const clerk = expectOk(
      await repositories.station.addPerson({
        name: 'Budi',
        roles: ['warehouse-clerk'],
        pin: '2468',
      }),
    );
    expectOk(await repositories.partsCatalog.create(part, { actor: clerk.id }));
  });
});

describe('a manager forcing a transition the workflow refused', () => {
  it('moves the claim, and the audit trail keeps the reason and the manager’s role', async () => {
    const { db, repositories, claim, manager, technician, as } = await stationWithPeople();
    expect(
      await repositories.claims.transition(claim.id, 'resolved', as(technician)),
    ).toMatchObject({ ok: false, error: { code: 'inspection-missing' } });

    const reason = 'Referred to the seller by phone; the customer will not send the device.';
    const forced = expectOk(
      await repositories.claims.overrideTransition(claim.id, 'resolved', reason, as(manager)),
    );

    expect(forced.status).toBe('resolved');
    const events = await db.auditEvents
      .where('[entity+entityId]')
      .equals(['claims', claim.id])
      .sortBy('id');
    expect(events.at(-1)).toMatchObject({
      action: 'transition',
      actor: manager.id,
      actorRole: 'manager',
      reason,
      changes: { status: { from: 'intake', to: 'resolved' } },
    });
  });

  it('refuses a technician, a missing reason, and a jump the workflow has no step for', async () => {
    const { repositories, claim, manager, technician, as } = await stationWithPeople();
    expect(
      await repositories.claims.overrideTransition(
        claim.id,
        'resolved',
        'Referral.',
        as(technician),
      ),
    ).toMatchObject({ ok: false, error: { code: 'not-permitted', action: 'override-transition' } });
    expect(
      await repositories.claims.overrideTransition(claim.id, 'resolved', '  ', as(manager)),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'reason' } });
    expect(
      await repositories.claims.overrideTransition(claim.id, 'closed', 'Done.', as(manager)),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'illegal-transition',
        allowedStatuses: ['awaiting-authorization', 'resolved', 'refused', 'cancelled'],
      },
    });
  });
});

describe('managing people', () => {
  it('lets only a manager at the bench add a person or change their roles', async () => {
    const { repositories, manager, clerk } = await stationWithPeople();
    await sitAtBench(repositories, clerk.id);
    expect(
      await repositories.station.addPerson({ name: 'Rina', roles: ['technician'], pin: '9753' }),
    ).toMatchObject({ ok: false, error: { code: 'not-permitted', action: 'manage-people' } });
    expect(await repositories.station.updatePerson(clerk.id, { roles: ['manager'] })).toMatchObject(
      {
        ok: false,
        error: { code: 'not-permitted' },
      },
    );

    await sitAtBench(repositories, manager.id);
    const promoted = expectOk(
      await repositories.station.updatePerson(clerk.id, { roles: ['warehouse-clerk', 'manager'] }),
    );
    expect(promoted.roles).toEqual(['warehouse-clerk', 'manager']);
  });

  it('keeps at least one active manager', async () => {
    const { repositories, manager } = await stationWithPeople();
    await sitAtBench(repositories, manager.id);
    expect(
      await repositories.station.updatePerson(manager.id, { roles: ['technician'] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'last-manager' },
    });
    expect(await repositories.station.updatePerson(manager.id, { active: false })).toMatchObject({
      ok: false,
      error: { code: 'last-manager' },
    });
  });

  it('stops a deactivated person from signing in or writing, and keeps them on past changes', async () => {
    const { repositories, claim, manager, technician, as } = await stationWithPeople();
    await sitAtBench(repositories, manager.id);
    expectOk(await repositories.station.updatePerson(technician.id, { active: false }));
    expect(await repositories.station.signIn(technician.id, '1357')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(
      await repositories.claims.transition(claim.id, 'awaiting-authorization', as(technician)),
    ).toMatchObject({ ok: false, error: { code: 'unknown-person' } });
    const people = (await repositories.station.get())?.technicians ?? [];
    expect(people.find((person) => person.id === technician.id)?.name).toBe('Agus Wijaya');
  });

  it('refuses a PIN that is not 4 to 6 digits, and a person with no role, naming the field', async () => {
    const { repositories } = await openTestDatabase();
    expect(
      await repositories.station.addPerson({ name: 'Rina', roles: ['technician'], pin: '12' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'pin' } });
    expect(
      await repositories.station.addPerson({ name: 'Rina', roles: [], pin: '1234' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'roles' } });
  });

  it('lets a manager reset a forgotten PIN; the old one stops working', async () => {
    const { repositories, manager, clerk } = await stationWithPeople();
    await sitAtBench(repositories, manager.id);
    expectOk(await repositories.station.resetPin(clerk.id, '8642'));
    expect(expectOk(await repositories.station.signIn(clerk.id, '2468')).kind).toBe('wrong-pin');
    expect(expectOk(await repositories.station.signIn(clerk.id, '8642')).kind).toBe('signed-in');
    expect((await repositories.station.bench()).person?.id).toBe(clerk.id);
  });

  it('sets the idle lock for a manager only, and locks until the PIN is typed', async () => {
    const { repositories, manager, clerk } = await stationWithPeople();
    await sitAtBench(repositories, clerk.id);
    expect(await repositories.station.setIdleLock(15)).toMatchObject({
      ok: false,
      error: { code: 'not-permitted', action: 'edit-settings' },
    });
    await sitAtBench(repositories, manager.id);
    expect(expectOk(await repositories.station.setIdleLock(15)).idleLockMinutes).toBe(15);
    expectOk(await repositories.station.lock());
    expect(await repositories.station.bench()).toMatchObject({ locked: true });
    expectOk(await repositories.station.signIn(manager.id, '4821'));
    expect(await repositories.station.bench()).toMatchObject({ locked: false });
  });
});

describe('signing in with a PIN', () => {
  it('stores PINs as argon2id hashes at the production cost that do not contain the PIN', async () => {
    const { repositories, manager } = await stationWithPeople(pinHashCost);
    const people = (await repositories.station.get())?.technicians ?? [];
    expect(people).toHaveLength(3);
    for (const person of people) {
      expect(argon2idHashSchema.safeParse(person.pinHash).success).toBe(true);
      expect(person.pinHash).toContain('$m=19456,t=2,p=1$');
    }
    // No field keeps a PIN itself (matching the digits anywhere in the JSON would also find them,
    // by chance, inside a random id or a hash's salt).
    const storedStrings = JSON.stringify(people).match(/"[^"]*"/g) ?? [];
    for (const pin of ['4821', '2468', '1357']) expect(storedStrings).not.toContain(`"${pin}"`);
    expect(people.some((person) => 'pin' in person)).toBe(false);
    expect(expectOk(await repositories.station.signIn(manager.id, '4821')).kind).toBe('signed-in');
  });

  it('makes the next try wait after five wrong PINs, longer after each, and forgets on a right one', async () => {
    const db = new FixlineDatabase(freshDatabaseName());
    let nowMs = firstWriteMs;
    const repositories = createRepositories(db, {
      now: () => nowMs,
      pinHashCost: cheapPinHashCost,
    });
    expectOk(
      await repositories.station.setUp({ stationCode: 'JKT1', center: { name: 'Fixline' } }),
    );
    const clerk = expectOk(
      await repositories.station.addPerson({
        name: 'Budi',
        roles: ['warehouse-clerk'],
        pin: '2468',
      }),
    );
    const outcomes = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      outcomes.push(expectOk(await repositories.station.signIn(clerk.id, '0000')));
    }
    expect(outcomes.slice(0, 4)).toEqual(Array(4).fill({ kind: 'wrong-pin', tryAgainAt: 0 }));
    expect(outcomes[4]).toEqual({ kind: 'wrong-pin', tryAgainAt: nowMs + 30_000 });

    // Even the right PIN waits its turn.
    expect(expectOk(await repositories.station.signIn(clerk.id, '2468'))).toEqual({
      kind: 'wait',
      tryAgainAt: nowMs + 30_000,
    });
    nowMs += 30_000;
    expect(expectOk(await repositories.station.signIn(clerk.id, '0000'))).toEqual({
      kind: 'wrong-pin',
      tryAgainAt: nowMs + 60_000,
    });
    nowMs += 60_000;
    expect(expectOk(await repositories.station.signIn(clerk.id, '2468')).kind).toBe('signed-in');
    expect(expectOk(await repositories.station.signIn(clerk.id, '0000'))).toEqual({
      kind: 'wrong-pin',
      tryAgainAt: 0,
    });
  });

  it('lets a PIN stored as SHA-256 before argon2id sign in once, then keeps it as argon2id', async () => {
    const db = new FixlineDatabase(freshDatabaseName());
    const repositories = createRepositories(db, {
      now: steppingClock(),
      pinHashCost: cheapPinHashCost,
    });
    const salt = '0123456789abcdef0123456789abcdef';
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:4821`));
    const legacyHash = Buffer.from(digest).toString('hex');
    const dewi = nextId();
    // A station as the app stored it before roles: no roles, a salted SHA-256 of the PIN.
    expectOk(
      await repositories.station.setUp({
        stationCode: 'JKT1',
        center: { name: 'Fixline' },
        technicians: [{ id: dewi, name: 'Dewi', pinSalt: salt, pinHash: legacyHash }],
      }),
    );
    expect(expectOk(await repositories.station.signIn(dewi, '4822')).kind).toBe('wrong-pin');
    expect(expectOk(await repositories.station.signIn(dewi, '4821')).kind).toBe('signed-in');

    const [stored] = (await repositories.station.get())?.technicians ?? [];
    expect(argon2idHashSchema.safeParse(stored?.pinHash).success).toBe(true);
    expect(stored).not.toHaveProperty('pinSalt');
    expect(expectOk(await repositories.station.signIn(dewi, '4821')).kind).toBe('signed-in');
    // She kept the technician role she had before roles existed; no manager, so nothing is enforced.
    expectOk(await repositories.partsCatalog.create(part, { actor: dewi }));
    // The new hash is her own change of her record, which syncs.
    const changes = (await db.outbox.toArray()).flatMap((entry) => entry.rows);
    const rehashed = changes.find((row) => row.table === 'people' && row.unset.length > 0);
    expect(rehashed).toMatchObject({ id: dewi, unset: ['pinSalt'] });
    expect(await db.people.get(dewi)).toMatchObject({ updatedBy: dewi, station: 'JKT1' });
  });
});

describe('PINs and the audit trail', () => {
  it('records that a person’s PIN was set or changed, never its hash, even in the outbox', async () => {
    const { db, repositories, manager, clerk } = await stationWithPeople();
    await sitAtBench(repositories, manager.id);
    expectOk(await repositories.station.resetPin(clerk.id, '9753'));

    const hashes = (await db.people.toArray()).map((person) => person.pinHash);
    const oldHash = (await db.outbox.toArray())
      .flatMap((entry) => entry.rows)
      .find((row) => row.table === 'people' && row.id === clerk.id)?.set['pinHash'];
    const secrets = [...hashes, oldHash].filter((hash) => typeof hash === 'string');
    expect(secrets.length).toBeGreaterThan(3);
    const events = await db.auditEvents
      .where('[entity+entityId]')
      .anyOf([manager.id, clerk.id].map((id) => ['people', id]))
      .toArray();
    const auditRows = (await db.outbox.toArray())
      .flatMap((entry) => entry.rows)
      .filter((row) => row.table === 'auditEvents');
    for (const written of [JSON.stringify(events), JSON.stringify(auditRows)]) {
      for (const secret of secrets) expect(written).not.toContain(secret);
    }
    const reset = events.filter((event) => event.entityId === clerk.id).at(-1);
    expect(reset).toMatchObject({
      action: 'update',
      changes: { pinHash: { from: secretAuditValue, to: secretAuditValue } },
    });
    const added = events.find((event) => event.entityId === manager.id);
    expect(added?.changes.pinHash).toEqual({ from: null, to: secretAuditValue });
  });
});

describe('people and the center’s settings as synced records', () => {
  it('writes a rename stamped, audited and to the outbox, as the manager at the bench', async () => {
    const { db, repositories, manager, clerk } = await stationWithPeople();
    const before = await db.people.get(clerk.id);

    expectOk(await repositories.station.updatePerson(clerk.id, { name: 'Budi S.' }));

    const after = await db.people.get(clerk.id);
    expect(after).toMatchObject({ name: 'Budi S.', updatedBy: manager.id, station: 'JKT1' });
    expect(after?.stamps.name).not.toBe(before?.stamps.name);
    expect(after?.stamps.roles).toBe(before?.stamps.roles);
    const entry = await db.outbox.orderBy('sequence').last();
    expect(entry?.rows.map((row) => [row.table, row.set['name']])).toEqual([
      ['people', 'Budi S.'],
      ['auditEvents', undefined],
    ]);
    expect(entry?.rows[0]?.base).toEqual({ name: before?.stamps.name });
    expect(
      await db.auditEvents.where('[entity+entityId]').equals(['people', clerk.id]).count(),
    ).toBe(2);
  });

  it('keeps the station’s own settings apart from the center’s, and pushes only the center’s', async () => {
    const { db, repositories, manager } = await stationWithPeople();
    await sitAtBench(repositories, manager.id);
    const outboxBefore = await db.outbox.count();

    expectOk(
      await repositories.station.updateSettings({
        center: { name: 'Fixline Jakarta' },
        holidays: ['2026-05-06'],
        language: 'id',
      }),
    );

    expect(await db.settings.get('station')).toMatchObject({ stationCode: 'JKT1', language: 'id' });
    expect(await db.settings.get('station')).not.toHaveProperty('holidays');
    expect(await db.centerSettings.get(centerSettingsId)).toMatchObject({
      center: { name: 'Fixline Jakarta' },
      holidays: ['2026-05-06'],
      updatedBy: manager.id,
    });
    const entry = await db.outbox.orderBy('sequence').last();
    expect(await db.outbox.count()).toBe(outboxBefore + 1);
    expect(entry?.rows[0]).toMatchObject({
      table: 'centerSettings',
      set: { center: { name: 'Fixline Jakarta' }, holidays: ['2026-05-06'] },
    });
    expect(await repositories.station.get()).toMatchObject({
      stationCode: 'JKT1',
      language: 'id',
      holidays: ['2026-05-06'],
    });
  });
});
