import type { Hlc } from '#shared/sync/hybridLogicalClock';
import type { MergeRow } from '#shared/sync/merge';
import type { SyncRow, SyncTable } from '#shared/sync/protocol';
import type { Queryable } from './database';
import { toNumber } from './database';
import type { ColumnDefinition } from './syncColumns';
import { syncTableColumns } from './syncColumns';

/** A synced row as the server holds it: merged state and the version of its last change. */
export type StoredRow = { readonly row: MergeRow; readonly version: number };

/** A row from `to_jsonb(table)`: its columns by name. */
type JsonRow = Record<string, unknown>;

function storedRowOf(table: SyncTable, json: JsonRow): StoredRow {
  const values: Record<string, unknown> = {};
  for (const column of syncTableColumns[table].columns) {
    const value = json[column.column];
    if (value !== null && value !== undefined) values[column.field] = value;
  }
  return {
    row: {
      values,
      stamps: json.stamps as Record<string, Hlc>,
      updatedBy: String(json.updated_by),
      station: String(json.station),
    },
    version: toNumber(json._version),
  };
}

/** The row of `table` with `id`, locked for the rest of the transaction; undefined when none. */
export async function lockRow(
  queryable: Queryable,
  spaceId: string,
  table: SyncTable,
  id: string,
): Promise<StoredRow | undefined> {
  const { sqlTable } = syncTableColumns[table];
  const [found] = await queryable.query<{ row: JsonRow }>(
    `SELECT to_jsonb(t) AS row FROM ${sqlTable} t WHERE space_id = $1 AND id = $2 FOR UPDATE`,
    [spaceId, id],
  );
  return found === undefined ? undefined : storedRowOf(table, found.row);
}

const castOf: Readonly<Record<ColumnDefinition['type'], string>> = {
  text: 'text',
  double: 'double precision',
  boolean: 'boolean',
  jsonb: 'jsonb',
};

const upsertSql = new Map<SyncTable, string>();

function upsertStatement(table: SyncTable): string {
  const cached = upsertSql.get(table);
  if (cached !== undefined) return cached;
  const { sqlTable, columns } = syncTableColumns[table];
  const fieldColumns = columns.filter((column) => column.field !== 'id');
  const names = ['space_id', 'id', '_version', 'stamps', 'updated_by', 'station'].concat(
    fieldColumns.map((column) => column.column),
  );
  const placeholders = ['$1', '$2', '$3', '$4::jsonb', '$5', '$6'].concat(
    fieldColumns.map((column, index) => `$${index + 7}::${castOf[column.type]}`),
  );
  const updates = names
    .filter((name) => name !== 'space_id' && name !== 'id')
    .map((name) => `${name} = EXCLUDED.${name}`);
  const sql = `INSERT INTO ${sqlTable} (${names.join(', ')}) VALUES (${placeholders.join(', ')}) ON CONFLICT (space_id, id) DO UPDATE SET ${updates.join(', ')}`;
  upsertSql.set(table, sql);
  return sql;
}

/** Writes a row whole (every column: a field absent from `row.values` becomes NULL). */
export async function writeRow(
  queryable: Queryable,
  spaceId: string,
  table: SyncTable,
  id: string,
  row: MergeRow,
  version: number,
): Promise<void> {
  const fieldColumns = syncTableColumns[table].columns.filter((column) => column.field !== 'id');
  const params: unknown[] = [
    spaceId,
    id,
    version,
    JSON.stringify(row.stamps),
    row.updatedBy,
    row.station,
  ];
  for (const column of fieldColumns) {
    const value = row.values[column.field];
    if (value === undefined || value === null) params.push(null);
    else params.push(column.type === 'jsonb' ? JSON.stringify(value) : value);
  }
  await queryable.query(upsertStatement(table), params);
}

/** A stored row as a pull sends it. */
function syncRowOf(table: SyncTable, id: string, stored: StoredRow): SyncRow {
  return {
    table,
    id,
    version: stored.version,
    values: stored.row.values as SyncRow['values'],
    stamps: stored.row.stamps,
    updatedBy: stored.row.updatedBy,
    station: stored.row.station,
  };
}

/** Tables in the order pulls list them within one version: by name, as bytes (collation "C"). */
const tablesInPullOrder: readonly SyncTable[] = Object.keys(syncTableColumns)
  .map((name) => name as SyncTable)
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Where a pull is: after `(version, table, id)`, or from the start. */
export type RowPosition = {
  readonly version: number;
  readonly table: SyncTable;
  readonly id: string;
};

/** The condition "after `cursor`" for one table's rows, with its parameters from `$first`. */
function afterCursor(
  table: SyncTable,
  cursor: RowPosition | null,
  first: number,
): { sql: string; params: unknown[] } {
  if (cursor === null) return { sql: 'TRUE', params: [] };
  if (table < cursor.table) return { sql: `_version > $${first}`, params: [cursor.version] };
  if (table > cursor.table) return { sql: `_version >= $${first}`, params: [cursor.version] };
  // A row comparison, which the (space_id, _version, id) index answers as a range: the same
  // condition written with OR made each page scan every row before the cursor.
  return {
    sql: `(_version, id) > ($${first}, $${first + 1})`,
    params: [cursor.version, cursor.id],
  };
}

/**
 * Up to `limit` rows changed after `cursor` and at or before `upTo`, in (version, table, id)
 * order across every synced table.
 */
export async function rowsAfter(
  queryable: Queryable,
  spaceId: string,
  cursor: RowPosition | null,
  upTo: number,
  limit: number,
): Promise<SyncRow[]> {
  const params: unknown[] = [spaceId, upTo, limit];
  const parts = tablesInPullOrder.map((table) => {
    const after = afterCursor(table, cursor, params.length + 1);
    params.push(...after.params);
    return `(SELECT '${table}' AS table_name, _version, id, to_jsonb(t) AS row FROM ${syncTableColumns[table].sqlTable} t WHERE space_id = $1 AND _version <= $2 AND ${after.sql} ORDER BY _version, id LIMIT $3)`;
  });
  const found = await queryable.query<{ table_name: SyncTable; id: string; row: JsonRow }>(
    `SELECT * FROM (${parts.join(' UNION ALL ')}) AS changed ORDER BY _version, table_name COLLATE "C", id COLLATE "C" LIMIT $3`,
    params,
  );
  return found.map(({ table_name: table, id, row }) =>
    syncRowOf(table, id, storedRowOf(table, row)),
  );
}

/** How many rows changed after `cursor` and at or before `upTo` (an index range count per table). */
export async function countRowsAfter(
  queryable: Queryable,
  spaceId: string,
  cursor: RowPosition | null,
  upTo: number,
): Promise<number> {
  const params: unknown[] = [spaceId, upTo];
  const parts = tablesInPullOrder.map((table) => {
    const after = afterCursor(table, cursor, params.length + 1);
    params.push(...after.params);
    return `(SELECT count(*) FROM ${syncTableColumns[table].sqlTable} WHERE space_id = $1 AND _version <= $2 AND ${after.sql})`;
  });
  const [total] = await queryable.query<{ total: unknown }>(
    `SELECT ${parts.join(' + ')} AS total`,
    params,
  );
  return toNumber(total?.total ?? 0);
}
