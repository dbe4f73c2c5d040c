import type { Claim } from '../domain/claim';
import type { ClaimStatus } from '../domain/claimWorkflow';
import { allowedTransitions, claimWorkflowContext, transitionClaim } from '../domain/claimWorkflow';
import type { Evidence } from '../domain/evidence';
import type { Inspection } from '../domain/inspection';
import type { Note } from '../domain/note';
import type { Part } from '../domain/part';
import type { RecordId } from '../domain/primitives';
import type { Quote, QuoteLine } from '../domain/quote';
import { canEditQuote } from '../domain/quote';
import type { MutationIntent, SyncTable } from './protocol';
import type { RuleResult } from './rejections';
import { rulePasses, ruleRejects } from './rejections';
import { isSameJson } from './rowSchemas';

/**
 * The rules of the records that need more than one row's schema, run by the station before it
 * writes and by the server before it applies a pushed change, so a change the station took is
 * judged the same way where every station's changes meet. Pure: what a rule needs of other rows
 * comes in as an argument (the station reads it from its database, the server from its own).
 */

/** A row's deletion, which every table's values may carry. */
type Deletable = { readonly deletedAt?: string | undefined };

/** The fields of a quote that stay as the customer was sent them once it is out. */
const sentQuoteFields = ['claimId', 'revision', 'currency', 'validUntil', 'sentAt'] as const;

/**
 * A sent quote never changes, except to record the customer's answer: `sent` → `approved` or
 * `declined`, with nothing the customer saw changed (and no deletion). A draft changes freely.
 * @param current the quote as it stands; undefined for a new one.
 * @param next the quote as the change would leave it.
 */
export function checkQuoteChange(
  current: (Quote & Deletable) | undefined,
  next: Quote & Deletable,
): RuleResult {
  if (current === undefined || canEditQuote(current) || isSameJson(current, next)) {
    return rulePasses;
  }
  const answersSentQuote =
    current.status === 'sent' &&
    (next.status === 'approved' || next.status === 'declined') &&
    sentQuoteFields.every((field) => current[field] === next[field]) &&
    next.deletedAt === current.deletedAt;
  if (answersSentQuote) return rulePasses;
  return ruleRejects(
    'quote-sent',
    `Quote revision ${current.revision} was ${current.status}: it no longer changes${current.status === 'sent' ? ' except to record the customer’s answer' : ''}. Make a new revision instead.`,
    { table: 'quotes', id: current.id, field: 'status' },
  );
}

/**
 * A quote's lines change (are added, edited or deleted) only while the quote is a draft.
 * @param quote the quote the line belongs to, as it stands; undefined when there is none.
 */
export function checkQuoteLineChange(
  quote: Pick<Quote, 'id' | 'status' | 'revision'> | undefined,
  lineId?: RecordId,
): RuleResult {
  if (quote === undefined || canEditQuote(quote)) return rulePasses;
  return ruleRejects(
    'quote-sent',
    `Quote revision ${quote.revision} was ${quote.status}: its lines no longer change. Make a new revision instead.`,
    { table: 'quoteLines', field: 'quoteId', ...(lineId === undefined ? {} : { id: lineId }) },
  );
}

/**
 * Only the claim's latest quote is revised (its next revision is made from it), so two revisions
 * never branch from one. The station asks before it revises.
 * @param revised the quote to make the next revision of.
 * @param latest the claim's live quote with the highest revision.
 */
export function checkQuoteRevisable(
  revised: Pick<Quote, 'id' | 'revision'>,
  latest: Pick<Quote, 'id' | 'revision'> | undefined,
): RuleResult {
  if (latest === undefined || latest.id === revised.id) return rulePasses;
  return ruleRejects(
    'quote-not-latest',
    `Revision ${latest.revision} already follows revision ${revised.revision}: revise the latest one.`,
    { table: 'quotes', id: revised.id, field: 'revision' },
  );
}

/**
 * The same rule as {@link checkQuoteRevisable}, for a new quote row as the server receives it: a
 * new revision must come after every live revision of its claim (two stations that revised
 * revision 1 at once both make a revision 2; the second to arrive is refused).
 * @param created the new quote.
 * @param latest the claim's live quote with the highest revision, other than `created`.
 */
export function checkNewQuoteRevision(
  created: Pick<Quote, 'id' | 'revision'>,
  latest: Pick<Quote, 'id' | 'revision'> | undefined,
): RuleResult {
  if (latest === undefined || latest.id === created.id || created.revision > latest.revision) {
    return rulePasses;
  }
  return ruleRejects(
    'quote-not-latest',
    `Revision ${latest.revision} already follows revision ${created.revision - 1}: revise the latest one.`,
    { table: 'quotes', id: created.id, field: 'revision' },
  );
}

/**
 * A note is one person's words: only its author changes or deletes it; others add a note of their
 * own. Anyone adds a note.
 * @param current the note as it stands; undefined for a new one.
 * @param actor who makes the change.
 */
export function checkNoteChange(
  current: Pick<Note, 'id' | 'author'> | undefined,
  actor: RecordId,
): RuleResult {
  if (current === undefined || current.author === actor) return rulePasses;
  return ruleRejects(
    'not-author',
    'Only the author of a note may change or delete it: add a note of your own instead.',
    { table: 'notes', id: current.id, field: 'author' },
  );
}

/** The live part that holds a SKU, as a SKU lookup answers. */
export type SkuHolder = Pick<Part, 'id' | 'sku' | 'name'>;

/**
 * Quotes and imports find a part by its SKU, so two live parts never share one: refuses when two
 * of `parts` name the same SKU, or another live part holds one of their SKUs. Deleted parts hold
 * no SKU.
 * @param parts the parts as the write leaves them.
 * @param skuTaken the live part other than `exceptId` that holds `sku`, if any.
 */
export function checkPartSkus(
  parts: readonly (Pick<Part, 'id' | 'sku'> & Deletable)[],
  skuTaken: (sku: string, exceptId: RecordId) => SkuHolder | undefined,
): RuleResult {
  const live = parts.filter((part) => part.deletedAt === undefined);
  const seen = new Set<string>();
  for (const part of live) {
    if (seen.has(part.sku)) {
      return ruleRejects(
        'sku-taken',
        `sku: ${part.sku} is given to two parts at once; keep one of them.`,
        { table: 'partsCatalog', id: part.id, field: 'sku' },
      );
    }
    seen.add(part.sku);
  }
  for (const part of live) {
    const holder = skuTaken(part.sku, part.id);
    if (holder !== undefined) {
      return ruleRejects(
        'sku-taken',
        `sku: the part "${holder.name}" already has the SKU ${holder.sku}; choose another SKU or edit that part.`,
        { table: 'partsCatalog', id: part.id, field: 'sku' },
      );
    }
  }
  return rulePasses;
}

/** The claim that holds an RMA number, as an RMA number lookup answers. */
export type RmaNumberHolder = Pick<Claim, 'id' | 'rmaNumber'>;

/**
 * An RMA number names one claim in the center (labels, the brand's portal, the customer's
 * receipt): a claim may not take a number another claim, live or deleted, already has. Each
 * station counts its own numbers, so this holds by itself but for a station restored from a
 * backup that takes a claim in before it has heard of the numbers it gave out after the backup.
 * @param claim the claim as the change leaves it.
 * @param holder the claim other than `claim` that has its RMA number, if any.
 */
export function checkClaimRmaNumber(
  claim: Pick<Claim, 'id' | 'rmaNumber'>,
  holder: RmaNumberHolder | undefined,
): RuleResult {
  if (holder === undefined) return rulePasses;
  return ruleRejects(
    'rma-number-taken',
    `rmaNumber: another claim of the center already has ${holder.rmaNumber}; this station takes the next number of its own.`,
    { table: 'claims', id: claim.id, field: 'rmaNumber' },
  );
}

/** The transition intent of {@link MutationIntent}. */
export type TransitionIntent = Extract<MutationIntent, { readonly kind: 'transition' }>;

/**
 * Whether a claim may move to the intent's status from the status it is in now (which may not be
 * the intent's `from`, when another station moved it meanwhile: the move is judged from where the
 * claim is). A claim already in the intent's status passes: two stations made the same move.
 */
export function checkTransitionIntent(
  currentStatus: ClaimStatus,
  intent: TransitionIntent,
): RuleResult {
  if (intent.to === currentStatus) return rulePasses;
  const allowed = allowedTransitions(currentStatus);
  if (allowed.includes(intent.to)) return rulePasses;
  const where =
    allowed.length === 0
      ? 'nowhere: it is final'
      : allowed.map((status) => `"${status}"`).join(', ');
  return ruleRejects(
    'transition-not-allowed',
    `A claim cannot go from "${currentStatus}" to "${intent.to}". From "${currentStatus}" it can go to ${where}.`,
    { table: 'claims', id: intent.claimId, field: 'status' },
  );
}

/** A claim's other records, which the guards of a transition look at. Live rows only. */
export type ClaimRelatedRecords = {
  readonly evidence: readonly Pick<Evidence, 'kind'>[];
  readonly inspections: readonly Pick<Inspection, 'id'>[];
  readonly quotes: readonly Pick<Quote, 'revision' | 'status'>[];
};

/**
 * A transition intent judged by the workflow's guards too (`transitionClaim`). The guards that
 * need only the claim row always run: the step itself ({@link checkTransitionIntent}), and for
 * `resolved` a chosen remedy, and only a referral to the seller at intake (C1). The guards that
 * need the claim's other records (evidence for a DOA authorization, B3; an inspection for
 * `inspected` and `resolved`, B15; a sent quote for `quoted`; an approved quote for a paid
 * remedy) run only when `related` is given; without it they are taken as met, as the station
 * checked them against its own records.
 * @param claim the claim as it stands, before the intent's change.
 */
export function checkClaimTransition(
  claim: Pick<Claim, 'status' | 'reason' | 'remedy'>,
  intent: TransitionIntent,
  related?: ClaimRelatedRecords,
): RuleResult {
  const step = checkTransitionIntent(claim.status, intent);
  if (!step.ok || intent.to === claim.status) return step;
  const context = claimWorkflowContext(
    claim,
    related ?? {
      evidence: [{ kind: 'product-photo' }, { kind: 'packaging-photo' }],
      inspections: [{ id: intent.claimId }],
      quotes: [{ revision: 1, status: intent.to === 'quoted' ? 'sent' : 'approved' }],
    },
  );
  const decision = transitionClaim(context, intent.to);
  if (decision.ok) return rulePasses;
  return ruleRejects('transition-not-allowed', decision.error.message, {
    table: 'claims',
    id: intent.claimId,
    field: 'status',
  });
}

/** What the rules of a row need from other rows, as the server (or a station) looks it up. */
export type RuleLookups = {
  /** The quote `quoteId` names, as it stands; undefined when there is none. */
  readonly quote: (quoteId: RecordId) => Promise<Quote | undefined> | Quote | undefined;
  /** The claim's live quote with the highest revision, other than `exceptId`. */
  readonly latestQuote: (
    claimId: RecordId,
    exceptId: RecordId,
  ) =>
    | Promise<Pick<Quote, 'id' | 'revision'> | undefined>
    | Pick<Quote, 'id' | 'revision'>
    | undefined;
  /** The live part other than `exceptId` that holds `sku`. */
  readonly skuTaken: (
    sku: string,
    exceptId: RecordId,
  ) => Promise<SkuHolder | undefined> | SkuHolder | undefined;
  /** The claim other than `exceptId`, live or deleted, that has the RMA number `rmaNumber`. */
  readonly rmaNumberTaken: (
    rmaNumber: string,
    exceptId: RecordId,
  ) => Promise<RmaNumberHolder | undefined> | RmaNumberHolder | undefined;
};

/**
 * Every rule of {@link checkQuoteChange}, {@link checkNewQuoteRevision},
 * {@link checkQuoteLineChange}, {@link checkNoteChange}, {@link checkPartSkus} and
 * {@link checkClaimRmaNumber} that applies to
 * a change of a row of `table`, so the server runs the same set for each table. Call it with
 * values `validateRowChange` has passed (it returns them as `next`).
 * @param current the row's values as they stand; undefined for a new row.
 * @param next the row's values as the change leaves them.
 * @param actor who made the change.
 */
export async function checkRowRules(
  table: SyncTable,
  current: Readonly<Record<string, unknown>> | undefined,
  next: Readonly<Record<string, unknown>>,
  actor: RecordId,
  lookups: RuleLookups,
): Promise<RuleResult> {
  // The values passed validateRowChange, so they are rows of `table` (plus `deletedAt`).
  switch (table) {
    case 'quotes': {
      const quote = next as Quote & Deletable;
      if (current !== undefined) return checkQuoteChange(current as Quote & Deletable, quote);
      return checkNewQuoteRevision(quote, await lookups.latestQuote(quote.claimId, quote.id));
    }
    case 'quoteLines': {
      const line = next as QuoteLine;
      return checkQuoteLineChange(await lookups.quote(line.quoteId), line.id);
    }
    case 'notes':
      return checkNoteChange(current as Note | undefined, actor);
    case 'partsCatalog': {
      const part = next as Part & Deletable;
      if (part.deletedAt !== undefined) return rulePasses;
      const holder = await lookups.skuTaken(part.sku, part.id);
      return checkPartSkus([part], () => holder);
    }
    case 'claims': {
      const claim = next as Claim & Deletable;
      // Only a change that gives the claim its number is judged: the number never changes after.
      if (current !== undefined && current.rmaNumber === claim.rmaNumber) return rulePasses;
      return checkClaimRmaNumber(claim, await lookups.rmaNumberTaken(claim.rmaNumber, claim.id));
    }
    case 'customers':
    case 'devices':
    case 'evidence':
    case 'inspections':
    case 'misuseFindings':
    case 'shipmentLegs':
    case 'auditEvents':
    case 'people':
    case 'centerSettings':
    case 'conflicts':
      return rulePasses;
  }
}
