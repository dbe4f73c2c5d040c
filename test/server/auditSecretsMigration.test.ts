import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/storage/database';
import { migrate } from '../../server/src/storage/migrate';
import { openPgliteDatabase } from '../../server/src/storage/pgliteDatabase';
import { openPostgresDatabase } from '../../server/src/storage/postgresDatabase';
import { createTestSchema, testDatabaseKinds, type DatabaseKind } from './serverHarness';

const migrationsFolder = join(import.meta.dirname, '../../server/migrations');
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** A folder holding the server's migrations before `number`, as an older server had them. */
async function migrationsBefore(number: number): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'fixline-migrations-'));
  folders.push(folder);
  for (const name of await readdir(migrationsFolder)) {
    if (Number(name.slice(0, 3)) < number)
      await copyFile(join(migrationsFolder, name), join(folder, name));
  }
  return folder;
}

/** An empty database of `kind`, not migrated; dropped by `close`. */
async function openEmptyDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === 'pglite') return openPgliteDatabase(undefined);
  const { url, schema } = await createTestSchema();
  const database = await openPostgresDatabase(url);
  return {
    ...database,
    async close() {
      await database.query(`DROP SCHEMA ${schema} CASCADE`);
      await database.close();
    },
  };
}

const exposed = {
  pinHash: { from: 'sha256:old-hash', to: 'sha256:new-hash' },
  pinSalt: { from: null, to: 'c2FsdA==' },
  name: { from: 'Dewi', to: 'Dewi Lestari' },
};

for (const kind of testDatabaseKinds) {
  describe(`migration 006 (${kind})`, () => {
    it('hides the PIN hashes older people’s audit events carry, and nothing else', async () => {
      const database = await openEmptyDatabase(kind);
      try {
        expect(await migrate(database, await migrationsBefore(6))).toEqual([1, 2, 3, 4, 5]);
        const [space] = await database.query<{ id: string }>('SELECT id FROM space');
        const insert = (id: string, entity: string) =>
          database.query(
            `INSERT INTO audit_events (space_id, id, _version, stamps, updated_by, station, entity,
               entity_id, action, changes, actor, event_station, at)
             VALUES ($1, $2, 1, '{}', 'a', 'JKT1', $3, 'p', 'update', $4, 'a', 'JKT1', 'now')`,
            [space?.id, id, entity, JSON.stringify(exposed)],
          );
        await insert('person-event', 'people');
        // Another table's field of the same name is not a PIN.
        await insert('customer-event', 'customers');

        expect(await migrate(database)).toContain(6);
        const rows = await database.query<{ id: string; changes: unknown }>(
          'SELECT id, changes FROM audit_events ORDER BY id',
        );
        expect(rows).toEqual([
          { id: 'customer-event', changes: exposed },
          {
            id: 'person-event',
            changes: {
              pinHash: { from: '[secret]', to: '[secret]' },
              pinSalt: { from: null, to: '[secret]' },
              name: exposed.name,
            },
          },
        ]);
      } finally {
        await database.close();
      }
    });
  });
}
