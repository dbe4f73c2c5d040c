import {
  claimDocumentData,
  type ClaimDocuments,
  type PaperSize,
  type RepairCenter,
} from '#shared/documents';
import type { PrintTarget } from '#shared/ipc/contract';
import type { AuditEvent } from '#shared/domain/audit';
import type { Claim } from '#shared/domain/claim';
import type { IsoDate } from '#shared/domain/primitives';
import type { Customer } from '#shared/domain/customer';
import type { Device } from '#shared/domain/device';
import type { EvaluationResult } from '#shared/policy';
import { calendarDayIn } from '#shared/domain/calendar';
import type { PrinterChoice, StationSettingsRow } from './model';

/** What a claim's documents still lack, for a message that says what to fill in. */
export type MissingForDocuments =
  'center-address' | 'center-phone' | 'currency' | 'customer' | 'device' | 'decision';

/** The documents of a claim, or the first thing that keeps them from being drawn. */
export type ClaimDocumentsResult =
  | { readonly ok: true; readonly value: ClaimDocuments }
  | { readonly ok: false; readonly missing: MissingForDocuments };

/** The station's center as documents print it; the address, phone and currency are required there. */
export function repairCenterOf(
  station: StationSettingsRow,
): { ok: true; value: RepairCenter } | { ok: false; missing: MissingForDocuments } {
  const { center, stationCode, currency } = station;
  if (center.address === undefined) return { ok: false, missing: 'center-address' };
  if (center.phone === undefined) return { ok: false, missing: 'center-phone' };
  if (currency === undefined) return { ok: false, missing: 'currency' };
  return {
    ok: true,
    value: {
      name: center.name,
      address: center.address,
      ...(center.returnAddress === undefined ? {} : { returnAddress: center.returnAddress }),
      phone: center.phone,
      ...(center.email === undefined ? {} : { email: center.email }),
      stationCode,
      currency,
    },
  };
}

/** The stored records of one claim and the policy's answer for it today. */
export type ClaimDocumentSources = {
  readonly station: StationSettingsRow;
  readonly claim: Claim;
  readonly customer: Customer | undefined;
  readonly device: Device | undefined;
  readonly decision: EvaluationResult | undefined;
};

/**
 * The day a claim was authorized, in the center's time zone: claims do not store it, so it is
 * the day of the audit trail's last transition to `authorized` (a claim reopened and authorized
 * again prints the later day). Undefined while the claim was never authorized.
 */
export function authorizedOnFrom(
  claimEvents: readonly AuditEvent[],
  timeZone: string,
): IsoDate | undefined {
  const authorizations = claimEvents
    .filter((event) => event.action === 'transition' && event.changes.status?.to === 'authorized')
    .map((event) => event.at)
    .sort();
  const last = authorizations.at(-1);
  return last === undefined ? undefined : calendarDayIn(timeZone, Date.parse(last));
}

/**
 * The RMA slip, return label and device tag of a claim, from the records as stored and the
 * decision; the slip carries the day the claim was authorized, or says it is not yet.
 */
export function claimDocumentsFor(
  sources: ClaimDocumentSources,
  authorizedOn: IsoDate | undefined,
): ClaimDocumentsResult {
  const { station, claim, customer, device, decision } = sources;
  if (customer === undefined) return { ok: false, missing: 'customer' };
  if (device === undefined) return { ok: false, missing: 'device' };
  if (decision === undefined || !decision.ok) return { ok: false, missing: 'decision' };
  const center = repairCenterOf(station);
  if (!center.ok) return center;
  return {
    ok: true,
    value: claimDocumentData({
      center: center.value,
      claim,
      customer,
      device,
      decision: decision.value,
      ...(authorizedOn === undefined ? {} : { authorizedOn }),
    }),
  };
}

/**
 * Where a document goes and on which paper, from the station's choice for its kind. Paper counts
 * only for page documents on a system printer; labels keep the size their layout fixes. No
 * `media` is sent: main derives it from the document's own page size, by CUPS's names.
 */
export function printRequestOf(choice: PrinterChoice): {
  target: PrintTarget;
  options: { paper?: PaperSize };
} {
  if (choice.type === 'zpl') return { target: choice, options: {} };
  return {
    target: { type: 'system', printer: choice.printer },
    options: choice.paper === undefined ? {} : { paper: choice.paper },
  };
}
