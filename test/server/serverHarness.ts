import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import type { EnrollResponse, Mutation, RowChange } from '#shared/sync/protocol';
import {
  syncApiPrefix,
  syncProtocolHeader,
  syncProtocolVersion,
  syncRoutes,
} from '#shared/sync/protocol';
import type { SyncFetch, SyncHttpAnswer, SyncHttpRequest } from '#shared/sync/syncHttp';
import { blobRequestsOver, type BlobRequests } from '#shared/sync/blobHttp';
import { buildSyncServer, type SyncServerOptions } from '../../server/src/app';
import { createPairingCode } from '../../server/src/identity';
import type { Database, Queryable, Transaction } from '../../server/src/storage/database';
import { migrate } from '../../server/src/storage/migrate';
import { openPgliteDatabase } from '../../server/src/storage/pgliteDatabase';
import { openPostgresDatabase } from '../../server/src/storage/postgresDatabase';
import { nextId } from '../factories/domain';

export type DatabaseKind = Database['kind'];

/** The PostgreSQL the tests may use (.ci/run starts one); without it, only PGlite runs. */
export const testPostgresUrl = process.env.FIXLINE_TEST_DATABASE_URL;

/** The kinds of database the server tests run against here. */
export const testDatabaseKinds: readonly DatabaseKind[] =
  testPostgresUrl === undefined || testPostgresUrl === '' ? ['pglite'] : ['pglite', 'postgres'];

/**
 * A database for one test file: PGlite in memory, or a schema of its own on the test
 * PostgreSQL (files run in parallel), migrated. Dropped by `close`.
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openPgliteDatabase(undefined);
    await migrate(database);
    return database;
  }
  const { url, schema } = await createTestSchema();
  const database = await openPostgresDatabase(url);
  await migrate(database);
  return {
    ...database,
    async close() {
      await database.query(`DROP SCHEMA ${schema} CASCADE`);
      await database.close();
    },
  };
}

/**
 * A schema of its own on the test PostgreSQL, and the URL that works in it (its search path),
 * for a test that hands the database to server processes.
 */
export async function createTestSchema(): Promise<{ url: string; schema: string }> {
  if (testPostgresUrl === undefined || testPostgresUrl === '') {
    throw new Error('FIXLINE_TEST_DATABASE_URL names no PostgreSQL');
  }
  const url = new URL(testPostgresUrl);
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema };
}

/** Empties every table and starts a new space, so each test begins with a new center. */
export async function resetDatabase(database: Database): Promise<void> {
  const tables = await database.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'",
  );
  await database.exec(`TRUNCATE ${tables.map((table) => table.tablename).join(', ')} CASCADE`);
  await database.query('INSERT INTO space (id) VALUES (gen_random_uuid()::text)');
}

/**
 * A database whose statements can fail on demand: `failWhen` sees each statement run in a
 * transaction and throws what it returns (a transient failure, a full disk…).
 */
export function faultyDatabase(
  database: Database,
  failWhen: { current: ((sql: string) => Error | undefined) | undefined },
): Database {
  const wrap = <Q extends Queryable>(queryable: Q): Q => ({
    ...queryable,
    async query(sql: string, params?: readonly unknown[]) {
      const failure = failWhen.current?.(sql);
      if (failure !== undefined) throw failure;
      return queryable.query(sql, params);
    },
  });
  return {
    ...database,
    transaction: (work) =>
      database.transaction((transaction: Transaction) => {
        const wrapped = wrap(transaction);
        return work({ ...wrapped, savepoint: transaction.savepoint });
      }),
  };
}

/** Runs `define` once per database kind available (PGlite always, PostgreSQL when given). */
export function describeEachDatabase(
  name: string,
  define: (context: () => ServerContext, kind: DatabaseKind) => void,
  options: Omit<SyncServerOptions, 'database'> = {},
): void {
  for (const kind of testDatabaseKinds) {
    describe(`${name} (${kind})`, () => {
      let context: ServerContext | undefined;
      let database: Database | undefined;
      const failWhen: { current: ((sql: string) => Error | undefined) | undefined } = {
        current: undefined,
      };
      beforeAll(async () => {
        database = await openTestDatabase(kind);
      }, 180_000);
      beforeEach(async () => {
        if (database === undefined) throw new Error('no database');
        failWhen.current = undefined;
        await context?.app.close();
        await resetDatabase(database);
        const app = await buildSyncServer({
          // FIXLINE_TEST_SERVER_LOG=error shows why a request failed with a 500.
          logger:
            process.env.FIXLINE_TEST_SERVER_LOG === undefined
              ? false
              : { level: process.env.FIXLINE_TEST_SERVER_LOG },
          ...options,
          database: faultyDatabase(database, failWhen),
        });
        context = new ServerContext(app, database, failWhen);
      });
      afterAll(async () => {
        await context?.app.close();
        await database?.close();
      });
      define(() => {
        if (context === undefined) throw new Error('the server is not built yet');
        return context;
      }, kind);
    });
  }
}

export type Answer = { status: number; body: unknown };

/** A server built on a test database, with helpers that speak the protocol. */
export class ServerContext {
  constructor(
    readonly app: FastifyInstance,
    readonly database: Database,
    readonly failWhen: { current: ((sql: string) => Error | undefined) | undefined },
  ) {}

  async request(
    method: 'GET' | 'POST',
    route: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await this.app.inject({
      method,
      url: `${syncApiPrefix}${route}`,
      headers: { [syncProtocolHeader]: String(syncProtocolVersion), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return {
      status: response.statusCode,
      body: response.body === '' ? undefined : response.json(),
    };
  }

  async pairingCode(): Promise<string> {
    return (await createPairingCode(this.database)).code;
  }

  /** Enrolls a station and returns a client that pushes and pulls as it. */
  async enroll(stationCode: string): Promise<Station> {
    const clientId = nextId();
    const answer = await this.request('POST', '/enroll', {
      pairingCode: await this.pairingCode(),
      stationCode,
      clientId,
    });
    if (answer.status !== 200) throw new Error(`enroll failed: ${JSON.stringify(answer.body)}`);
    return new Station(this, stationCode, clientId, answer.body as EnrollResponse);
  }
}

/** One enrolled station: its token, client id and mutation numbers. */
export class Station {
  nextMutation = 1;
  constructor(
    readonly server: ServerContext,
    readonly stationCode: string,
    readonly clientId: string,
    readonly enrolled: EnrollResponse,
  ) {}

  get auth(): Record<string, string> {
    return { authorization: `Bearer ${this.enrolled.deviceToken}` };
  }

  /** A mutation numbered next for this client. */
  mutation(
    changes: RowChange[],
    clock: HybridLogicalClock,
    extra: Partial<Mutation> = {},
  ): Mutation {
    return {
      id: this.nextMutation++,
      mutationId: nextId(),
      at: clock.tick(Date.now()),
      actor: actorId,
      station: this.stationCode,
      changes,
      ...extra,
    };
  }

  push(mutations: Mutation[]): Promise<Answer> {
    return this.server.request('POST', '/push', { clientId: this.clientId, mutations }, this.auth);
  }

  pull(body: Record<string, unknown>): Promise<Answer> {
    return this.server.request('POST', '/pull', { clientId: this.clientId, ...body }, this.auth);
  }
}

export const actorId = '00000000-0000-7000-8000-0000000000aa';

/** A change that sets every field of `record` (a new row), seen from nothing. */
export function insertChange(
  table: RowChange['table'],
  record: { readonly id: string } & Record<string, unknown>,
  stamp: RowChange['stamp'],
): RowChange {
  const set = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
  return {
    table,
    id: record.id,
    set: set as RowChange['set'],
    unset: [],
    stamp,
    base: Object.fromEntries(Object.keys(set).map((field) => [field, null])),
  };
}

/**
 * A station's protocol request answered in-process by `app` (Fastify's inject), as a station's
 * transport would get it over HTTP: what the tests that run real engines against the real server
 * send their requests through.
 */
export async function injectSyncRequest(
  app: FastifyInstance,
  { route, body, deviceToken }: Pick<SyncHttpRequest, 'route' | 'body' | 'deviceToken'>,
): Promise<SyncHttpAnswer> {
  const response = await app.inject({
    method: route === 'hello' ? 'GET' : 'POST',
    url: `${syncApiPrefix}${syncRoutes[route]}`,
    headers: {
      [syncProtocolHeader]: String(syncProtocolVersion),
      ...(deviceToken === undefined ? {} : { authorization: `Bearer ${deviceToken}` }),
    },
    ...(route === 'hello' ? {} : { payload: (body ?? {}) as object }),
  });
  return {
    kind: 'answered',
    status: response.statusCode,
    body: response.body === '' ? undefined : response.json(),
  };
}

/**
 * A {@link SyncFetch} answered in-process by `app` (Fastify's inject): the station's own HTTP
 * code (the blob requests of shared/sync/blobHttp.ts) against the real routes, without a socket.
 */
export function injectSyncFetch(app: FastifyInstance): SyncFetch {
  return ({ url, method, headers, body }) => {
    const { pathname, search } = new URL(url);
    const response = app
      .inject({
        method,
        url: `${pathname}${search}`,
        headers,
        ...(body === undefined
          ? {}
          : { payload: typeof body === 'string' ? body : Buffer.from(body) }),
      })
      .then((answer) => ({
        status: answer.statusCode,
        text: () => Promise.resolve(answer.body),
        textChunks: async function* () {
          yield answer.body;
        },
        bytes: () => Promise.resolve(new Uint8Array(answer.rawPayload)),
        header: (name: string) => {
          const value = answer.headers[name.toLowerCase()];
          return value === undefined ? undefined : String(value);
        },
      }));
    return { response, abort: () => undefined };
  };
}

/** The blob requests of a station, answered in-process by `app`. */
export function injectBlobRequests(app: FastifyInstance): BlobRequests {
  return blobRequestsOver(injectSyncFetch(app));
}
