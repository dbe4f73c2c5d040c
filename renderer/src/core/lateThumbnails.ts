import { onThumbnailMade } from '../db/attachments';
import type { FixlineDatabase } from '../db/database';
import type { EvidenceRepository } from '../db/repositories/evidenceRepository';

/**
 * Names each thumbnail made here in the evidence this station saved before it existed (an
 * intake's Save never waits for one), so other stations get the thumbnail before the photo.
 * Returns what stops it.
 *
 * There is no catch-up at start: thumbnails are made only by this window's in-memory queue, so
 * the listener hears every one, and a naming lost to the app closing between the thumbnail's
 * write and the evidence's (or a thumbnail never made) leaves the record as before thumbnails
 * synced: other stations make their own once the photo arrives. Looking for such records would
 * read every evidence row at each start.
 */
export function nameLateThumbnails(db: FixlineDatabase, evidence: EvidenceRepository): () => void {
  return onThumbnailMade((madeIn, sha256) => {
    if (madeIn !== db) return;
    evidence.nameLateThumbnail(sha256).then(warnIfRefused, warnOfFailure);
  });
}

/** A refused naming (the capturer's role withdrawn, a full disk) leaves the thumbnail unnamed. */
function warnIfRefused(result: Awaited<ReturnType<EvidenceRepository['nameLateThumbnail']>>): void {
  if (!result.ok) console.warn('Fixline could not name a late thumbnail', result.error.message);
}

function warnOfFailure(error: unknown): void {
  console.warn('Fixline could not name a late thumbnail', error);
}
