import type { Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { OutboxEntry, OutboxRowChange, SyncStateRow } from '../records';
import type { SchemaVersion } from './schemaVersion';

/**
 * Version 5: the station syncs with a server (see `core/sync/`).
 * - syncState: this database's client id and enrollment, one row. Existing databases get their
 *   client id here: their outbox entries are its mutations 1, 2, 3…
 * - syncRejections: the changes the server refused for good, by outbox mutation id.
 * - conflicts: the conflicts the server found, as pulled, by claim for the claim's timeline.
 * - pulledRecords: pulled rows of the center-wide tables this station does not store as records
 *   yet (`people`, `centerSettings`), by table and id.
 * - outbox: each row change carries the stamps its fields had before (`base`); entries written
 *   before this version did not record them, so they get an empty `base` (the server then treats
 *   any differing stamp as concurrent and keeps a conflict record).
 */
/** The tables version 5 added. */
export type SyncTablesOfVersion5 = 'syncState' | 'syncRejections' | 'conflicts' | 'pulledRecords';

export const schemaVersion5 = {
  version: 5,
  stores: {
    syncState: 'key',
    syncRejections: 'mutationId, at',
    conflicts: 'id, claimId',
    pulledRecords: '[table+id]',
  } satisfies Record<SyncTablesOfVersion5, string>,
  upgrade: addSyncState,
} satisfies SchemaVersion;

async function addSyncState(transaction: Transaction): Promise<void> {
  await transaction
    .table<OutboxEntry, number>('outbox')
    .toCollection()
    .modify((entry) => {
      Reflect.set(
        entry,
        'rows',
        // A row that has its base already (a backup of a later app, restored through the
        // upgrades) keeps it.
        entry.rows.map((row: Omit<OutboxRowChange, 'base'> & Partial<OutboxRowChange>) => ({
          ...row,
          base: row.base ?? {},
        })),
      );
    });
  const state: SyncStateRow = { key: 'state', clientId: uuidv7() };
  await transaction.table<SyncStateRow, string>('syncState').put(state);
}
