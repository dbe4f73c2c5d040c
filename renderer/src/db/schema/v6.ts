import type { Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { CenterWideSettings } from '#shared/domain/center';
import { centerWideSettingsSchema } from '#shared/domain/center';
import type { Person } from '#shared/domain/person';
import type { RecordId } from '#shared/domain/primitives';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import { decodeHlc, encodeHlc, initialHlc, tickHlc } from '#shared/sync/hybridLogicalClock';
import type { MergeRow } from '#shared/sync/merge';
import { mergeRows } from '#shared/sync/merge';
import { stationCalendarChanged } from '../claimDeadline';
import { markDeadlinesForRecalculation } from '../deadlineRecalculation';
import { fieldsTheCenterLacks } from '../sync/adoptCenter';
import type {
  OutboxEntry,
  OutboxRowChange,
  PulledRecordRow,
  SequenceRow,
  SettingsRow,
  StationOwnSettingsRow,
  SyncedTableName,
} from '../records';
import { centerSettingsId, nobodyId as nobody } from '../records';
import type { SchemaVersion } from './schemaVersion';

/**
 * Version 6: the center-wide records are synced records of their own (see the README's "Sync").
 * - people: the people of the center, once the `technicians` of the station's settings row.
 * - centerSettings: the center's details, currency, time zone, working calendar and policy-pack
 *   assignments, once fields of the station's settings row; one row, `centerSettingsId`.
 * - settings: the station's row keeps what stays per station (its code, language, printers,
 *   saved views, idle lock).
 * The upgrade moves the people and the center-wide fields out of the station's row, stamped with
 * the station's clock and written to the outbox, so the first sync pushes them; and folds in the
 * rows of these tables the station pulled before it stored them (`pulledRecords`, schema v5). The
 * center's settings as pulled win over this station's own copy: the center had them first (the
 * rule a station joining a center follows too, `sync/adoptCenter.ts`).
 */
export type TablesOfVersion6 = 'people' | 'centerSettings';

export const schemaVersion6 = {
  version: 6,
  stores: {
    people: 'id',
    centerSettings: 'id',
  } satisfies Record<TablesOfVersion6, string>,
  upgrade: moveCenterWideRecords,
} satisfies SchemaVersion;

/** The station's settings row as versions 1 to 5 stored it. */
type StationRowVersion5 = StationOwnSettingsRow &
  Partial<CenterWideSettings> & { readonly technicians?: readonly Person[] };

/** The center-wide fields of the station's row before version 6. */
const centerWideFields = [
  'center',
  'currency',
  'timeZone',
  'workingDays',
  'holidays',
  'policyAssignments',
] as const satisfies readonly (keyof CenterWideSettings)[];

/** A synced row as stored: its values with the sync fields beside them. */
type StoredRow = Record<string, unknown> & {
  readonly id: RecordId;
  readonly stamps: Readonly<Record<string, Hlc>>;
  readonly updatedBy: string;
  readonly station: string;
};

async function moveCenterWideRecords(transaction: Transaction): Promise<void> {
  const settings = transaction.table<SettingsRow | StationRowVersion5, string>('settings');
  const pulledRecords = transaction.table<PulledRecordRow, [string, string]>('pulledRecords');
  const pulled = (await pulledRecords.toArray()).filter(
    (row) => row.table === 'people' || row.table === 'centerSettings',
  );
  const stationRow = await settings.get('station');
  const station = stationRow?.key === 'station' ? (stationRow as StationRowVersion5) : undefined;

  const rows = new Map<string, { table: TablesOfVersion6; merged: MergeRow }>();
  for (const row of pulled) {
    rows.set(`${row.table}/${row.id}`, {
      table: row.table as TablesOfVersion6,
      merged: { values: { ...row.values, id: row.id }, ...syncFieldsOf(row) },
    });
  }

  const changes: OutboxRowChange[] = [];
  let stamp: Hlc | undefined;
  let actor: RecordId = nobody;
  if (station !== undefined) {
    const nowMs = Date.now();
    const clockRow = await settings.get('clock');
    const last = clockRow?.key === 'clock' ? decodeHlc(clockRow.lastStamp) : undefined;
    const node = station.stationCode;
    stamp = encodeHlc(tickHlc(last === undefined ? initialHlc(node) : { ...last, node }, nowMs));
    const people = station.technicians ?? [];
    const bench = await settings.get('bench');
    const benchId = bench?.key === 'bench' ? bench.technicianId : undefined;
    actor = people.find((person) => person.id === benchId)?.id ?? people[0]?.id ?? nobody;

    const local = (table: TablesOfVersion6, values: Record<string, unknown>) => {
      const key = `${table}/${String(values.id)}`;
      const before = rows.get(key)?.merged;
      const fresh = Object.entries(values).filter(([, value]) => value !== undefined);
      const whole: MergeRow = {
        values: Object.fromEntries(fresh),
        stamps: Object.fromEntries(fresh.map(([field]) => [field, stamp as Hlc])),
        updatedBy: actor,
        station: node,
      };
      // Fields the center already holds stay as pulled; this station adds what it lacks (its
      // change names the row, with the center's stamp of the id as its base).
      const own = table === 'centerSettings' ? fieldsTheCenterLacks(before, whole, ['id']) : whole;
      const fields = Object.keys(own.stamps);
      if (fields.every((field) => field === 'id')) return;
      rows.set(key, { table, merged: before === undefined ? own : mergeRows(before, own) });
      changes.push({
        table: table satisfies SyncedTableName,
        id: String(values.id),
        set: own.values,
        unset: [],
        stamp: stamp as Hlc,
        base: Object.fromEntries(fields.map((field) => [field, before?.stamps[field] ?? null])),
      });
    };
    for (const person of people) local('people', { ...person });
    local('centerSettings', {
      id: centerSettingsId,
      ...Object.fromEntries(centerWideFields.map((field) => [field, station[field]])),
    });

    const {
      technicians: _technicians,
      center: _center,
      currency: _currency,
      timeZone: _timeZone,
      workingDays: _workingDays,
      holidays: _holidays,
      policyAssignments: _policyAssignments,
      ...own
    } = station;
    await settings.put(own);
  }

  for (const table of ['people', 'centerSettings'] as const) {
    const stored = [...rows.values()]
      .filter((row) => row.table === table)
      .map(({ merged }) => storedRow(merged));
    if (stored.length > 0) await transaction.table<StoredRow, RecordId>(table).bulkPut(stored);
  }
  await pulledRecords.bulkDelete(pulled.map((row): [string, string] => [row.table, row.id]));

  if (station === undefined || stamp === undefined) return;
  if (changes.length > 0) {
    const sequences = transaction.table<SequenceRow, string>('sequences');
    const sequence = ((await sequences.get('outbox'))?.value ?? 0) + 1;
    await sequences.put({ name: 'outbox', value: sequence });
    const entry: OutboxEntry = {
      sequence,
      mutationId: uuidv7(),
      station: station.stationCode,
      actor,
      at: stamp,
      rows: changes,
    };
    await transaction.table<OutboxEntry, number>('outbox').add(entry);
    await settings.put({ key: 'clock', lastStamp: stamp });
  }
  // The claims' deadlines were counted in this station's calendar: the center's may differ.
  const center = centerWideSettingsSchema
    .partial()
    .safeParse(rows.get(`centerSettings/${centerSettingsId}`)?.merged.values);
  if (center.success && stationCalendarChanged(station, center.data)) {
    await markDeadlinesForRecalculation(transaction, new Date(Date.now()).toISOString());
  }
}

function syncFieldsOf(row: PulledRecordRow): Omit<MergeRow, 'values'> {
  return { stamps: row.stamps, updatedBy: row.updatedBy, station: row.station };
}

function storedRow(merged: MergeRow): StoredRow {
  return {
    ...merged.values,
    id: String(merged.values.id),
    stamps: merged.stamps,
    updatedBy: merged.updatedBy,
    station: merged.station,
  };
}
