import type { SchemaVersion } from './schemaVersion';

/**
 * Version 8: downloads of attachments' bytes cut short (see the README's "Sync"). Each range the
 * station receives is kept as a Blob in `partialDownloads`, keyed by the file's SHA-256 and the
 * range's offset, so a 2 GiB video being downloaded sits on disk rather than in the renderer's
 * memory, and a download cut by a restart goes on from where it stopped. Nothing to rewrite: a
 * station upgraded from version 7 kept its partial downloads in memory, lost when it closed.
 */
export type TablesOfVersion8 = 'partialDownloads';

export const schemaVersion8 = {
  version: 8,
  stores: {
    partialDownloads: '[sha256+offset]',
  } satisfies Record<TablesOfVersion8, string>,
} satisfies SchemaVersion;
