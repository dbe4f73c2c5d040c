import type { FixlineDatabase } from '../db/database';
import type {
  StoredClaim,
  StoredCustomer,
  StoredDevice,
  StoredEvidence,
  StoredInspection,
  StoredMisuseFinding,
} from '../db/records';
import { isLive } from '../db/records';
import { claimInspection } from './claimQueries';

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

/** Loads a claim's records; undefined when the claim does not exist or is deleted. */
export async function loadClaimRecords(
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
