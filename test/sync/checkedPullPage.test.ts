// First: the module imports Dexie (by way of `yieldToPage`), which must find fake-indexeddb.
import 'fake-indexeddb/auto';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '#shared/sync/hybridLogicalClock';
import { pullResponseSchema } from '#shared/sync/protocol';
import { checkedPullPage } from '../../renderer/src/core/sync/checkedPullPage';

const technician = '0196a1b2-c3d4-7000-8000-0000000000b2';

/** A pull answer of `count` claim rows, as a server sends it (JSON, not yet checked). */
function pullAnswer(count: number): Record<string, unknown> & { rows: Record<string, unknown>[] } {
  const rows = Array.from({ length: count }, (_, index) => {
    const stamp = encodeHlc({ wallMs: 1_765_000_000_000 + index, counter: 0, node: 'JKT1' });
    return {
      table: 'claims',
      id: uuidv7(),
      version: index + 1,
      values: { stepsTried: `Reset, round ${index}.`, status: 'intake' },
      stamps: { stepsTried: stamp, status: stamp },
      updatedBy: technician,
      station: 'JKT1',
    };
  });
  return {
    rows,
    cursor: { version: count, table: 'claims', id: rows.at(-1)?.id },
    upTo: count,
    done: true,
    lastMutationId: 0,
  };
}

describe('checkedPullPage', () => {
  it('gives what the pull answer’s schema gives, unknown keys dropped the same way', async () => {
    const answer = pullAnswer(250);
    answer.rows[120] = { ...answer.rows[120], addedByANewerServer: true };

    const checked = await checkedPullPage(answer);

    expect(checked).toEqual(pullResponseSchema.parse(answer));
    expect(checked?.rows).toHaveLength(250);
    expect(checked?.rows[120]).not.toHaveProperty('addedByANewerServer');
  });

  it('refuses an answer with one bad row in a later chunk, or without its envelope', async () => {
    const badRow = pullAnswer(250);
    badRow.rows[230] = { ...badRow.rows[230], stamps: { status: 'yesterday' } };
    const noDone = pullAnswer(3);
    delete noDone['done'];

    expect(await checkedPullPage(badRow)).toBeUndefined();
    expect(await checkedPullPage(noDone)).toBeUndefined();
    expect(await checkedPullPage('<html>a proxy’s error page</html>')).toBeUndefined();
  });

  it('lets the page’s other work run between chunks of a big page', async () => {
    const order: string[] = [];
    // A save at the bench, say: asked for before the page is checked.
    setTimeout(() => order.push('other work'), 0);

    await checkedPullPage(pullAnswer(1_000)).then(() => order.push('page checked'));

    expect(order).toEqual(['other work', 'page checked']);
  });

  it('checks a small page in one go', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('other work'), 0);

    await checkedPullPage(pullAnswer(100)).then(() => order.push('page checked'));

    expect(order).toEqual(['page checked']);
  });
});
