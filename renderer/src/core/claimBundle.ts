import { parseRmaNumber } from '#shared/domain/claim';
import type { IsoDate } from '#shared/domain/primitives';
import type { EvaluationResult } from '#shared/policy';
import { evaluateClaimAsOpened } from '#shared/policy/claimEvaluation';
import { stationTimeZone } from '#shared/domain/calendar';
import type { StationSettingsRow, StoredClaim, StoredCustomer, StoredDevice } from './model';
import { authorizedOnFrom } from './claimDocumentRecords';
import type { StationQueries } from './stationCore';

/** The queries a claim's bundle is read with. */
type BundleQueries = Pick<StationQueries, 'claimsByRmaNumber' | 'claimDetails' | 'claimEvents'>;

/** A claim as the desk works with it: its customer, device, and what its policy says today. */
export type ClaimBundle = {
  readonly claim: StoredClaim;
  readonly customer: StoredCustomer | undefined;
  readonly device: StoredDevice | undefined;
  readonly decision: EvaluationResult | undefined;
  /** The day the claim was last authorized, from its audit trail (the slip prints it). */
  readonly authorizedOn: IsoDate | undefined;
};

/** What a scanned or typed RMA number found. */
export type RmaLookup =
  | { readonly kind: 'found'; readonly bundle: ClaimBundle }
  | { readonly kind: 'not-an-rma-number'; readonly code: string }
  | { readonly kind: 'not-found'; readonly rmaNumber: string };

/**
 * Reads a claim and its records, and evaluates it as the claim screen does (as of the day the
 * claim was made, with the station's holidays): the documents print that decision.
 */
export async function readClaimBundle(
  queries: BundleQueries,
  station: StationSettingsRow,
  claim: StoredClaim,
): Promise<ClaimBundle> {
  const timeZone = stationTimeZone(station.timeZone);
  const [records, claimEvents] = await Promise.all([
    queries.claimDetails(claim.id),
    queries.claimEvents(claim.id),
  ]);
  const authorizedOn = authorizedOnFrom(claimEvents, timeZone);
  const customer = records?.customer;
  const device = records?.device;
  if (records === undefined || customer === undefined || device === undefined) {
    return { claim, customer, device, decision: undefined, authorizedOn };
  }
  const decision = evaluateClaimAsOpened({ ...records, claim, customer, device }, station);
  return { claim, customer, device, decision, authorizedOn };
}

/** Finds the claim of an RMA number, typed or scanned in any letter case. */
export async function lookUpRmaNumber(
  queries: BundleQueries,
  station: StationSettingsRow,
  code: string,
): Promise<RmaLookup> {
  const rmaNumber = code.trim().toUpperCase();
  if (parseRmaNumber(rmaNumber) === undefined) return { kind: 'not-an-rma-number', code };
  const [claim] = await queries.claimsByRmaNumber(rmaNumber);
  if (claim === undefined) return { kind: 'not-found', rmaNumber };
  return { kind: 'found', bundle: await readClaimBundle(queries, station, claim) };
}
