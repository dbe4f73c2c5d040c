import type { Transaction } from 'dexie';
import type { RecordId } from '#shared/domain/primitives';
import { rederiveClaimDeadlines, type ClaimsLackingRecords } from '../claimDeadline';
import type { StoredClaim, StoredInspection, SyncedTableName } from '../records';

/**
 * The tables whose rows a claim's deadline fields are read from (besides the claim's own): a
 * write to one re-derives the claims it belongs to, so it opens the tables that reads.
 */
export const claimDeadlineInputWrites: ReadonlySet<SyncedTableName> = new Set([
  'evidence',
  'inspections',
  'misuseFindings',
  'devices',
  'customers',
]);

/**
 * The rows a write session changed that a claim's deadline fields are read from (its evidence,
 * inspections and their misuse findings, its device and customer), so that the claims they
 * belong to are derived again before the session commits. A claim's own write derives them
 * already (see `claimDefinition.derive`); these are the writes that would leave them stale.
 */
export class ClaimDeadlineInputs {
  readonly #claimIds = new Set<RecordId>();
  readonly #inspectionIds = new Set<RecordId>();
  readonly #deviceIds = new Set<RecordId>();
  readonly #customerIds = new Set<RecordId>();

  /** Notes a row written to `table`; `created` when it is new (no claim can name it yet). */
  noteWrite(table: SyncedTableName, row: { readonly id: RecordId }, created: boolean): void {
    switch (table) {
      case 'evidence':
      case 'inspections':
        addIdField(this.#claimIds, row, 'claimId');
        return;
      case 'misuseFindings':
        addIdField(this.#inspectionIds, row, 'inspectionId');
        return;
      case 'devices':
        if (!created) this.#deviceIds.add(row.id);
        return;
      case 'customers':
        if (!created) this.#customerIds.add(row.id);
        return;
      default:
        return;
    }
  }

  /**
   * Derives the deadline fields of the claims the noted rows belong to, in `transaction`, together
   * with `alsoClaimIds` (claims written themselves), so that a claim named both ways is derived once;
   * claims in `derivedAlready` (derived as they were written, after their records) are left out.
   * Open claims found without their customer or device go into `lacking` (when given).
   */
  async rederive(
    transaction: Transaction,
    alsoClaimIds: Iterable<RecordId> = [],
    derivedAlready: ReadonlySet<RecordId> = new Set(),
    lacking?: ClaimsLackingRecords,
  ): Promise<void> {
    const nothingNoted =
      this.#claimIds.size +
        this.#inspectionIds.size +
        this.#deviceIds.size +
        this.#customerIds.size ===
      0;
    if (nothingNoted) {
      await rederiveClaimDeadlines(
        transaction,
        [...alsoClaimIds].filter((id) => !derivedAlready.has(id)),
        lacking,
      );
      return;
    }
    const claims = transaction.table<StoredClaim, RecordId>('claims');
    // One `equals` per id: `anyOf` takes fake-indexeddb (the tests' IndexedDB) quadratic time.
    const claimsOf = (index: 'deviceId' | 'customerId', ids: ReadonlySet<RecordId>) =>
      Promise.all([...ids].map((id) => claims.where(index).equals(id).primaryKeys()));
    const [inspections, deviceClaimIds, customerClaimIds] = await Promise.all([
      transaction
        .table<StoredInspection, RecordId>('inspections')
        .bulkGet([...this.#inspectionIds]),
      claimsOf('deviceId', this.#deviceIds),
      claimsOf('customerId', this.#customerIds),
    ]);
    const claimIds = new Set([
      ...alsoClaimIds,
      ...this.#claimIds,
      ...inspections.flatMap((inspection) =>
        inspection === undefined ? [] : [inspection.claimId],
      ),
      ...deviceClaimIds.flat(),
      ...customerClaimIds.flat(),
    ]);
    for (const ids of [this.#claimIds, this.#inspectionIds, this.#deviceIds, this.#customerIds]) {
      ids.clear();
    }
    await rederiveClaimDeadlines(
      transaction,
      [...claimIds].filter((id) => !derivedAlready.has(id)),
      lacking,
    );
  }
}

function addIdField(ids: Set<RecordId>, row: object, field: string): void {
  const id: unknown = Reflect.get(row, field);
  if (typeof id === 'string') ids.add(id);
}
