import type { Claim } from '../domain/claim';
import type { ClaimStatus } from '../domain/claimWorkflow';
import type { Customer } from '../domain/customer';
import type { Device } from '../domain/device';
import type { Evidence } from '../domain/evidence';
import type { Inspection, MisuseFinding } from '../domain/inspection';
import type { RecordId } from '../domain/primitives';
import type { PolicyPack } from '../policy/pack';
import type { ReportRecords } from './reportRecords';

/**
 * The records of the report's claims looked up by claim, built once in linear time so each
 * report reads what it needs without scanning every table per claim.
 */
export type ClaimIndex = {
  readonly devices: ReadonlyMap<RecordId, Device>;
  readonly customers: ReadonlyMap<RecordId, Customer>;
  readonly evidenceByClaim: ReadonlyMap<RecordId, Evidence[]>;
  /** The latest inspection of each inspected claim (by `inspectedAt`). */
  readonly latestInspection: ReadonlyMap<RecordId, Inspection>;
  readonly findingsByInspection: ReadonlyMap<RecordId, MisuseFinding[]>;
  /** Each claim's status changes, oldest first. */
  readonly changesByClaim: ReadonlyMap<RecordId, { to: ClaimStatus; atMs: number }[]>;
};

function groupBy<Row>(rows: readonly Row[], key: (row: Row) => RecordId): Map<RecordId, Row[]> {
  const groups = new Map<RecordId, Row[]>();
  for (const row of rows) {
    const id = key(row);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [row]);
    else group.push(row);
  }
  return groups;
}

/** Indexes `records` by claim. */
export function indexRecords(records: ReportRecords): ClaimIndex {
  const latestInspection = new Map<RecordId, Inspection>();
  for (const inspection of records.inspections) {
    const known = latestInspection.get(inspection.claimId);
    if (known === undefined || inspection.inspectedAt > known.inspectedAt) {
      latestInspection.set(inspection.claimId, inspection);
    }
  }
  const changesByClaim = new Map<RecordId, { to: ClaimStatus; atMs: number }[]>();
  for (const change of records.statusChanges) {
    const entry = { to: change.to, atMs: Date.parse(change.at) };
    const changes = changesByClaim.get(change.claimId);
    if (changes === undefined) changesByClaim.set(change.claimId, [entry]);
    else changes.push(entry);
  }
  for (const changes of changesByClaim.values()) changes.sort((a, b) => a.atMs - b.atMs);
  return {
    devices: new Map(records.devices.map((device) => [device.id, device])),
    customers: new Map(records.customers.map((customer) => [customer.id, customer])),
    evidenceByClaim: groupBy(records.evidence, (item) => item.claimId),
    latestInspection,
    findingsByInspection: groupBy(records.misuseFindings, (finding) => finding.inspectionId),
    changesByClaim,
  };
}

/** When a claim first moved to one of `statuses`, as epoch ms; undefined if it never did. */
export function firstChangeTo(
  index: ClaimIndex,
  claimId: RecordId,
  statuses: readonly ClaimStatus[],
): number | undefined {
  return index.changesByClaim.get(claimId)?.find((change) => statuses.includes(change.to))?.atMs;
}

/** The brand and model a claim's device is reported under: the pack's brand, the device's model. */
export type ModelKey = { readonly brand: string; readonly model: string };

/** Shown for a claim whose device row is missing, so its figures still count somewhere. */
export const unknownModel = '—';

export function modelKeyOf(
  claim: Claim,
  index: ClaimIndex,
  packs: Readonly<Record<string, PolicyPack>>,
): ModelKey {
  return {
    brand: packs[claim.policyPackId]?.brand ?? claim.policyPackId,
    model: index.devices.get(claim.deviceId)?.model ?? unknownModel,
  };
}

/** Groups claims by brand and model, in order of first appearance. */
export function groupByModel(
  claims: readonly Claim[],
  index: ClaimIndex,
  packs: Readonly<Record<string, PolicyPack>>,
): { key: ModelKey; claims: Claim[] }[] {
  const groups = new Map<string, { key: ModelKey; claims: Claim[] }>();
  for (const claim of claims) {
    const key = modelKeyOf(claim, index, packs);
    const id = `${key.brand}\u0000${key.model}`;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { key, claims: [claim] });
    else group.claims.push(claim);
  }
  return [...groups.values()];
}

/** Orders rows by brand, then model (so equal figures list in a stable, readable order). */
export function compareModels(a: ModelKey, b: ModelKey): number {
  return a.brand.localeCompare(b.brand) || a.model.localeCompare(b.model);
}
