import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import {
  blobChunkMediaType,
  syncApiPrefix,
  syncProtocolHeader,
  syncProtocolVersion,
  uploadLengthHeader,
  uploadOffsetHeader,
} from '#shared/sync/protocol';
import { buildSyncServer } from '../../server/src/app';
import { migrate } from '../../server/src/storage/migrate';
import { openPgliteDatabase } from '../../server/src/storage/pgliteDatabase';
import { makeCustomer, makeEvidence, makeNote } from '../factories/domain';
import type { ServerContext, Station } from './serverHarness';
import { describeEachDatabase, insertChange } from './serverHarness';

/** The server's /metrics page, as Prometheus scrapes it. */
async function scrape(server: ServerContext): Promise<string> {
  const response = await server.app.inject({ method: 'GET', url: '/metrics' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/plain');
  return response.body;
}

/** The value of the sample `name{labels}` on a metrics page; undefined when it has none. */
function sample(page: string, name: string): number | undefined {
  const line = page.split('\n').find((text) => text.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

async function pushNotes(station: Station, count: number): Promise<void> {
  const clock = new HybridLogicalClock(station.stationCode);
  const answer = await station.push(
    Array.from({ length: count }, () =>
      station.mutation([insertChange('notes', makeNote(), clock.tick(Date.now()))], clock),
    ),
  );
  expect(answer.status).toBe(200);
}

/** Pulls everything there is, page after page, as a station does. */
async function pullAll(station: Station): Promise<void> {
  let body: Record<string, unknown> = { cursor: null };
  for (;;) {
    const answer = await station.pull(body);
    expect(answer.status).toBe(200);
    const page = answer.body as { done: boolean; cursor: unknown; upTo: number };
    if (page.done) return;
    body = { cursor: page.cursor, upTo: page.upTo };
  }
}

const blobRoot = await mkdtemp(join(tmpdir(), 'fixline-metrics-blobs-'));
afterAll(() => rm(blobRoot, { recursive: true, force: true }));

describeEachDatabase(
  'sync server: health and metrics',
  (server) => {
    it('says it is healthy while its database answers', async () => {
      const response = await server().app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok', protocol: expect.any(Number) });
    });

    it('counts pushes, pulls and requests, and how far behind the center each station is', async () => {
      const jakarta = await server().enroll('JKT1');
      const bandung = await server().enroll('BDG2');
      await pushNotes(jakarta, 3);
      await pullAll(jakarta);
      await pullAll(bandung);
      let page = await scrape(server());
      expect(sample(page, 'fixline_center_version')).toBe(3);
      expect(sample(page, 'fixline_stations_enrolled')).toBe(2);
      expect(sample(page, 'fixline_push_mutations_total{outcome="applied"}')).toBe(3);
      expect(sample(page, 'fixline_push_mutations_total{outcome="rejected"}')).toBe(0);
      expect(sample(page, 'fixline_pull_rows_total')).toBe(6);
      expect(sample(page, 'fixline_station_lag_versions{station="JKT1"}')).toBe(0);
      expect(sample(page, 'fixline_http_requests_total{route="push",status="200"}')).toBe(1);
      expect(sample(page, 'fixline_http_requests_total{route="pull",status="200"}')).toBe(2);
      expect(sample(page, 'fixline_station_last_seen_seconds{station="BDG2"}')).toBeGreaterThan(
        Date.now() / 1000 - 60,
      );

      // Bandung pushes two more: Jakarta, which has not pulled them, is two versions behind.
      await pushNotes(bandung, 2);
      page = await scrape(server());
      expect(sample(page, 'fixline_center_version')).toBe(5);
      expect(sample(page, 'fixline_station_lag_versions{station="JKT1"}')).toBe(2);
      expect(sample(page, 'fixline_station_lag_versions{station="BDG2"}')).toBe(2);
      await pullAll(jakarta);
      expect(sample(await scrape(server()), 'fixline_station_lag_versions{station="JKT1"}')).toBe(
        0,
      );
    });

    it('keeps customers’ details out of the page', async () => {
      const jakarta = await server().enroll('JKT1');
      const clock = new HybridLogicalClock('JKT1');
      const customer = makeCustomer({ name: 'Siti Rahmawati', phone: '+62 812 3456 7890' });
      const answer = await jakarta.push([
        jakarta.mutation([insertChange('customers', customer, clock.tick(Date.now()))], clock),
      ]);
      expect(answer.status).toBe(200);
      await pullAll(jakarta);
      const page = await scrape(server());
      expect(sample(page, 'fixline_push_mutations_total{outcome="applied"}')).toBe(1);
      expect(page).not.toContain('Siti');
      expect(page).not.toContain('3456');
      expect(page).not.toContain(customer.id);
    });
    it('counts the attachments whose upload completed', async () => {
      const jakarta = await server().enroll('JKT1');
      const bytes = Buffer.from('a photo of a cracked screen');
      const name = createHash('sha256').update(bytes).digest('hex');
      const upload = await server().app.inject({
        method: 'PATCH',
        url: `${syncApiPrefix}/blobs/${name}`,
        headers: {
          ...jakarta.auth,
          [syncProtocolHeader]: String(syncProtocolVersion),
          'content-type': blobChunkMediaType,
          [uploadOffsetHeader]: '0',
          [uploadLengthHeader]: String(bytes.length),
        },
        payload: bytes,
      });
      expect(upload.statusCode).toBe(204);
      expect(sample(await scrape(server()), 'fixline_blob_uploads_total')).toBe(1);
    });

    it('shows the blob queue: uploads under way, and bytes a pushed record names that are not here yet', async () => {
      const jakarta = await server().enroll('JKT1');
      const photo = randomBytes(2_000);
      const name = createHash('sha256').update(photo).digest('hex');
      const patch = (offset: number, chunk: Buffer) =>
        server().app.inject({
          method: 'PATCH',
          url: `${syncApiPrefix}/blobs/${name}`,
          headers: {
            ...jakarta.auth,
            [syncProtocolHeader]: String(syncProtocolVersion),
            'content-type': blobChunkMediaType,
            [uploadOffsetHeader]: String(offset),
            [uploadLengthHeader]: String(photo.length),
          },
          payload: chunk,
        });
      let page = await scrape(server());
      expect(sample(page, 'fixline_blob_uploads_underway')).toBe(0);
      expect(sample(page, 'fixline_blobs_missing')).toBe(0);

      // The record comes first (a station sends it before its bytes), then half of the bytes.
      const clock = new HybridLogicalClock('JKT1');
      const evidence = makeEvidence({ sha256: name, sizeBytes: photo.length });
      const pushed = await jakarta.push([
        jakarta.mutation([insertChange('evidence', evidence, clock.tick(Date.now()))], clock),
      ]);
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
      expect(sample(await scrape(server()), 'fixline_blobs_missing')).toBe(1);
      expect((await patch(0, photo.subarray(0, 1_000))).statusCode).toBe(204);
      page = await scrape(server());
      expect(sample(page, 'fixline_blob_uploads_underway')).toBe(1);
      expect(sample(page, 'fixline_blobs_missing')).toBe(1);

      expect((await patch(1_000, photo.subarray(1_000))).statusCode).toBe(204);
      page = await scrape(server());
      expect(sample(page, 'fixline_blob_uploads_underway')).toBe(0);
      expect(sample(page, 'fixline_blobs_missing')).toBe(0);
    });
  },
  { blobRoot },
);

it('says it is unavailable, with the reason, when its database does not answer', async () => {
  const database = await openPgliteDatabase(undefined);
  await migrate(database);
  const app = await buildSyncServer({ database });
  await database.close();
  try {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 'unavailable',
      message: expect.stringContaining('The database does not answer'),
    });
  } finally {
    await app.close().catch(() => undefined);
  }
});
