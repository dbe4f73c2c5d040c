import { createHash } from 'node:crypto';
import { chmod, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer, request } from 'node:http';
import { join, resolve } from 'node:path';
import { createPairingCode } from './identity';
import type { Database } from './storage/database';

/**
 * The running server's door for its own administrator: a local socket (a Unix socket only its
 * user may open, or a named pipe on Windows) through which `npm run server -- pairing-code` gets
 * a code from a server that holds the embedded database, which no second process can open.
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

/** Starts the admin socket of the server on `dataDir`; the result closes it. */
export async function openAdminSocket(
  database: Database,
  dataDir: string,
): Promise<() => Promise<void>> {
  const path = adminSocketPath(dataDir);
  // A socket file left by a server that was killed would stop the listen.
  if (process.platform !== 'win32') await rm(path, { force: true });
  const server: Server = createServer((incoming, outgoing) => {
    if (incoming.method !== 'POST' || incoming.url !== pairingCodePath) {
      outgoing.writeHead(404).end();
      return;
    }
    createPairingCode(database).then(
      ({ code, expiresAt }) => {
        outgoing
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ code, expiresAt: expiresAt.toISOString() }));
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

/** A pairing code from the server running on `dataDir`, through its admin socket. */
export function pairingCodeFromRunningServer(
  dataDir: string,
): Promise<{ code: string; expiresAt: Date }> {
  return new Promise((resolveCode, reject) => {
    const outgoing = request(
      { socketPath: adminSocketPath(dataDir), path: pairingCodePath, method: 'POST' },
      (incoming) => {
        let body = '';
        incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
        incoming.on('end', () => {
          if (incoming.statusCode !== 200) {
            reject(new Error(`the running server refused: ${body}`));
            return;
          }
          const answer = JSON.parse(body) as { code: string; expiresAt: string };
          resolveCode({ code: answer.code, expiresAt: new Date(answer.expiresAt) });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}
