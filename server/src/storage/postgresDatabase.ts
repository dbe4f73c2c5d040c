import pg from 'pg';
import type { Database, Queryable, Transaction } from './database';
import { underSavepoint } from './database';

type Connection = Pick<pg.ClientBase, 'query'>;

function queryableOf(connection: Connection): Queryable {
  return {
    async query<Row extends Record<string, unknown>>(sql: string, params?: readonly unknown[]) {
      const result = await connection.query<Row>(sql, params === undefined ? [] : [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await connection.query(sql);
    },
  };
}

/**
 * PostgreSQL at `url`, through a pool. Notifications arrive on one dedicated connection, so
 * every server process on the database hears every other's pokes.
 */
export async function openPostgresDatabase(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle pooled connection that the server drops must not crash the process.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  const listeners: pg.Client[] = [];
  return {
    kind: 'postgres',
    ...queryableOf(pool),
    async transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const queryable = queryableOf(client);
        const result = await work({
          ...queryable,
          savepoint: (inner) => underSavepoint(queryable, inner),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async listen(channel, onPayload) {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end();
      };
    },
    async close() {
      await Promise.all(listeners.splice(0).map((client) => client.end()));
      await pool.end();
    },
  };
}
