import { v7 as uuidv7 } from 'uuid';
import type { Evidence } from '#shared/domain/evidence';
import { thumbnailSettled } from '../backgroundThumbnails';
import type { StoredAttachment, StoredEvidence } from '../records';
import { evidenceDefinition } from './definitions';
import type { RepositoryResult } from './repositoryError';
import { parseInput } from './repositoryError';
import type { RepositoryWriter, WriteContext } from './repositoryWriter';
import { RecordRepository } from './recordRepository';
import type { WriteSession } from './writeSession';
import { withoutUndefinedFields } from './writeSession';

/**
 * How long recording evidence waits for its photo's thumbnail (made in the background since the
 * file was stored): past it the record goes without one, and other stations make their own once
 * the original arrives, as for evidence recorded before thumbnails synced.
 */
export const thumbnailWaitMs = 5_000;

/**
 * Evidence names its file's thumbnail when one was made here: the record never changes after
 * (evidence is insert-only), so the thumbnail must exist when it is written.
 */
export async function withCapturedThumbnail(
  evidence: Evidence,
  session: WriteSession,
): Promise<Evidence> {
  if (evidence.thumbnailSha256 !== undefined) return evidence;
  const stored = await session.table<StoredAttachment>('attachments').get(evidence.sha256);
  const thumbnailSha256 = stored?.thumbnailSha256;
  const thumbnail =
    thumbnailSha256 === undefined
      ? undefined
      : await session.table<StoredAttachment>('attachments').get(thumbnailSha256);
  if (thumbnailSha256 === undefined || thumbnail === undefined) return evidence;
  return { ...evidence, thumbnailSha256, thumbnailSizeBytes: thumbnail.sizeBytes };
}

/** The evidence records: a new one waits briefly for its photo's thumbnail and names it. */
export class EvidenceRepository extends RecordRepository<Evidence, StoredEvidence> {
  constructor(writer: RepositoryWriter) {
    super(writer, evidenceDefinition);
  }

  override async create(
    draft: Omit<Evidence, 'id'>,
    context: WriteContext,
  ): Promise<RepositoryResult<StoredEvidence>> {
    const parsed = parseInput(evidenceDefinition.schema, { ...draft, id: uuidv7() });
    if (!parsed.ok) return parsed;
    await thumbnailSettled(this.writer.db, parsed.value.sha256, thumbnailWaitMs);
    const row = withoutUndefinedFields(parsed.value);
    return this.writer.write(context, this.tables, async (session) =>
      session.insert(evidenceDefinition, await withCapturedThumbnail(row, session)),
    );
  }
}
