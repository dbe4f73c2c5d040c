import type { Database } from '../storage/database';
import { toNumber } from '../storage/database';
import { syncTableColumns } from '../storage/syncColumns';
import { readSpace } from '../identity';

/** `90d`, `12h` or `30m` as milliseconds; undefined when it is not one of those. */
export function parseAge(text: string): number | undefined {
  const match = /^(\d+)([dhm])$/.exec(text.trim());
  if (match === null) return undefined;
  const unitMs = { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2] as 'd' | 'h' | 'm'];
  return Number(match[1]) * unitMs;
}

/**
 * Deletes the tombstones (rows with `deletedAt`) deleted before `olderThan` and raises the space's
 * horizon to the highest version purged, so a station whose cursor is below it starts again
 * (it may have missed a deletion that is no longer there to pull).
 */
export async function purgeTombstones(
  database: Database,
  olderThan: Date,
): Promise<{ purged: number; horizon: number }> {
  return database.transaction(async (transaction) => {
    const space = await readSpace(transaction);
    // The same lock as a push: no row is written while the horizon moves.
    await transaction.query('SELECT version FROM space WHERE id = $1 FOR UPDATE', [space.id]);
    let purged = 0;
    let horizon = space.horizon;
    for (const { sqlTable } of Object.values(syncTableColumns)) {
      const rows = await transaction.query<{ _version: unknown }>(
        `DELETE FROM ${sqlTable} WHERE space_id = $1 AND deleted_at IS NOT NULL AND deleted_at::timestamptz < $2::timestamptz RETURNING _version`,
        [space.id, olderThan.toISOString()],
      );
      purged += rows.length;
      for (const row of rows) horizon = Math.max(horizon, toNumber(row._version));
    }
    await transaction.query('UPDATE space SET horizon = $2 WHERE id = $1', [space.id, horizon]);
    return { purged, horizon };
  });
}
