import { execFileSync, spawn } from 'node:child_process';
import { chownSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { formatRmaNumber } from '#shared/domain/claim';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import { encodeHlc } from '#shared/sync/hybridLogicalClock';
import type { SyncTable } from '#shared/sync/protocol';
import { validateSyncRow } from '#shared/sync/rowSchemas';
import { buildSyncServer } from '../../server/src/app';
import { createPairingCode, readSpace } from '../../server/src/identity';
import type { Database } from '../../server/src/storage/database';
import { migrate } from '../../server/src/storage/migrate';
import { openPgliteDatabase } from '../../server/src/storage/pgliteDatabase';
import { openPostgresDatabase } from '../../server/src/storage/postgresDatabase';
import { syncTableColumns } from '../../server/src/storage/syncColumns';

/**
 * The sync benchmark's server: the real one (server/src/app.ts) in this process, listening on
 * 127.0.0.1 over real HTTP and serving the production web build, so the stations in Chromium are
 * same-origin with it as a browser station is. It times every request it answers (Fastify's own
 * `elapsedTime`, from the request's arrival to the reply sent) by route.
 */
export type BenchSyncServer = {
  readonly url: string;
  readonly database: Database;
  readonly app: FastifyInstance;
  /** Server time of each answered request of `route` (`pull`, `push`…), in ms, in order. */
  readonly times: (route: string) => readonly number[];
  /** When the first request of `route` arrived (Date.now()), undefined before one did. */
  readonly firstArrival: (route: string) => number | undefined;
  readonly resetTimes: () => void;
  readonly pairingCode: () => Promise<string>;
  readonly close: () => Promise<void>;
};

export async function startBenchSyncServer(options: {
  readonly database: Database;
  readonly webRoot?: string;
  /** The folder for attachments' bytes; without it, no blob routes. */
  readonly blobRoot?: string;
}): Promise<BenchSyncServer> {
  const { database } = options;
  await migrate(database);
  const app = await buildSyncServer({
    database,
    ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }),
    ...(options.blobRoot === undefined ? {} : { blobRoot: options.blobRoot }),
    // Every station of the benchmark pairs from 127.0.0.1.
    pairingAttemptsPerMinute: 1_000,
  });
  const times = new Map<string, number[]>();
  const arrivals = new Map<string, number>();
  const routeOf = (url: string) => /\/sync\/v1\/([a-z]+)/.exec(url)?.[1];
  app.addHook('onRequest', async (request) => {
    const route = routeOf(request.url);
    if (route !== undefined && !arrivals.has(route)) arrivals.set(route, Date.now());
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = routeOf(request.url);
    if (route === undefined) return;
    const list = times.get(route) ?? [];
    list.push(reply.elapsedTime);
    times.set(route, list);
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    database,
    app,
    times: (route) => times.get(route) ?? [],
    firstArrival: (route) => arrivals.get(route),
    resetTimes: () => {
      times.clear();
      arrivals.clear();
    },
    pairingCode: async () => (await createPairingCode(database)).code,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * `npm run server` as a center runs it, in a process of its own on the PostgreSQL at
 * `databaseUrl` (migrated already), serving the web build at `webRoot`, on a free port of
 * 127.0.0.1; stopped by its process id. A second server process of the scale-out path.
 */
export async function startServerProcess(
  databaseUrl: string,
  webRoot: string,
): Promise<{ readonly url: string; readonly stop: () => Promise<void> }> {
  const child = spawn(
    'npx',
    [
      'tsx',
      'server/src/main.ts',
      ...['--database-url', databaseUrl, '--host', '127.0.0.1', '--port', '0'],
      ...['--web-root', webRoot],
    ],
    {
      cwd: join(import.meta.dirname, '../..'),
      detached: true,
      env: { ...process.env, FIXLINE_SERVER_LOG: 'warn' },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await closed;
  };
  const startedMs = Date.now();
  for (;;) {
    const url = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    if (url !== undefined) return { url, stop };
    if (Date.now() - startedMs > 120_000 || child.exitCode !== null) {
      await stop();
      throw new Error(`the second server process did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** An embedded PGlite server database in a folder of its own (removed by the result's `remove`). */
export async function openBenchPglite(): Promise<{
  database: Database;
  remove: () => Promise<void>;
}> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fixline-bench-pglite-'));
  return {
    database: await openPgliteDatabase(dataDir),
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL database for the push benchmark: FIXLINE_TEST_DATABASE_URL when set (its tables
 * are dropped first, as the server tests do), else a private cluster started the way
 * .ci/start-postgres.sh starts one (initdb, trust on 127.0.0.1, fsync off). Undefined, with the
 * reason, when neither is possible.
 */
export async function openBenchPostgres(): Promise<
  | {
      readonly database: Database;
      /** Where it is, for another server process on the same database. */
      readonly url: string;
      readonly how: string;
      readonly stop: () => Promise<void>;
    }
  | { readonly database?: undefined; readonly reason: string }
> {
  const given = process.env['FIXLINE_TEST_DATABASE_URL'];
  if (given !== undefined && given !== '') {
    const database = await openPostgresDatabase(given);
    await database.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    return { database, url: given, how: 'FIXLINE_TEST_DATABASE_URL', stop: () => database.close() };
  }
  let bin: string;
  try {
    const versions = execFileSync('ls', ['/usr/lib/postgresql'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => /^\d+$/.test(line))
      .sort((a, b) => Number(a) - Number(b));
    const newest = versions.at(-1);
    if (newest === undefined) return { reason: 'no PostgreSQL under /usr/lib/postgresql' };
    bin = `/usr/lib/postgresql/${newest}/bin`;
  } catch {
    return { reason: 'no PostgreSQL under /usr/lib/postgresql' };
  }
  const cluster = await mkdtemp(join(tmpdir(), 'fixline-bench-postgres-'));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: the cluster then belongs to the postgres user.
  const run = (command: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' })
      : execFileSync(command, args, { stdio: 'pipe' });
  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(cluster, uid, gid);
    }
    const port = await freePort();
    const data = join(cluster, 'data');
    run(`${bin}/initdb`, [
      '-D',
      data,
      '-U',
      'fixline',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-locale',
    ]);
    run(`${bin}/pg_ctl`, [
      '-D',
      data,
      '-l',
      join(cluster, 'server.log'),
      '-w',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${cluster} -c fsync=off`,
      'start',
    ]);
    run(`${bin}/createdb`, [
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'fixline',
      'fixline_bench',
    ]);
    const url = `postgres://fixline@127.0.0.1:${port}/fixline_bench`;
    const database = await openPostgresDatabase(url);
    return {
      database,
      url,
      how: `a private cluster (${bin}, fsync off as in .ci/start-postgres.sh)`,
      stop: async () => {
        await database.close();
        run(`${bin}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', 'stop']);
        await rm(cluster, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(cluster, { recursive: true, force: true });
    return { reason: `a private PostgreSQL cluster did not start: ${String(error)}` };
  }
}

/** The station code and technician the seeded rows were written by. */
export const seedStation = 'HQ1';
export const seedTechnician = '00000000-0000-7000-8000-0000000000aa';

const statuses: readonly ClaimStatus[] = [
  'intake',
  'awaiting-authorization',
  'authorized',
  'received',
  'inspected',
  'resolved',
  'closed',
];
const packs = [
  { packId: 'igpsport', model: 'iGPSPORT iGS630', category: 'bike-computer' },
  { packId: 'kospet-warranty-refund', model: 'KOSPET Tank T3', category: 'smartwatch' },
  { packId: 'kospet-official-store', model: 'KOSPET Tank M3', category: 'smartwatch' },
] as const;
const names = ['Siti Rahmawati', 'Budi Santoso', 'Rina Kurnia', 'Made Putra', 'Ayu Lestari'];
const dayMs = 24 * 60 * 60 * 1000;

/** `digits` followed by their Luhn check digit, as an IMEI ends. */
function withLuhnDigit(digits: string): string {
  let sum = 0;
  for (let position = 0; position < digits.length; position += 1) {
    // From the right, every second digit of the payload (the first one left of the check) doubles.
    const digit = Number(digits[digits.length - 1 - position]);
    const doubled = position % 2 === 0 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

type SeedRow = { readonly table: SyncTable; readonly id: string; readonly values: object };

/** Claim `index`'s customer, device and claim, as a station would have pushed them. */
function claimRows(index: number, nowMs: number, count: number): SeedRow[] {
  const pack = packs[index % packs.length] ?? packs[0];
  // One claim every few minutes up to now: 100,000 span about a year.
  const createdMs = nowMs - (count - index) * 5 * 60_000;
  const createdAt = new Date(createdMs).toISOString();
  const day = (offsetDays: number) =>
    new Date(createdMs + offsetDays * dayMs).toISOString().slice(0, 10);
  const customerId = uuidv7();
  const deviceId = uuidv7();
  const name = `${names[index % names.length] ?? 'Customer'} ${index + 1}`;
  const customer = {
    id: customerId,
    name,
    phone: `+62 812 ${String(1000_0000 + index).slice(0, 4)} ${String(index % 10_000).padStart(4, '0')}`,
    email: `customer${index}@example.com`,
    address: {
      lines: [`Jl. Sudirman No. ${(index % 200) + 1}`],
      city: 'Jakarta',
      region: 'DKI Jakarta',
      postalCode: '10210',
      countryCode: 'ID',
    },
    preferredLanguage: 'id',
  };
  const device = {
    id: deviceId,
    customerId,
    model: pack.model,
    category: pack.category,
    serial: `SN-${String(index).padStart(7, '0')}`,
    imei: withLuhnDigit(String(49015420000000 + index)),
    sku: 'KT3-BLK',
  };
  const assignee = ['00000000-0000-7000-8000-0000000000aa', '00000000-0000-7000-8000-0000000000ab'][
    index % 4
  ];
  const claim = {
    id: uuidv7(),
    rmaNumber: formatRmaNumber(seedStation, index + 1),
    status: statuses[index % statuses.length] ?? 'intake',
    policyPackId: pack.packId,
    customerId,
    deviceId,
    purchase: {
      channel: 'official-store',
      orderDate: day(-40),
      invoiceDate: day(-40),
      deliveredDate: day(-35),
      orderNumber: `ORD-${index}`,
      proof: 'valid',
    },
    reason: 'defect',
    symptom: 'malfunction',
    defect: { what: 'The screen stays black', howItArose: 'After charging overnight' },
    stepsTried: 'Held the button for 30 seconds; tried another charger.',
    customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: false },
    createdAt,
    updatedAt: createdAt,
    ...(assignee === undefined ? {} : { assigneeId: assignee }),
  };
  return [
    { table: 'customers', id: customerId, values: customer },
    { table: 'devices', id: deviceId, values: device },
    { table: 'claims', id: claim.id, values: claim },
  ];
}

/** Rows written per INSERT statement while seeding. */
const seedChunkRows = 3_000;

/**
 * Fills the server's database with `count` claims, each with its own customer and device
 * (3 × `count` rows), the fast way: straight into the tables with
 * `INSERT … SELECT FROM jsonb_populate_recordset` a few thousand rows a statement, every row
 * with a stamp per field and a version of its own (customer, device, claim in turn, as a
 * station's pushes would leave them), then the space's version moved to the last. The first
 * claim of each status is checked against the sync row schemas first.
 */
export async function seedClaims(
  database: Database,
  count: number,
  nowMs: number = Date.now(),
): Promise<{ rows: number; claimIds: string[] }> {
  for (let index = 0; index < statuses.length; index += 1) {
    for (const row of claimRows(index, nowMs, count)) {
      const checked = validateSyncRow(row.table, row.values as Record<string, unknown>);
      if (!checked.ok) throw new Error(`seed row of ${row.table}: ${checked.error.message}`);
    }
  }
  const space = await readSpace(database);
  let version = space.version;
  const claimIds: string[] = [];
  const pending = new Map<SyncTable, object[]>();
  const flush = async () => {
    for (const [table, rows] of pending) {
      if (rows.length === 0) continue;
      const { sqlTable } = syncTableColumns[table];
      await database.query(
        `INSERT INTO ${sqlTable} SELECT * FROM jsonb_populate_recordset(NULL::${sqlTable}, $1::jsonb)`,
        [JSON.stringify(rows)],
      );
    }
    pending.clear();
  };
  let buffered = 0;
  for (let index = 0; index < count; index += 1) {
    const createdMs = nowMs - (count - index) * 5 * 60_000;
    for (const row of claimRows(index, nowMs, count)) {
      version += 1;
      const stamp: Hlc = encodeHlc({ wallMs: createdMs, counter: 0, node: seedStation });
      const record: Record<string, unknown> = {
        space_id: space.id,
        _version: version,
        stamps: Object.fromEntries(Object.keys(row.values).map((field) => [field, stamp])),
        updated_by: seedTechnician,
        station: seedStation,
      };
      const values = row.values as Record<string, unknown>;
      for (const column of syncTableColumns[row.table].columns) {
        if (values[column.field] !== undefined) record[column.column] = values[column.field];
      }
      const rows = pending.get(row.table) ?? [];
      rows.push(record);
      pending.set(row.table, rows);
      if (row.table === 'claims') claimIds.push(row.id);
      buffered += 1;
    }
    if (buffered >= seedChunkRows) {
      await flush();
      buffered = 0;
    }
  }
  await flush();
  await database.query('UPDATE space SET version = $2 WHERE id = $1', [space.id, version]);
  await database.exec('ANALYZE');
  return { rows: version - space.version, claimIds };
}
