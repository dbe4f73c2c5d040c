import type { ClaimStatus } from '../domain/claimWorkflow';
import type { Deadline } from './decision';

/**
 * Statuses in which nothing is due any more: the remedy is decided or the claim is over, so no
 * deadline of the decision can still be missed.
 */
const settledStatuses: ReadonlySet<ClaimStatus> = new Set([
  'resolved',
  'closed',
  'refused',
  'cancelled',
]);

/** Statuses in which the center has not answered the customer yet (A9, C12: first response). */
const unansweredStatuses: ReadonlySet<ClaimStatus> = new Set(['intake', 'awaiting-authorization']);

/**
 * Whether a claim in `status` can have a deadline left to meet: not once it is settled. Lets a
 * caller skip evaluating a settled claim, whose {@link nextDeadline} is always undefined.
 */
export function mayHaveNextDeadline(status: ClaimStatus): boolean {
  return !settledStatuses.has(status);
}

/**
 * The deadline a claim in `status` must meet next, among its decision's `deadlines`: the earliest
 * one still open on the day of the request. The first-response clock counts only until the center
 * answers (the claim leaves intake or awaiting authorization); a settled claim has none.
 * Ties keep the decision's order.
 */
export function nextDeadline(
  deadlines: readonly Deadline[],
  status: ClaimStatus,
): Deadline | undefined {
  if (!mayHaveNextDeadline(status)) return undefined;
  let next: Deadline | undefined;
  for (const deadline of deadlines) {
    if (deadline.passed) continue;
    if (deadline.kind === 'first-response' && !unansweredStatuses.has(status)) continue;
    if (next === undefined || deadline.date < next.date) next = deadline;
  }
  return next;
}
