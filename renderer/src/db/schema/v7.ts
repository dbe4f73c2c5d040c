import type { SchemaVersion } from './schemaVersion';

/**
 * Version 7: attachments' bytes sync (see the README's "Sync"). `attachmentUploads` records the
 * bytes the center's server is known to hold, so the station's upload queue asks the server only
 * about the others. Nothing to rewrite: a station upgraded from version 6 has uploaded nothing,
 * and its queue asks the server about each of its attachments once (a `HEAD`, which skips the
 * bytes the server already has).
 */
export type TablesOfVersion7 = 'attachmentUploads';

export const schemaVersion7 = {
  version: 7,
  stores: {
    attachmentUploads: 'sha256',
  } satisfies Record<TablesOfVersion7, string>,
} satisfies SchemaVersion;
