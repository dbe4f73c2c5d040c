import pg from 'pg';
import type { Database, ListenOptions, Queryable, Transaction } from './database';
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

/** The first wait before listening again after a lost connection; it doubles up to the last. */
const firstListenRetryMs = 250;
const lastListenRetryMs = 30_000;
/** How the listening connections show in `pg_stat_activity` (see {@link listenerApplicationNameOf}). */
const listenerApplicationName = 'fixline-listen';

/**
 * The listening connections' name for a server on `url`: {@link listenerApplicationName},
 * followed by the URL's own `application_name` when it gives one, so the connections of several
 * servers on one PostgreSQL can be told apart.
 */
export function listenerApplicationNameOf(url: string): string {
  const own = parsedUrl(url)?.searchParams.get('application_name');
  return own === undefined || own === null || own === ''
    ? listenerApplicationName
    : `${listenerApplicationName} ${own}`;
}

/** `url` with the listening connections' name (a name in the URL wins over the client's option). */
function listenerUrlOf(url: string): string {
  const parsed = parsedUrl(url);
  if (parsed === undefined) return url;
  parsed.searchParams.set('application_name', listenerApplicationNameOf(url));
  return parsed.toString();
}

/** `url` parsed, or undefined for a connection string that is not a URL (`host=… dbname=…`). */
function parsedUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Listens on `channel` on its own connection to `url`; when the connection drops (the database
 * restarted, an administrator or a proxy ended it), connects and listens again, waiting longer
 * after each failed try. The result stops listening.
 */
async function listenOnOwnConnection(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  { log, onReconnect }: ListenOptions,
): Promise<() => Promise<void>> {
  let current: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<pg.Client> => {
    const client = new pg.Client({
      connectionString: listenerUrlOf(url),
      // For a connection string that is not a URL, which listenerUrlOf leaves as it is.
      application_name: listenerApplicationNameOf(url),
    });
    client.on('error', (error) => {
      if (!stopped)
        log?.warn({ channel, reason: error.message }, 'the listening connection failed');
    });
    client.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    client.on('end', () => {
      if (stopped || current !== client) return;
      current = undefined;
      log?.warn({ channel }, 'the listening connection dropped: listening again');
      retryAfter(0);
    });
    return client;
  };

  const retryAfter = (attempt: number) => {
    const waitMs = Math.min(lastListenRetryMs, firstListenRetryMs * 2 ** attempt);
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(
        (client) => {
          if (stopped) return void client.end();
          current = client;
          log?.info({ channel, attempts: attempt + 1 }, 'listening again');
          onReconnect?.();
        },
        (error: unknown) => {
          if (stopped) return;
          const reason = error instanceof Error ? error.message : String(error);
          log?.warn({ channel, attempts: attempt + 1, reason }, 'cannot listen yet: trying again');
          retryAfter(attempt + 1);
        },
      );
    }, waitMs);
  };

  current = await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = undefined;
    await client?.end();
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
  const listeners = new Set<() => Promise<void>>();
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
    async listen(channel, onPayload, options = {}) {
      const stop = await listenOnOwnConnection(url, channel, onPayload, options);
      const stopOnce = async () => {
        if (listeners.delete(stopOnce)) await stop();
      };
      listeners.add(stopOnce);
      return stopOnce;
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}
