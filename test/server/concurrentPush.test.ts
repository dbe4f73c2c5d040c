import { expect, it } from 'vitest';
import { HybridLogicalClock } from '#shared/sync/hybridLogicalClock';
import type { PullResponse } from '#shared/sync/protocol';
import { pullResponseSchema, pushResponseSchema } from '#shared/sync/protocol';
import { makeNote } from '../factories/domain';
import { describeEachDatabase, insertChange } from './serverHarness';

const pushers = 32;
const pushesEach = 4;
const notesPerPush = 3;

describeEachDatabase(
  'sync server: concurrent pushers',
  (server) => {
    it(`${pushers} stations pushing at once leave no version gap or skip for a puller`, async () => {
      const stations = [];
      for (let index = 0; index < pushers; index += 1) {
        stations.push(await server().enroll(`S${String(index).padStart(2, '0')}`));
      }
      const reader = await server().enroll('READ');
      let pushing = true;
      const push = stations.map(async (station) => {
        const clock = new HybridLogicalClock(station.stationCode);
        for (let round = 0; round < pushesEach; round += 1) {
          const mutations = Array.from({ length: notesPerPush }, () =>
            station.mutation([insertChange('notes', makeNote(), clock.tick(Date.now()))], clock),
          );
          const answer = await station.push(mutations);
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
          expect(pushResponseSchema.parse(answer.body).outcomes).toHaveLength(notesPerPush);
        }
      });
      const seen: number[] = [];
      let cursor: PullResponse['cursor'] = null;
      const pull = (async () => {
        for (;;) {
          const stillPushing = pushing;
          const answer = await reader.pull({ cursor, limit: 7 });
          expect(answer.status).toBe(200);
          const page = pullResponseSchema.parse(answer.body);
          seen.push(...page.rows.map((row) => row.version));
          cursor = page.cursor;
          if (!stillPushing && page.done && page.rows.length === 0) return;
        }
      })();
      await Promise.all(push);
      pushing = false;
      await pull;
      const total = pushers * pushesEach * notesPerPush;
      const everyVersion = Array.from({ length: total }, (_, index) => index + 1);
      expect(seen).toEqual(everyVersion);
      const stored = await server().database.query<{ version: unknown }>(
        'SELECT _version AS version FROM notes ORDER BY _version',
      );
      expect(stored.map((row) => Number(row.version))).toEqual(everyVersion);
    });
  },
  { pairingAttemptsPerMinute: 1000 },
);
