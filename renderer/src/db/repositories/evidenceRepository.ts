import { v7 as uuidv7 } from 'uuid';
import type { Evidence } from '#shared/domain/evidence';
import type { RecordId, Sha256 } from '#shared/domain/primitives';
import { ok } from '#shared/domain/result';
import { thumbnailSettled } from '../backgroundThumbnails';
import type { StoredAttachment, StoredEvidence } from '../records';
import { isLive } from '../records';
import { evidenceDefinition } from './definitions';
import type { RepositoryResult } from './repositoryError';
import { parseInput } from './repositoryError';
import type { RepositoryWriter, WriteContext } from './repositoryWriter';
import { RecordRepository } from './recordRepository';
import type { WriteSession } from './writeSession';
import { withoutUndefinedFields } from './writeSession';

/**
 * How long recording evidence waits for its photo's thumbnail (made in the background since the
 * file was stored): past it the record goes without one, and gains it once it is made (see
 * {@link EvidenceRepository.nameLateThumbnail}).
 */
export const thumbnailWaitMs = 5_000;

/**
 * Evidence names its file's thumbnail when one was made here. Evidence is insert-only, but may
 * gain its thumbnail once after (`addedOnceSyncFields`): see {@link EvidenceRepository.nameLateThumbnail}.
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

  /**
   * Names the thumbnail made here of the file `sha256` in the live evidence this station
   * captured of it without one (saved before the thumbnail was made), so other stations get the
   * thumbnail before the file. One write per person who captured them, acting for them: stamps
   * and an outbox entry, but no audit event, as nothing anyone recorded changes. Evidence from
   * other stations is left alone: its own station names its thumbnail. Returns how many it named.
   */
  async nameLateThumbnail(sha256: Sha256): Promise<RepositoryResult<number>> {
    const capturers = new Set(
      (await this.ownEvidenceWithoutThumbnail(sha256)).map((evidence) => evidence.capturedBy),
    );
    let named = 0;
    for (const capturedBy of capturers) {
      const written = await this.writer.write({ actor: capturedBy }, this.tables, (session) =>
        this.nameThumbnailIn(session, sha256, capturedBy),
      );
      if (!written.ok) return written;
      named += written.value;
    }
    return ok(named);
  }

  /** The live evidence of the file `sha256` captured at this station that names no thumbnail. */
  private async ownEvidenceWithoutThumbnail(sha256: Sha256): Promise<StoredEvidence[]> {
    const db = this.writer.db;
    const station = await db.settings.get('station');
    if (station?.key !== 'station') return [];
    return db.evidence
      .where('sha256')
      .equals(sha256)
      .filter((evidence) => isOwnWithoutThumbnail(evidence, station.stationCode))
      .toArray();
  }

  /** The write of {@link nameLateThumbnail} for the evidence `capturedBy` captured. */
  private async nameThumbnailIn(
    session: WriteSession,
    sha256: Sha256,
    capturedBy: RecordId,
  ): Promise<number> {
    const evidence = await session
      .table<StoredEvidence>('evidence')
      .where('sha256')
      .equals(sha256)
      .filter(
        (stored) =>
          stored.capturedBy === capturedBy && isOwnWithoutThumbnail(stored, session.station),
      )
      .toArray();
    const replacements = [];
    for (const existing of evidence) {
      const named = await withCapturedThumbnail(
        session.parse(evidenceDefinition, existing),
        session,
      );
      if (named.thumbnailSha256 !== undefined) replacements.push({ existing, next: named });
    }
    // A technical completion, not a person's change: stamped and synced, never audited.
    return (await session.replaceAll(evidenceDefinition, replacements, { auditEach: false }))
      .length;
  }
}

/** Whether `evidence` is live, was captured at `station`, and names no thumbnail yet. */
function isOwnWithoutThumbnail(evidence: StoredEvidence, station: string): boolean {
  return isLive(evidence) && evidence.thumbnailSha256 === undefined && evidence.station === station;
}
