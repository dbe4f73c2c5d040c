import Dexie, { type Transaction } from 'dexie';
import { fieldChangeSchema, personSecretFields, withSecretsHidden } from '#shared/domain/audit';
import type { FieldChange } from '#shared/domain/audit';
import { z } from 'zod';
import type { OutboxEntry, StoredAuditEvent } from '../records';
import type { SchemaVersion } from './schemaVersion';

/**
 * Version 9, two clean-ups:
 * - The parts catalog keeps only the index something reads. Parts are found and listed by SKU (a
 *   quote's line, an import's match, the unique-SKU rule); nothing reads the `name` or
 *   `*compatibleModels` indexes (the quote screen matches models in memory, see
 *   `shared/domain/deviceModel.ts`). Each index entry is a write of its own, so a 50,000-part
 *   import wrote three extra entries per part.
 * - People's audit events made before PIN hashes were kept out of the trail still carry them, in
 *   the station's trail and in outbox entries not pushed yet: the upgrade hides them as the trail
 *   does now (`[secret]`), so neither a backup nor a push holds a hash to try PINs against. The
 *   server's migration 006 does the same to what it already holds.
 */
export const schemaVersion9 = {
  version: 9,
  stores: {
    partsCatalog: 'id, sku',
  },
  upgrade: hideOldPinHashes,
} satisfies SchemaVersion;

const changesSchema = z.record(z.string(), fieldChangeSchema);

async function hideOldPinHashes(transaction: Transaction): Promise<void> {
  await transaction
    .table<StoredAuditEvent, string>('auditEvents')
    .where('[entity+entityId]')
    .between(['people', Dexie.minKey], ['people', Dexie.maxKey])
    .modify((event) => {
      event.changes = withSecretsHidden(event.changes, personSecretFields);
    });
  await transaction
    .table<OutboxEntry, number>('outbox')
    .toCollection()
    .modify((entry) => {
      const rows = entry.rows.map((row) => {
        if (row.table !== 'auditEvents' || row.set['entity'] !== 'people') return row;
        const changes = changesSchema.safeParse(row.set['changes']);
        if (!changes.success) return row;
        const hidden: Readonly<Record<string, FieldChange>> = withSecretsHidden(
          changes.data,
          personSecretFields,
        );
        return hidden === changes.data ? row : { ...row, set: { ...row.set, changes: hidden } };
      });
      if (rows.some((row, index) => row !== entry.rows[index])) {
        Object.assign(entry, { rows });
      }
    });
}
