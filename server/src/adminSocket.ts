import { createHash } from 'node:crypto';
import { chmod, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer, request } from 'node:http';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { DeviceListing } from './identity';
import { createPairingCode, listDevices, revokeDevice } from './identity';
import type { Database } from './storage/database';

/**
 * The running server's door for its own administrator: a local socket (a Unix socket only its
 * user may open, or a named pipe on Windows) through which `npm run server -- pairing-code` gets
 * a code from a server that holds the embedded database, which no second process can open, and
 * `devices list|revoke` reach its stations (a revoke then holds from the station's next request).
 */

/** Where the admin socket of the server on `dataDir` listens. */
export function adminSocketPath(dataDir: string): string {
  const folder = resolve(dataDir);
  if (process.platform === 'win32') {
    const name = createHash('sha256').update(folder).digest('hex').slice(0, 16);
    return `\\\\.\\pipe\\fixline-server-${name}`;
  }
  return join(folder, 'admin.sock');
}

const pairingCodePath = '/pairing-code';
const devicesPath = '/devices';
const revokePath = /^\/devices\/([^/]+)\/revoke$/;

/** What the admin socket answers a request with: a JSON body, or undefined for an unknown path. */
async function answer(
  database: Database,
  method: string | undefined,
  url: string | undefined,
): Promise<unknown> {
  if (method === 'POST' && url === pairingCodePath) {
    const { code, expiresAt } = await createPairingCode(database);
    return { code, expiresAt: expiresAt.toISOString() };
  }
  if (method === 'GET' && url === devicesPath) return listDevices(database);
  const revoke = method === 'POST' && url !== undefined ? revokePath.exec(url) : null;
  if (revoke?.[1] !== undefined) {
    return { revoked: await revokeDevice(database, decodeURIComponent(revoke[1])) };
  }
  return undefined;
}

/** Starts the admin socket of the server on `dataDir`; the result closes it. */
export async function openAdminSocket(
  database: Database,
  dataDir: string,
): Promise<() => Promise<void>> {
  const path = adminSocketPath(dataDir);
  // A socket file left by a server that was killed would stop the listen.
  if (process.platform !== 'win32') await rm(path, { force: true });
  const server: Server = createServer((incoming, outgoing) => {
    answer(database, incoming.method, incoming.url).then(
      (body) => {
        if (body === undefined) {
          outgoing.writeHead(404).end();
          return;
        }
        outgoing.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      },
      (error: unknown) => {
        outgoing.writeHead(500).end(error instanceof Error ? error.message : String(error));
      },
    );
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolveListen());
  });
  if (process.platform !== 'win32') await chmod(path, 0o600);
  return () => new Promise<void>((resolveClose) => server.close(() => resolveClose()));
}

/** Asks the server running on `dataDir` through its admin socket; the parsed JSON answer. */
function askRunningServer(dataDir: string, method: 'GET' | 'POST', path: string): Promise<unknown> {
  return new Promise((resolveAnswer, reject) => {
    const outgoing = request({ socketPath: adminSocketPath(dataDir), path, method }, (incoming) => {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
      incoming.on('end', () => {
        if (incoming.statusCode !== 200) {
          reject(new Error(`the running server refused: ${body}`));
          return;
        }
        resolveAnswer(JSON.parse(body));
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** What the running server answers, checked: the socket is the server's, but may be another version's. */
const pairingCodeAnswerSchema = z.object({ code: z.string(), expiresAt: z.iso.datetime() });
const devicesAnswerSchema = z.array(
  z.object({
    id: z.string(),
    stationCode: z.string(),
    enrolledAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  }),
);
const revokeAnswerSchema = z.object({ revoked: z.boolean() });

const dateOrNull = (text: string | null) => (text === null ? null : new Date(text));

/** A pairing code from the server running on `dataDir`, through its admin socket. */
export async function pairingCodeFromRunningServer(
  dataDir: string,
): Promise<{ code: string; expiresAt: Date }> {
  const answer = pairingCodeAnswerSchema.parse(
    await askRunningServer(dataDir, 'POST', pairingCodePath),
  );
  return { code: answer.code, expiresAt: new Date(answer.expiresAt) };
}

/** The enrolled stations, from the server running on `dataDir`. */
export async function devicesFromRunningServer(dataDir: string): Promise<DeviceListing[]> {
  const rows = devicesAnswerSchema.parse(await askRunningServer(dataDir, 'GET', devicesPath));
  return rows.map((row) => ({
    ...row,
    enrolledAt: new Date(row.enrolledAt),
    lastSeenAt: dateOrNull(row.lastSeenAt),
    revokedAt: dateOrNull(row.revokedAt),
  }));
}

/** Revokes a station through the server running on `dataDir`; false when no active one has the id. */
export async function revokeThroughRunningServer(
  dataDir: string,
  deviceId: string,
): Promise<boolean> {
  const path = `${devicesPath}/${encodeURIComponent(deviceId)}/revoke`;
  return revokeAnswerSchema.parse(await askRunningServer(dataDir, 'POST', path)).revoked;
}
