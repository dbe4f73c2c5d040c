import type { Claim } from '../domain/claim';
import { claimStatusSchema, type ClaimStatus } from '../domain/claimWorkflow';

/** How many of the report's claims are in one status now. */
export type StatusCountRow = { readonly status: ClaimStatus; readonly claims: number };

/**
 * Claims by their current status: one row per status, in workflow order, zeros included so the
 * chart keeps its shape from one filter to the next. The counts sum to the number of claims.
 */
export function claimsByStatus(claims: readonly Pick<Claim, 'status'>[]): StatusCountRow[] {
  const counts = new Map<ClaimStatus, number>();
  for (const claim of claims) counts.set(claim.status, (counts.get(claim.status) ?? 0) + 1);
  return claimStatusSchema.options.map((status) => ({ status, claims: counts.get(status) ?? 0 }));
}
