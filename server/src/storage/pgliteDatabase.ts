import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, Transaction } from './database';
import { underSavepoint } from './database';

type PgliteQueryable = Pick<PGlite, 'query' | 'exec'>;

function queryableOf(connection: PgliteQueryable): Queryable {
  return {
    async query<Row extends Record<string, unknown>>(sql: string, params?: readonly unknown[]) {
      const result = await connection.query<Row>(sql, params === undefined ? [] : [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await connection.exec(sql);
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite) in `dataDir`, or in memory when it is undefined. One process
 * opens a data folder at a time; PGlite runs one query at a time, so transactions queue.
 */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  const pglite = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  const base = queryableOf(pglite);
  return {
    kind: 'pglite',
    ...base,
    async transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
      return pglite.transaction(async (connection) => {
        const queryable = queryableOf(connection);
        return work({ ...queryable, savepoint: (inner) => underSavepoint(queryable, inner) });
      });
    },
    async listen(channel, onPayload) {
      const stop = await pglite.listen(channel, onPayload);
      return async () => {
        await stop();
      };
    },
    async close() {
      await pglite.close();
    },
  };
}
