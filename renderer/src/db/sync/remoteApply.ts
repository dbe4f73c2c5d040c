import type { Transaction } from 'dexie';
import type { RecordId } from '#shared/domain/primitives';
import type { ClockDriftError, Hlc, HlcStamp } from '#shared/sync/hybridLogicalClock';
import {
  compareHlcStamps,
  decodeHlc,
  defaultMaxClockDriftMs,
  encodeHlc,
  initialHlc,
  receiveHlc,
} from '#shared/sync/hybridLogicalClock';
import type { MergeRow } from '#shared/sync/merge';
import { deletedAtField, mergeRows } from '#shared/sync/merge';
import type { PullCursor, SyncRow, SyncTable } from '#shared/sync/protocol';
import { applyClaimChanges } from '../claimCounts';
import type { ClaimChange } from '../claimCounts';
import {
  claimsWithNewDeadlines,
  readCenterCalendar,
  readRowsById,
  stationCalendarChanged,
  type ClaimsLackingRecords,
} from '../claimDeadline';
import { markDeadlinesForRecalculation, recalculateDeadlines } from '../deadlineRecalculation';
import type { FixlineDatabase } from '../database';
import type {
  SettingsRow,
  StationOwnSettingsRow,
  StoredClaim,
  StoredCustomer,
  StoredDevice,
  StoredEvidence,
  StoredInspection,
  StoredMisuseFinding,
  SyncedTableName,
  SyncStateRow,
  TableName,
} from '../records';
import { syncedTableNames } from '../records';
import { ClaimDeadlineInputs } from '../repositories/claimDeadlineInputs';
import { keepRmaSequencePast } from '../repositories/claimRepository';
import { readStationClock, readStationSettings } from '../repositories/repositoryWriter';
import { customerSearchFields } from '../searchKeys';
import { runGuardedWrite } from '../writeGuard';
import { adoptCenterRows } from './adoptCenter';
import { noteFilesPulled } from './attachmentsToCheck';
import { renumberClashingClaims } from './renumberClaims';
import { dropReplayedEntries } from './replayedOutbox';
import { dropAcknowledged, updateEnrollment } from './syncState';

/**
 * The one way rows pulled from the server enter the database: written as the server holds them,
 * merged field by field with the local row (so a local edit not pushed yet, with a later stamp,
 * survives), without a new stamp, an audit event or an outbox entry, since they are facts another
 * station recorded. Derived fields (search keys, deadlines, queue counts) are computed again here,
 * as the repositories compute them for local writes.
 */

/** Every table a page's transaction covers: one fixed set, so writes serialize in one order. */
export const remoteApplyTables: readonly TableName[] = [
  ...syncedTableNames,
  'conflicts',
  'settings',
  'outbox',
  'sequences',
  'syncState',
  'claimCounts',
  'attachmentsNamed',
];

/** One page of a pull, as the engine hands it over. */
export type PulledPage = {
  readonly rows: readonly SyncRow[];
  /** The last mutation id the server applied or rejected for this client: the outbox up to it goes. */
  readonly lastMutationId: number;
  /**
   * Where the next pull starts, stored with this page's rows: given only with the last page of a
   * pull, so a cursor is never stored without the rows before it.
   */
  readonly cursor?: PullCursor | null;
};

export type ApplyOptions = {
  /** The wall clock, in milliseconds since the epoch. */
  readonly now?: () => number;
  /** How far ahead of the wall clock a stamp may be and still move the station's clock. */
  readonly maxClockDriftMs?: number;
  /** Told the page's transaction as it starts (the sliced apply tells its own commits by it). */
  readonly onTransaction?: (transaction: Transaction) => void;
};

/** What applying a page did. */
export type AppliedPage = {
  /** Rows whose stored state changed. */
  readonly changedRows: number;
  /** Set when stamps too far ahead were applied without moving the station's clock. */
  readonly clockDrift?: ClockDriftError;
  /**
   * Set when the page changed the center's calendar: every claim's deadlines are being
   * recalculated, as after a change made in Settings (see `deadlineRecalculation.ts`).
   */
  readonly calendarChanged?: true;
};

/** The fields every stored synced row has beside its record's fields. */
const syncFieldNames = new Set(['stamps', 'updatedBy', 'station']);

type StoredRow = Record<string, unknown> & {
  readonly id: RecordId;
  readonly stamps: Readonly<Record<string, Hlc>>;
  readonly updatedBy: string;
  readonly station: string;
};

function asMergeRow(stored: StoredRow): MergeRow {
  const values: Record<string, unknown> = {};
  for (const field of Object.keys(stored.stamps)) {
    if (Object.hasOwn(stored, field) && stored[field] !== undefined) values[field] = stored[field];
  }
  return { values, stamps: stored.stamps, updatedBy: stored.updatedBy, station: stored.station };
}

/** Whether a merge left the row as it was (same stamps, same values). */
function isUnchanged(before: MergeRow, after: MergeRow): boolean {
  const fields = Object.keys(after.stamps);
  if (fields.length !== Object.keys(before.stamps).length) return false;
  return fields.every(
    (field) =>
      before.stamps[field] === after.stamps[field] &&
      JSON.stringify(before.values[field]) === JSON.stringify(after.values[field]),
  );
}

/**
 * The row to store: the merged fields with their stamps and author, plus the local fields the
 * station derived before (unstamped, such as a claim's deadline), which are derived again below.
 */
function storedRow(
  table: SyncedTableName | 'conflicts',
  id: RecordId,
  merged: MergeRow,
  before: StoredRow | undefined,
): StoredRow {
  const local: Record<string, unknown> = {};
  if (before !== undefined) {
    for (const [field, value] of Object.entries(before)) {
      if (!syncFieldNames.has(field) && !Object.hasOwn(before.stamps, field)) local[field] = value;
    }
  }
  const row: StoredRow = {
    ...local,
    ...merged.values,
    id,
    stamps: merged.stamps,
    updatedBy: merged.updatedBy,
    station: merged.station,
  };
  const deleted = Object.hasOwn(merged.values, deletedAtField);
  if (table === 'claims' && deleted) {
    // As `claimDefinition.tombstoned`: a deleted claim is due nothing.
    const { nextDeadlineAt: _at, nextDeadlineDate: _date, nextDeadlineKind: _kind, ...rest } = row;
    return rest as StoredRow;
  }
  if (table === 'customers' && typeof row.name === 'string' && typeof row.phone === 'string') {
    return { ...row, ...customerSearchFields({ name: row.name, phone: row.phone }) };
  }
  return row;
}

/** A row a page writes: as stored before it (absent: new here) and as it stores it. */
type WrittenRow = { readonly before: StoredRow | undefined; after: StoredRow };

/**
 * The rows of one table that `rows` (a page's, in order) change, merged with `existing` (their
 * stored rows, by id): rows the merge leaves as they were are left out. A later row of the same
 * id merges with what the earlier one made.
 */
function mergedRows(
  table: SyncedTableName | 'conflicts',
  rows: readonly SyncRow[],
  existing: ReadonlyMap<RecordId, StoredRow>,
): Map<RecordId, WrittenRow> {
  const written = new Map<RecordId, WrittenRow>();
  for (const row of rows) {
    const before = written.get(row.id)?.after ?? existing.get(row.id);
    const remote = remoteMergeRow(row);
    const local = before === undefined ? undefined : asMergeRow(before);
    const merged = local === undefined ? remote : mergeRows(local, remote);
    if (local !== undefined && isUnchanged(local, merged)) continue;
    const after = storedRow(table, row.id, merged, before);
    written.set(row.id, { before: written.get(row.id)?.before ?? existing.get(row.id), after });
  }
  return written;
}

function remoteMergeRow(row: SyncRow): MergeRow {
  return { values: row.values, stamps: row.stamps, updatedBy: row.updatedBy, station: row.station };
}

/**
 * Applies one page of a pull in one transaction: every row merged and stored, derived fields
 * computed again, the station's clock moved past the highest stamp, the acknowledged outbox
 * entries dropped and, with the last page, the cursor stored. A failure leaves nothing of it.
 */
export async function applyPulledPage(
  db: FixlineDatabase,
  page: PulledPage,
  options: ApplyOptions = {},
): Promise<AppliedPage> {
  const nowMs = (options.now ?? Date.now)();
  const applied = await runGuardedWrite(db, remoteApplyTables, async (transaction) => {
    options.onTransaction?.(transaction);
    const byTable = new Map<SyncTable, SyncRow[]>();
    for (const row of page.rows) {
      const rows = byTable.get(row.table);
      if (rows === undefined) byTable.set(row.table, [row]);
      else rows.push(row);
    }
    let changedRows = 0;
    // Read around the rows' loop rather than in it: a page rarely holds the center's settings.
    // All at once, and the station's settings once for every step that needs them (a page is
    // applied in slices, each paying for its transaction's round trips: see `slicedApply.ts`).
    const [calendarBefore, state, station] = await Promise.all([
      readCenterCalendar(transaction),
      transaction.table<SyncStateRow, string>('syncState').get('state'),
      readStationSettings(transaction),
    ]);
    // A station's first pull after it enrolls: the center's settings and people win over what it
    // wrote alone before (see `adoptCenter.ts`); a calendar adopted so recalculates below.
    if (state?.enrollment?.joining === true) {
      if (station !== undefined) await dropReplayedEntries(transaction, page.rows, station);
      await adoptCenterRows(transaction, page.rows);
      if (station !== undefined)
        await renumberClashingClaims(transaction, page.rows, nowMs, station);
    }
    const claimChanges: ClaimChange[] = [];
    const deadlineInputs = new ClaimDeadlineInputs();
    const derivedClaims = new Set<RecordId>();
    // Open claims derived without their customer or device, to derive again when it comes.
    const lacking: ClaimsLackingRecords = new Set();
    let customerOrDeviceArrived = false;
    // Every table's stored rows read at once, before any of the page is written: a row merges
    // with its own stored state only, so the reads need not wait for the other tables' writes.
    // Read as a few ranges rather than a request a row (see `readRowsById`).
    const tables = [...byTable];
    const existingByTable = await Promise.all(
      tables.map(async ([table, rows]) => {
        const stored = await readRowsById(
          transaction.table<StoredRow, RecordId>(table),
          rows.map((row) => row.id),
        );
        return new Map(stored.map((row) => [row.id, row]));
      }),
    );
    // Every table the server sends is one of this station's (since schema v6, which stored the
    // center-wide rows schema v5 parked in `pulledRecords`): a new one fails to compile.
    const writtenByTable = new Map<SyncedTableName | 'conflicts', Map<RecordId, WrittenRow>>();
    for (const [tableIndex, [table, rows]] of tables.entries()) {
      const existing = existingByTable[tableIndex] ?? new Map<RecordId, StoredRow>();
      const written = mergedRows(table, rows, existing);
      if (written.size === 0) continue;
      changedRows += written.size;
      writtenByTable.set(table, written);
    }
    // The page's claims derived before anything of it is written, from the stored records with the
    // page's own standing in for theirs: so no read waits for the page's writes, which all go at
    // once below, the station's JavaScript running while IndexedDB writes.
    const writtenClaims = writtenByTable.get('claims');
    if (writtenClaims !== undefined) {
      const claims = [...writtenClaims.values()].map(
        ({ after }) => after as unknown as StoredClaim,
      );
      const pending = <Row>(table: SyncedTableName) =>
        new Map(
          [...(writtenByTable.get(table) ?? [])].map(([id, { after }]) => [
            id,
            after as unknown as Row,
          ]),
        );
      const derived = await claimsWithNewDeadlines(transaction, claims, lacking, {
        customers: pending<StoredCustomer>('customers'),
        devices: pending<StoredDevice>('devices'),
        evidence: pending<StoredEvidence>('evidence'),
        inspections: pending<StoredInspection>('inspections'),
        misuseFindings: pending<StoredMisuseFinding>('misuseFindings'),
      });
      for (const claim of derived) {
        const entry = writtenClaims.get(claim.id);
        if (entry !== undefined) entry.after = claim as unknown as StoredRow;
      }
      for (const claim of claims) derivedClaims.add(claim.id);
    }
    for (const [table, written] of writtenByTable) {
      if (table === 'conflicts') continue;
      for (const { before, after } of written.values()) {
        if (table === 'claims') {
          claimChanges.push({
            before: before as StoredClaim | undefined,
            after: after as unknown as StoredClaim,
          });
        }
        // A customer or device new to this station is named only by claims pulled before it,
        // which wait for it in `claimsAwaitingRecords`: no claim need be looked up by it.
        const created = before === undefined;
        if (created && (table === 'customers' || table === 'devices'))
          customerOrDeviceArrived = true;
        deadlineInputs.noteWrite(table, after, created);
      }
    }
    // IndexedDB runs a transaction's requests in the order they are made, and none of these
    // reads what another writes: made together, awaited together. The tables of their own (the
    // counts, the station's RMA counter, the files the attachment queue is to look at) first:
    // their reads are answered while the rows are written, and their writes follow the rows' at
    // once; asked after the rows, each read waited for all of the rows' writes before its write.
    const ownTables = [
      noteFilesPulled(transaction, page.rows),
      applyClaimChanges(transaction, claimChanges),
      station === undefined
        ? undefined
        : keepRmaSequencePast(
            transaction,
            station.stationCode,
            claimChanges.map(({ after }) => after),
          ),
    ];
    const rowWrites = [...writtenByTable].map(([table, written]) =>
      transaction
        .table<StoredRow, RecordId>(table)
        .bulkPut([...written.values()].map(({ after }) => after)),
    );
    await Promise.all([...ownTables, ...rowWrites]);
    // The claims whose records changed, and those that waited for a customer or device, but not
    // the page's own (derived as they were written).
    const awaiting = state?.claimsAwaitingRecords ?? [];
    const rederived = customerOrDeviceArrived ? awaiting : [];
    await deadlineInputs.rederive(transaction, rederived, derivedClaims, lacking);
    await storeClaimsAwaitingRecords(
      transaction,
      awaiting,
      [...derivedClaims, ...rederived],
      lacking,
    );
    // The clock (settings), the outbox and the calendar read back: apart, so at once.
    const [clockDrift, , calendarAfter] = await Promise.all([
      station === undefined
        ? undefined
        : foldClock(transaction, station, page.rows, nowMs, options.maxClockDriftMs),
      dropAcknowledged(transaction, page.lastMutationId),
      readCenterCalendar(transaction),
    ]);
    const { cursor } = page;
    if (cursor !== undefined) {
      // The first complete pull ends the joining (see `storeEnrollment`).
      await updateEnrollment(transaction, ({ joining: _joining, ...enrollment }) => ({
        ...enrollment,
        cursor,
      }));
    }
    const calendarChanged = stationCalendarChanged(calendarBefore, calendarAfter);
    if (calendarChanged) {
      await markDeadlinesForRecalculation(transaction, new Date(nowMs).toISOString());
    }
    return {
      changedRows,
      ...(clockDrift === undefined ? {} : { clockDrift }),
      ...(calendarChanged ? { calendarChanged: true as const } : {}),
    };
  });
  // After the commit, in chunks of their own, as a calendar change made here.
  if (applied.calendarChanged) recalculateDeadlines(db).catch(() => undefined);
  return applied;
}

/**
 * Stores which open claims still wait for their customer or device: those that waited, less the
 * claims derived again now, plus those found lacking now.
 */
async function storeClaimsAwaitingRecords(
  transaction: Transaction,
  awaiting: readonly RecordId[],
  derived: readonly RecordId[],
  lacking: ClaimsLackingRecords,
): Promise<void> {
  if (awaiting.length === 0 && lacking.size === 0) return;
  const derivedNow = new Set(derived);
  const still = new Set([...awaiting.filter((id) => !derivedNow.has(id)), ...lacking]);
  if (still.size === awaiting.length && awaiting.every((id) => still.has(id))) return;
  const states = transaction.table<SyncStateRow, string>('syncState');
  const state = await states.get('state');
  if (state === undefined) return;
  const { claimsAwaitingRecords: _before, ...rest } = state;
  await states.put(still.size === 0 ? rest : { ...rest, claimsAwaitingRecords: [...still] });
}

/**
 * Moves the station's clock past the highest stamp of `rows` that is not too far ahead of the wall
 * clock, so its next stamps order after what it has seen. A stamp further ahead is applied all the
 * same (the server took it) but does not drag the clock into the future; the drift is reported.
 */
async function foldClock(
  transaction: Transaction,
  station: StationOwnSettingsRow,
  rows: readonly SyncRow[],
  nowMs: number,
  maxDriftMs: number = defaultMaxClockDriftMs,
): Promise<ClockDriftError | undefined> {
  let highest: HlcStamp | undefined;
  let drift: ClockDriftError | undefined;
  for (const row of rows) {
    for (const encoded of Object.values(row.stamps)) {
      const stamp = decodeHlc(encoded);
      if (stamp === undefined) continue;
      if (stamp.wallMs - nowMs > maxDriftMs) {
        const refused = receiveHlc(initialHlc(station.stationCode), stamp, nowMs, maxDriftMs);
        if (!refused.ok && (drift === undefined || refused.error.driftMs > drift.driftMs)) {
          drift = refused.error;
        }
        continue;
      }
      if (highest === undefined || compareHlcStamps(stamp, highest) > 0) highest = stamp;
    }
  }
  if (highest === undefined) return drift;
  const last = await readStationClock(transaction, station.stationCode);
  if (compareHlcStamps({ ...highest, node: last.node }, last) <= 0) return drift;
  const received = receiveHlc(last, highest, nowMs, maxDriftMs);
  if (received.ok) {
    await transaction
      .table<SettingsRow, string>('settings')
      .put({ key: 'clock', lastStamp: encodeHlc(received.value) });
  }
  return drift;
}
