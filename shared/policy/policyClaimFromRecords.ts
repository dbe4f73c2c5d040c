import type { Claim } from '../domain/claim';
import type { Customer } from '../domain/customer';
import type { Device } from '../domain/device';
import type { Evidence } from '../domain/evidence';
import type { Inspection, MisuseFinding } from '../domain/inspection';
import type { IsoDate } from '../domain/primitives';
import { policyIdSchema, type PolicyClaimInput, type PolicyId } from './policyClaim';

/** The stored records of one claim, as the app holds them. */
export type ClaimRecords = {
  claim: Claim;
  device: Device;
  customer: Customer;
  evidence: readonly Evidence[];
  /** The latest inspection, if the device has been inspected. */
  inspection?: Inspection;
  misuseFindings?: readonly MisuseFinding[];
  /** WORRY FREE+ replacements this customer already had for this device (C10). */
  worryFreeReplacements?: number;
};

/**
 * The policy engine's view of a stored claim, so the app and the command line evaluate the same
 * thing. `asOf` is the day the request was made, in the center's time zone. Returns undefined
 * when the claim names a pack Fixline does not have.
 */
export function policyClaimFromRecords(
  records: ClaimRecords,
  asOf: IsoDate,
): PolicyClaimInput | undefined {
  const policy = policyIdSchema.safeParse(records.claim.policyPackId);
  if (!policy.success) return undefined;
  const { claim, device, customer, evidence, inspection } = records;
  const count = (kind: Evidence['kind']) => evidence.filter((item) => item.kind === kind).length;
  const defect = claim.defect;
  const description = defect
    ? [defect.what, defect.howItArose, defect.since].filter(Boolean).join(' — ')
    : undefined;
  const condition = claim.conditionOnArrival;

  return {
    policy: policy.data satisfies PolicyId,
    asOf,
    product: {
      model: device.model,
      category: device.category,
      serial: device.serial ?? device.imei,
      sku: device.sku,
      itemCode: device.itemCode,
    },
    purchase: { ...claim.purchase },
    request: {
      reason: claim.reason,
      symptom: claim.symptom,
      description,
      stepsTried: claim.stepsTried,
      condition: condition && {
        unopened: condition.unopened,
        unused: condition.unused,
        originalPackaging: condition.originalPackaging,
      },
    },
    customer: { name: customer.name, email: customer.email },
    evidence: {
      productPhotos: count('product-photo'),
      packagingPhotos: count('packaging-photo'),
      videos: count('video'),
      // Absent rather than false: no receipt yet is not a refused receipt (B7).
      returnShippingReceipt: count('receipt') > 0 ? true : undefined,
      carrierDamageProof: count('carrier-damage-proof') > 0 ? true : undefined,
    },
    // "Fault not confirmed" in the engine means tested and no defect found (C7, B6).
    inspection: inspection && {
      faultConfirmed: !inspection.noDefectFound,
      misuse: [...new Set((records.misuseFindings ?? []).map((finding) => finding.kind))],
    },
    history: { worryFreeReplacements: records.worryFreeReplacements ?? 0 },
  };
}
