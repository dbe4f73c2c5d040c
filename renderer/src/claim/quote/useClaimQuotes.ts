import type { RecordId } from '#shared/domain/primitives';
import type { ClaimQuotes } from '../../core';
import { useCoreQuery } from '../../core';

export type { ClaimQuotes } from '../../core';

/** The quote revisions of a claim, kept current; undefined while loading. */
export function useClaimQuotes(claimId: RecordId): ClaimQuotes | undefined {
  return useCoreQuery(({ queries }) => queries.claimQuotes(claimId), [claimId]);
}
