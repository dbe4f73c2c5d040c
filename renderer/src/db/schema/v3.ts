import type { Transaction } from 'dexie';
import type { RecordId } from '#shared/domain/primitives';
import { readClaimDeadlineFields } from '../claimDeadline';
import type { StoredClaim } from '../records';
import type { SchemaVersion } from './schemaVersion';

/**
 * Version 3: the queue's filters read indexes instead of every row.
 * - claims: `assigneeId` (the technician a claim is assigned to) and `policyPackId`, each alone
 *   and with `createdAt`, so "my claims" and "this pack's claims" list oldest first and count
 *   without reading the others at 100,000 claims. Claims without an assignee are simply absent
 *   from the `assigneeId` index.
 * - claims: `nextDeadlineAt`, derived when a claim is written (see `ClaimDeadlineFields`), so the
 *   overdue claims are a range of one index; `deletedAt`, so the few deleted claims are found
 *   without reading the others and left out of the queue's counts.
 * - drafts: what a technician typed into a form and has not saved yet (the intake's autosave), by
 *   a key such as `intake/<technicianId>`. Local to the station, never synced.
 * The upgrade derives the deadline fields of the claims already stored.
 */
export const schemaVersion3 = {
  version: 3,
  stores: {
    claims:
      'id, &rmaNumber, status, createdAt, customerId, deviceId, purchase.orderNumber, [status+createdAt], assigneeId, policyPackId, [assigneeId+createdAt], [policyPackId+createdAt], nextDeadlineAt, deletedAt',
    drafts: 'key',
  },
  upgrade: addClaimDeadlineFields,
} satisfies SchemaVersion;

async function addClaimDeadlineFields(transaction: Transaction): Promise<void> {
  const claims = transaction.table<StoredClaim, RecordId>('claims');
  const upgraded: StoredClaim[] = [];
  for (const claim of await claims.toArray()) {
    upgraded.push({ ...claim, ...(await readClaimDeadlineFields(transaction, claim)) });
  }
  await claims.bulkPut(upgraded);
}
