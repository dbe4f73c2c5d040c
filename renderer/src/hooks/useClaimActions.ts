import { useCallback } from 'react';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import { inspectionSchema, misuseFindingSchema } from '#shared/domain/inspection';
import type { DoaVerdict } from '#shared/domain/inspection';
import type { EvidenceKind, MisuseKind, Remedy } from '#shared/domain/vocabulary';
import { evidenceSchema } from '#shared/domain/evidence';
import type {
  StoredClaim,
  StoredInspection,
  StoredMisuseFinding,
  StoredNote,
  AttachmentError,
  RepositoryError,
  RepositoryResult,
} from '../core';
import { useStationCore } from '../core';
import { useWriteContext } from './useWriteContext';

/** A placeholder id and digest, to check a draft against its schema before anything is stored. */
const draftId = '00000000-0000-7000-8000-000000000000';
const draftDigest = '0'.repeat(64);

/** What the inspection form records. */
export type InspectionInput = {
  readonly faultConfirmed: boolean;
  readonly noDefectFound: boolean;
  readonly doaVerdict: DoaVerdict;
  /** The signs of misuse ticked, each with its note and the evidence that shows it. */
  readonly findings: ReadonlyMap<MisuseKind, { note: string; evidenceIds: readonly string[] }>;
};

/** Why one file was not added as evidence. */
export type EvidenceFileError =
  | { readonly code: 'wrong-type'; readonly mediaType: string }
  | { readonly code: 'attachment'; readonly error: AttachmentError }
  | { readonly code: 'refused'; readonly error: RepositoryError };

const noTechnician: RepositoryError = {
  code: 'invalid-input',
  field: 'actor',
  message: 'Choose who is at the bench before recording a change.',
};

function firstError(results: readonly RepositoryResult<unknown>[]): RepositoryError | undefined {
  for (const result of results) if (!result.ok) return result.error;
  return undefined;
}

/** The writes of the claim screen, each attributed to the technician at the bench. */
export function useClaimActions(claimId: string) {
  const context = useWriteContext();
  const core = useStationCore();
  const repositories = core.commands;

  const transition = useCallback(
    async (to: ClaimStatus): Promise<RepositoryResult<StoredClaim>> =>
      context === undefined
        ? { ok: false, error: noTechnician }
        : repositories.claims.transition(claimId, to, context),
    [claimId, context, repositories],
  );

  const assign = useCallback(
    async (assigneeId: string | undefined): Promise<RepositoryResult<StoredClaim>> =>
      context === undefined
        ? { ok: false, error: noTechnician }
        : repositories.claims.update(claimId, { assigneeId }, context),
    [claimId, context, repositories],
  );

  const chooseRemedy = useCallback(
    async (remedy: Remedy): Promise<RepositoryResult<StoredClaim>> =>
      context === undefined
        ? { ok: false, error: noTechnician }
        : repositories.claims.update(claimId, { remedy }, context),
    [claimId, context, repositories],
  );

  const addNote = useCallback(
    async (body: string): Promise<RepositoryResult<StoredNote>> =>
      context === undefined
        ? { ok: false, error: noTechnician }
        : repositories.notes.create(
            { claimId, body, author: context.actor, at: new Date().toISOString() },
            context,
          ),
    [claimId, context, repositories],
  );

  /** Stores a file's bytes, then records it as evidence of `kind`; checks the kind fits first. */
  const addEvidence = useCallback(
    async (file: File, kind: EvidenceKind): Promise<EvidenceFileError | undefined> => {
      if (context === undefined) return { code: 'refused', error: noTechnician };
      const mediaType = file.type.toLowerCase() || 'application/octet-stream';
      const draft = {
        claimId,
        kind,
        sizeBytes: file.size,
        mediaType,
        fileName: file.name,
        capturedAt: new Date().toISOString(),
        capturedBy: context.actor,
      };
      const checked = evidenceSchema.safeParse({ ...draft, id: draftId, sha256: draftDigest });
      if (!checked.success) {
        const issue = checked.error.issues[0];
        return issue?.path[0] === 'mediaType'
          ? { code: 'wrong-type', mediaType }
          : {
              code: 'refused',
              error: {
                code: 'invalid-input',
                field: issue?.path.map(String).join('.') ?? '',
                message: issue?.message ?? checked.error.message,
              },
            };
      }
      const stored = await core.attachments.store(file, { mediaType });
      if (!stored.ok) return { code: 'attachment', error: stored.error };
      const created = await repositories.evidence.create(
        { ...draft, sha256: stored.value.attachment.sha256 },
        context,
      );
      return created.ok ? undefined : { code: 'refused', error: created.error };
    },
    [claimId, context, core, repositories],
  );

  /**
   * Records the inspection: the claim's one inspection is updated in place (so the timeline
   * shows what changed), and its findings follow the ticked list. Everything is checked against
   * the schemas before the first write, so bad input writes nothing.
   */
  const saveInspection = useCallback(
    async (
      input: InspectionInput,
      recorded: StoredInspection | undefined,
      recordedFindings: readonly StoredMisuseFinding[],
    ): Promise<RepositoryError | undefined> => {
      if (context === undefined) return noTechnician;
      const fields = {
        claimId,
        faultConfirmed: input.faultConfirmed,
        noDefectFound: input.noDefectFound,
        doaVerdict: input.doaVerdict,
        inspectedAt: new Date().toISOString(),
        inspectedBy: context.actor,
      };
      const findingDrafts = [...input.findings].map(([kind, { note, evidenceIds }]) => ({
        kind,
        note: note.trim() === '' ? undefined : note.trim(),
        evidenceIds: [...evidenceIds],
      }));
      const problems = [
        inspectionSchema.safeParse({ ...fields, id: draftId }),
        ...findingDrafts.map((finding) =>
          misuseFindingSchema.safeParse({ ...finding, id: draftId, inspectionId: draftId }),
        ),
      ].find((parsed) => !parsed.success);
      if (problems !== undefined && !problems.success) {
        const issue = problems.error.issues[0];
        return {
          code: 'invalid-input',
          message: issue?.message ?? problems.error.message,
          field: issue?.path.join('.') ?? '',
        };
      }

      const saved =
        recorded === undefined
          ? await repositories.inspections.create(fields, context)
          : await repositories.inspections.update(recorded.id, fields, context);
      if (!saved.ok) return saved.error;
      const inspectionId = saved.value.id;
      const results: RepositoryResult<unknown>[] = [];
      for (const finding of recordedFindings) {
        if (!input.findings.has(finding.kind))
          results.push(await repositories.misuseFindings.remove(finding.id, context));
      }
      for (const draft of findingDrafts) {
        const existing = recordedFindings.find((finding) => finding.kind === draft.kind);
        results.push(
          existing === undefined
            ? await repositories.misuseFindings.create({ ...draft, inspectionId }, context)
            : await repositories.misuseFindings.update(existing.id, draft, context),
        );
      }
      return firstError(results);
    },
    [claimId, context, repositories],
  );

  return {
    canWrite: context !== undefined,
    transition,
    assign,
    chooseRemedy,
    addNote,
    addEvidence,
    saveInspection,
  };
}
