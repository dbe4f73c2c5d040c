import { describe, expect, it } from 'vitest';
import { FixlineDatabase } from '../../renderer/src/db/database';
import { createRepositories } from '../../renderer/src/db/repositories';
import {
  queueTechnicians,
  restoreQueueStation,
} from '../../renderer/src/core/testing/queueStation';
import { expectOk } from './browserDatabase';

describe('recalculating the deadlines after a calendar change', () => {
  it('lets a claim save through between its chunks instead of after the whole run', async () => {
    const db = new FixlineDatabase(`fixline-browser-test-${crypto.randomUUID()}`);
    try {
      await restoreQueueStation(db, 10_000, Date.UTC(2026, 11, 1));
      const chunkMs: number[] = [];
      let chunkStartedMs = 0;
      let firstChunkDone: () => void = () => undefined;
      const firstChunk = new Promise<void>((resolve) => {
        firstChunkDone = resolve;
      });
      const repositories = createRepositories(db, {
        deadlineRecalculation: {
          afterChunk: () => {
            chunkMs.push(performance.now() - chunkStartedMs);
            chunkStartedMs = performance.now();
            firstChunkDone();
          },
        },
      });
      const station = await repositories.station.get();
      if (station === undefined) throw new Error('no station');
      const [claim] = await db.claims.where('status').equals('intake').limit(1).toArray();
      if (claim === undefined) throw new Error('no claim in intake');

      const startedMs = performance.now();
      chunkStartedMs = startedMs;
      expectOk(
        await repositories.station.updateSettings({
          center: station.center,
          timeZone: 'America/Los_Angeles',
        }),
      );
      const recalculated = repositories.station.recalculateDeadlines();
      await firstChunk;
      const saveStartedMs = performance.now();
      expectOk(
        await repositories.claims.update(
          claim.id,
          { defect: { what: 'Screen flickers' } },
          { actor: queueTechnicians[0].id },
        ),
      );
      const saveMs = performance.now() - saveStartedMs;
      const duringSave = await repositories.station.deadlineRecalculation();
      await recalculated;
      const wholeMs = performance.now() - startedMs;
      console.info(
        `recalculated ${duringSave?.total ?? '?'} claims in ${Math.round(wholeMs)} ms, ${chunkMs.length} chunks (longest ${Math.round(Math.max(...chunkMs))} ms); a save made meanwhile took ${Math.round(saveMs)} ms`,
      );

      // The save returned while the recalculation still had claims to do.
      expect(duringSave?.total).toBeGreaterThan(duringSave?.done ?? Infinity);
      expect(await repositories.station.deadlineRecalculation()).toBeUndefined();
      expect(saveMs).toBeLessThan(wholeMs / 2);
    } finally {
      db.close();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await FixlineDatabase.delete(db.name);
    }
  });
});
