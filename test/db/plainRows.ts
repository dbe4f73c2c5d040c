import Dexie, { type Table } from 'dexie';
import { afterEach } from 'vitest';

/** A row of a plain table: its id and its position among the rows made. */
export type PlainRow = { readonly id: string; readonly value: number };

/** The id of the row at `index`: `row-0000`, `row-0001`…, in order. */
export const plainRowId = (index: number): string => `row-${String(index).padStart(4, '0')}`;

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/**
 * A table of `count` rows in a plain database of its own (no write guard: not Fixline's),
 * deleted after the test; `otherTables` are made empty beside it (`rows.db.table(name)`).
 */
export async function plainRowsTable(
  count: number,
  otherTables: readonly string[] = [],
): Promise<Table<PlainRow, string>> {
  const db = new Dexie(`plain-rows-${crypto.randomUUID()}`);
  opened.push(db);
  db.version(1).stores(
    Object.fromEntries([['rows', 'id'], ...otherTables.map((name) => [name, 'id'])]),
  );
  const rows = db.table<PlainRow, string>('rows');
  await rows.bulkPut(
    Array.from({ length: count }, (_, index) => ({ id: plainRowId(index), value: index })),
  );
  return rows;
}
