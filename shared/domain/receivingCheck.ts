import type { ClaimStatus } from './claimWorkflow';
import type { Device } from './device';

/**
 * The checks of clause B14 on a parcel at the receiving desk: the return was authorized, the
 * parcel holds the claimed item (its serial or IMEI), and it is not empty. Pure, so the desk and
 * its tests judge a parcel the same way; the repository's transition guard still has the last word.
 */

/** Where a claim stands for receiving, by its status. */
export type ReceivingStanding =
  | { readonly kind: 'expected' }
  /** Not yet authorized: the customer shipped without an RMA (B14). */
  | { readonly kind: 'not-authorized'; readonly status: ClaimStatus }
  /** Already received before: a second parcel, or the same one scanned twice. */
  | { readonly kind: 'already-received'; readonly status: ClaimStatus }
  /** Cancelled, refused before shipping, or closed: nothing is expected. */
  | { readonly kind: 'ended'; readonly status: ClaimStatus };

/** Whether the desk may receive a parcel for a claim in `status`, and if not, why. */
export function receivingStanding(status: ClaimStatus): ReceivingStanding {
  switch (status) {
    case 'authorized':
      return { kind: 'expected' };
    case 'intake':
    case 'awaiting-authorization':
      return { kind: 'not-authorized', status };
    case 'received':
    case 'inspected':
    case 'quoted':
    case 'resolved':
      return { kind: 'already-received', status };
    case 'refused':
    case 'cancelled':
    case 'closed':
      return { kind: 'ended', status };
  }
}

/** A serial as printed and as scanned compare equal: case, spaces and dashes do not count. */
function normalizedIdentifier(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * Whether the scanned code names the claim's device: its serial or its IMEI. An empty scan names
 * nothing, and a device without identifiers matches nothing.
 */
export function scannedDeviceMatches(
  device: Pick<Device, 'serial' | 'imei'>,
  scanned: string,
): boolean {
  const code = normalizedIdentifier(scanned);
  if (code === '') return false;
  return [device.serial, device.imei].some(
    (identifier) => identifier !== undefined && normalizedIdentifier(identifier) === code,
  );
}

/** The state of one B14 check: not judged yet, passed, or failed. */
export type CheckState = 'pending' | 'pass' | 'fail';

/** The three B14 checks of a parcel, and whether it may be received. */
export type ReceivingChecks = {
  readonly authorized: CheckState;
  readonly rightItem: CheckState;
  readonly notEmpty: CheckState;
  readonly canReceive: boolean;
};

/** What the clerk has established about the parcel on the desk. */
export type ParcelFacts = {
  readonly status: ClaimStatus;
  readonly device: Pick<Device, 'serial' | 'imei'> | undefined;
  /** The serial or IMEI scanned off the device in the parcel; undefined until scanned. */
  readonly scannedSerial: string | undefined;
  /** Whether the parcel holds the device: undefined until the clerk says. */
  readonly contentConfirmed: boolean | undefined;
};

/** Judges a parcel against B14; it may be received only when all three checks pass. */
export function receivingChecks(facts: ParcelFacts): ReceivingChecks {
  const authorized: CheckState =
    receivingStanding(facts.status).kind === 'expected' ? 'pass' : 'fail';
  const rightItem: CheckState =
    facts.scannedSerial === undefined
      ? 'pending'
      : facts.device !== undefined && scannedDeviceMatches(facts.device, facts.scannedSerial)
        ? 'pass'
        : 'fail';
  const notEmpty: CheckState =
    facts.contentConfirmed === undefined ? 'pending' : facts.contentConfirmed ? 'pass' : 'fail';
  return {
    authorized,
    rightItem,
    notEmpty,
    canReceive: authorized === 'pass' && rightItem === 'pass' && notEmpty === 'pass',
  };
}

/** What the device's label says, for the clerk to compare: its serial, else its IMEI. */
export function deviceIdentifier(device: Pick<Device, 'serial' | 'imei'>): string {
  return device.serial ?? device.imei ?? '';
}
