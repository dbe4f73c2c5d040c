import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import type {
  PullResponse,
  PushResponse,
  RowChange,
  SyncErrorBody,
  SyncRow,
} from '#shared/sync/protocol';
import {
  pullResponseSchema,
  pushResponseSchema,
  syncApiPrefix,
  syncErrorBodySchema,
  syncProtocolHeader,
  syncProtocolVersion,
} from '#shared/sync/protocol';
import { centerSettingsId } from '../../renderer/src/db/records';
import { buildSyncServer } from '../../server/src/app';
import { revokeDevice } from '../../server/src/identity';
import { purgeTombstones } from '../../server/src/sync/purge';
import { makeClaim, makeEvidence, makeNote, nextId } from '../factories/domain';
import type { Answer, ServerContext } from './serverHarness';
import { describeEachDatabase, insertChange } from './serverHarness';

function errorOf(answer: Answer): SyncErrorBody['error'] {
  return syncErrorBodySchema.parse(answer.body).error;
}

function pushed(answer: Answer): PushResponse {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return pushResponseSchema.parse(answer.body);
}

function pulled(answer: Answer): PullResponse {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return pullResponseSchema.parse(answer.body);
}

async function spaceVersion(server: ServerContext): Promise<number> {
  const [space] = await server.database.query<{ version: unknown }>('SELECT version FROM space');
  return Number(space?.version);
}

async function allRows(server: ServerContext, clientId: string, auth: Record<string, string>) {
  const rows: SyncRow[] = [];
  let cursor: PullResponse['cursor'] = null;
  let upTo: number | undefined;
  for (;;) {
    const page = pulled(
      await server.request(
        'POST',
        '/pull',
        { clientId, cursor, ...(upTo === undefined ? {} : { upTo }) },
        auth,
      ),
    );
    rows.push(...page.rows);
    cursor = page.cursor;
    upTo = page.upTo;
    if (page.done) return rows;
  }
}

describeEachDatabase('sync server: enrollment and identity', (server) => {
  it('enrolls a station with a pairing code, and its token opens push and pull', async () => {
    const station = await server().enroll('JKT1');
    expect(station.enrolled.deviceToken.length).toBeGreaterThanOrEqual(32);
    const hello = await server().request('GET', '/hello');
    expect(hello.body).toMatchObject({
      service: 'fixline-sync',
      centerId: station.enrolled.centerId,
    });
    expect(pulled(await station.pull({ cursor: null })).rows).toEqual([]);
    const [stored] = await server().database.query<{ token_hash: string }>(
      'SELECT token_hash FROM enrolled_devices',
    );
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(station.enrolled.deviceToken);
  });

  it('refuses a wrong pairing code and a code already used', async () => {
    const wrong = await server().request('POST', '/enroll', {
      pairingCode: 'AAAA-AAAA',
      stationCode: 'JKT1',
      clientId: nextId(),
    });
    expect(wrong.status).toBe(403);
    expect(errorOf(wrong).code).toBe('pairing-code-invalid');
    const code = await server().pairingCode();
    const first = await server().request('POST', '/enroll', {
      pairingCode: code.toLowerCase(),
      stationCode: 'JKT1',
      clientId: nextId(),
    });
    expect(first.status).toBe(200);
    const again = await server().request('POST', '/enroll', {
      pairingCode: code,
      stationCode: 'JKT2',
      clientId: nextId(),
    });
    expect(errorOf(again).code).toBe('pairing-code-invalid');
  });

  it('refuses a station code an active station holds, and frees it when that one is revoked', async () => {
    const first = await server().enroll('JKT1');
    const taken = await server().request('POST', '/enroll', {
      pairingCode: await server().pairingCode(),
      stationCode: 'JKT1',
      clientId: nextId(),
    });
    expect(taken.status).toBe(409);
    expect(errorOf(taken)).toMatchObject({ code: 'station-code-taken' });
    await revokeDevice(server().database, first.enrolled.deviceId);
    const again = await server().enroll('JKT1');
    expect(again.enrolled.deviceId).not.toBe(first.enrolled.deviceId);
  });

  it('refuses an unknown token (401) and a revoked one (403)', async () => {
    const station = await server().enroll('JKT1');
    const unknown = await server().request(
      'POST',
      '/pull',
      { clientId: station.clientId, cursor: null },
      { authorization: 'Bearer not-a-token' },
    );
    expect(unknown.status).toBe(401);
    expect(errorOf(unknown).code).toBe('device-unknown');
    // Who asks is checked before what they sent: a stranger learns nothing from the body's check.
    const strangerWithGarbage = await server().request(
      'POST',
      '/push',
      { mutations: 'garbage' },
      { authorization: 'Bearer not-a-token' },
    );
    expect(strangerWithGarbage.status).toBe(401);
    const left = await server().request('POST', '/leave', {}, station.auth);
    expect(left.status).toBe(204);
    const revoked = await station.pull({ cursor: null });
    expect(revoked.status).toBe(403);
    expect(errorOf(revoked).code).toBe('device-revoked');
  });

  it('refuses a client id that belongs to another station', async () => {
    const first = await server().enroll('JKT1');
    const second = await server().enroll('JKT2');
    const answer = await server().request(
      'POST',
      '/pull',
      { clientId: first.clientId, cursor: null },
      second.auth,
    );
    expect(answer.status).toBe(403);
    expect(errorOf(answer).code).toBe('client-mismatch');
  });

  it('answers 426 with its protocol to a station that speaks another or none', async () => {
    const station = await server().enroll('JKT1');
    for (const sent of ['2', undefined]) {
      const answer = await server().app.inject({
        method: 'POST',
        url: '/sync/v1/pull',
        headers: {
          ...station.auth,
          ...(sent === undefined ? {} : { 'fixline-sync-protocol': sent }),
        },
        payload: { clientId: station.clientId, cursor: null },
      });
      expect(answer.statusCode).toBe(426);
      const error = syncErrorBodySchema.parse(answer.json()).error;
      expect(error).toMatchObject({ code: 'protocol-mismatch', details: { serverProtocol: 1 } });
      if (sent === '2') expect(error.message).toContain('update the server');
    }
  });
});

describeEachDatabase(
  'sync server: pairing attempts',
  (server) => {
    it('limits enrollment attempts from one address (429)', async () => {
      const attempt = () =>
        server().request('POST', '/enroll', {
          pairingCode: 'WRNG-CODE',
          stationCode: 'JKT1',
          clientId: nextId(),
        });
      for (let index = 0; index < 3; index += 1) expect((await attempt()).status).toBe(403);
      const limited = await attempt();
      expect(limited.status).toBe(429);
      expect(errorOf(limited).code).toBe('pairing-rate-limited');
    });

    it('counts the attempts once for every server process on the database', async () => {
      // A second process: its own Fastify, its own memory, the same database.
      const other = await buildSyncServer({
        database: server().database,
        pairingAttemptsPerMinute: 3,
      });
      try {
        const attempt = async (app: FastifyInstance) =>
          (
            await app.inject({
              method: 'POST',
              url: `${syncApiPrefix}/enroll`,
              headers: { [syncProtocolHeader]: String(syncProtocolVersion) },
              payload: { pairingCode: 'WRNG-CODE', stationCode: 'JKT1', clientId: nextId() },
            })
          ).statusCode;
        const statuses = [];
        for (const app of [server().app, other, server().app, other]) {
          statuses.push(await attempt(app));
        }
        expect(statuses).toEqual([403, 403, 403, 429]);
      } finally {
        await other.close();
      }
    });
  },
  { pairingAttemptsPerMinute: 3 },
);

describeEachDatabase('sync server: push', (server) => {
  const clockOf = (node: string) => new HybridLogicalClock(node);

  it('applies a mutation once: a repeated push is answered with the first outcome', async () => {
    const station = await server().enroll('JKT1');
    const clock = clockOf('JKT1');
    const note = makeNote();
    const mutation = station.mutation([insertChange('notes', note, clock.tick(Date.now()))], clock);
    const first = pushed(await station.push([mutation]));
    expect(first).toMatchObject({ lastMutationId: 1, outcomes: [{ id: 1, status: 'applied' }] });
    const version = await spaceVersion(server());
    const again = pushed(await station.push([mutation]));
    expect(again.outcomes).toEqual([{ id: 1, status: 'applied' }]);
    expect(await spaceVersion(server())).toBe(version);
    const rows = await allRows(server(), station.clientId, station.auth);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ table: 'notes', id: note.id, values: note, station: 'JKT1' });
  });

  it('stops at a gap and applies nothing', async () => {
    const station = await server().enroll('JKT1');
    const clock = clockOf('JKT1');
    const note = makeNote();
    station.nextMutation = 3;
    const gap = await station.push([
      station.mutation([insertChange('notes', note, clock.tick(Date.now()))], clock),
    ]);
    expect(gap.status).toBe(409);
    expect(errorOf(gap)).toMatchObject({ code: 'mutation-gap', details: { expectedId: 1 } });
    expect(await spaceVersion(server())).toBe(0);
  });

  it('records a refused mutation, goes on with the batch, and answers the refusal again', async () => {
    const station = await server().enroll('JKT1');
    const clock = clockOf('JKT1');
    const bad = station.mutation(
      [insertChange('notes', { ...makeNote(), body: '' }, clock.tick(Date.now()))],
      clock,
    );
    const unknownField = station.mutation(
      [insertChange('notes', { ...makeNote(), colour: 'red' }, clock.tick(Date.now()))],
      clock,
    );
    const good = station.mutation(
      [insertChange('notes', makeNote(), clock.tick(Date.now()))],
      clock,
    );
    const answer = pushed(await station.push([bad, unknownField, good]));
    expect(answer.lastMutationId).toBe(3);
    expect(answer.outcomes.map((outcome) => outcome.status)).toEqual([
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(answer.outcomes[0]).toMatchObject({ rejection: { code: 'invalid-row', field: 'body' } });
    expect(answer.outcomes[1]).toMatchObject({
      rejection: { code: 'unknown-field', field: 'colour' },
    });
    const again = pushed(await station.push([bad, unknownField, good]));
    expect(again.outcomes).toEqual(answer.outcomes);
  });

  it('re-stamps the server’s value of a refused edit, so the station takes it back', async () => {
    const station = await server().enroll('JKT1');
    const clock = clockOf('JKT1');
    const note = makeNote();
    const created = clock.tick(Date.now());
    pushed(await station.push([station.mutation([insertChange('notes', note, created)], clock)]));
    const editStamp = clock.tick(Date.now());
    const refused = pushed(
      await station.push([
        station.mutation(
          [
            {
              table: 'notes',
              id: note.id,
              set: { body: '' },
              unset: [],
              stamp: editStamp,
              base: { body: created },
            },
          ],
          clock,
        ),
      ]),
    );
    expect(refused.outcomes[0]?.status).toBe('rejected');
    const [row] = await allRows(server(), station.clientId, station.auth);
    expect(row?.values.body).toBe(note.body);
    expect(row?.station).toBe('SERVER');
    expect((row?.stamps.body ?? '') > editStamp).toBe(true);
    expect(row?.stamps.body).toMatch(/-SERVER$/);
  });

  it('turns a refused new row into a tombstone, so the station that made it drops it', async () => {
    const station = await server().enroll('JKT1');
    const clock = clockOf('JKT1');
    const note = { ...makeNote(), body: '' };
    const answer = pushed(
      await station.push([
        station.mutation([insertChange('notes', note, clock.tick(Date.now()))], clock),
      ]),
    );
    expect(answer.outcomes[0]?.status).toBe('rejected');
    const [row] = await allRows(server(), station.clientId, station.auth);
    expect(row?.values).toMatchObject({ id: note.id, deletedAt: expect.any(String) });
    expect(row?.values.body).toBeUndefined();
    expect(Object.keys(row?.stamps ?? {})).toEqual(expect.arrayContaining(['body', 'deletedAt']));
  });

  it('stops the batch at a transient failure, keeps what was done, and goes on when retried', async () => {
    const station = await server().enroll('JKT1');
    const clock = clockOf('JKT1');
    const notes = [makeNote(), makeNote(), makeNote()];
    const mutations = notes.map((note) =>
      station.mutation([insertChange('notes', note, clock.tick(Date.now()))], clock),
    );
    let inserts = 0;
    server().failWhen.current = (sql) => {
      if (!sql.startsWith('INSERT INTO notes')) return undefined;
      inserts += 1;
      return inserts === 2
        ? Object.assign(new Error('connection reset'), { code: 'ECONNRESET' })
        : undefined;
    };
    const first = pushed(await station.push(mutations));
    expect(first.lastMutationId).toBe(1);
    expect(first.outcomes).toEqual([{ id: 1, status: 'applied' }]);
    server().failWhen.current = undefined;
    const retried = pushed(await station.push(mutations));
    expect(retried.lastMutationId).toBe(3);
    expect(retried.outcomes.map((outcome) => outcome.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    expect(await allRows(server(), station.clientId, station.auth)).toHaveLength(3);
  });

  it('answers 507 on a full disk and keeps nothing of the push', async () => {
    const station = await server().enroll('JKT1');
    const clock = clockOf('JKT1');
    const mutations = [makeNote(), makeNote()].map((note) =>
      station.mutation([insertChange('notes', note, clock.tick(Date.now()))], clock),
    );
    let inserts = 0;
    server().failWhen.current = (sql) => {
      if (!sql.startsWith('INSERT INTO notes')) return undefined;
      inserts += 1;
      return inserts === 2
        ? Object.assign(new Error('could not extend file: No space left on device'), {
            code: '53100',
          })
        : undefined;
    };
    const answer = await station.push(mutations);
    expect(answer.status).toBe(507);
    expect(errorOf(answer).code).toBe('storage-full');
    server().failWhen.current = undefined;
    expect(await spaceVersion(server())).toBe(0);
    expect(pulled(await station.pull({ cursor: null })).lastMutationId).toBe(0);
  });

  it('keeps the later of two concurrent edits and records the other as a conflict', async () => {
    const first = await server().enroll('JKT1');
    const second = await server().enroll('BDG1');
    const firstClock = clockOf('JKT1');
    const secondClock = clockOf('BDG1');
    const claim = makeClaim();
    const note = makeNote({ claimId: claim.id });
    const created = firstClock.tick(Date.now());
    pushed(await first.push([first.mutation([insertChange('notes', note, created)], firstClock)]));
    const edit = (stamp: Hlc, body: string) => ({
      table: 'notes' as const,
      id: note.id,
      set: { body },
      unset: [],
      stamp,
      base: { body: created },
    });
    const earlier = firstClock.tick(Date.now());
    const later = secondClock.tick(Date.now() + 1000);
    pushed(await second.push([second.mutation([edit(later, 'Second bench')], secondClock)]));
    pushed(await first.push([first.mutation([edit(earlier, 'First bench')], firstClock)]));
    const rows = await allRows(server(), first.clientId, first.auth);
    expect(rows.find((row) => row.table === 'notes')?.values.body).toBe('Second bench');
    const conflicts = rows.filter((row) => row.table === 'conflicts');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.values).toMatchObject({
      table: 'notes',
      rowId: note.id,
      claimId: claim.id,
      field: 'body',
      winnerStamp: later,
      loserStamp: earlier,
      loserValue: 'First bench',
      loserStation: 'JKT1',
    });
    expect(conflicts[0]?.station).toBe('SERVER');
  });

  it('checks a status change against the claim the server holds', async () => {
    const station = await server().enroll('JKT1');
    const clock = clockOf('JKT1');
    const claim = makeClaim({ status: 'intake' });
    const created = clock.tick(Date.now());
    pushed(await station.push([station.mutation([insertChange('claims', claim, created)], clock)]));
    const move = (to: 'closed' | 'awaiting-authorization') => {
      const stamp = clock.tick(Date.now());
      return station.mutation(
        [
          {
            table: 'claims',
            id: claim.id,
            set: { status: to },
            unset: [],
            stamp,
            base: { status: created },
          },
        ],
        clock,
        { intent: { kind: 'transition', claimId: claim.id, from: 'intake', to } },
      );
    };
    const answer = pushed(await station.push([move('awaiting-authorization'), move('closed')]));
    expect(answer.outcomes[0]).toEqual({ id: 2, status: 'applied' });
    expect(answer.outcomes[1]).toMatchObject({
      status: 'rejected',
      rejection: { code: 'transition-not-allowed', id: claim.id },
    });
    const rows = await allRows(server(), station.clientId, station.auth);
    expect(rows.find((row) => row.id === claim.id)?.values.status).toBe('awaiting-authorization');
  });

  it('writes an insert-only row once: the same values again change nothing, other values are refused', async () => {
    const station = await server().enroll('JKT1');
    const clock = clockOf('JKT1');
    const evidence = makeEvidence();
    const insert = (record: typeof evidence) =>
      station.mutation([insertChange('evidence', record, clock.tick(Date.now()))], clock);
    pushed(await station.push([insert(evidence)]));
    const version = await spaceVersion(server());
    const same = pushed(await station.push([insert(evidence)]));
    expect(same.outcomes[0]?.status).toBe('applied');
    expect(await spaceVersion(server())).toBe(version);
    const other = pushed(await station.push([insert({ ...evidence, fileName: 'back.jpg' })]));
    expect(other.outcomes[0]).toMatchObject({ rejection: { code: 'insert-only' } });
    const rows = await allRows(server(), station.clientId, station.auth);
    expect(rows.find((row) => row.table === 'evidence')?.values.fileName).toBe('front.jpg');
  });

  it('refuses a station’s write to the conflicts table', async () => {
    const station = await server().enroll('JKT1');
    const clock = clockOf('JKT1');
    const answer = pushed(
      await station.push([
        station.mutation(
          [insertChange('conflicts', { id: nextId() }, clock.tick(Date.now()))],
          clock,
        ),
      ]),
    );
    expect(answer.outcomes[0]).toMatchObject({ rejection: { code: 'server-only-table' } });
  });
});

describeEachDatabase('sync server: pull', (server) => {
  it('pages rows by (version, table, id) up to the version the first page pinned', async () => {
    const station = await server().enroll('JKT1');
    const clock = new HybridLogicalClock('JKT1');
    const notes = Array.from({ length: 5 }, () => makeNote());
    pushed(
      await station.push(
        notes.map((note) =>
          station.mutation([insertChange('notes', note, clock.tick(Date.now()))], clock),
        ),
      ),
    );
    const first = pulled(await station.pull({ cursor: null, limit: 2 }));
    expect(first).toMatchObject({ upTo: 5, done: false, remaining: 3, lastMutationId: 5 });
    expect(first.rows.map((row) => row.version)).toEqual([1, 2]);
    // A change after the first page waits for the next pull.
    pushed(
      await station.push([
        station.mutation([insertChange('notes', makeNote(), clock.tick(Date.now()))], clock),
      ]),
    );
    const second = pulled(await station.pull({ cursor: first.cursor, upTo: first.upTo, limit: 2 }));
    expect(second.rows.map((row) => row.version)).toEqual([3, 4]);
    // Counted with the first page only: the station counts down from it.
    expect(second).not.toHaveProperty('remaining');
    const third = pulled(await station.pull({ cursor: second.cursor, upTo: first.upTo, limit: 2 }));
    expect(third).toMatchObject({ done: true, remaining: 0 });
    expect(third.rows.map((row) => row.version)).toEqual([5]);
    const next = pulled(await station.pull({ cursor: third.cursor }));
    expect(next.rows.map((row) => row.version)).toEqual([6]);
    expect(next.upTo).toBe(6);
  });

  it('sends a station below the tombstone horizon back to the start (410)', async () => {
    const station = await server().enroll('JKT1');
    const clock = new HybridLogicalClock('JKT1');
    const notes = [makeNote(), makeNote()];
    pushed(
      await station.push(
        notes.map((note) =>
          station.mutation([insertChange('notes', note, clock.tick(Date.now()))], clock),
        ),
      ),
    );
    const start = pulled(await station.pull({ cursor: null, limit: 1 }));
    const deletedAt = '2020-01-01T00:00:00.000Z';
    pushed(
      await station.push([
        station.mutation(
          [
            {
              table: 'notes',
              id: notes[1]?.id ?? '',
              set: { deletedAt },
              unset: [],
              stamp: clock.tick(Date.now()),
              base: { deletedAt: null },
            },
          ],
          clock,
        ),
      ]),
    );
    const purge = await purgeTombstones(server().database, new Date('2021-01-01T00:00:00Z'));
    expect(purge).toEqual({ purged: 1, horizon: 3 });
    const below = await station.pull({ cursor: start.cursor });
    expect(below.status).toBe(410);
    expect(errorOf(below).code).toBe('cursor-below-horizon');
    const again = await allRows(server(), station.clientId, station.auth);
    expect(again.map((row) => row.id)).toEqual([notes[0]?.id]);
  });
});

describeEachDatabase(
  'sync server: bad requests',
  (server) => {
    it('answers garbage, wrong shapes and oversized bodies with a 4xx and its code, changing nothing', async () => {
      const station = await server().enroll('JKT1');
      const garbage = await server().app.inject({
        method: 'POST',
        url: '/sync/v1/push',
        headers: {
          ...station.auth,
          'fixline-sync-protocol': '1',
          'content-type': 'application/json',
        },
        payload: '{"clientId": ',
      });
      expect(garbage.statusCode).toBe(400);
      expect(syncErrorBodySchema.parse(garbage.json()).error.code).toBe('invalid-request');
      const wrongShape = await station.push([{ id: 'one' } as never]);
      expect(wrongShape.status).toBe(400);
      expect(errorOf(wrongShape).message).toContain('mutations');
      const oversized = await station.push([
        {
          ...station.mutation(
            [
              insertChange(
                'notes',
                { ...makeNote(), body: 'x'.repeat(70_000) },
                '000000000001-0000-JKT1' as Hlc,
              ),
            ],
            new HybridLogicalClock('JKT1'),
          ),
        },
      ]);
      expect(oversized.status).toBe(413);
      expect(errorOf(oversized).code).toBe('payload-too-large');
      const unknownRoute = await server().request('GET', '/nothing', undefined, station.auth);
      expect(unknownRoute.status).toBe(404);
      expect(errorOf(unknownRoute).code).toBe('invalid-request');
      expect(await spaceVersion(server())).toBe(0);
    });
  },
  { bodyLimitBytes: 64 * 1024 },
);

describeEachDatabase('sync server: who made a change', (server) => {
  const pinHash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g';
  const person = (id: string) => ({ id, name: 'Dewi Lestari', roles: ['technician'], pinHash });

  it('refuses a change by someone who is not a person of the center, once it has people', async () => {
    const station = await server().enroll('JKT1');
    const clock = new HybridLogicalClock('JKT1');
    const dewi = nextId();
    const stranger = nextId();
    const note = (actor: string) =>
      station.mutation([insertChange('notes', makeNote(), clock.tick(Date.now()))], clock, {
        actor,
      });
    // A center with no people yet takes every change (a center just set up).
    const before = pushed(await station.push([note(stranger)]));
    expect(before.outcomes).toEqual([{ id: 1, status: 'applied' }]);
    // The station's first person comes in a mutation they make themselves.
    const setUp = station.mutation(
      [insertChange('people', person(dewi), clock.tick(Date.now()))],
      clock,
      { actor: dewi },
    );
    const answer = pushed(await station.push([setUp, note(dewi), note(stranger)]));
    expect(answer.outcomes.map((outcome) => outcome.status)).toEqual([
      'applied',
      'applied',
      'rejected',
    ]);
    expect(answer.outcomes[2]).toMatchObject({
      rejection: { code: 'unknown-author', field: 'actor' },
    });
  });

  it('takes only the center’s settings and people from a station nobody has signed in at', async () => {
    const station = await server().enroll('JKT1');
    const clock = new HybridLogicalClock('JKT1');
    const dewi = nextId();
    pushed(
      await station.push([
        station.mutation([insertChange('people', person(dewi), clock.tick(Date.now()))], clock, {
          actor: dewi,
        }),
      ]),
    );
    const nobody = '00000000-0000-7000-8000-000000000000';
    const answer = pushed(
      await station.push([
        station.mutation(
          [insertChange('people', person(nextId()), clock.tick(Date.now()))],
          clock,
          { actor: nobody },
        ),
        station.mutation([insertChange('notes', makeNote(), clock.tick(Date.now()))], clock, {
          actor: nobody,
        }),
      ]),
    );
    expect(answer.outcomes.map((outcome) => outcome.status)).toEqual(['applied', 'rejected']);
    expect(answer.outcomes[1]).toMatchObject({ rejection: { code: 'unknown-author' } });
  });

  /** A center set up by Dewi (a technician), and a station that writes as anyone. */
  async function setUpCenter() {
    const station = await server().enroll('JKT1');
    const clock = new HybridLogicalClock('JKT1');
    const dewi = nextId();
    pushed(
      await station.push([
        station.mutation([insertChange('people', person(dewi), clock.tick(Date.now()))], clock, {
          actor: dewi,
        }),
      ]),
    );
    const note = (actor: string) =>
      station.mutation([insertChange('notes', makeNote(), clock.tick(Date.now()))], clock, {
        actor,
      });
    /** A change to Dewi's row by `actor` that sets `set`, on fields Dewi was made without. */
    const changeDewi = (set: Record<string, unknown>, actor = dewi) =>
      station.mutation(
        [
          {
            table: 'people' as const,
            id: dewi,
            set: set as RowChange['set'],
            unset: [],
            stamp: clock.tick(Date.now()),
            base: Object.fromEntries(Object.keys(set).map((field) => [field, null])),
          },
        ],
        clock,
        { actor },
      );
    return { station, clock, dewi, note, changeDewi };
  }

  const rejectionOf = (answer: PushResponse, index: number) => {
    const outcome = answer.outcomes[index];
    return outcome?.status === 'rejected' ? outcome.rejection : undefined;
  };

  it('refuses a change by a person deactivated, even later in the same push', async () => {
    const { station, note, changeDewi, dewi } = await setUpCenter();
    const answer = pushed(
      await station.push([note(dewi), changeDewi({ active: false }), note(dewi)]),
    );
    expect(answer.outcomes.map((outcome) => outcome.status)).toEqual([
      'applied',
      'applied',
      'rejected',
    ]);
    expect(rejectionOf(answer, 2)).toMatchObject({ code: 'unknown-author', field: 'actor' });
    expect(rejectionOf(answer, 2)?.message).toContain('deactivated');
  });

  it('refuses a change by a person deleted from the center', async () => {
    const { station, note, changeDewi, dewi } = await setUpCenter();
    const deleted = pushed(
      await station.push([changeDewi({ deletedAt: new Date().toISOString() }, nobody)]),
    );
    expect(deleted.outcomes[0]?.status).toBe('applied');
    const answer = pushed(await station.push([note(dewi)]));
    expect(rejectionOf(answer, 0)).toMatchObject({ code: 'unknown-author' });
    expect(rejectionOf(answer, 0)?.message).toContain('deleted');
  });

  it('refuses a change by a person holding no role the server knows, and takes one stored before roles', async () => {
    const { station, note, dewi } = await setUpCenter();
    // As a station of a newer version with another role would have stored them.
    await server().database.query(`UPDATE people SET roles = '["auditor"]'::jsonb WHERE id = $1`, [
      dewi,
    ]);
    const refused = pushed(await station.push([note(dewi)]));
    expect(rejectionOf(refused, 0)).toMatchObject({ code: 'unknown-author' });
    expect(rejectionOf(refused, 0)?.message).toContain('role');
    // People stored before roles existed were technicians.
    await server().database.query('UPDATE people SET roles = NULL WHERE id = $1', [dewi]);
    expect(pushed(await station.push([note(dewi)])).outcomes[0]?.status).toBe('applied');
  });

  it('takes a second station’s own setup, by its first person, into a center that has people', async () => {
    const { station: jakarta, dewi, note } = await setUpCenter();
    const bandung = await server().enroll('BDG2');
    const clock = new HybridLogicalClock('BDG2');
    const agus = nextId();
    const setUp = bandung.mutation(
      [
        insertChange(
          'centerSettings',
          { id: centerSettingsId, center: { name: 'Fixline Bandung' } },
          clock.tick(Date.now()),
        ),
        insertChange('people', { ...person(agus), roles: ['manager'] }, clock.tick(Date.now())),
      ],
      clock,
      { actor: agus },
    );
    expect(setUp.id).toBe(1);
    const work = bandung.mutation(
      [insertChange('notes', makeNote(), clock.tick(Date.now()))],
      clock,
      { actor: agus },
    );
    const answer = pushed(await bandung.push([setUp, work]));
    expect(answer.outcomes.map((outcome) => outcome.status)).toEqual(['applied', 'applied']);
    // Jakarta's people stay: Dewi still makes changes.
    expect(pushed(await jakarta.push([note(dewi)])).outcomes[0]?.status).toBe('applied');
  });
});

const nobody = '00000000-0000-7000-8000-000000000000';
