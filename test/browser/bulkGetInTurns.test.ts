import type { Table } from 'dexie';
import { describe, expect, it } from 'vitest';
import { bulkGetInTurns, idsPerTurn } from '../../renderer/src/db/bulkGetInTurns';
import { type PlainRow, plainRowId, plainRowsTable } from '../db/plainRows';

/**
 * Why the queue window reads its customers and devices a few at a time, in Chromium's real
 * IndexedDB: another transaction's one request is answered only once the requests one
 * transaction queued before it are, so it waits behind a whole `bulkGet`, and behind one turn
 * of `bulkGetInTurns`.
 */

const rowCount = 200;

/** Rows to read by id, and a table of one row another reader asks for meanwhile. */
async function openTables(): Promise<{
  rows: Table<PlainRow, string>;
  other: Table<PlainRow, string>;
}> {
  const rows = await plainRowsTable(rowCount, ['other']);
  const other = rows.db.table<PlainRow, string>('other');
  await other.put({ id: 'scanned', value: -1 });
  return { rows, other };
}

/** `rows` whose answered rows are counted as each `bulkGet` is answered. */
function counted(rows: Table<PlainRow, string>) {
  const answered = { rows: 0 };
  return {
    answered,
    table: {
      bulkGet: async (keys: string[]) => {
        const read = await rows.bulkGet(keys);
        answered.rows += read.length;
        return read;
      },
    },
  };
}

describe('reading rows by id a few at a time, in Chromium', () => {
  it('lets another transaction’s request through within two turns, where one bulkGet holds it to the end', async () => {
    const { rows, other } = await openTables();
    const ids = Array.from({ length: rowCount }, (_, index) => plainRowId((index * 37) % rowCount));

    const whole = counted(rows);
    const reading = whole.table.bulkGet(ids);
    await other.get('scanned');
    const answeredBeforeOther = whole.answered.rows;
    await reading;

    const inTurns = counted(rows);
    const readingInTurns = bulkGetInTurns(inTurns.table, ids);
    await other.get('scanned');
    const answeredInTurnsBeforeOther = inTurns.answered.rows;
    const read = await readingInTurns;

    expect(answeredBeforeOther).toBe(rowCount);
    expect(answeredInTurnsBeforeOther).toBeLessThanOrEqual(2 * idsPerTurn);
    expect(read.map((row) => row?.value)).toEqual(ids.map((id) => Number(id.slice(4))));
  });
});
