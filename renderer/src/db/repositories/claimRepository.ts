import type { Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { Claim } from '#shared/domain/claim';
import { formatRmaNumber, parseRmaNumber } from '#shared/domain/claim';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import {
  allowedTransitions,
  claimWorkflowContext,
  transitionClaim,
} from '#shared/domain/claimWorkflow';
import { textSchema } from '#shared/domain/primitives';
import { claimTransitionAction } from '#shared/domain/roles';
import type { RecordId, StationCode } from '#shared/domain/primitives';
import type {
  SequenceRow,
  StoredClaim,
  StoredEvidence,
  StoredInspection,
  StoredQuote,
} from '../records';
import { isLive } from '../records';
import { claimDefinition } from './definitions';
import { RecordRepository } from './recordRepository';
import type { RepositoryResult } from './repositoryError';
import { parseInput } from './repositoryError';
import type { RepositoryWriter, WriteContext } from './repositoryWriter';
import { writeScope } from './repositoryWriter';
import type { WriteSession } from './writeSession';

/** The fields the repository sets on a new claim: its id, RMA number, first status and times. */
type ClaimMadeFields = 'id' | 'rmaNumber' | 'status' | 'createdAt' | 'updatedAt';

/** What the bench enters to open a claim. */
export type ClaimDraft = Omit<Claim, ClaimMadeFields>;

/** What may be edited on a claim; `status` moves only through {@link ClaimRepository.transition}. */
export type ClaimPatch = Partial<ClaimDraft>;

/** The counter of the RMA numbers a station made. */
export function rmaSequenceName(stationCode: StationCode): string {
  return `rma/${stationCode}`;
}

/**
 * Moves the RMA counter of `stationCode` (this station's) past the numbers of its own that
 * `claims` carry, in `transaction` (which covers `sequences`). A station restored from an older
 * backup counts from where the backup stood and pulls the claims it opened since; without this
 * its next claim would take a number one of those has. Reads nothing when none is its own (a
 * pull's usual page: the apply's transaction waits for no more round trips than it needs).
 */
export async function keepRmaSequencePast(
  transaction: Transaction,
  stationCode: StationCode,
  claims: readonly ({ readonly rmaNumber?: unknown } | undefined)[],
): Promise<void> {
  let highest = 0;
  for (const claim of claims) {
    const rmaNumber = claim?.rmaNumber;
    const parsed = typeof rmaNumber === 'string' ? parseRmaNumber(rmaNumber) : undefined;
    if (parsed?.stationCode === stationCode) highest = Math.max(highest, parsed.sequence);
  }
  if (highest === 0) return;
  const sequences = transaction.table<SequenceRow, string>('sequences');
  const name = rmaSequenceName(stationCode);
  if (highest > ((await sequences.get(name))?.value ?? 0)) {
    await sequences.put({ name, value: highest });
  }
}

/**
 * Opens a claim in `session`: status `intake`, the station's next RMA number (counted in the same
 * transaction, so a refused claim uses no number), opened and updated now.
 */
export async function insertNewClaim(
  session: WriteSession,
  draft: ClaimDraft,
): Promise<StoredClaim> {
  const sequence = await session.nextSequence(rmaSequenceName(session.station));
  const claim = session.parse(claimDefinition, {
    ...draft,
    id: uuidv7(),
    rmaNumber: formatRmaNumber(session.station, sequence),
    status: 'intake',
    createdAt: session.at,
    updatedAt: session.at,
  } satisfies Claim);
  return session.insert(claimDefinition, claim);
}

/** A transition is judged on the claim's evidence, inspections and quotes (see `workflowContextOf`). */
const transitionTables = writeScope([claimDefinition], ['evidence', 'inspections', 'quotes']);

/**
 * Claims: opened with an RMA number made offline (this station's code plus its next sequence,
 * counted in the same transaction, so two stations never collide and a refused claim uses no
 * number), edited field by field, and moved through the workflow only by {@link transition}.
 */
export class ClaimRepository extends RecordRepository<Claim, StoredClaim, ClaimDraft, ClaimPatch> {
  constructor(writer: RepositoryWriter) {
    super(writer, claimDefinition);
  }

  /** Opens a claim in status `intake` with the station's next RMA number. */
  override async create(
    draft: ClaimDraft,
    context: WriteContext,
  ): Promise<RepositoryResult<StoredClaim>> {
    return this.writer.write(context, this.tables, (session) => insertNewClaim(session, draft));
  }

  /** Changes fields of a claim other than its status (see {@link transition}). */
  override async update(
    id: RecordId,
    patch: ClaimPatch,
    context: WriteContext,
  ): Promise<RepositoryResult<StoredClaim>> {
    if ('status' in patch) {
      return {
        ok: false,
        error: {
          code: 'invalid-input',
          field: 'status',
          message:
            'status: a claim changes status only through transition(), which checks the workflow.',
        },
      };
    }
    return super.update(id, patch, context);
  }

  /**
   * Moves a claim to status `to` when the workflow and its guards allow it (see
   * `transitionClaim`), judged on the claim's live evidence, inspections and quotes as stored.
   */
  async transition(
    id: RecordId,
    to: ClaimStatus,
    context: WriteContext,
  ): Promise<RepositoryResult<StoredClaim>> {
    return this.writer.write(context, transitionTables, async (session) => {
      const claim = await session.findLive(claimDefinition, id);
      const decision = transitionClaim(await workflowContextOf(session, claim), to);
      if (!decision.ok) {
        return session.refuse({
          code: decision.error.code,
          field: 'status',
          message: decision.error.message,
          clauses: decision.error.clauses,
          allowedStatuses: decision.error.allowed,
        });
      }
      const next = session.parse(claimDefinition, { ...claim, status: decision.value });
      session.recordIntent({
        kind: 'transition',
        claimId: id,
        from: claim.status,
        to: next.status,
      });
      return session.replace(claimDefinition, claim, next, {
        audit: 'transition',
        permission: claimTransitionAction(decision.value),
      });
    });
  }

  /**
   * A manager forces a claim to `to` although a guard refused it (a photo that cannot be had, a
   * quote answered by phone), with the reason, which the audit trail keeps. Only a step of the
   * workflow can be forced (see `allowedTransitions`): never a jump, nor out of a final status.
   */
  async overrideTransition(
    id: RecordId,
    to: ClaimStatus,
    reason: string,
    context: WriteContext,
  ): Promise<RepositoryResult<StoredClaim>> {
    const parsedReason = parseInput(textSchema, reason);
    if (!parsedReason.ok) {
      return {
        ok: false,
        error: {
          ...parsedReason.error,
          field: 'reason',
          message: 'reason: say why the claim moves although the workflow refused it.',
        },
      };
    }
    return this.writer.write(context, this.tables, async (session) => {
      const claim = await session.findLive(claimDefinition, id);
      const allowed = allowedTransitions(claim.status);
      if (!allowed.includes(to)) {
        return session.refuse({
          code: 'illegal-transition',
          field: 'status',
          message: `status: a claim in ${claim.status} cannot move to ${to}, even by a manager; it may go to ${allowed.join(', ') || 'nowhere (final)'}.`,
          clauses: [],
          allowedStatuses: allowed,
        });
      }
      const next = session.parse(claimDefinition, { ...claim, status: to });
      session.recordIntent({ kind: 'transition', claimId: id, from: claim.status, to });
      return session.replace(claimDefinition, claim, next, {
        audit: 'transition',
        permission: 'override-transition',
        reason: parsedReason.value,
      });
    });
  }
}

async function workflowContextOf(session: WriteSession, claim: StoredClaim) {
  const [evidence, inspections, quotes] = await Promise.all([
    session
      .table<StoredEvidence>('evidence')
      .where('claimId')
      .equals(claim.id)
      .filter(isLive)
      .toArray(),
    session
      .table<StoredInspection>('inspections')
      .where('claimId')
      .equals(claim.id)
      .filter(isLive)
      .toArray(),
    session.table<StoredQuote>('quotes').where('claimId').equals(claim.id).filter(isLive).toArray(),
  ]);
  return claimWorkflowContext(claim, { evidence, inspections, quotes });
}
