import type { FixlineDatabase } from '../db/database';
import type {
  StoredClaim,
  StoredCustomer,
  StoredDevice,
  StoredEvidence,
  StoredInspection,
  StoredMisuseFinding,
  StoredNote,
} from '../db/records';
import { isLive } from '../db/records';
import type { ClaimAudit, EvidenceItem, RecordedInspection } from './claimQueries';
import { claimAudit, claimEvidence, claimInspection, claimNotes } from './claimQueries';

/**
 * A live claim with the records its decision and documents read: its customer and device, its
 * live evidence (oldest first), its latest live inspection and that inspection's live findings.
 */
export type ClaimRecords = {
  readonly claim: StoredClaim;
  readonly customer: StoredCustomer | undefined;
  readonly device: StoredDevice | undefined;
  readonly evidence: readonly StoredEvidence[];
  readonly inspection: StoredInspection | undefined;
  readonly misuseFindings: readonly StoredMisuseFinding[];
};

/**
 * Loads a claim's records; undefined when the claim does not exist or is deleted. In one read-only
 * transaction, as {@link loadClaimScreenRecords} reads, so they are of one moment.
 */
export function loadClaimRecords(
  db: FixlineDatabase,
  claimId: string,
): Promise<ClaimRecords | undefined> {
  return db.transaction(
    'r',
    [db.claims, db.customers, db.devices, db.evidence, db.inspections, db.misuseFindings],
    () => readClaimRecords(db, claimId),
  );
}

async function readClaimRecords(
  db: FixlineDatabase,
  claimId: string,
): Promise<ClaimRecords | undefined> {
  const claim = await db.claims.get(claimId);
  if (claim === undefined || !isLive(claim)) return undefined;
  const [customer, device, evidence, { inspection, findings: misuseFindings }] = await Promise.all([
    db.customers.get(claim.customerId),
    db.devices.get(claim.deviceId),
    db.evidence.where('claimId').equals(claim.id).filter(isLive).toArray(),
    claimInspection(db, claim.id),
  ]);
  evidence.sort((first, second) => first.capturedAt.localeCompare(second.capturedAt));
  return { claim, customer, device, evidence, inspection, misuseFindings };
}

/**
 * What the claim screen shows of a claim's own records, read together: its records (as
 * {@link loadClaimRecords} reads them), its live evidence with thumbnails, live notes, latest
 * inspection, and audit trail. One read, so one live query wakes the screen once, not five
 * times one after another, each drawing the whole screen again.
 */
export type ClaimScreenRecords = {
  readonly records: ClaimRecords;
  readonly evidence: readonly EvidenceItem[];
  readonly notes: readonly StoredNote[];
  readonly inspection: RecordedInspection;
  readonly audit: ClaimAudit;
};

/**
 * Reads what the claim screen shows; undefined when the claim does not exist or is deleted. One
 * read-only transaction: the screen shows the station as of one moment (its reads are asked in
 * turns, and a write landing between two turns, a pulled page for one, showed half of itself),
 * and IndexedDB opens one transaction instead of one a read (one for each record under the claim,
 * whose audit events are read by its id).
 */
export function loadClaimScreenRecords(
  db: FixlineDatabase,
  claimId: string,
): Promise<ClaimScreenRecords | undefined> {
  return db.transaction('r', claimScreenTables(db), () => readClaimScreenRecords(db, claimId));
}

/** Every table {@link readClaimScreenRecords} reads. */
function claimScreenTables(db: FixlineDatabase) {
  return [
    db.claims,
    db.customers,
    db.devices,
    db.evidence,
    db.attachments,
    db.attachmentBlobs,
    db.notes,
    db.inspections,
    db.misuseFindings,
    db.auditEvents,
    db.quotes,
    db.quoteLines,
    db.shipmentLegs,
    db.conflicts,
  ];
}

async function readClaimScreenRecords(
  db: FixlineDatabase,
  claimId: string,
): Promise<ClaimScreenRecords | undefined> {
  // The claim's customer and device are asked for as soon as the claim is in, beside the rest.
  const [parties, evidence, notes, inspection, audit] = await Promise.all([
    db.claims
      .get(claimId)
      .then((claim) =>
        claim === undefined || !isLive(claim)
          ? undefined
          : Promise.all([db.customers.get(claim.customerId), db.devices.get(claim.deviceId)]).then(
              ([customer, device]) => ({ claim, customer, device }),
            ),
      ),
    claimEvidence(db, claimId),
    claimNotes(db, claimId),
    claimInspection(db, claimId),
    claimAudit(db, claimId),
  ]);
  if (parties === undefined) return undefined;
  const { claim, customer, device } = parties;
  const records: ClaimRecords = {
    claim,
    customer,
    device,
    // Live and oldest first already, as the decision reads them.
    evidence: evidence.map((item) => item.evidence),
    inspection: inspection.inspection,
    misuseFindings: inspection.findings,
  };
  return { records, evidence, notes, inspection, audit };
}
