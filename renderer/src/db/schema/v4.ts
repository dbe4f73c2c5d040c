import type { Transaction } from 'dexie';
import type { RecordId } from '#shared/domain/primitives';
import { rebuildClaimCounts } from '../claimCounts';
import type { StoredClaim } from '../records';
import type { SchemaVersion } from './schemaVersion';

/**
 * Version 4: the queue counts and pages without walking every index entry at 100,000 claims.
 * - claimCounts: how many live claims each filter holds (every combination of status, pack and
 *   assignee, by `claimCountKey`), kept in the transaction of every claim write. Local to the
 *   station and derived, so never synced nor backed up: a restore counts again.
 * - claims: the single-field `status`, `assigneeId` and `policyPackId` indexes go: each is served
 *   by the first part of its `[field+createdAt]` index (Dexie reads a compound index's prefix as
 *   a virtual index). `customerId` stays: a customer's change re-derives their claims' deadlines.
 * - claims: a deleted claim keeps no deadline fields, so the `nextDeadlineAt` index holds live
 *   claims only and the overdue count is that index's own.
 * The upgrade drops the deadline fields of the deleted claims and counts the claims.
 */
export const schemaVersion4 = {
  version: 4,
  stores: {
    claims:
      'id, &rmaNumber, createdAt, customerId, deviceId, purchase.orderNumber, [status+createdAt], [assigneeId+createdAt], [policyPackId+createdAt], nextDeadlineAt, deletedAt',
    claimCounts: 'key',
  },
  upgrade: countClaims,
} satisfies SchemaVersion;

const deadlineFields = ['nextDeadlineAt', 'nextDeadlineDate', 'nextDeadlineKind'] as const;

async function countClaims(transaction: Transaction): Promise<void> {
  await transaction
    .table<StoredClaim, RecordId>('claims')
    .where('deletedAt')
    .above('')
    .modify((claim) => {
      for (const field of deadlineFields) Reflect.deleteProperty(claim, field);
    });
  await rebuildClaimCounts(transaction);
}
