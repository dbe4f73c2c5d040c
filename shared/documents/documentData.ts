import type { Claim } from '../domain/claim';
import type { Address, Customer } from '../domain/customer';
import type { Device } from '../domain/device';
import type { CurrencyCode, IsoDate, StationCode } from '../domain/primitives';
import type { Quote, QuoteLine } from '../domain/quote';
import type { ShipmentDirection, ShipmentLeg } from '../domain/shipment';
import type { Language } from '../domain/vocabulary';
import { plusDays } from '../policy/calendar';
import type { ClauseText } from '../policy/clauses/clauseText';
import type { Decision } from '../policy/decision';
import type { DocumentKind, PaperSize, TextMeasurer } from './pageLayout';

/**
 * The repair center (the station) that prints a document: its name and addresses, and the
 * currency it quotes in. `returnAddress` is where customers send devices, when it differs from
 * the street address printed in the letterhead (a warehouse door, a PO box).
 */
export type RepairCenter = {
  readonly name: string;
  readonly address: Address;
  readonly returnAddress?: Address;
  readonly phone: string;
  readonly email?: string;
  readonly stationCode: StationCode;
  readonly currency: CurrencyCode;
};

/** The records every document about one claim starts from. */
export type ClaimDocumentData = {
  readonly center: RepairCenter;
  readonly claim: Claim;
  readonly customer: Customer;
  readonly device: Device;
};

/**
 * The RMA slip: what was authorized, by which clauses, who pays which leg, by when to ship, and
 * the customer's preparation. `decision` is the policy's answer for the claim as authorized;
 * when `claim.remedy` is set the slip shows that option, otherwise every option offered.
 * `inboundLeg` is the leg the customer will ship, when the center already recorded it.
 */
export type RmaSlipData = ClaimDocumentData & {
  readonly decision: Decision;
  /**
   * The day the claim was authorized (its audit trail's transition to `authorized`), in the
   * center's time zone; absent while it is not, and the slip then says so.
   */
  readonly authorizedOn?: IsoDate;
  /** The last day the customer may ship, see {@link shipByDate}; absent until authorized. */
  readonly shipBy?: IsoDate;
  readonly inboundLeg?: ShipmentLeg;
};

/**
 * A 4 × 6 in shipping label. `inbound` goes from the customer to the center (the customer's
 * return), `outbound` from the center back to the customer. `leg` adds carrier and tracking.
 */
export type ReturnLabelData = ClaimDocumentData & {
  readonly direction: ShipmentDirection;
  readonly leg?: ShipmentLeg;
};

/** The small tag tied to a device on the bench: its RMA barcode, serial, model and fault. */
export type DeviceTagData = ClaimDocumentData;

/**
 * A quote with its lines. `clauseTexts` holds the words of the clauses the lines cite (a pack's
 * catalog or a decision's `clauseTexts`); `issuedOn` is the day it is printed.
 */
export type QuoteDocumentData = ClaimDocumentData & {
  readonly quote: Quote;
  readonly lines: readonly QuoteLine[];
  readonly clauseTexts: Readonly<Record<string, ClauseText>>;
  readonly issuedOn: IsoDate;
};

/** One line of a packing slip: what is in the parcel, never what it cost. */
export type PackingItem = {
  readonly description: string;
  readonly quantity: number;
  /** A serial number or IMEI, when the item has one. */
  readonly identifier?: string;
};

/**
 * A packing slip for the parcel the center sends back. `items` defaults to the device and the
 * accessories received with it.
 */
export type PackingSlipData = ClaimDocumentData & {
  readonly issuedOn: IsoDate;
  readonly items?: readonly PackingItem[];
  readonly leg?: ShipmentLeg;
};

/** The data each kind of document is laid out from. */
export type DocumentDataByKind = {
  'rma-slip': RmaSlipData;
  'return-label': ReturnLabelData;
  'device-tag': DeviceTagData;
  quote: QuoteDocumentData;
  'packing-slip': PackingSlipData;
};

/** How to lay out a document. */
export type LayoutOptions = {
  readonly measureText: TextMeasurer;
  /** Paper for the office documents (RMA slip, quote, packing slip); labels and tags ignore it. */
  readonly paper?: PaperSize;
  /** The language to print in; the customer's preferred language when absent. */
  readonly language?: Language;
};

/** Why a document could not be laid out, in words a person at the bench can act on. */
export type DocumentError = { readonly kind: DocumentKind; readonly message: string };

/**
 * The last day to ship a return: `validityDays` after authorization, or earlier when the policy
 * says so and that day has not passed: a WORRY FREE+ return must ship within its working days
 * (C12), and past the free-shipping window (C4) the shipping the slip says "we pay" would
 * become the customer's.
 */
export function shipByDate(
  decision: Decision,
  authorizedOn: IsoDate,
  validityDays: number,
): IsoDate {
  const byValidity = plusDays(authorizedOn, validityDays);
  const byPolicy = decision.deadlines
    .filter(
      (deadline) =>
        (deadline.kind === 'worry-free-ship-by' || deadline.kind === 'free-shipping-window') &&
        !deadline.passed,
    )
    .map((deadline) => deadline.date);
  return [byValidity, ...byPolicy].reduce((earliest, day) => (day < earliest ? day : earliest));
}
