import { onThumbnailMade } from '../db/attachments';
import type { FixlineDatabase } from '../db/database';
import type { EvidenceRepository } from '../db/repositories/evidenceRepository';

/**
 * Names each thumbnail made here in the evidence this station saved before it existed (an
 * intake's Save never waits for one), so other stations get the thumbnail before the photo.
 * Returns what stops it.
 *
 * The catch-up runs once, here at start, after the listener is in place: thumbnails are made only
 * by this window's in-memory queue, so while the app runs the listener hears every one, and the
 * only ones it can have missed are those whose evidence was not named before the app last closed.
 * (Running it on every pass of the attachment queue would scan the evidence again and again.)
 */
export function nameLateThumbnails(db: FixlineDatabase, evidence: EvidenceRepository): () => void {
  const stop = onThumbnailMade((madeIn, sha256) => {
    if (madeIn !== db) return;
    evidence.nameLateThumbnail(sha256).then(warnIfRefused, warnOfFailure);
  });
  evidence.nameMissedThumbnails().then(warnIfRefused, warnOfFailure);
  return stop;
}

/** A refused naming (the capturer's role withdrawn, a full disk) leaves the thumbnail unnamed. */
function warnIfRefused(result: Awaited<ReturnType<EvidenceRepository['nameLateThumbnail']>>): void {
  if (!result.ok) console.warn('Fixline could not name a late thumbnail', result.error.message);
}

function warnOfFailure(error: unknown): void {
  console.warn('Fixline could not name a late thumbnail', error);
}
