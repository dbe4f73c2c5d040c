import type { SchemaVersion } from './schemaVersion';

/**
 * Version 12: stored files are indexed by when they were stored (`[storedAt+sha256]`, a key that
 * pages without ties) and by the thumbnail they name (`thumbnailSha256`). Collecting the files no
 * record refers to (see `collectUnreferencedAttachments`) then looks only at the files that passed
 * the grace period since it last ran, instead of every file and every evidence row at each start:
 * 3.1–3.9 s, with the evidence and drafts locked, at 30,000 photos. Nothing to rewrite: IndexedDB
 * builds the indexes.
 */
export const schemaVersion12 = {
  version: 12,
  stores: {
    attachments: 'sha256, [storedAt+sha256], thumbnailSha256',
  },
} satisfies SchemaVersion;
