import type { Table, Transaction } from 'dexie';
import type { Claim } from '#shared/domain/claim';
import { claimStatusSchema } from '#shared/domain/claimWorkflow';
import type { IsoDate, IsoDateTime, RecordId } from '#shared/domain/primitives';
import type { ClaimRecords } from '#shared/policy';
import { evaluateClaimAsOpened, type StationCalendar } from '#shared/policy/claimEvaluation';
import { mayHaveNextDeadline, nextDeadline } from '#shared/policy/nextDeadline';
import { stationTimeZone } from '#shared/domain/calendar';
import { keptOrMade } from '#shared/domain/keptOrMade';
import type {
  ClaimDeadlineFields,
  StationSettingsRow,
  StoredCenterSettings,
  StoredClaim,
  StoredCustomer,
  StoredDevice,
  StoredEvidence,
  StoredInspection,
  StoredMisuseFinding,
  SyncFields,
  TableName,
} from './records';
import { centerSettingsId, isLive } from './records';

const dayMs = 24 * 60 * 60 * 1000;

// One wall-clock formatter per zone, made once: creating one costs far more than using it, and
// the deadline fields are derived on every claim write (61% of that time went to creating them).
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  return keptOrMade(
    wallClockFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  );
}

/** The offset of `timeZone` from UTC at `instantMs`, in milliseconds (Jakarta: +7 h). */
function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const parts = wallClockFormat(timeZone).formatToParts(instantMs);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const wallMs = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallMs - (instantMs - (instantMs % 1000));
}

/**
 * The instant the last day of a deadline is over in the center's time zone: midnight starting
 * the next day there. A deadline is missed from this instant on.
 */
export function deadlinePassesAt(lastDay: IsoDate, timeZone: string): IsoDateTime {
  // Claims opened around the same days share their deadline days: each is worked out once.
  const key = `${timeZone} ${lastDay}`;
  const known = deadlineInstants.get(key);
  if (known !== undefined) return known;
  const instant = computeDeadlinePassesAt(lastDay, timeZone);
  if (deadlineInstants.size >= deadlineInstantsKept) deadlineInstants.clear();
  deadlineInstants.set(key, instant);
  return instant;
}

/** Deadline instants remembered, by zone and day: more than ten years of days in one zone. */
const deadlineInstantsKept = 4_096;
const deadlineInstants = new Map<string, IsoDateTime>();

function computeDeadlinePassesAt(lastDay: IsoDate, timeZone: string): IsoDateTime {
  const nextMidnightAsUtcMs = Date.parse(`${lastDay}T00:00:00Z`) + dayMs;
  // Two passes: the offset at the guess may differ from the offset at the answer across DST.
  let instantMs = nextMidnightAsUtcMs - zoneOffsetMs(timeZone, nextMidnightAsUtcMs);
  instantMs = nextMidnightAsUtcMs - zoneOffsetMs(timeZone, instantMs);
  return new Date(instantMs).toISOString();
}

/**
 * The queue's deadline fields of a claim (schema version 3): its next deadline (see
 * `nextDeadline`) as the policy pack judges its records, in the center's calendar. Empty when
 * nothing is due, or when the claim cannot be evaluated (an unknown pack, facts the engine refuses).
 */
export function claimDeadlineFields(
  records: ClaimRecords & { readonly claim: Claim },
  calendar: StationCalendar,
): ClaimDeadlineFields {
  // Most stored claims are settled: evaluating them would find nothing due, at a cost.
  if (!mayHaveNextDeadline(records.claim.status)) return {};
  const timeZone = stationTimeZone(calendar.timeZone);
  const evaluation = evaluateClaimAsOpened(records, calendar);
  if (evaluation === undefined || !evaluation.ok) return {};
  const next = nextDeadline(evaluation.value.deadlines, records.claim.status);
  if (next === undefined) return {};
  return {
    nextDeadlineAt: deadlinePassesAt(next.date, timeZone),
    nextDeadlineDate: next.date,
    nextDeadlineKind: next.kind,
  };
}

/** The tables a claim's deadline fields are read from, for a transaction that re-derives them. */
export const claimDeadlineInputTables = [
  'settings',
  'centerSettings',
  'claims',
  'customers',
  'devices',
  'evidence',
  'inspections',
  'misuseFindings',
] as const satisfies readonly TableName[];

/**
 * The settings fields {@link claimDeadlineFields} reads: a change to any of them moves every
 * claim's deadlines. A `Record` so a field added to `StationCalendar` must be listed here too.
 */
const stationCalendarFields: Record<keyof StationCalendar, true> = {
  timeZone: true,
  holidays: true,
};

/** The calendar's fields of a row that may hold them (the center's settings, as pulled or stored). */
type CalendarFields = object;

/** Whether the deadlines of every claim may differ between two versions of the settings. */
export function stationCalendarChanged(
  before: CalendarFields | undefined,
  after: CalendarFields,
): boolean {
  return Object.keys(stationCalendarFields).some(
    (field) =>
      // Strings and lists of dates: their JSON is the same exactly when they are.
      JSON.stringify(Reflect.get(before ?? {}, field)) !==
      JSON.stringify(Reflect.get(after, field)),
  );
}

/**
 * The center's calendar, read in `transaction`: from the center's settings (schema v6), or, in the
 * upgrades before version 6 made that table, from the station's settings row that held it then.
 */
export async function readCenterCalendar(transaction: Transaction): Promise<StationCalendar> {
  if (transaction.idbtrans.objectStoreNames.contains('centerSettings')) {
    const center = await transaction
      .table<StoredCenterSettings, RecordId>('centerSettings')
      .get(centerSettingsId);
    return center ?? {};
  }
  // Before version 6 the station's row held the center's fields (the type this reads it as).
  const settings = await transaction.table<StationSettingsRow, string>('settings').get('station');
  return settings?.key === 'station' ? settings : {};
}

/**
 * {@link claimDeadlineFields} of `claim`, reading its customer, device, evidence, latest
 * inspection and the station's calendar in `transaction` (a repository write or an upgrade).
 */
export async function readClaimDeadlineFields(
  transaction: Transaction,
  claim: Claim,
): Promise<ClaimDeadlineFields> {
  return (await readDeadlineFieldsOfClaims(transaction, [claim])).get(claim.id) ?? {};
}

/**
 * The open claims whose deadlines could not be derived because their customer or device is not
 * on this station yet (pulled in a later page): filled in by the derivations it is passed to.
 */
export type ClaimsLackingRecords = Set<RecordId>;

/**
 * Rows a write will store but has not yet asked `transaction` to (a pulled slice's, merged), by
 * table and id: a deadline is derived from them where they stand in for the stored row of the
 * same id, so the slice can derive its claims before any of its writes and make them all at once.
 */
export type PendingDeadlineInputs = {
  readonly customers?: ReadonlyMap<RecordId, StoredCustomer>;
  readonly devices?: ReadonlyMap<RecordId, StoredDevice>;
  readonly evidence?: ReadonlyMap<RecordId, StoredEvidence>;
  readonly inspections?: ReadonlyMap<RecordId, StoredInspection>;
  readonly misuseFindings?: ReadonlyMap<RecordId, StoredMisuseFinding>;
};

/**
 * {@link claimDeadlineFields} of each of `claims` (a bulk write's, a pulled slice's), by claim id,
 * read in a few queries for all of them together rather than a few per claim: the calendar and
 * its zone once, their customers and devices each one range (none for those `pending` holds).
 * Open claims whose customer or device is missing go into `lacking` (when given).
 */
export async function readDeadlineFieldsOfClaims(
  transaction: Transaction,
  allClaims: readonly Claim[],
  lacking?: ClaimsLackingRecords,
  pending: PendingDeadlineInputs = {},
): Promise<Map<RecordId, ClaimDeadlineFields>> {
  const fields = new Map<RecordId, ClaimDeadlineFields>();
  // A settled claim has nothing due, whatever its records say: they are not read.
  const claims = allClaims.filter((claim) => {
    if (mayHaveNextDeadline(claim.status)) return true;
    fields.set(claim.id, {});
    return false;
  });
  if (claims.length === 0) return fields;
  const claimIds = claims.map((claim) => claim.id);
  const [storedCalendar, customers, devices, evidence, inspections] = await Promise.all([
    readCenterCalendar(transaction),
    readRowsById(
      transaction.table<StoredCustomer, RecordId>('customers'),
      claims.map((claim) => claim.customerId).filter((id) => !pending.customers?.has(id)),
    ),
    readRowsById(
      transaction.table<StoredDevice, RecordId>('devices'),
      claims.map((claim) => claim.deviceId).filter((id) => !pending.devices?.has(id)),
    ),
    liveRowsWhere(transaction, 'evidence', 'claimId', claimIds, pending.evidence),
    liveRowsWhere(transaction, 'inspections', 'claimId', claimIds, pending.inspections),
  ]);
  // The zone resolved once for every claim: without one configured, resolving the machine's
  // makes an `Intl.DateTimeFormat` each time (two a claim, the most of a pulled page's time).
  const calendar: StationCalendar = {
    ...storedCalendar,
    timeZone: stationTimeZone(storedCalendar.timeZone),
  };
  const latestInspections = new Map<RecordId, StoredInspection>();
  for (const inspection of inspections) {
    const latest = latestInspections.get(inspection.claimId);
    if (latest === undefined || inspection.inspectedAt > latest.inspectedAt) {
      latestInspections.set(inspection.claimId, inspection);
    }
  }
  const misuseFindings = await liveRowsWhere(
    transaction,
    'misuseFindings',
    'inspectionId',
    [...latestInspections.values()].map((inspection) => inspection.id),
    pending.misuseFindings,
  );

  const customerById = new Map([...byId(customers), ...(pending.customers ?? [])]);
  const deviceById = new Map([...byId(devices), ...(pending.devices ?? [])]);
  const evidenceByClaim = groupBy(evidence, (item) => item.claimId);
  const findingsByInspection = groupBy(misuseFindings, (finding) => finding.inspectionId);
  for (const claim of claims) {
    const customer = customerById.get(claim.customerId);
    const device = deviceById.get(claim.deviceId);
    if (customer === undefined || device === undefined) {
      fields.set(claim.id, {});
      lacking?.add(claim.id);
      continue;
    }
    const inspection = latestInspections.get(claim.id);
    const records = {
      claim,
      customer,
      device,
      evidence: evidenceByClaim.get(claim.id) ?? [],
      inspection,
      misuseFindings:
        inspection === undefined ? [] : (findingsByInspection.get(inspection.id) ?? []),
    };
    fields.set(claim.id, claimDeadlineFields(records, calendar));
  }
  return fields;
}

/**
 * Keys read as one range at most this many times the keys asked for (plus a little): beyond,
 * the range holds mostly rows of other keys and the rest is read key by key.
 */
const rangeRowsPerKey = 8;
const rangeSlackRows = 64;

/**
 * The rows of `table` whose `index` is one of `keys`, read with as few requests as the keys allow:
 * a request costs far more than a row, and a page's claims, customers and devices were mostly
 * created one after another, so their (time-ordered) ids lie close together. First one range from
 * the lowest key to the highest, read up to a bound; if the range holds more rows than that (keys
 * far apart), the keys it did not reach are read one `equals` each. Never `anyOf`, whose cursor
 * jumps take fake-indexeddb (the tests' IndexedDB) quadratic time, nor a cursor: a plain range is
 * one `getAll`.
 */
async function rowsWhereKeyIn<Row>(
  table: Table<Row, RecordId>,
  index: string,
  keys: readonly string[],
  keyOf: (row: Row) => string,
): Promise<Row[]> {
  const sorted = [...new Set(keys)].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  if (first === last) return table.where(index).equals(first).toArray();
  const wanted = new Set(sorted);
  const bound = sorted.length * rangeRowsPerKey + rangeSlackRows;
  const inRange = await table.where(index).between(first, last, true, true).limit(bound).toArray();
  const reached = inRange.length < bound ? undefined : inRange.at(-1);
  if (reached === undefined) return inRange.filter((row) => wanted.has(keyOf(row)));
  // Rows come in key order: every key below the last one read is complete.
  const reachedKey = keyOf(reached);
  const complete = inRange.filter((row) => keyOf(row) < reachedKey && wanted.has(keyOf(row)));
  const rest = await Promise.all(
    sorted
      .filter((key) => key >= reachedKey)
      .map((key) => table.where(index).equals(key).toArray()),
  );
  return [...complete, ...rest.flat()];
}

/**
 * The rows of `table` with the ids `ids` (absent ones left out), in few requests (see
 * {@link rowsWhereKeyIn}): what `bulkGet` does with one request an id.
 */
export function readRowsById<Row extends { readonly id: RecordId }>(
  table: Table<Row, RecordId>,
  ids: readonly RecordId[],
): Promise<Row[]> {
  return rowsWhereKeyIn(table, ':id', ids, (row) => row.id);
}

/**
 * The live rows of `table` whose `index` field is one of `keys` (see {@link rowsWhereKeyIn}), those
 * of `pending` (by id) standing in for the stored ones.
 */
async function liveRowsWhere<Row extends SyncFields & { readonly id: RecordId }>(
  transaction: Transaction,
  table: TableName,
  index: 'claimId' | 'inspectionId',
  keys: readonly RecordId[],
  pending: ReadonlyMap<RecordId, Row> = new Map(),
): Promise<Row[]> {
  const keyOf = (row: Row) => {
    const key: unknown = Reflect.get(row, index);
    return typeof key === 'string' ? key : '';
  };
  const stored = await rowsWhereKeyIn(transaction.table<Row, RecordId>(table), index, keys, keyOf);
  const wanted = new Set(keys);
  const rows =
    pending.size === 0
      ? stored
      : [...new Map([...byId(stored), ...pending]).values()].filter((row) =>
          wanted.has(keyOf(row)),
        );
  // Deleted rows are dropped after the query: a Dexie `filter` would walk a cursor, one round
  // trip per row, where a plain range is one `getAll`.
  return rows.filter(isLive);
}

function byId<Row extends { readonly id: RecordId }>(rows: readonly Row[]): Map<RecordId, Row> {
  return new Map(rows.map((row) => [row.id, row]));
}

function groupBy<Row>(rows: readonly Row[], key: (row: Row) => RecordId): Map<RecordId, Row[]> {
  const groups = new Map<RecordId, Row[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group === undefined) groups.set(key(row), [row]);
    else group.push(row);
  }
  return groups;
}

/** How many claims a re-derivation reads and writes at once. */
const rederivePageSize = 500;

/**
 * Derives the deadline fields of the live claims among `claimIds` again, in `transaction`, and
 * stores those whose fields changed. Only the local fields are written: no stamp, audit event or
 * outbox entry, since every station derives them itself.
 */
export async function rederiveClaimDeadlines(
  transaction: Transaction,
  claimIds: Iterable<RecordId>,
  lacking?: ClaimsLackingRecords,
): Promise<void> {
  const ids = [...new Set(claimIds)];
  const claims = transaction.table<StoredClaim, RecordId>('claims');
  for (let start = 0; start < ids.length; start += rederivePageSize) {
    const page = await claims.bulkGet(ids.slice(start, start + rederivePageSize));
    const found = page.filter((claim): claim is StoredClaim => claim !== undefined);
    await rederivePage(transaction, found, lacking);
  }
}

/**
 * The ids of every claim that can have deadline fields (an open status, or fields still held),
 * sorted: what a calendar change re-derives. Settled claims are left out (their fields are empty
 * whatever the calendar), found by their keys alone, so no claim row is read.
 */
export async function recalculableClaimIds(
  claims: Table<StoredClaim, RecordId>,
): Promise<RecordId[]> {
  const openStatuses = claimStatusSchema.options.filter(mayHaveNextDeadline);
  const keyLists = await Promise.all([
    ...openStatuses.map((status) => claims.where('status').equals(status).primaryKeys()),
    // Any claim still holding fields too, so none could keep a stale deadline.
    claims.where('nextDeadlineAt').above('').primaryKeys(),
  ]);
  return [...new Set(keyLists.flat())].sort();
}

async function rederivePage(
  transaction: Transaction,
  claims: readonly StoredClaim[],
  lacking?: ClaimsLackingRecords,
): Promise<void> {
  const changed = await claimsWithNewDeadlines(transaction, claims, lacking);
  if (changed.length > 0) {
    await transaction.table<StoredClaim, RecordId>('claims').bulkPut(changed);
  }
}

/**
 * The live claims of `claims` whose deadline fields, derived from the records `transaction`
 * holds now (and those `pending` in their stead), differ from theirs: each with its new fields.
 * Nothing is written. Open claims that lack their customer or device go into `lacking` (when given).
 */
export async function claimsWithNewDeadlines(
  transaction: Transaction,
  claims: readonly StoredClaim[],
  lacking?: ClaimsLackingRecords,
  pending?: PendingDeadlineInputs,
): Promise<StoredClaim[]> {
  const live = claims.filter(isLive);
  if (live.length === 0) return [];
  const fieldsById = await readDeadlineFieldsOfClaims(transaction, live, lacking, pending);
  const changed: StoredClaim[] = [];
  for (const claim of live) {
    const fields = fieldsById.get(claim.id) ?? {};
    if (sameDeadlineFields(claim, fields)) continue;
    const {
      nextDeadlineAt: _at,
      nextDeadlineDate: _date,
      nextDeadlineKind: _kind,
      ...withoutDeadline
    } = claim;
    changed.push({ ...withoutDeadline, ...fields });
  }
  return changed;
}

function sameDeadlineFields(a: ClaimDeadlineFields, b: ClaimDeadlineFields): boolean {
  return (
    a.nextDeadlineAt === b.nextDeadlineAt &&
    a.nextDeadlineDate === b.nextDeadlineDate &&
    a.nextDeadlineKind === b.nextDeadlineKind
  );
}
