import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  devicesFromRunningServer,
  openAdminSocket,
  pairingCodeFromRunningServer,
  revokeThroughRunningServer,
} from './adminSocket';
import { buildSyncServer } from './app';
import type { BlobStore } from './blobs/blobStore';
import { FolderBlobStore, isBlobReferenced } from './blobs/blobStore';
import type { S3Config } from './blobs/s3Config';
import { s3ConfigFrom } from './blobs/s3Config';
import type { DeviceListing } from './identity';
import {
  createPairingCode,
  listDevices,
  pairingCodeLifetimeMs,
  revokeDevice,
  startNewHistory,
} from './identity';
import type { Database } from './storage/database';
import { copyDatabase } from './storage/copyDatabase';
import { migrate } from './storage/migrate';
import type { BackupSummary } from './storage/pgliteBackup';
import { backupServer, restoreServer } from './storage/pgliteBackup';
import { openPgliteDatabase } from './storage/pgliteDatabase';
import { openPostgresDatabase } from './storage/postgresDatabase';
import { parseAge, purgeTombstones } from './sync/purge';

/**
 * `npm run server -- [command] [flags]`: the center's sync server (see the README, "Run a sync
 * server for your center"). Commands: serve (the default), pairing-code, devices list,
 * devices revoke <id>, purge-tombstones --older-than 90d.
 */
const usage = `Usage: npm run server -- [command] [flags]
Commands:
  serve (default)                      start the server and print a pairing code
  pairing-code                         print a new one-time pairing code (valid 15 minutes; also while the server runs)
  devices list                         list the enrolled stations (also while the server runs)
  devices revoke <id>                  revoke a station's access at once (also while the server runs)
  purge-tombstones --older-than 90d    delete records deleted before then (stations below re-pull)
  purge-blobs --older-than 30d         delete attachments' bytes no record names, unchanged since then
  backup --out <file>                  back up the embedded database (stop the server first)
  restore --from <file>                restore a backup into --data-dir, which must be new or empty
  migrate --to <postgres-url>          copy the embedded database into a new PostgreSQL database
  after-restore                        after pg_restore of a PostgreSQL backup: stations pull again
Flags:
  --host <address>        listen address (default 127.0.0.1; 0.0.0.0 for the whole network)
  --port <number>         listen port (default 7411; 0 picks a free one)
  --data-dir <folder>     embedded database folder (default ./fixline-server-data)
  --database-url <url>    PostgreSQL instead (or DATABASE_URL)
  --web-root <folder>     also serve a built web app at / (out/web after npx vite build --config vite.web.config.ts)
  --blob-dir <folder>     attachments' bytes (default: <data-dir>-blobs, or ./fixline-server-blobs with PostgreSQL)
  --s3-bucket <name>      attachments' bytes in an S3-compatible bucket instead (several server processes);
                          credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, never a flag
  --s3-endpoint <url>     a non-AWS store (MinIO, Ceph, R2…), e.g. https://s3.example.com
  --s3-region <region>    the bucket's region (default: AWS_REGION or the profile's; us-east-1 with --s3-endpoint)
  --s3-prefix <prefix>    keep the objects under this key prefix, e.g. fixline/
  --s3-force-path-style   address the bucket in the path, not the host name (most non-AWS stores)
  --tls-cert <file>       serve HTTPS with this certificate (PEM; with --tls-key)
  --tls-key <file>        the certificate's private key (PEM)`;

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    host: { type: 'string', default: process.env.FIXLINE_SERVER_HOST ?? '127.0.0.1' },
    port: { type: 'string', default: process.env.FIXLINE_SERVER_PORT ?? '7411' },
    'data-dir': {
      type: 'string',
      default: process.env.FIXLINE_SERVER_DATA ?? './fixline-server-data',
    },
    'database-url': { type: 'string', default: process.env.DATABASE_URL },
    'web-root': { type: 'string' },
    'blob-dir': { type: 'string', default: process.env.FIXLINE_SERVER_BLOBS },
    's3-bucket': { type: 'string', default: process.env.FIXLINE_S3_BUCKET },
    's3-endpoint': { type: 'string', default: process.env.FIXLINE_S3_ENDPOINT },
    's3-region': { type: 'string', default: process.env.FIXLINE_S3_REGION },
    's3-prefix': { type: 'string', default: process.env.FIXLINE_S3_PREFIX },
    's3-force-path-style': {
      type: 'boolean',
      default: ['1', 'true'].includes(process.env.FIXLINE_S3_FORCE_PATH_STYLE ?? ''),
    },
    'tls-cert': { type: 'string', default: process.env.FIXLINE_SERVER_TLS_CERT },
    'tls-key': { type: 'string', default: process.env.FIXLINE_SERVER_TLS_KEY },
    'older-than': { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

/** The file a running server keeps in its PGlite data folder: one process opens it at a time. */
const pidFile = () => resolve(flags['data-dir'], 'server.pid');

/** Where attachments' bytes are kept: beside the embedded database, or a folder of their own. */
function blobDir(): string {
  const chosen = flags['blob-dir'];
  if (chosen !== undefined && chosen !== '') return resolve(chosen);
  // Beside the embedded database's folder, not in it: PGlite's dump takes its whole folder.
  return usesPostgres() ? resolve('fixline-server-blobs') : `${resolve(flags['data-dir'])}-blobs`;
}

/** The S3 bucket the flags name, or undefined for the folder; exits when the flags disagree. */
function s3Config(): S3Config | undefined {
  const config = s3ConfigFrom({
    bucket: flags['s3-bucket'],
    endpoint: flags['s3-endpoint'],
    region: flags['s3-region'],
    prefix: flags['s3-prefix'],
    forcePathStyle: flags['s3-force-path-style'],
    blobDir: flags['blob-dir'],
  });
  if (!config.ok) {
    console.error(config.error);
    process.exit(2);
  }
  return config.value;
}

/** The store of attachments' bytes: the bucket when one is named, else the folder. */
async function openBlobStore(): Promise<BlobStore> {
  const config = s3Config();
  if (config === undefined) return new FolderBlobStore(blobDir());
  // Loaded only here: a server on the folder never loads the AWS SDK.
  const { openS3BlobStore } = await import('./blobs/s3BlobStore');
  try {
    return await openS3BlobStore(config);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

function usesPostgres(): boolean {
  const url = flags['database-url'];
  return url !== undefined && url !== '';
}

/** Whether a live server process holds the PGlite data folder. */
async function serverHoldsDataDir(): Promise<boolean> {
  const pid = Number(await readFile(pidFile(), 'utf8').catch(() => ''));
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the command when a running server holds the embedded database's folder. */
async function refuseWhileServerRuns(): Promise<void> {
  if (!usesPostgres() && (await serverHoldsDataDir())) {
    console.error(
      `A sync server is running on ${resolve(flags['data-dir'])}, and the embedded database opens in one process at a time: stop it first (its pairing code is printed at start).`,
    );
    process.exit(1);
  }
}

async function openDatabase(): Promise<Database> {
  await refuseWhileServerRuns();
  const url = flags['database-url'];
  const database =
    url !== undefined && url !== ''
      ? await openPostgresDatabase(url)
      : await (async () => {
          const dataDir = resolve(flags['data-dir']);
          await mkdir(dataDir, { recursive: true });
          return openPgliteDatabase(dataDir);
        })();
  await migrate(database);
  return database;
}

function printPairingCode({ code, expiresAt }: { code: string; expiresAt: Date }): void {
  console.log(
    `Pairing code: ${code} (one station, valid ${pairingCodeLifetimeMs / 60_000} minutes, until ${expiresAt.toLocaleTimeString()})`,
  );
}

/** The certificate and key for HTTPS, when both are given; exits with a reason when one is not usable. */
async function readTls(): Promise<{ cert: Buffer; key: Buffer } | undefined> {
  const [certFile, keyFile] = [flags['tls-cert'], flags['tls-key']];
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) {
    console.error('HTTPS needs both --tls-cert <file> and --tls-key <file>.');
    process.exit(2);
  }
  try {
    return { cert: await readFile(certFile), key: await readFile(keyFile) };
  } catch (error) {
    console.error(`Cannot read the TLS certificate or key: ${(error as Error).message}`);
    process.exit(2);
  }
}

async function serve(): Promise<void> {
  const tls = await readTls();
  const blobStore = await openBlobStore();
  const database = await openDatabase();
  const app = await buildSyncServer({
    database,
    logger: { level: process.env.FIXLINE_SERVER_LOG ?? 'info' },
    ...(flags['web-root'] === undefined ? {} : { webRoot: flags['web-root'] }),
    ...(tls === undefined ? {} : { tls }),
    blobStore,
  });
  if (!usesPostgres()) await writeFile(pidFile(), String(process.pid));
  // The embedded database opens in this process only: `pairing-code` and `devices` ask it here.
  const closeAdminSocket = usesPostgres()
    ? async () => undefined
    : await openAdminSocket(database, flags['data-dir']);
  const address = await app.listen({ host: flags.host, port: Number(flags.port) });
  console.log(
    `Fixline sync server listening at ${address} (${database.kind === 'postgres' ? 'PostgreSQL' : `data in ${resolve(flags['data-dir'])}`}; attachments in the ${blobStore.description})`,
  );
  printPairingCode(await createPairingCode(database));
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing');
    await closeAdminSocket();
    await app.close();
    await database.close();
    if (!usesPostgres()) await rm(pidFile(), { force: true });
    console.log('Fixline sync server closed');
    process.exit(0);
  };
  // `on`, not `once`: a signal sent to the whole process group (npm and this process) can
  // arrive twice, and the second must not kill the process mid-close. `npm run server` runs this
  // file in one process (`node --import tsx`): the `tsx` command relays a signal to its child and
  // kills it (SIGKILL) unless the child reports the signal within ~60 ms, which a busy machine
  // misses, and the server then died mid-close (a CI run caught it: no "closed" line).
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));
}

async function runCommand(work: (database: Database) => Promise<void>): Promise<void> {
  const database = await openDatabase();
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const [command = 'serve', ...rest] = positionals;
  if (flags.help) {
    console.log(usage);
    return;
  }
  switch (command) {
    case 'serve':
      return serve();
    case 'pairing-code':
      // A running server holds the embedded database: it makes the code.
      if (!usesPostgres() && (await serverHoldsDataDir())) {
        return printPairingCode(await pairingCodeFromRunningServer(flags['data-dir']));
      }
      return runCommand(async (database) => printPairingCode(await createPairingCode(database)));
    case 'devices': {
      // A running server holds the embedded database: it lists and revokes.
      const throughServer = !usesPostgres() && (await serverHoldsDataDir());
      if (rest[0] === 'list') {
        const printDevices = (devices: readonly DeviceListing[]) => {
          if (devices.length === 0) console.log('No station is enrolled.');
          for (const device of devices) {
            const state =
              device.revokedAt === null ? 'active' : `revoked ${device.revokedAt.toISOString()}`;
            const seen =
              device.lastSeenAt === null
                ? 'never pushed'
                : `last push ${device.lastSeenAt.toISOString()}`;
            console.log(
              `${device.id}  ${device.stationCode.padEnd(8)}  enrolled ${device.enrolledAt.toISOString()}  ${seen}  ${state}`,
            );
          }
        };
        if (throughServer) return printDevices(await devicesFromRunningServer(flags['data-dir']));
        return runCommand(async (database) => printDevices(await listDevices(database)));
      }
      if (rest[0] === 'revoke' && rest[1] !== undefined) {
        const deviceId = rest[1];
        const printRevoked = (revoked: boolean) => {
          console.log(
            revoked
              ? `Revoked ${deviceId}: its token no longer works.`
              : `No active station has id ${deviceId}.`,
          );
          if (!revoked) process.exitCode = 1;
        };
        if (throughServer) {
          return printRevoked(await revokeThroughRunningServer(flags['data-dir'], deviceId));
        }
        return runCommand(async (database) => printRevoked(await revokeDevice(database, deviceId)));
      }
      break;
    }
    case 'backup':
    case 'restore':
    case 'migrate':
      return runDataDirCommand(command).catch((error: unknown) =>
        fail(error instanceof Error ? error.message : String(error)),
      );
    case 'after-restore':
      return runCommand(async (database) => {
        await startNewHistory(database);
        console.log(
          'Started a new history: stations that last synced before the backup was taken go on from where they stood, the others pull again from the start; all send their unsent changes.',
        );
      });
    case 'purge-blobs': {
      const ageMs = parseAge(flags['older-than'] ?? '');
      if (ageMs === undefined) {
        console.error('Say how old: purge-blobs --older-than 30d (d, h or m).');
        process.exitCode = 2;
        return;
      }
      const store = await openBlobStore();
      return runCommand(async (database) => {
        const { purged, bytes } = await store.purge(new Date(Date.now() - ageMs), (sha256) =>
          isBlobReferenced(database, sha256),
        );
        console.log(
          `Deleted ${purged} attachments no record names (${bytes} bytes) from the ${store.description}.`,
        );
      });
    }
    case 'purge-tombstones': {
      const ageMs = parseAge(flags['older-than'] ?? '');
      if (ageMs === undefined) {
        console.error('Say how old: purge-tombstones --older-than 90d (d, h or m).');
        process.exitCode = 2;
        return;
      }
      return runCommand(async (database) => {
        const { purged, horizon } = await purgeTombstones(database, new Date(Date.now() - ageMs));
        console.log(
          `Purged ${purged} deleted records; stations synced below version ${horizon} pull again from the start.`,
        );
      });
    }
  }
  console.error(usage);
  process.exitCode = 2;
}

/** `backup`, `restore` and `migrate`: the embedded database's folder as a whole. */
async function runDataDirCommand(command: 'backup' | 'restore' | 'migrate'): Promise<void> {
  if (usesPostgres()) {
    console.error(
      'These commands work on the embedded database (--data-dir). For PostgreSQL use pg_dump and pg_restore.',
    );
    process.exitCode = 2;
    return;
  }
  const dataDir = resolve(flags['data-dir']);
  const describe = ({ version, centerId, blobs }: BackupSummary) =>
    `center ${centerId} at version ${version}, ${blobs ?? 0} attachments`;
  // Attachments in a bucket stay there: its provider backs them up (versioning, replication).
  const bucket = s3Config()?.bucket;
  const folders = { dataDir, blobDir: bucket === undefined ? blobDir() : undefined };
  const inBucket = `the attachments stay in the S3 bucket ${bucket ?? ''}, which its storage provider backs up`;
  switch (command) {
    case 'backup': {
      if (flags.out === undefined) return void fail('Say where: backup --out <file>.');
      await refuseWhileServerRuns();
      const summary = await backupServer(folders, flags.out);
      console.log(
        `Backed up ${dataDir} to ${resolve(flags.out)} (${summary.bytes} bytes, ${describe(summary)})${bucket === undefined ? '' : `; ${inBucket}`}.`,
      );
      return;
    }
    case 'restore': {
      if (flags.from === undefined) return void fail('Say what: restore --from <file>.');
      const summary = await restoreServer(flags.from, folders);
      console.log(
        `Restored ${describe(summary)} into ${dataDir}${folders.blobDir === undefined ? ` (${inBucket})` : ` and ${folders.blobDir}`}. Start the server on it: stations send their unsent changes and pull again; what the server received after this backup was taken is not in it.`,
      );
      return;
    }
    case 'migrate': {
      if (flags.to === undefined) return void fail('Say where: migrate --to postgres://…');
      const source = await openDatabase();
      try {
        const target = await openPostgresDatabase(flags.to);
        try {
          await migrate(target);
          const copied = await copyDatabase(source, target);
          const rows = copied.reduce((total, table) => total + table.rows, 0);
          console.log(
            `Copied ${rows} rows in ${copied.length} tables into PostgreSQL. Start the server with --database-url ${flags.to} ${folders.blobDir === undefined ? `--s3-bucket ${bucket ?? ''}` : `--blob-dir ${folders.blobDir}`} (the attachments stay where they are); stations continue where they were.`,
          );
        } finally {
          await target.close();
        }
      } finally {
        await source.close();
      }
      return;
    }
  }
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}

await main();
