import type { Sha256 } from '#shared/domain/primitives';
import type { FixlineDatabase } from '../../db/database';
import { readSyncState } from '../../db/sync/syncState';
import type { SyncTransport, ViewingUrl } from './syncApi';

/**
 * A URL a `<video>` plays an attachment from before its bytes are on this station: the server's
 * viewing ticket (see shared/sync/protocol.ts), asked as this station. Any window may ask (the
 * download itself stays the sync leader's); never rejects.
 */
export async function requestViewingUrl(
  db: FixlineDatabase,
  transport: SyncTransport,
  sha256: Sha256,
): Promise<ViewingUrl> {
  const enrollment = (await readSyncState(db))?.enrollment;
  if (enrollment === undefined || transport.viewTicket === undefined)
    return { kind: 'unavailable', reason: 'standalone' };
  const answer = await transport.viewTicket({
    serverUrl: enrollment.serverUrl,
    deviceToken: enrollment.deviceToken,
    sha256,
  });
  switch (answer.kind) {
    case 'ticket':
      return { kind: 'url', url: answer.url, expiresInMs: answer.expiresInMs };
    case 'not-found':
      return { kind: 'unavailable', reason: 'not-on-server' };
    case 'unreachable':
      return { kind: 'unavailable', reason: 'offline' };
    case 'refused':
      return { kind: 'unavailable', reason: 'refused' };
  }
}
