import { useMemo } from 'react';
import { stationTimeZone } from '#shared/domain/calendar';
import type { ClaimAudit, EvidenceItem, RecordedInspection, StoredNote } from '../core';
import { useCoreQuery } from '../core';
import { claimDetailsOf, type ClaimDetails } from '../hooks/useClaimDecision';
import { useStationContext } from '../station/StationContext';

/** What the claim screen shows of a claim's own records; each undefined while loading. */
export type ClaimScreenState = {
  readonly details: ClaimDetails;
  readonly evidence: readonly EvidenceItem[] | undefined;
  readonly notes: readonly StoredNote[] | undefined;
  readonly inspection: RecordedInspection | undefined;
  readonly audit: ClaimAudit | undefined;
};

/**
 * A claim's records, evidence, notes, inspection and audit trail, kept current by one live
 * query, with what its policy pack says of it: the screen draws once when they arrive, instead
 * of once for each of five queries.
 */
export function useClaimScreen(claimId: string): ClaimScreenState {
  const { station } = useStationContext();
  // null for "no such claim", so it differs from useCoreQuery's undefined while loading.
  const read = useCoreQuery(
    async ({ queries }) => (await queries.claimScreen(claimId)) ?? null,
    [claimId],
  );
  const timeZone = stationTimeZone(station.timeZone);
  const holidays = station.holidays;
  return useMemo(
    () => ({
      details: claimDetailsOf(read === null ? null : read?.records, { timeZone, holidays }),
      evidence: read?.evidence,
      notes: read?.notes,
      inspection: read?.inspection,
      audit: read?.audit,
    }),
    [read, timeZone, holidays],
  );
}
