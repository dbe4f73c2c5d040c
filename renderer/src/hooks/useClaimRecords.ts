import type { ClaimAudit, EvidenceItem, RecordedInspection, StoredNote } from '../core';
import { useCoreQuery } from '../core';

export type { ClaimAudit, EvidenceItem, RecordedInspection } from '../core';

/** A claim's live evidence, oldest first, with thumbnails; undefined while loading. */
export function useClaimEvidence(claimId: string): readonly EvidenceItem[] | undefined {
  return useCoreQuery(({ queries }) => queries.claimEvidence(claimId), [claimId]);
}

/** A claim's live notes, newest first; undefined while loading. */
export function useClaimNotes(claimId: string): readonly StoredNote[] | undefined {
  return useCoreQuery(({ queries }) => queries.claimNotes(claimId), [claimId]);
}

/** The inspection the decision reads (the latest), kept current; undefined while loading. */
export function useClaimInspection(claimId: string): RecordedInspection | undefined {
  return useCoreQuery(({ queries }) => queries.claimInspection(claimId), [claimId]);
}

/**
 * Every change of a claim and its child records, kept current: deleted rows count too, since
 * their deletion is part of the story.
 */
export function useClaimAudit(claimId: string): ClaimAudit | undefined {
  return useCoreQuery(({ queries }) => queries.claimAudit(claimId), [claimId]);
}
