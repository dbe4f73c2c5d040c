import type { Claim } from '#shared/domain/claim';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { Customer } from '#shared/domain/customer';
import type { Device } from '#shared/domain/device';
import type { Evidence } from '#shared/domain/evidence';
import type { Inspection, MisuseFinding } from '#shared/domain/inspection';
import type { IsoDateTime } from '#shared/domain/primitives';
import type { MisuseKind } from '#shared/domain/vocabulary';
import type { ReportRecords, StatusChange } from '#shared/reports';
import {
  makeClaim,
  makeCustomer,
  makeDevice,
  makeInspection,
  makeMisuseFinding,
} from '../factories/domain';

/** What a test says about one claim; everything else takes the factories' defaults. */
export type ClaimSketch = {
  model?: string;
  policyPackId?: string;
  status?: ClaimStatus;
  createdAt?: IsoDateTime;
  claim?: Partial<Claim>;
  /** The latest inspection's findings; absent means not inspected. */
  inspection?: Partial<Inspection>;
  findings?: readonly MisuseKind[];
  /** Status changes, in any order. */
  changes?: readonly { to: ClaimStatus; at: IsoDateTime }[];
};

/**
 * A small station made by hand for report tests: each `add` opens one claim with its own device
 * and customer, and the inspection, findings and status changes the sketch gives.
 */
export class ReportStation {
  readonly claims: Claim[] = [];
  readonly devices: Device[] = [];
  readonly customers: Customer[] = [];
  readonly evidence: Evidence[] = [];
  readonly inspections: Inspection[] = [];
  readonly misuseFindings: MisuseFinding[] = [];
  readonly statusChanges: StatusChange[] = [];

  add(sketch: ClaimSketch = {}): Claim {
    const customer = makeCustomer();
    const device = makeDevice({ customerId: customer.id, model: sketch.model ?? 'KOSPET Tank T3' });
    const createdAt = sketch.createdAt ?? '2026-05-04T02:15:00.000Z';
    const claim = makeClaim({
      customerId: customer.id,
      deviceId: device.id,
      policyPackId: sketch.policyPackId ?? 'kospet-warranty-refund',
      status: sketch.status ?? 'intake',
      createdAt,
      updatedAt: createdAt,
      ...sketch.claim,
    });
    this.customers.push(customer);
    this.devices.push(device);
    this.claims.push(claim);
    if (sketch.inspection !== undefined) {
      const inspection = makeInspection({ claimId: claim.id, ...sketch.inspection });
      this.inspections.push(inspection);
      for (const kind of sketch.findings ?? []) {
        this.misuseFindings.push(makeMisuseFinding({ inspectionId: inspection.id, kind }));
      }
    }
    for (const change of sketch.changes ?? []) {
      this.statusChanges.push({ claimId: claim.id, to: change.to, at: change.at });
    }
    return claim;
  }

  records(): ReportRecords {
    return {
      claims: this.claims,
      devices: this.devices,
      customers: this.customers,
      evidence: this.evidence,
      inspections: this.inspections,
      misuseFindings: this.misuseFindings,
      statusChanges: this.statusChanges,
    };
  }
}

/** Jakarta, no holidays, "now" well after every claim of the tests. */
export const jakarta = {
  timeZone: 'Asia/Jakarta',
  holidays: [],
  nowMs: Date.parse('2026-12-01T00:00:00.000Z'),
} as const;
