/**
 * How long the server takes to apply one push of 500 mutations (each a new note and its audit
 * event, as a station's outbox holds them), on PGlite in memory and, when DATABASE_URL is set,
 * on PostgreSQL. `npx tsx server/scripts/pushTiming.ts`; prints a table and a last-line JSON.
 */
import { randomUUID } from 'node:crypto';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import type { Mutation, RowChange } from '#shared/sync/protocol';
import {
  maxPushMutations,
  pushResponseSchema,
  syncProtocolHeader,
  syncProtocolVersion,
} from '#shared/sync/protocol';
import { buildSyncServer } from '../src/app';
import { createPairingCode } from '../src/identity';
import type { Database } from '../src/storage/database';
import { migrate } from '../src/storage/migrate';
import { openPgliteDatabase } from '../src/storage/pgliteDatabase';
import { openPostgresDatabase } from '../src/storage/postgresDatabase';

function outbox(station: string, actor: string, count: number): Mutation[] {
  const clock = new HybridLogicalClock(station);
  return Array.from({ length: count }, (_, index) => {
    const stamp = clock.tick(Date.now());
    const note = {
      id: randomUUID(),
      claimId: randomUUID(),
      body: `Customer called about the repair (${index}).`,
      author: actor,
      at: new Date().toISOString(),
    };
    const audit = {
      id: randomUUID(),
      entity: 'notes',
      entityId: note.id,
      action: 'create',
      changes: { body: { from: null, to: note.body } },
      actor,
      station,
      at: note.at,
    };
    const insert = (table: 'notes' | 'auditEvents', record: RowChange['set']): RowChange => ({
      table,
      id: String(record.id),
      set: record,
      unset: [],
      stamp,
      base: Object.fromEntries(Object.keys(record).map((field) => [field, null])),
    });
    return {
      id: index + 1,
      mutationId: randomUUID(),
      at: stamp,
      actor,
      station,
      changes: [insert('notes', note), insert('auditEvents', audit)],
    };
  });
}

/** Milliseconds the server took to answer one push of {@link maxPushMutations} mutations. */
export async function timePush(database: Database): Promise<number> {
  await migrate(database);
  const app = await buildSyncServer({ database });
  try {
    const headers = { [syncProtocolHeader]: String(syncProtocolVersion) };
    const clientId = randomUUID();
    const enrolled = await app.inject({
      method: 'POST',
      url: '/sync/v1/enroll',
      headers,
      payload: {
        pairingCode: (await createPairingCode(database)).code,
        stationCode: `T${Date.now().toString(36).slice(-6).toUpperCase()}`,
        clientId,
      },
    });
    const token = (enrolled.json() as { deviceToken: string }).deviceToken;
    const payload = JSON.stringify({
      clientId,
      mutations: outbox('JKT1', randomUUID(), maxPushMutations),
    });
    const started = performance.now();
    const answer = await app.inject({
      method: 'POST',
      url: '/sync/v1/push',
      headers: { ...headers, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload,
    });
    const elapsedMs = performance.now() - started;
    if (answer.statusCode !== 200) throw new Error(`push failed: ${answer.body}`);
    const refused = pushResponseSchema
      .parse(answer.json())
      .outcomes.find((outcome) => outcome.status === 'rejected');
    if (refused !== undefined)
      throw new Error(`a mutation was refused: ${JSON.stringify(refused)}`);
    return elapsedMs;
  } finally {
    await app.close();
  }
}

const pglite = await openPgliteDatabase(undefined);
const pgliteMs = await timePush(pglite).finally(() => pglite.close());
const url = process.env.DATABASE_URL;
const postgres = url === undefined || url === '' ? undefined : await openPostgresDatabase(url);
const postgresMs =
  postgres === undefined ? null : await timePush(postgres).finally(() => postgres.close());
console.log(`push of ${maxPushMutations} mutations (a note and its audit event each)`);
console.log(`  PGlite (in memory)  ${Math.round(pgliteMs)} ms`);
console.log(
  `  PostgreSQL          ${postgresMs === null ? 'not run (set DATABASE_URL)' : `${Math.round(postgresMs)} ms`}`,
);
console.log(
  JSON.stringify({
    push500: {
      pgliteMs: Math.round(pgliteMs),
      postgresMs: postgresMs === null ? null : Math.round(postgresMs),
    },
  }),
);
