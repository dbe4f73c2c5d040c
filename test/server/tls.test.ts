import { get } from 'node:https';
import { rootCertificates } from 'node:tls';
import { expect, it } from 'vitest';
import { helloResponseSchema, syncApiPrefix, syncRoutes } from '#shared/sync/protocol';
import {
  syncConnectionsTrusting,
  syncServerFetch,
  trustedAuthorities,
} from '../../electron/main/syncChannel';
import { buildSyncServer } from '../../server/src/app';
import { selfSignedCertificate } from '../support/selfSignedCertificate';
import { openTestDatabase } from './serverHarness';

/**
 * HTTPS straight from the server (`--tls-cert`, `--tls-key`): a station that trusts the
 * certificate gets the same answers, and one that does not is refused by TLS itself.
 */

/** GET `url`, trusting `ca` only; the status and body, or the TLS error. */
function getTrusting(
  url: string,
  ca: Buffer | undefined,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ...(ca === undefined ? {} : { ca }) }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

it('answers over HTTPS with its certificate, and TLS refuses a station that does not trust it', async () => {
  const tls = await selfSignedCertificate();
  const database = await openTestDatabase('pglite');
  const app = await buildSyncServer({ database, tls });
  try {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    expect(address).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const hello = await getTrusting(`${address}${syncApiPrefix}${syncRoutes.hello}`, tls.cert);
    expect(hello.status).toBe(200);
    expect(helloResponseSchema.parse(JSON.parse(hello.body)).service).toBe('fixline-sync');
    await expect(
      getTrusting(`${address}${syncApiPrefix}${syncRoutes.hello}`, undefined),
    ).rejects.toThrow(/self-signed certificate/);
  } finally {
    await app.close();
    await database.close();
  }
});

it('is trusted by the desktop app once its CA is in the operating system’s store', async () => {
  const tls = await selfSignedCertificate();
  const database = await openTestDatabase('pglite');
  const app = await buildSyncServer({ database, tls });
  try {
    const hello = `${await app.listen({ host: '127.0.0.1', port: 0 })}${syncApiPrefix}${syncRoutes.hello}`;
    // Main's connections, with what a Node that reads the system's store would find in it.
    const mainTrusting = (system: string[]) =>
      syncConnectionsTrusting(
        trustedAuthorities((store) => (store === 'system' ? system : [...rootCertificates])),
      );
    const trusted = await syncServerFetch(hello, {
      dispatcher: mainTrusting([tls.cert.toString()]),
    });
    expect(trusted.status).toBe(200);
    expect(helloResponseSchema.parse(await trusted.json()).service).toBe('fixline-sync');
    const refused = syncServerFetch(hello, { dispatcher: mainTrusting([]) });
    await expect(refused.catch((error: Error) => Promise.reject(error.cause))).rejects.toThrow(
      /self-signed certificate/,
    );
  } finally {
    await app.close();
    await database.close();
  }
});
