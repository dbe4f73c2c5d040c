import { expect, it } from 'vitest';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import { syncProtocolHeader, syncProtocolVersion } from '#shared/sync/protocol';
import { makeNote } from '../factories/domain';
import { describeEachDatabase, insertChange } from './serverHarness';

describeEachDatabase(
  'sync server: pokes',
  (server) => {
    it('streams a poke with the version now, one after each push, and heartbeats', async () => {
      const station = await server().enroll('JKT1');
      const address = await server().app.listen({ host: '127.0.0.1', port: 0 });
      const response = await fetch(`${address}/sync/v1/events`, {
        headers: { ...station.auth, [syncProtocolHeader]: String(syncProtocolVersion) },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = response.body?.getReader();
      if (reader === undefined) throw new Error('no body');
      let received = '';
      const readUntil = async (text: string) => {
        while (!received.includes(text)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`the stream ended before ${text}`);
          received += new TextDecoder().decode(value);
        }
      };
      await readUntil('event: poke\ndata: {"version":0}\n\n');
      const clock = new HybridLogicalClock('JKT1');
      const answer = await station.push([
        station.mutation([insertChange('notes', makeNote(), clock.tick(Date.now()))], clock),
      ]);
      expect(answer.status).toBe(200);
      await readUntil('event: poke\ndata: {"version":1}\n\n');
      await readUntil(': heartbeat\n\n');
      await reader.cancel();
    });
  },
  { heartbeatMs: 200 },
);
