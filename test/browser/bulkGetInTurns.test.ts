import Dexie, { type Table } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { bulkGetInTurns, idsPerTurn } from '../../renderer/src/db/bulkGetInTurns';

/**
 * Why the queue window reads its customers and devices a few at a time, in Chromium's real
 * IndexedDB: another transaction's one request is answered only once the requests one
 * transaction queued before it are, so it waits behind a whole `bulkGet`, and behind one turn
 * of `bulkGetInTurns`.
 */

type Row = { readonly id: string; readonly value: number };

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const rowCount = 200;
const idOf = (index: number) => `row-${String(index).padStart(4, '0')}`;

/** Rows to read by id, and a table of one row another reader asks for meanwhile. */
async function openTables(): Promise<{ rows: Table<Row, string>; other: Table<Row, string> }> {
  const db = new Dexie(`bulk-get-in-turns-${crypto.randomUUID()}`);
  opened.push(db);
  db.version(1).stores({ rows: 'id', other: 'id' });
  const rows = db.table<Row, string>('rows');
  const other = db.table<Row, string>('other');
  await db.transaction('rw', rows, other, async () => {
    await rows.bulkPut(
      Array.from({ length: rowCount }, (_, index) => ({ id: idOf(index), value: index })),
    );
    await other.put({ id: 'scanned', value: -1 });
  });
  return { rows, other };
}

/** `rows` whose answered rows are counted as each `bulkGet` is answered. */
function counted(rows: Table<Row, string>) {
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
    const ids = Array.from({ length: rowCount }, (_, index) => idOf((index * 37) % rowCount));

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
