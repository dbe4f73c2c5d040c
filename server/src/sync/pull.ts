import type { PullRequest, PullResponse } from '#shared/sync/protocol';
import { SyncError } from '../errors';
import type { Device } from '../identity';
import { clientLastMutationId, continuesHistory, readSpace } from '../identity';
import type { Database } from '../storage/database';
import { countRowsAfter, rowsAfter } from '../storage/syncRows';

/** Rows a page holds when the station does not say. */
const defaultPullRows = 1_000;

/**
 * One page of rows changed after the cursor, in (version, table, id) order, up to the version
 * the first page pins (the space's version when it is asked). A row changed again meanwhile moves
 * past `upTo` and comes in the next pull. A cursor below the tombstone horizon may have missed a
 * purged deletion, and one of another history than the server's that no restore continued (or
 * past the version it continued to) was given before the server was restored from an older
 * backup: either way the station must pull again from the start.
 */
export async function pullPage(
  database: Database,
  device: Device,
  request: PullRequest,
): Promise<PullResponse> {
  const lastMutationId = await clientLastMutationId(database, device, request.clientId, false);
  const space = await readSpace(database);
  const cursor = request.cursor;
  if (cursor !== null && cursor.version < space.horizon) {
    throw new SyncError(
      'cursor-below-horizon',
      `Deleted records up to version ${space.horizon} were purged and this station is at ${cursor.version}: pull again from the start.`,
      { horizon: space.horizon },
    );
  }
  // A cursor without a history is from before histories were kept: the version check remains.
  // One of a history a restore continued from goes on when the backup held all it pulled.
  const otherHistory =
    cursor?.history !== undefined &&
    cursor.history !== space.history &&
    !(await continuesHistory(database, space.id, {
      history: cursor.history,
      version: cursor.version,
    }));
  if (cursor !== null && (otherHistory || cursor.version > space.version)) {
    throw new SyncError(
      'cursor-ahead',
      `This station has pulled up to version ${cursor.version} of another history than the server's, which is at ${space.version} (was the server restored from a backup older than this station's last pull?): pull again from the start.`,
      { serverVersion: space.version },
    );
  }
  const upTo = request.upTo ?? space.version;
  if (upTo > space.version) {
    throw new SyncError(
      'invalid-request',
      `upTo ${upTo} is past this server's version ${space.version}: was the station enrolled with another server?`,
    );
  }
  const limit = request.limit ?? defaultPullRows;
  const rows = await rowsAfter(database, device.spaceId, cursor, upTo, limit + 1);
  const page = rows.slice(0, limit);
  const done = rows.length <= limit;
  const lastRow = page.at(-1);
  // Of this history from now on, also when nothing came: a continued one's cursor moves over.
  const nextCursor =
    lastRow === undefined
      ? cursor && { ...cursor, history: space.history }
      : { version: lastRow.version, table: lastRow.table, id: lastRow.id, history: space.history };
  // Counted once a pull, with its first page (the one that pins `upTo`): counting what remains
  // reads every row after the cursor, which on every page of a first pull would add up to the
  // square of the rows. The station counts down from it.
  // Where the station stands once this pull is whole, for its lag in /metrics.
  if (done) {
    await database.query(
      'UPDATE enrolled_devices SET pulled_version = $2, last_seen_at = now() WHERE id = $1',
      [device.id, upTo],
    );
  }
  const remaining = done
    ? 0
    : request.upTo === undefined
      ? (await countRowsAfter(database, device.spaceId, cursor, upTo)) - page.length
      : undefined;
  return {
    rows: page,
    cursor: nextCursor,
    upTo,
    done,
    lastMutationId,
    ...(remaining === undefined ? {} : { remaining }),
  };
}
