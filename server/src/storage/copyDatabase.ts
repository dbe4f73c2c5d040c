import type { Database, Queryable } from './database';
import { syncTableColumns } from './syncColumns';

/**
 * Copies every row of one server database into another of the same schema: the way a center
 * moves from the embedded database to PostgreSQL. Versions, client cursors, device tokens'
 * hashes and the center's id come along, so stations continue where they were, without pulling
 * everything again.
 */

/** The server's own tables, parents before the tables that refer to them. */
const identityTables = [
  'space',
  'continued_histories',
  'enrolled_devices',
  'clients',
  'rejections',
  'pairing_codes',
];

/** Every table to copy, in an order that meets the foreign keys. */
const tablesToCopy = [
  ...identityTables,
  ...Object.values(syncTableColumns).map((table) => table.sqlTable),
];

/** Rows read and written per statement. */
const copyBatchRows = 2_000;

export type CopiedTable = { readonly table: string; readonly rows: number };

/**
 * Tables a move leaves behind: the migrations' own record (the target runs them itself), and
 * the rate limits' windows (minutes long, counted again from zero).
 */
const tablesNotCopied = ['schema_migrations', 'rate_limits'];

async function tablesOf(database: Database): Promise<string[]> {
  const rows = await database.query<{ tablename: string }>(
    'SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1::text[])) ORDER BY tablename',
    [`{${tablesNotCopied.join(',')}}`],
  );
  return rows.map((row) => row.tablename);
}

async function countRows(database: Queryable, table: string): Promise<number> {
  const [row] = await database.query<{ count: unknown }>(`SELECT count(*) AS count FROM ${table}`);
  return Number(row?.count ?? 0);
}

/** Whether `database` is as its migrations left it: one new center, nothing enrolled or synced. */
async function isFresh(database: Database): Promise<boolean> {
  const spaces = await database.query<{ version: unknown }>('SELECT version FROM space');
  if (spaces.length !== 1 || Number(spaces[0]?.version) !== 0) return false;
  for (const table of tablesToCopy) {
    if (table !== 'space' && (await countRows(database, table)) > 0) return false;
  }
  return true;
}

/**
 * Copies `source` into `target`, both migrated to the same schema. The target must be fresh (its
 * migrations' new center only); the copy runs in one transaction of the target and is checked
 * table by table (row counts), so it either lands whole or leaves the target as it was.
 */
export async function copyDatabase(source: Database, target: Database): Promise<CopiedTable[]> {
  const [sourceTables, targetTables] = [await tablesOf(source), await tablesOf(target)];
  const expected = [...tablesToCopy].sort();
  for (const [name, tables] of [
    ['source', sourceTables],
    ['target', targetTables],
  ] as const) {
    if (tables.join() !== expected.join()) {
      throw new Error(
        `The ${name} database's tables (${tables.join(', ')}) are not the ones this server copies (${expected.join(', ')}): run the same Fixline server version on both.`,
      );
    }
  }
  if (!(await isFresh(target))) {
    throw new Error(
      'The target database already holds a center: copy into a new, empty database (the server creates its tables there at start).',
    );
  }
  return source.transaction((reading) =>
    target.transaction(async (writing) => {
      await writing.query('DELETE FROM space');
      const copied: CopiedTable[] = [];
      for (const table of tablesToCopy) {
        // Each row as JSON (to_jsonb keeps every type's text form), written back through
        // jsonb_populate_recordset into the same columns: one statement per batch.
        await reading.query(
          `DECLARE copy_${table} NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS row FROM ${table} t`,
        );
        let rows = 0;
        for (;;) {
          const batch = await reading.query<{ row: string }>(
            `FETCH ${copyBatchRows} FROM copy_${table}`,
          );
          if (batch.length === 0) break;
          await writing.query(
            `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
            [`[${batch.map(({ row }) => row).join(',')}]`],
          );
          rows += batch.length;
        }
        await reading.query(`CLOSE copy_${table}`);
        const written = await countRows(writing, table);
        if (written !== rows) {
          throw new Error(`${table}: copied ${rows} rows but the target holds ${written}.`);
        }
        copied.push({ table, rows });
      }
      return copied;
    }),
  );
}
