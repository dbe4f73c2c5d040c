import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Queryable } from './storage/database';
import { toNumber } from './storage/database';

/**
 * A store for `@fastify/rate-limit` that counts in the server's database, so that several server
 * processes on one PostgreSQL share one count per address (the plugin's own store counts in each
 * process's memory). A window starts with an address's first hit and lasts the route's time
 * window; one statement counts the hit, so two processes never both start a window.
 */
export function databaseRateLimitStore(database: Queryable): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    /** The route the counts are of, in front of each address: none until `child` makes one. */
    #prefix = '';

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      countHit(database, `${this.#prefix}${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes the route's own options as `routeInfo` (its types leave it out): a
      // route's counts are its own, and the same in every process.
      const { routeInfo } = routeOptions as unknown as {
        routeInfo: { method: string; url: string };
      };
      const store = new DatabaseRateLimitStore();
      store.#prefix = `${routeInfo.method} ${routeInfo.url} `;
      return store;
    }
  }
  return DatabaseRateLimitStore;
}

async function countHit(
  database: Queryable,
  key: string,
  timeWindowMs: number,
): Promise<{ current: number; ttl: number }> {
  // Windows a day old are deleted as hits come: far longer than any route's window.
  const [row] = await database.query<{ hits: unknown; ttl: unknown }>(
    `WITH stale AS (
       DELETE FROM rate_limits WHERE window_started_at < now() - interval '1 day' AND key <> $1
     )
     INSERT INTO rate_limits AS counted (key, window_started_at, hits) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN counted.window_started_at + $2 * interval '1 millisecond' <= now()
         THEN 1 ELSE counted.hits + 1 END,
       window_started_at = CASE WHEN counted.window_started_at + $2 * interval '1 millisecond' <= now()
         THEN now() ELSE counted.window_started_at END
     RETURNING hits,
       GREATEST(0, ceil(extract(epoch FROM window_started_at + $2 * interval '1 millisecond' - now()) * 1000))::bigint AS ttl`,
    [key, timeWindowMs],
  );
  if (row === undefined) throw new Error('the rate limit was not counted');
  return { current: toNumber(row.hits), ttl: toNumber(row.ttl) };
}
