import 'fake-indexeddb/auto';
import Dexie, { type Table } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { readRowsById } from '../../renderer/src/db/claimDeadline';

type Row = { readonly id: string; readonly value: number };

/** A plain database of `count` rows with ids `row-0000`… in order (no write guard: not Fixline's). */
async function rowsTable(count: number): Promise<{ db: Dexie; rows: Table<Row, string> }> {
  const db = new Dexie(`read-rows-by-id-${Math.random()}`);
  db.version(1).stores({ rows: 'id' });
  const rows = db.table<Row, string>('rows');
  await rows.bulkPut(
    Array.from({ length: count }, (_, index) => ({
      id: `row-${String(index).padStart(4, '0')}`,
      value: index,
    })),
  );
  return { db, rows };
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('reading rows by id', () => {
  it('reads ids lying close together, leaving out absent ones', async () => {
    const { db, rows } = await rowsTable(20);
    opened.push(db);

    const read = await readRowsById(rows, ['row-0005', 'row-0003', 'row-0004', 'row-0099']);

    expect(read.map((row) => row.value).sort((a, b) => a - b)).toEqual([3, 4, 5]);
  });

  it('reads ids far apart, with many rows between them, each once', async () => {
    const { db, rows } = await rowsTable(500);
    opened.push(db);
    const ids = ['row-0001', 'row-0002', 'row-0250', 'row-0499', 'row-0002'];

    const read = await readRowsById(rows, ids);

    expect(read.map((row) => row.value).sort((a, b) => a - b)).toEqual([1, 2, 250, 499]);
  });

  it('reads nothing for no ids', async () => {
    const { db, rows } = await rowsTable(3);
    opened.push(db);

    expect(await readRowsById(rows, [])).toEqual([]);
  });
});
