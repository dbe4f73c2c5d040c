import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database';

/** Where the numbered migration files are: `001_name.sql`, `002_name.sql`… */
const migrationsFolder = join(import.meta.dirname, '../../migrations');

const migrationFilePattern = /^(\d{3})_[a-z0-9_]+\.sql$/;

/**
 * Runs the migrations not yet applied, in order, in one transaction, and records each in
 * `schema_migrations`. An advisory lock keeps two server processes starting together on one
 * PostgreSQL from running them twice. Returns the numbers it applied.
 */
export async function migrate(database: Database, folder = migrationsFolder): Promise<number[]> {
  const files = (await readdir(folder)).filter((name) => migrationFilePattern.test(name)).sort();
  return database.transaction(async (transaction) => {
    await transaction.query('SELECT pg_advisory_xact_lock(7411)');
    await transaction.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (number integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set(
      (await transaction.query<{ number: number }>('SELECT number FROM schema_migrations')).map(
        (row) => row.number,
      ),
    );
    const done: number[] = [];
    for (const name of files) {
      const number = Number(migrationFilePattern.exec(name)?.[1]);
      if (applied.has(number)) continue;
      await transaction.exec(await readFile(join(folder, name), 'utf8'));
      await transaction.query('INSERT INTO schema_migrations (number, name) VALUES ($1, $2)', [
        number,
        name,
      ]);
      done.push(number);
    }
    return done;
  });
}
