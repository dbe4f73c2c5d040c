import { useMemo } from 'react';
import type { EvaluationResult } from '#shared/policy';
import { evaluateClaimAsOpened, type StationCalendar } from '#shared/policy/claimEvaluation';
import { stationTimeZone } from '#shared/domain/calendar';
import type { ClaimRecords, StoredClaim, StoredCustomer, StoredDevice } from '../core';
import { useStationContext } from '../station/StationContext';
import { useCoreQuery } from '../core';

/** A claim with the records around it, and what its policy pack says of it today. */
export type ClaimDetails =
  | { readonly kind: 'loading' }
  | { readonly kind: 'not-found' }
  | {
      readonly kind: 'found';
      readonly claim: StoredClaim;
      readonly customer: StoredCustomer | undefined;
      readonly device: StoredDevice | undefined;
      /** Undefined when the claim names a pack Fixline does not have. */
      readonly decision: EvaluationResult | undefined;
    };

/**
 * A claim's details from its records as read (null: no such claim; undefined: still loading),
 * evaluated against its policy pack with the station's calendar.
 */
export function claimDetailsOf(
  records: ClaimRecords | null | undefined,
  calendar: StationCalendar,
): ClaimDetails {
  if (records === undefined) return { kind: 'loading' };
  if (records === null) return { kind: 'not-found' };
  const { claim, customer, device } = records;
  const decision: EvaluationResult | undefined =
    customer === undefined || device === undefined
      ? undefined
      : evaluateClaimAsOpened({ ...records, customer, device }, calendar);
  return { kind: 'found', claim, customer, device, decision };
}

/** Reads a claim and its records, kept current, and evaluates it against its policy pack. */
export function useClaimDecision(claimId: string): ClaimDetails {
  const { station } = useStationContext();
  // null for "no such claim", so it differs from useCoreQuery's undefined while loading.
  const records = useCoreQuery(
    async ({ queries }) => (await queries.claimDetails(claimId)) ?? null,
    [claimId],
  );

  const timeZone = stationTimeZone(station.timeZone);
  const holidays = station.holidays;
  return useMemo(
    () => claimDetailsOf(records, { timeZone, holidays }),
    [records, timeZone, holidays],
  );
}
