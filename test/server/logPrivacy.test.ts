import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import {
  blobChunkMediaType,
  blobTicketResponseSchema,
  syncApiPrefix,
  syncProtocolHeader,
  syncProtocolVersion,
  uploadLengthHeader,
  uploadOffsetHeader,
} from '#shared/sync/protocol';
import { makeClaim, makeCustomer, makeDevice, makeEvidence } from '../factories/domain';
import { describeEachDatabase, insertChange } from './serverHarness';

/** Every line the servers of this file log, as pino writes them (JSON, one a line). */
const logged: string[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logged.push(
      ...chunk
        .toString()
        .split('\n')
        .filter((line) => line !== ''),
    );
    done();
  },
});

const blobRoot = await mkdtemp(join(tmpdir(), 'fixline-log-blobs-'));
afterAll(() => rm(blobRoot, { recursive: true, force: true }));

const customer = makeCustomer({
  name: 'Wahyuni Kartikasari',
  phone: '+62 813 9988 7766',
  email: 'wahyuni.k@example.org',
});
const device = makeDevice({ customerId: customer.id, serial: 'KT3-PRIVATE-55521' });
const claim = makeClaim({
  customerId: customer.id,
  deviceId: device.id,
  stepsTried: 'Called Wahyuni at +62 813 9988 7766',
});
/** What no log line may hold: the customer's details, and the record's free text. */
const secrets = [
  customer.name,
  customer.phone,
  customer.email,
  // The phone however it is written (not a bare 4 digits: a response time's decimals held them).
  customer.phone.replace(/\D/g, ''),
  '9988 7766',
  'Kartikasari',
  device.serial,
  'Called Wahyuni',
];

describeEachDatabase(
  'sync server: logs',
  (server) => {
    beforeEach(() => {
      logged.length = 0;
    });

    it('logs JSON lines about requests, never a customer’s details', async () => {
      const jakarta = await server().enroll('JKT1');
      const bandung = await server().enroll('BDG2');
      const clock = new HybridLogicalClock('JKT1');
      const photo = Buffer.from(`a photo of ${customer.name}'s watch`);
      const sha256 = createHash('sha256').update(photo).digest('hex');
      const stamp = () => clock.tick(Date.now());
      const pushed = await jakarta.push([
        jakarta.mutation(
          [
            insertChange('customers', customer, stamp()),
            insertChange('devices', device, stamp()),
            insertChange('claims', claim, stamp()),
            insertChange(
              'evidence',
              makeEvidence({ claimId: claim.id, sha256, sizeBytes: photo.length }),
              stamp(),
            ),
          ],
          clock,
        ),
      ]);
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
      // A push the server refuses as malformed, with the customer's details in it.
      const refused = await jakarta.push([
        { ...jakarta.mutation([insertChange('customers', customer, stamp())], clock), id: -1 },
      ]);
      expect(refused.status).toBe(400);
      expect((await bandung.pull({ cursor: null })).status).toBe(200);
      const upload = await server().app.inject({
        method: 'PATCH',
        url: `${syncApiPrefix}/blobs/${sha256}`,
        headers: {
          ...jakarta.auth,
          [syncProtocolHeader]: String(syncProtocolVersion),
          'content-type': blobChunkMediaType,
          [uploadOffsetHeader]: '0',
          [uploadLengthHeader]: String(photo.length),
        },
        payload: photo,
      });
      expect(upload.statusCode).toBe(204);
      const download = await server().app.inject({
        method: 'GET',
        url: `${syncApiPrefix}/blobs/${sha256}`,
        headers: { ...bandung.auth, [syncProtocolHeader]: String(syncProtocolVersion) },
      });
      expect(download.body).toBe(photo.toString());
      // A player's view by a ticket: the ticket opens the file, so it is no more logged than a token.
      const ticketed = await server().app.inject({
        method: 'POST',
        url: `${syncApiPrefix}/blobs/${sha256}/ticket`,
        headers: { ...bandung.auth, [syncProtocolHeader]: String(syncProtocolVersion) },
      });
      const { path } = blobTicketResponseSchema.parse(ticketed.json());
      const ticket = new URL(path, 'http://server').searchParams.get('ticket') ?? '';
      expect(ticket.length).toBeGreaterThan(20);
      const viewed = await server().app.inject({ method: 'GET', url: path });
      expect(viewed.body).toBe(photo.toString());

      const lines = logged.map((line) => JSON.parse(line) as Record<string, unknown>);
      // Every request is logged, with its level, time and request id.
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) {
        expect(line).toMatchObject({ level: expect.any(Number), time: expect.any(Number) });
        expect(typeof line.msg).toBe('string');
      }
      const completed = lines.filter((line) => line.msg === 'request completed');
      expect(completed.length).toBeGreaterThanOrEqual(6);
      for (const line of completed) {
        expect(line).toMatchObject({
          reqId: expect.any(String),
          res: { statusCode: expect.any(Number) },
          responseTime: expect.any(Number),
        });
      }
      expect(lines.some((line) => line.msg === 'request refused')).toBe(true);
      const text = logged.join('\n');
      for (const secret of secrets) expect(text).not.toContain(secret);
      // Nor the device token a station sends.
      expect(text).not.toContain(jakarta.enrolled.deviceToken);
      expect(text).not.toContain(ticket.split('.')[1]);
      expect(text).toContain(`/blobs/${sha256}/view?ticket=[redacted]`);
    });
  },
  { blobRoot, logger: { level: 'trace', stream: logStream } },
);
