import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import { uploadBlob } from '#shared/sync/blobHttp';
import { syncProtocolHeader, syncProtocolVersion } from '#shared/sync/protocol';
import { makeNote } from '../factories/domain';
import type { ServerContext, Station } from './serverHarness';
import { describeEachDatabase, injectBlobRequests, insertChange } from './serverHarness';

const blobRoot = mkdtempSync(join(tmpdir(), 'fixline-events-blobs-'));
afterAll(() => rm(blobRoot, { recursive: true, force: true }));

/** Reads `station`'s event stream from the server, listening on a free port. */
async function openEvents(server: ServerContext, station: Station) {
  const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
  const response = await fetch(`${address}/sync/v1/events`, {
    headers: { ...station.auth, [syncProtocolHeader]: String(syncProtocolVersion) },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no body');
  let received = '';
  return {
    received: () => received,
    /** Reads until `text` has come after the first `from` characters. */
    until: async (text: string, from = 0) => {
      while (!received.includes(text, from)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before ${text}`);
        received += new TextDecoder().decode(value);
      }
    },
    close: () => reader.cancel(),
  };
}

describeEachDatabase(
  'sync server: pokes',
  (server, kind) => {
    it('streams a poke with the version now, one after each push, and heartbeats', async () => {
      const station = await server().enroll('JKT1');
      const events = await openEvents(server(), station);
      await events.until('event: poke\ndata: {"version":0}\n\n');
      const clock = new HybridLogicalClock('JKT1');
      const answer = await station.push([
        station.mutation([insertChange('notes', makeNote(), clock.tick(Date.now()))], clock),
      ]);
      expect(answer.status).toBe(200);
      await events.until('event: poke\ndata: {"version":1}\n\n');
      await events.until(': heartbeat\n\n');
      await events.close();
    });

    it('streams a blob event once an upload is complete, and no version poke for it', async () => {
      const listener = await server().enroll('JKT1');
      const uploader = await server().enroll('BDG2');
      const events = await openEvents(server(), listener);
      await events.until('event: poke\ndata: {"version":0}\n\n');
      const bytes = new Uint8Array(randomBytes(3 * 1024));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const uploaded = await uploadBlob(injectBlobRequests(server().app), {
        address: {
          serverUrl: 'http://sync.test',
          deviceToken: uploader.enrolled.deviceToken,
          sha256,
        },
        size: bytes.length,
        read: (start, end) => Promise.resolve(bytes.slice(start, end)),
        chunkBytes: 1024,
      });
      expect(uploaded.kind).toBe('uploaded');
      const blobEvent = `event: blob\ndata: {"sha256":"${sha256}"}\n\n`;
      await events.until(blobEvent);
      // One blob event for three chunks, and the record pokes untouched: only the first.
      await events.until(': heartbeat\n\n', events.received().length);
      expect(events.received().split(blobEvent)).toHaveLength(2);
      // (A PostgreSQL notification reaches the whole database: on the shared test PostgreSQL,
      // servers of other schemas poke this stream too.)
      if (kind === 'pglite') expect(events.received().match(/event: poke/g)).toHaveLength(1);
      await events.close();
    });
  },
  { heartbeatMs: 200, blobRoot },
);
