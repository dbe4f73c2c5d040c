import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import type { BlobTicketResponse } from '#shared/sync/protocol';
import {
  blobTicketResponseSchema,
  syncApiPrefix,
  syncErrorBodySchema,
  syncProtocolHeader,
  syncProtocolVersion,
} from '#shared/sync/protocol';
import { createViewTickets, viewTicketLifetimeMs } from '../../server/src/blobs/viewTickets';
import { readSpace, revokeDevice } from '../../server/src/identity';
import type { Database } from '../../server/src/storage/database';
import { makeEvidence } from '../factories/domain';
import { blobStoreKinds } from './blobStoreFixtures';
import type { BlobServer } from './blobServer';
import {
  blobHeaders as headers,
  patchChunk,
  sha256Of as sha256,
  startBlobServer,
} from './blobServer';
import type { ServerContext, Station } from './serverHarness';
import { insertChange } from './serverHarness';

/**
 * Viewing tickets: a station asks with its token for a short-lived URL a `<video>` plays a blob
 * from (the element cannot send the token), and the server answers that URL as it answers a
 * download, by ranges and typed as the evidence, until the ticket expires or its station is
 * revoked; in the folder and in an S3 bucket alike.
 */

let database: Database;
let server: ServerContext;
let app: FastifyInstance;
let address: string;
let jakarta: Station;
let bandung: Station;
let started: BlobServer;
let video: Buffer;
let photo: Buffer;

async function upload(station: Station, bytes: Buffer): Promise<void> {
  const sent = await patchChunk(app, station, sha256(bytes), 0, bytes.length, bytes);
  expect(sent.statusCode).toBe(204);
}

async function askTicket(station: Station, name: string) {
  return fetch(`${address}${syncApiPrefix}/blobs/${name}/ticket`, {
    method: 'POST',
    headers: headers(station),
  });
}

async function ticketFor(station: Station, name: string): Promise<BlobTicketResponse> {
  const answer = await askTicket(station, name);
  expect(answer.status).toBe(200);
  return blobTicketResponseSchema.parse(await answer.json());
}

/** What a player sends: the URL, a range, and neither the token nor the protocol header. */
function play(path: string, range?: string) {
  return fetch(`${address}${path}`, range === undefined ? {} : { headers: { range } });
}

async function refusalOf(answer: Response) {
  return syncErrorBodySchema.parse(await answer.json()).error;
}

describe.each(blobStoreKinds)('viewing a blob by ticket (%s)', (kind) => {
  beforeAll(async () => {
    started = await startBlobServer(kind);
    ({ database, app, server, address, jakarta, bandung } = started);
    video = randomBytes(50_000);
    photo = randomBytes(5_000);
    const clock = new HybridLogicalClock('JKT1');
    const pushed = await jakarta.push([
      jakarta.mutation(
        [
          insertChange(
            'evidence',
            makeEvidence({
              kind: 'video',
              sha256: sha256(video),
              sizeBytes: video.length,
              mediaType: 'video/mp4',
              fileName: 'boot-loop.mp4',
            }),
            clock.tick(Date.now()),
          ),
          insertChange(
            'evidence',
            makeEvidence({ sha256: sha256(photo), sizeBytes: photo.length }),
            clock.tick(Date.now()),
          ),
        ],
        clock,
      ),
    ]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    await upload(jakarta, video);
    await upload(jakarta, photo);
  }, 120_000);

  afterAll(() => started.close());

  it('plays a range of the video from the ticket’s URL, typed as the evidence', async () => {
    const ticket = await ticketFor(bandung, sha256(video));
    const expiresInMs = Date.parse(ticket.expiresAt) - Date.now();
    expect(expiresInMs).toBeGreaterThan(0);
    expect(expiresInMs).toBeLessThanOrEqual(viewTicketLifetimeMs);
    // The same lifetime counted from the answer, for a station whose clock is off.
    expect(ticket.expiresInSeconds).toBe(viewTicketLifetimeMs / 1_000);

    const part = await play(ticket.path, 'bytes=1000-1999');
    expect(part.status).toBe(206);
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect(part.headers.get('accept-ranges')).toBe('bytes');
    expect(part.headers.get('cache-control')).toBe('private, no-store');
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${video.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(video.subarray(1000, 2000))).toBe(true);

    const whole = await play(ticket.path);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await whole.arrayBuffer()).equals(video)).toBe(true);
  });

  it('leaves the download route as it was: the bytes as octet-stream, for the token only', async () => {
    const download = await fetch(`${address}${syncApiPrefix}/blobs/${sha256(video)}`, {
      headers: { ...headers(bandung), range: 'bytes=0-9' },
    });
    expect(download.status).toBe(206);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const ticket = await ticketFor(bandung, sha256(photo));
    expect((await play(ticket.path)).headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses a ticket of another blob, a tampered one and none at all', async () => {
    const ticket = await ticketFor(bandung, sha256(video));
    const otherBlob = ticket.path.replace(sha256(video), sha256(photo));
    const asOther = await play(otherBlob, 'bytes=0-99');
    expect(asOther.status).toBe(403);
    expect((await refusalOf(asOther)).code).toBe('view-ticket-invalid');

    // The claims say another media type, or the signature loses a character.
    const [path = '', query = ''] = ticket.path.split('?ticket=');
    const [claims = '', signature = ''] = query.split('.');
    const [deviceId, expiresAtMs] = JSON.parse(
      Buffer.from(claims, 'base64url').toString(),
    ) as unknown[];
    const otherClaims = Buffer.from(JSON.stringify([deviceId, expiresAtMs, 'text/html'])).toString(
      'base64url',
    );
    for (const tampered of [
      `${path}?ticket=${otherClaims}.${signature}`,
      `${path}?ticket=${claims}.${signature.slice(1)}`,
      `${path}?ticket=${claims}.${signature}.x`,
      `${path}?ticket=garbage`,
      path,
    ]) {
      const answer = await play(tampered);
      expect(answer.status, tampered).toBe(403);
      expect((await refusalOf(answer)).code).toBe('view-ticket-invalid');
    }
  });

  it('refuses an expired ticket', async () => {
    const space = await readSpace(database);
    const device = { id: bandung.enrolled.deviceId, spaceId: space.id, stationCode: 'BDG2' };
    // Made by the server's own code, as if asked eleven minutes ago.
    const earlier = createViewTickets(database, () => Date.now() - viewTicketLifetimeMs - 60_000);
    const expired = await earlier.issue(device, sha256(video));
    const answer = await play(expired.path, 'bytes=0-99');
    expect(answer.status).toBe(403);
    expect(await refusalOf(answer)).toMatchObject({
      code: 'view-ticket-invalid',
      message: expect.stringContaining('expired'),
    });
  });

  it('gives no ticket for bytes no evidence of the center names, or without a token', async () => {
    const orphan = randomBytes(1_000);
    await upload(jakarta, orphan);
    const unnamed = await askTicket(bandung, sha256(orphan));
    expect(unnamed.status).toBe(404);
    expect((await refusalOf(unnamed)).code).toBe('blob-not-found');
    const noToken = await fetch(`${address}${syncApiPrefix}/blobs/${sha256(video)}/ticket`, {
      method: 'POST',
      headers: { [syncProtocolHeader]: String(syncProtocolVersion) },
    });
    expect(noToken.status).toBe(401);
  });

  it('stops a revoked station’s tickets at once', async () => {
    const station = await server.enroll('SBY3');
    const ticket = await ticketFor(station, sha256(video));
    expect((await play(ticket.path, 'bytes=0-9')).status).toBe(206);
    expect(await revokeDevice(database, station.enrolled.deviceId)).toBe(true);
    const answer = await play(ticket.path, 'bytes=0-9');
    expect(answer.status).toBe(403);
    expect((await refusalOf(answer)).code).toBe('device-revoked');
  });
});
