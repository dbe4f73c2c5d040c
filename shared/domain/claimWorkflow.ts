import { z } from 'zod';
import type { Claim } from './claim';
import type { Evidence } from './evidence';
import type { Inspection } from './inspection';
import type { Quote, QuoteStatus } from './quote';
import { latestQuote } from './quote';
import type { Result } from './result';
import { fail, ok } from './result';
import type { ClaimReason, Remedy } from './vocabulary';

/**
 * Where a claim stands. The main path, in order:
 * - `intake`: the claim is being opened from what the customer sent; facts and evidence are gathered.
 * - `awaiting-authorization`: the request is complete and waits for the return to be authorized.
 * - `authorized`: the return (RMA) is authorized; the customer may ship the device (B14).
 * - `received`: the device arrived at the center and its condition is recorded.
 * - `inspected`: the inspection on arrival is recorded (B15).
 * - `quoted`: a quote was sent and waits for the customer's answer (only for paid remedies).
 * - `resolved`: the remedy is chosen and carried out; what goes back to the customer is ready.
 * - `closed`: the outcome reached the customer; nothing is left to do. Final.
 *
 * Side exits:
 * - `refused`: the claim ends without a remedy (the center refuses it, or the customer declines
 *   every paid option); the device, if the center holds it, goes back before the claim closes.
 * - `cancelled`: withdrawn before the device reached the center. Final.
 */
export const claimStatusSchema = z.enum([
  'intake',
  'awaiting-authorization',
  'authorized',
  'received',
  'inspected',
  'quoted',
  'resolved',
  'closed',
  'refused',
  'cancelled',
]);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

/** Where a claim stands before its device reaches the center (or when it never will). */
const beforeReceipt: ReadonlySet<ClaimStatus> = new Set<ClaimStatus>([
  'intake',
  'awaiting-authorization',
  'authorized',
  'cancelled',
]);

/**
 * Whether the claim's device has been received at the center, so that it can be inspected
 * (B14: a return is received against its RMA before anything is done with it).
 */
export function deviceReceived(status: ClaimStatus): boolean {
  return !beforeReceipt.has(status);
}

/**
 * The statuses a claim may move to from `status`, before guards: a listed status can still be
 * refused by {@link transitionClaim} when a fact or piece of evidence is missing. Notes:
 * `intake` → `resolved` is only for a referral to the seller (C1: nothing comes to the center);
 * `awaiting-authorization` → `intake` sends a request back for more information; once the device
 * is at the center a claim can no longer be cancelled, only refused (so the device goes back).
 */
export function allowedTransitions(status: ClaimStatus): readonly ClaimStatus[] {
  switch (status) {
    case 'intake':
      return ['awaiting-authorization', 'resolved', 'refused', 'cancelled'];
    case 'awaiting-authorization':
      return ['authorized', 'intake', 'refused', 'cancelled'];
    case 'authorized':
      return ['received', 'cancelled'];
    case 'received':
      return ['inspected', 'refused'];
    case 'inspected':
      return ['quoted', 'resolved', 'refused'];
    case 'quoted':
      return ['resolved', 'refused'];
    case 'resolved':
      return ['closed'];
    case 'refused':
      return ['closed'];
    case 'closed':
    case 'cancelled':
      return [];
  }
}

/** Evidence counts the guards need, by kind (see {@link countEvidence}). */
export type EvidenceCounts = {
  readonly productPhotos: number;
  readonly packagingPhotos: number;
  readonly videos: number;
};

/**
 * What {@link transitionClaim} needs to know about a claim: its status and reason, how much
 * evidence it has, whether an inspection is recorded, the chosen remedy, and the status of its
 * latest quote revision. Build it with {@link claimWorkflowContext} from stored rows.
 */
export type ClaimWorkflowContext = {
  readonly status: ClaimStatus;
  readonly reason: ClaimReason;
  readonly evidence: EvidenceCounts;
  readonly inspectionRecorded: boolean;
  readonly remedy?: Remedy | undefined;
  /** The status of the highest quote revision; an older approved revision does not count. */
  readonly latestQuoteStatus?: QuoteStatus | undefined;
};

/** Why a transition was refused. Codes are stable, for the UI to translate; messages are English. */
export const claimTransitionErrorCodes = [
  'already-in-status',
  'illegal-transition',
  'not-authorized',
  'doa-evidence-missing',
  'inspection-missing',
  'remedy-missing',
  'quote-not-sent',
  'quote-not-approved',
] as const;
export type ClaimTransitionErrorCode = (typeof claimTransitionErrorCodes)[number];

/**
 * A refused transition: `message` says what is wrong and how to fix it; `clauses` are the policy
 * clause ids behind the refusal (empty when it is a workflow rule); `allowed` lists the statuses
 * the claim may move to from where it is.
 */
export type ClaimTransitionError = {
  readonly code: ClaimTransitionErrorCode;
  readonly message: string;
  readonly clauses: readonly string[];
  readonly allowed: readonly ClaimStatus[];
};

/**
 * Whether a remedy costs the customer money, so the customer must approve a quote first:
 * a paid repair, bought spare parts (B12), a WORRY FREE+ price difference (C9), or a refund
 * reduced by depreciation (C5).
 */
export function remedyNeedsApprovedQuote(remedy: Remedy): boolean {
  switch (remedy) {
    case 'paid-repair':
    case 'spare-parts-sale':
    case 'worry-free-trade-in':
    case 'depreciated-return':
      return true;
    case 'refer-to-seller':
    case 'doa-replacement':
    case 'doa-refund':
    case 'unconditional-refund':
    case 'quality-return-refund':
    case 'warranty-repair':
    case 'warranty-replacement':
      return false;
  }
}

const listStatuses = (statuses: readonly ClaimStatus[]): string =>
  statuses.length === 0
    ? 'nowhere: it is final'
    : statuses.map((status) => `"${status}"`).join(', ');

/**
 * Moves a claim to status `to` if the workflow and its guards allow it. Pure: it returns the new
 * status or a refusal and changes nothing. Guards:
 * - a jump not in {@link allowedTransitions} is refused, naming the allowed next statuses;
 * - receiving needs an authorized return (B14);
 * - authorizing a DOA return (reason arrived-damaged, or a DOA remedy chosen) needs a photo or
 *   video of the product and a photo of the shipping packaging (B3);
 * - marking a claim inspected needs the inspection recorded (B15);
 * - marking it quoted needs the latest quote sent to the customer;
 * - resolving needs an inspection (B15; except a referral to the seller at intake, C1), a chosen
 *   remedy, and, for a remedy the customer pays for, an approved latest quote.
 */
export function transitionClaim(
  context: ClaimWorkflowContext,
  to: ClaimStatus,
): Result<ClaimStatus, ClaimTransitionError> {
  const from = context.status;
  const allowed = allowedTransitions(from);
  const refuse = (
    code: ClaimTransitionErrorCode,
    message: string,
    clauses: readonly string[] = [],
  ): Result<ClaimStatus, ClaimTransitionError> => fail({ code, message, clauses, allowed });

  if (to === from) {
    return refuse('already-in-status', `The claim is already "${from}": choose another status.`);
  }
  if (!allowed.includes(to)) {
    if (to === 'received' && (from === 'intake' || from === 'awaiting-authorization')) {
      return refuse(
        'not-authorized',
        'This return has no RMA authorization yet: authorize it before receiving the device (B14).',
        ['B14'],
      );
    }
    if (to === 'resolved' && from === 'received') {
      return refuse(
        'inspection-missing',
        'Inspect the device and record the inspection before choosing a remedy (B15).',
        ['B15'],
      );
    }
    return refuse(
      'illegal-transition',
      `A claim cannot go from "${from}" to "${to}". From "${from}" it can go to ${listStatuses(allowed)}.`,
    );
  }

  switch (to) {
    case 'authorized':
      return guardDoaEvidence(context, refuse) ?? ok(to);
    case 'inspected':
      if (!context.inspectionRecorded) {
        return refuse(
          'inspection-missing',
          'Record the inspection before marking the claim inspected (B15).',
          ['B15'],
        );
      }
      return ok(to);
    case 'quoted':
      return guardQuoteSent(context, refuse) ?? ok(to);
    case 'resolved':
      return guardResolution(context, refuse) ?? ok(to);
    case 'intake':
    case 'awaiting-authorization':
    case 'received':
    case 'refused':
    case 'cancelled':
    case 'closed':
      return ok(to);
  }
}

type Refuse = (
  code: ClaimTransitionErrorCode,
  message: string,
  clauses?: readonly string[],
) => Result<ClaimStatus, ClaimTransitionError>;

/** The remedies of a dead-on-arrival return (B4). */
const doaRemedies: ReadonlySet<Remedy> = new Set<Remedy>(['doa-replacement', 'doa-refund']);

/**
 * B3: a DOA return is authorized only with the product and the packaging shown. A return is DOA
 * when the customer says it arrived damaged or when a DOA remedy was chosen, whatever the reason
 * given at intake: the remedy is what the packaging photo unlocks.
 */
function guardDoaEvidence(
  context: ClaimWorkflowContext,
  refuse: Refuse,
): Result<ClaimStatus, ClaimTransitionError> | undefined {
  const isDoa =
    context.reason === 'arrived-damaged' ||
    (context.remedy !== undefined && doaRemedies.has(context.remedy));
  if (!isDoa) return undefined;
  const { productPhotos, packagingPhotos, videos } = context.evidence;
  const productShown = productPhotos + videos > 0;
  const packagingShown = packagingPhotos > 0;
  if (productShown && packagingShown) return undefined;
  const missing =
    !productShown && !packagingShown
      ? 'a photo or video of the defective product and a photo of the shipping packaging'
      : productShown
        ? 'a photo of the shipping packaging'
        : 'a photo or video of the defective product';
  return refuse('doa-evidence-missing', `Add ${missing} before authorizing a DOA return (B3).`, [
    'B3',
  ]);
}

/** `quoted` means waiting for the customer's answer, so the latest quote must be out and unanswered. */
function guardQuoteSent(
  context: ClaimWorkflowContext,
  refuse: Refuse,
): Result<ClaimStatus, ClaimTransitionError> | undefined {
  const status = context.latestQuoteStatus;
  switch (status) {
    case 'sent':
      return undefined;
    case undefined:
      return refuse(
        'quote-not-sent',
        'Make a quote and send it to the customer before marking the claim quoted.',
      );
    case 'draft':
      return refuse(
        'quote-not-sent',
        'Send the latest quote to the customer before marking the claim quoted.',
      );
    case 'approved':
    case 'declined':
      return refuse(
        'quote-not-sent',
        `The customer has already ${status} the latest quote: resolve or refuse the claim instead of marking it quoted.`,
      );
  }
}

/** B15 and quotes: what must be true before a remedy is carried out. */
function guardResolution(
  context: ClaimWorkflowContext,
  refuse: Refuse,
): Result<ClaimStatus, ClaimTransitionError> | undefined {
  const { remedy } = context;
  if (context.status === 'intake') {
    // Referring the customer to the seller sends nothing to the center, so there is nothing to inspect.
    if (remedy === 'refer-to-seller') return undefined;
    return refuse(
      'inspection-missing',
      'Only a referral to the seller can resolve a claim at intake: authorize the return, then receive and inspect the device before choosing a remedy (B15).',
      ['B15', 'C1'],
    );
  }
  if (!context.inspectionRecorded) {
    return refuse('inspection-missing', 'Record the inspection before choosing a remedy (B15).', [
      'B15',
    ]);
  }
  if (remedy === undefined) {
    return refuse(
      'remedy-missing',
      "Choose a remedy from the policy's options before resolving the claim.",
    );
  }
  if (remedyNeedsApprovedQuote(remedy) && context.latestQuoteStatus !== 'approved') {
    return refuse(
      'quote-not-approved',
      `The remedy "${remedy}" is paid by the customer: get the latest quote approved before resolving the claim.`,
    );
  }
  return undefined;
}

/** Counts a claim's evidence by the kinds the guards look at. Pass only live (not deleted) rows. */
export function countEvidence(evidence: readonly Pick<Evidence, 'kind'>[]): EvidenceCounts {
  let productPhotos = 0;
  let packagingPhotos = 0;
  let videos = 0;
  for (const item of evidence) {
    switch (item.kind) {
      case 'product-photo':
        productPhotos += 1;
        break;
      case 'packaging-photo':
        packagingPhotos += 1;
        break;
      case 'video':
        videos += 1;
        break;
      case 'receipt':
      case 'carrier-damage-proof':
        break;
    }
  }
  return { productPhotos, packagingPhotos, videos };
}

/**
 * Builds the workflow context of a claim from its stored rows: its evidence, inspections and
 * quote revisions (live rows of this claim only; deleted ones filtered out by the caller).
 */
export function claimWorkflowContext(
  claim: Pick<Claim, 'status' | 'reason' | 'remedy'>,
  related: {
    readonly evidence: readonly Pick<Evidence, 'kind'>[];
    readonly inspections: readonly Pick<Inspection, 'id'>[];
    readonly quotes: readonly Pick<Quote, 'revision' | 'status'>[];
  },
): ClaimWorkflowContext {
  return {
    status: claim.status,
    reason: claim.reason,
    evidence: countEvidence(related.evidence),
    inspectionRecorded: related.inspections.length > 0,
    remedy: claim.remedy,
    latestQuoteStatus: latestQuote(related.quotes)?.status,
  };
}
