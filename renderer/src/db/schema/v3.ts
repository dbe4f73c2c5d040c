import type { SchemaVersion } from './schemaVersion';

/**
 * Version 3: the queue's filters read indexes instead of every row.
 * - claims: `assigneeId` (the technician a claim is assigned to) and `policyPackId`, each alone
 *   and with `createdAt`, so "my claims" and "this pack's claims" list oldest first and count
 *   without reading the others at 100,000 claims.
 * - drafts: what a technician typed into a form and has not saved yet (the intake's autosave), by
 *   a key such as `intake/<technicianId>`. Local to the station, never synced.
 * No row changes: claims without an assignee are simply absent from the `assigneeId` index.
 */
export const schemaVersion3 = {
  version: 3,
  stores: {
    claims:
      'id, &rmaNumber, status, createdAt, customerId, deviceId, purchase.orderNumber, [status+createdAt], assigneeId, policyPackId, [assigneeId+createdAt], [policyPackId+createdAt]',
    drafts: 'key',
  },
} satisfies SchemaVersion;
