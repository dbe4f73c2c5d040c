import Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import { claimStatusSchema } from '#shared/domain/claimWorkflow';
import type { RecordId } from '#shared/domain/primitives';
import type { ReportFilter, ReportRecords, StatusChange } from '#shared/reports';
import { FixlineDatabase } from '../db/database';
import type {
  StoredAuditEvent,
  StoredClaim,
  StoredEvidence,
  StoredInspection,
  StoredMisuseFinding,
  SyncFields,
} from '../db/records';
import { isLive } from '../db/records';

/** A center's day starts at most 14 hours before or after the same day in UTC. */
const dayMarginMs = 15 * 60 * 60 * 1000;

/**
 * Below this many claims, their rows are looked up by claim id; above it, reading the whole table
 * in one go is faster than that many index lookups.
 */
const lookupLimit = 5000;

function instantBound(day: string, shiftMs: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + shiftMs).toISOString();
}

/**
 * The claims the filter may cover, read by index: `[policyPackId+createdAt]` or `createdAt` for a
 * date range (widened by a day's worth of time zone, which `computeReports` then trims to the
 * center's days), `policyPackId` alone, or every claim.
 */
async function readClaims(db: FixlineDatabase, filter: ReportFilter): Promise<StoredClaim[]> {
  const { openedFrom, openedTo, policyPackId } = filter;
  if (openedFrom === undefined && openedTo === undefined) {
    const claims =
      policyPackId === undefined
        ? db.claims.toCollection()
        : db.claims.where('policyPackId').equals(policyPackId);
    return (await claims.toArray()).filter(isLive);
  }
  const lower = openedFrom === undefined ? '' : instantBound(openedFrom, -dayMarginMs);
  const upper =
    openedTo === undefined ? '\uffff' : instantBound(openedTo, 24 * 60 * 60 * 1000 + dayMarginMs);
  const claims =
    policyPackId === undefined
      ? db.claims.where('createdAt').between(lower, upper, true, true)
      : db.claims
          .where('[policyPackId+createdAt]')
          .between([policyPackId, lower], [policyPackId, upper], true, true);
  return (await claims.toArray()).filter(isLive);
}

/** Rows of a table that point at one of `ids` through `field`, live only. */
async function readRowsOf<Row extends SyncFields & { readonly id: RecordId }>(
  table: EntityTable<Row, 'id'>,
  field: string,
  ids: readonly RecordId[],
  idOf: (row: Row) => RecordId,
): Promise<Row[]> {
  if (ids.length === 0) return [];
  if (ids.length <= lookupLimit) {
    return (await table.where(field).anyOf(ids).toArray()).filter(isLive);
  }
  const wanted = new Set(ids);
  return (await table.toArray()).filter((row) => isLive(row) && wanted.has(idOf(row)));
}

/** The status changes of the claims, from the `transition` events of the audit trail. */
async function readStatusChanges(
  db: FixlineDatabase,
  claimIds: readonly RecordId[],
): Promise<StatusChange[]> {
  if (claimIds.length === 0) return [];
  let events: StoredAuditEvent[];
  if (claimIds.length <= lookupLimit) {
    events = await db.auditEvents
      .where('[entity+entityId]')
      .anyOf(claimIds.map((id) => ['claims', id]))
      .toArray();
  } else {
    const wanted = new Set(claimIds);
    events = (
      await db.auditEvents
        .where('[entity+entityId]')
        .between(['claims', Dexie.minKey], ['claims', Dexie.maxKey])
        .toArray()
    ).filter((event) => wanted.has(event.entityId));
  }
  const changes: StatusChange[] = [];
  for (const event of events) {
    if (event.action !== 'transition') continue;
    const to = claimStatusSchema.safeParse(event.changes.status?.to);
    if (to.success) changes.push({ claimId: event.entityId, to: to.data, at: event.at });
  }
  return changes;
}

/**
 * Reads, in bulk and by index, every live record the reports need for the claims the filter may
 * cover. The date range is widened here; `computeReports` applies the filter exactly.
 */
export async function loadReportRecords(
  db: FixlineDatabase,
  filter: ReportFilter,
): Promise<ReportRecords> {
  const claims = await readClaims(db, filter);
  const claimIds = claims.map((claim) => claim.id);
  const unique = (ids: RecordId[]) => [...new Set(ids)];
  const [devices, customers, evidence, inspections, statusChanges] = await Promise.all([
    db.devices.bulkGet(unique(claims.map((claim) => claim.deviceId))),
    db.customers.bulkGet(unique(claims.map((claim) => claim.customerId))),
    readRowsOf<StoredEvidence>(db.evidence, 'claimId', claimIds, (row) => row.claimId),
    readRowsOf<StoredInspection>(db.inspections, 'claimId', claimIds, (row) => row.claimId),
    readStatusChanges(db, claimIds),
  ]);
  const misuseFindings = await readRowsOf<StoredMisuseFinding>(
    db.misuseFindings,
    'inspectionId',
    inspections.map((inspection) => inspection.id),
    (row) => row.inspectionId,
  );
  const present = <Row extends SyncFields>(rows: (Row | undefined)[]): Row[] =>
    rows.filter((row): row is Row => row !== undefined && isLive(row));
  return {
    claims,
    devices: present(devices),
    customers: present(customers),
    evidence,
    inspections,
    misuseFindings,
    statusChanges,
  };
}

/**
 * The reports worker's one read, over a connection of its own to the station's database: the
 * worker needs neither the repositories nor the backup code of the whole core.
 */
export function openReportRecordsReader(): (filter: ReportFilter) => Promise<ReportRecords> {
  const db = new FixlineDatabase();
  return (filter) => loadReportRecords(db, filter);
}
