import type { Claim } from '../domain/claim';
import type { Customer } from '../domain/customer';
import type { Device } from '../domain/device';
import type { IsoDate } from '../domain/primitives';
import type { ShipmentLeg } from '../domain/shipment';
import type { Decision } from '../policy/decision';
import { shipByDate, type DocumentDataByKind, type RepairCenter } from './documentData';
import type { DocumentKind } from './pageLayout';

/** The documents a claim prints before the device is back, in the order of the screens' buttons. */
export const claimDocumentKinds = [
  'rma-slip',
  'return-label',
  'device-tag',
] as const satisfies readonly DocumentKind[];
export type ClaimDocumentKind = (typeof claimDocumentKinds)[number];

/** Days an RMA stays valid after authorization when the policy sets no earlier ship-by day. */
export const defaultRmaValidityDays = 14;

/** The records one claim's documents are drawn from, and the policy's decision for it. */
export type ClaimDocumentRecords = {
  readonly center: RepairCenter;
  readonly claim: Claim;
  readonly customer: Customer;
  readonly device: Device;
  readonly decision: Decision;
  /** The day the RMA was authorized, in the center's time zone; absent while it is not. */
  readonly authorizedOn?: IsoDate;
  readonly validityDays?: number;
  /** The leg the customer ships in, when the center already recorded it. */
  readonly inboundLeg?: ShipmentLeg;
};

/** The documents a claim needs before the device is back: the slip, the return label, the tag. */
export type ClaimDocuments = Pick<DocumentDataByKind, ClaimDocumentKind>;

/**
 * The data of a claim's RMA slip, return label and device tag, from its records and decision.
 * Pure, so the desktop app, the browser build and the sample documents draw the same documents.
 */
export function claimDocumentData(records: ClaimDocumentRecords): ClaimDocuments {
  const { center, claim, customer, device, decision, authorizedOn, inboundLeg } = records;
  const base = { center, claim, customer, device };
  const validityDays = records.validityDays ?? defaultRmaValidityDays;
  return {
    'rma-slip': {
      ...base,
      decision,
      ...(authorizedOn === undefined
        ? {}
        : { authorizedOn, shipBy: shipByDate(decision, authorizedOn, validityDays) }),
      ...(inboundLeg === undefined ? {} : { inboundLeg }),
    },
    'return-label': {
      ...base,
      direction: 'inbound',
      ...(inboundLeg === undefined ? {} : { leg: inboundLeg }),
    },
    'device-tag': base,
  };
}
