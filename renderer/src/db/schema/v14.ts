import type { SchemaVersion } from './schemaVersion';

/**
 * Version 14: what the attachment queue is to look at (see `db/sync/attachmentsToCheck.ts`): the
 * files pulls named (`attachmentsNamed`, numbered notes written in each pull's transaction) and
 * those still to move (`attachmentsToMove`), so a pass after a restart reads those instead of
 * every record and file of the station (3.5 s at 30,000 photos). Nothing to rewrite: an
 * enrollment from before has no `attachmentsCompared`, so the queue's first pass compares
 * everything once, as it did at every start.
 */
export type TablesOfVersion14 = 'attachmentsNamed' | 'attachmentsToMove';

export const schemaVersion14 = {
  version: 14,
  stores: {
    attachmentsNamed: '[noted+sha256]',
    attachmentsToMove: 'sha256',
  } satisfies Record<TablesOfVersion14, string>,
} satisfies SchemaVersion;
