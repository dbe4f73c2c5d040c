import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncTableNames } from '#shared/sync/protocol';
import { syncRowFields } from '#shared/sync/rowSchemas';
import type { Database } from '../../server/src/storage/database';
import type { syncSystemColumns } from '../../server/src/storage/syncColumns';
import { sqlTypeOf, syncTableColumns } from '../../server/src/storage/syncColumns';
import { openTestDatabase } from './serverHarness';

const systemColumnTypes: Record<(typeof syncSystemColumns)[number] | 'id', string> = {
  space_id: 'text',
  id: 'text',
  _version: 'bigint',
  stamps: 'jsonb',
  updated_by: 'text',
  station: 'text',
};

describe('the synced tables as the migrations make them', () => {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 180_000);
  afterAll(async () => {
    await database?.close();
  });

  it.each(syncTableNames)(
    '%s has a column of the right type for each field of the map, and no other',
    async (table) => {
      const { sqlTable, columns } = syncTableColumns[table];
      const found = await database?.query<{ column_name: string; data_type: string }>(
        'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1',
        [sqlTable],
      );
      const expected: Record<string, string> = { ...systemColumnTypes };
      for (const column of columns) expected[column.column] = sqlTypeOf[column.type];
      expect(
        Object.fromEntries((found ?? []).map((row) => [row.column_name, row.data_type])),
      ).toEqual(expected);
    },
  );

  it('has an index on (space_id, _version, id) for every synced table', async () => {
    const indexes = await database?.query<{ tablename: string; indexdef: string }>(
      "SELECT tablename, indexdef FROM pg_indexes WHERE indexdef LIKE '%(space_id, _version, id)%'",
    );
    expect(new Set(indexes?.map((index) => index.tablename))).toEqual(
      new Set(syncTableNames.map((table) => syncTableColumns[table].sqlTable)),
    );
  });
});

/**
 * The server stores what the row schemas let through (shared/sync/rowSchemas): the map must hold
 * a column for each of their fields, or a write would drop the field. A column the schemas lack
 * (the center's `language`, a station's own choice) is never written: they refuse the field.
 */
describe('the column map', () => {
  it.each(syncTableNames)('holds every field of a %s row and a deletedAt', (table) => {
    const fields = new Set(syncTableColumns[table].columns.map((column) => column.field));
    expect([...syncRowFields(table)].filter((field) => !fields.has(field))).toEqual([]);
  });
});
