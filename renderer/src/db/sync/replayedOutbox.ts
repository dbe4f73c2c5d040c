import type { Transaction } from 'dexie';
import type { RecordId } from '#shared/domain/primitives';
import type { SyncRow } from '#shared/sync/protocol';
import type { OutboxEntry, StationOwnSettingsRow, SyncStateRow } from '../records';
import { renumberOutbox } from './syncState';

/**
 * A backup keeps the outbox as it stood, with changes the server had already applied but the
 * station had not yet heard back about. Restored, the station is a new client, so the server
 * cannot tell them by their mutation ids, and would apply them again: a field changed since
 * (at any station) then reads as a concurrent edit, and a conflict record tells of an edit that
 * was never superseded. Every change a repository makes comes with its audit event, an
 * insert-only row with an id of its own: when the center's rows hold that event, the server
 * applied the change (or refused it, and holds the event's tombstone). The joining pull, which
 * comes before the first push, drops those entries from the outbox (see `applyPulledPage`).
 */

/** The ids of the audit events an outbox entry adds (they are insert-only: every change adds one). */
function auditEventIdsOf(entry: OutboxEntry): RecordId[] {
  return entry.rows.filter((change) => change.table === 'auditEvents').map((change) => change.id);
}

/**
 * Drops from the outbox, in `transaction`, the entries whose audit event is among `rows` (a page
 * of the joining pull), and numbers the outbox again without the gap. Returns how many went.
 * `station` is this station's settings (read once for the whole page). The transaction must cover
 * `outbox`, `sequences` and `syncState`.
 */
export async function dropReplayedEntries(
  transaction: Transaction,
  rows: readonly SyncRow[],
  station: StationOwnSettingsRow,
): Promise<number> {
  // Only this station's own events can be its outbox's (or their tombstones, which the server
  // made when it refused them): a station joining a center for the first time reads no outbox
  // here, however many pages its first pull has.
  const madeHere = new Set<SyncRow['station']>([station.stationCode, 'SERVER']);
  const heldEvents = new Set(
    rows
      .filter((row) => row.table === 'auditEvents' && madeHere.has(row.station))
      .map((row) => row.id),
  );
  if (heldEvents.size === 0) return 0;
  const outbox = transaction.table<OutboxEntry, number>('outbox');
  const replayed = (await outbox.toArray()).filter((entry) =>
    auditEventIdsOf(entry).some((id) => heldEvents.has(id)),
  );
  if (replayed.length === 0) return 0;
  await outbox.bulkDelete(replayed.map((entry) => entry.sequence));
  const state = await transaction.table<SyncStateRow, string>('syncState').get('state');
  await renumberOutbox(transaction, (state?.enrollment?.acknowledgedMutationId ?? 0) + 1);
  return replayed.length;
}
