import { v7 as uuidv7 } from 'uuid';
import { fail } from '#shared/domain/result';
import type { Part, StoredPart } from '../records';
import { partDefinition } from './definitions';
import { RecordRepository } from './recordRepository';
import type { RepositoryResult } from './repositoryError';
import { parseInput } from './repositoryError';
import type { RepositoryWriter, WriteContext } from './repositoryWriter';
import { withoutUndefinedFields } from './writeSession';

/** What an import did: parts added, parts whose SKU existed and changed, and parts already so. */
export type PartsImportCounts = {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
};

/** The parts catalogue, with a whole-file import. */
export class PartsCatalogRepository extends RecordRepository<Part, StoredPart> {
  constructor(writer: RepositoryWriter) {
    super(writer, partDefinition);
  }

  /**
   * Imports parts (a CSV's rows) in one transaction: each new SKU becomes a part, each SKU of a
   * live part updates it, and either every part is written or, on any refusal or failure, none
   * is. Each part gets its stamps and audit event as one written alone would; they are written
   * in bulk, and the outbox entry of the import carries them all.
   */
  async importParts(
    drafts: readonly Omit<Part, 'id'>[],
    context: WriteContext,
  ): Promise<RepositoryResult<PartsImportCounts>> {
    // Validated before the transaction opens: bad input never reaches the database.
    const parts: Part[] = [];
    for (const draft of drafts) {
      const parsed = parseInput(partDefinition.schema, { ...draft, id: uuidv7() });
      if (!parsed.ok)
        return fail({ ...parsed.error, message: `SKU ${draft.sku}: ${parsed.error.message}` });
      parts.push(withoutUndefinedFields(parsed.value));
    }

    return this.writer.write(context, this.tables, async (session) => {
      const live = await session
        .table<StoredPart>(partDefinition.table)
        .where('sku')
        .anyOf(parts.map((part) => part.sku))
        .filter((part) => part.deletedAt === undefined)
        .toArray();
      const liveBySku = new Map(live.map((part) => [part.sku, part]));
      const created: Part[] = [];
      const replacements: { existing: StoredPart; next: Part }[] = [];
      for (const part of parts) {
        const existing = liveBySku.get(part.sku);
        if (existing === undefined) created.push(part);
        else replacements.push({ existing, next: { ...part, id: existing.id } });
      }
      await session.insertAll(partDefinition, created);
      const updated = await session.replaceAll(partDefinition, replacements);
      return {
        created: created.length,
        updated: updated.length,
        unchanged: replacements.length - updated.length,
      };
    });
  }
}
