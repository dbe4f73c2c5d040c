import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bulkGetInTurns, idsPerTurn } from '../../renderer/src/db/bulkGetInTurns';
import { plainRowId, plainRowsTable } from './plainRows';

describe('reading rows by id a few at a time', () => {
  it('answers as one bulkGet does: the ids’ order, undefined where no row has the id', async () => {
    const rows = await plainRowsTable(60);
    const ids = [
      ...Array.from({ length: 3 * idsPerTurn + 3 }, (_, index) => plainRowId(59 - 2 * index)),
      'row-9999',
      'row-0007',
      'row-0007',
    ];

    const read = await bulkGetInTurns(rows, ids);

    expect(read).toEqual(await rows.bulkGet(ids));
    expect(read.map((row) => row?.value)).toEqual([
      ...Array.from({ length: 3 * idsPerTurn + 3 }, (_, index) => 59 - 2 * index),
      undefined,
      7,
      7,
    ]);
  });

  it('asks for a few ids at a time, each turn once the last is answered', async () => {
    const rows = await plainRowsTable(40);
    const asked: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const watched = {
      bulkGet: async (keys: string[]) => {
        asked.push(keys.length);
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          return await rows.bulkGet(keys);
        } finally {
          inFlight -= 1;
        }
      },
    };
    const ids = Array.from({ length: 20 }, (_, index) => plainRowId(index));

    const read = await bulkGetInTurns(watched, ids, 6);

    expect(asked).toEqual([6, 6, 6, 2]);
    expect(mostInFlight).toBe(1);
    expect(read.map((row) => row?.value)).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });

  it('asks nothing for no ids', async () => {
    let asked = 0;
    const read = await bulkGetInTurns(
      {
        bulkGet: async () => {
          asked += 1;
          return [];
        },
      },
      [],
    );

    expect(read).toEqual([]);
    expect(asked).toBe(0);
  });
});
