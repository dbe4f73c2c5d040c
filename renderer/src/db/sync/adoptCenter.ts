import type { Table, Transaction } from 'dexie';
import type { RecordId } from '#shared/domain/primitives';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import type { MergeRow } from '#shared/sync/merge';
import type { SyncRow } from '#shared/sync/protocol';
import type { OutboxEntry, OutboxRowChange, StoredAuditEvent, SyncStateRow } from '../records';
import { renumberOutbox } from './syncState';

/**
 * A station that wrote the center-wide records on its own before it knew the center (set up at
 * first run, then connected to the center's server; or, before schema v6, rows parked while it
 * could not store them) meets the center's copy of them. The center had them first, so its values
 * win: of this station's own fields, it keeps only those the center lacks, and those still sync.
 * Without this, the station's newer stamps would overwrite the center's name, calendar and policy
 * assignments at every station. Used by the v6 upgrade and by a station's first sync after it
 * enrolls (see `applyPulledPage`).
 */

/** The center-wide tables a joining station adopts the center's rows of. */
export const adoptedTables = ['centerSettings', 'people'] as const;
export type AdoptedTable = (typeof adoptedTables)[number];

/** What the center holds of a row: the fields it ever wrote (a stamp without a value: unset). */
type CenterRow = { readonly stamps: Readonly<Record<string, Hlc>> };

/**
 * Whether this station keeps its own `field` against the center's row. The id too goes with the
 * center's stamp: pushed again under this station's, it would read as a concurrent edit.
 */
function stationKeeps(center: CenterRow | undefined, field: string): boolean {
  return center?.stamps[field] === undefined;
}

/**
 * This station's row with only the fields the center lacks (and those of `alwaysKept`), for the
 * center's row to merge into.
 */
export function fieldsTheCenterLacks(
  center: CenterRow | undefined,
  own: MergeRow,
  alwaysKept: readonly string[] = [],
): MergeRow {
  const keeps = (field: string) => alwaysKept.includes(field) || stationKeeps(center, field);
  return {
    values: Object.fromEntries(Object.entries(own.values).filter(([field]) => keeps(field))),
    stamps: Object.fromEntries(Object.entries(own.stamps).filter(([field]) => keeps(field))),
    updatedBy: own.updatedBy,
    station: own.station,
  };
}

/**
 * An outbox change of this station without the fields the center has: undefined when nothing is
 * left, so nothing of it is pushed.
 */
function changeTheCenterLacks(
  center: CenterRow,
  change: OutboxRowChange,
): OutboxRowChange | undefined {
  const set = Object.fromEntries(
    Object.entries(change.set).filter(([field]) => stationKeeps(center, field)),
  );
  const unset = change.unset.filter((field) => stationKeeps(center, field));
  if (unset.length === 0 && Object.keys(set).length === 0) return undefined;
  const base = Object.fromEntries(
    Object.entries(change.base).filter(([field]) => stationKeeps(center, field)),
  );
  return { ...change, set, unset, base };
}

/**
 * The adopted row an outbox change is about: its own row, or for an audit event the row the
 * event tells of (an edit the center's values replace was never the center's edit).
 */
function adoptedKeyOf(change: OutboxRowChange): string {
  if (change.table !== 'auditEvents') return `${change.table}/${change.id}`;
  const { entity, entityId } = change.set;
  return typeof entity === 'string' && typeof entityId === 'string'
    ? `${entity}/${entityId}`
    : `${change.table}/${change.id}`;
}

/**
 * A new audit event of this station's edit of an adopted row, with only the changes of the
 * fields the center lacks (those still sync): undefined when none is left, and the event goes
 * from the station's trail too, as the edit it told of is gone. Never pushed yet, so it is
 * still the station's to change.
 */
async function auditTheCenterLacks(
  auditEvents: Table<StoredAuditEvent, RecordId>,
  center: CenterRow,
  change: OutboxRowChange,
): Promise<OutboxRowChange | undefined> {
  const changes = change.set.changes;
  if (typeof changes !== 'object' || changes === null) return change;
  const kept = Object.fromEntries(
    Object.entries(changes).filter(([field]) => stationKeeps(center, field)),
  );
  if (Object.keys(kept).length === 0) {
    await auditEvents.delete(change.id);
    return undefined;
  }
  await auditEvents.update(change.id, { changes: kept });
  return { ...change, set: { ...change.set, changes: kept } };
}

/** A synced row as stored: its values with the sync fields beside them. */
type StoredRow = Record<string, unknown> & {
  readonly id: RecordId;
  readonly stamps: Readonly<Record<string, Hlc>>;
  readonly updatedBy: string;
  readonly station: string;
};

/** Whether this station's copy of a row was made apart from the center's: no stamp in common. */
function madeApart(center: CenterRow, own: CenterRow): boolean {
  return Object.entries(own.stamps).every(([field, stamp]) => center.stamps[field] !== stamp);
}

/**
 * Adopts the center's rows of `rows` (a page of the joining station's first pull), in
 * `transaction`, before the page is merged: this station's stored rows of the center-wide tables
 * that it made apart from the center's (set up alone; a station that left and joins again shares
 * their stamps and merges as usual, its edits made meanwhile kept) lose the fields the center has
 * (the merge then takes the center's values and stamps), and its outbox changes of those fields
 * go, so they are never pushed. An outbox entry left empty goes and the outbox is numbered again
 * without the gap: nothing was pushed yet (the first pull comes before the first push). A row
 * the center lacks (this station's people, the center's settings at the center's first station)
 * is left to be pushed as it is. The audit events of the edits that lose keep only the fields
 * that stay (or go, when none does): the center's trail never tells of an edit it never took.
 * The transaction must cover the adopted tables, `auditEvents`, `outbox`, `sequences` and
 * `syncState`.
 */
export async function adoptCenterRows(
  transaction: Transaction,
  rows: readonly SyncRow[],
): Promise<void> {
  const centerRows = new Map<string, CenterRow>();
  for (const row of rows) {
    if (!(adoptedTables as readonly string[]).includes(row.table)) continue;
    const key = `${row.table}/${row.id}`;
    centerRows.set(key, { stamps: { ...centerRows.get(key)?.stamps, ...row.stamps } });
  }
  if (centerRows.size === 0) return;

  const adopted = new Map<string, CenterRow>();
  for (const table of adoptedTables) {
    const ids = rows.filter((row) => row.table === table).map((row) => row.id);
    if (ids.length === 0) continue;
    const target = transaction.table<StoredRow, RecordId>(table);
    const trimmed: StoredRow[] = [];
    for (const row of await target.bulkGet(ids)) {
      const key = `${table}/${row?.id}`;
      const center = centerRows.get(key);
      if (row === undefined || center === undefined || adopted.has(key)) continue;
      if (!madeApart(center, row)) continue;
      adopted.set(key, center);
      const { stamps, updatedBy, station, ...values } = row;
      const own = fieldsTheCenterLacks(center, { values, stamps, updatedBy, station });
      // Unstamped fields stay: the station derived them, and derives them again after the merge.
      const derived = Object.fromEntries(
        Object.entries(values).filter(([field]) => stamps[field] === undefined),
      );
      trimmed.push({
        ...derived,
        ...own.values,
        id: row.id,
        stamps: own.stamps,
        updatedBy,
        station,
      });
    }
    if (trimmed.length > 0) await target.bulkPut(trimmed);
  }
  if (adopted.size === 0) return;

  const outbox = transaction.table<OutboxEntry, number>('outbox');
  const auditEvents = transaction.table<StoredAuditEvent, RecordId>('auditEvents');
  let emptied = false;
  for (const entry of await outbox.toArray()) {
    if (!entry.rows.some((change) => adopted.has(adoptedKeyOf(change)))) continue;
    const kept: OutboxRowChange[] = [];
    for (const change of entry.rows) {
      const key = adoptedKeyOf(change);
      const center = adopted.get(key);
      if (center === undefined) {
        kept.push(change);
        continue;
      }
      const rest =
        change.table === 'auditEvents'
          ? await auditTheCenterLacks(auditEvents, center, change)
          : changeTheCenterLacks(center, change);
      if (rest !== undefined) kept.push(rest);
    }
    if (kept.length === 0 && entry.intent === undefined) {
      await outbox.delete(entry.sequence);
      emptied = true;
    } else {
      await outbox.put({ ...entry, rows: kept });
    }
  }
  if (emptied) {
    const state = await transaction.table<SyncStateRow, string>('syncState').get('state');
    await renumberOutbox(transaction, (state?.enrollment?.acknowledgedMutationId ?? 0) + 1);
  }
}
