import { v7 as uuidv7 } from 'uuid';
import { fail } from '#shared/domain/result';
import type { Part, StoredPart } from '../records';
import { partDefinition } from './definitions';
import { RecordRepository } from './recordRepository';
import type { RepositoryResult } from './repositoryError';
import { parseInput } from './repositoryError';
import type { RepositoryWriter, WriteContext } from './repositoryWriter';
import { isSameValue, withoutUndefinedFields } from './writeSession';

/** What an import did: parts added, parts whose SKU existed and changed, and parts already so. */
export type PartsImportCounts = {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
};

/** Where imported parts come from, for the audit trail. */
export type PartsImportSource = {
  /** The file's name as the technician chose it ("catalog-2026-12.csv"). */
  readonly fileName: string;
};

/**
 * How far an import has come: `written` of the `total` parts it writes (new and changed ones),
 * told after each page. Nothing is kept until the last page's transaction commits.
 */
export type PartsImportProgress = { readonly written: number; readonly total: number };

/**
 * How many parts one audit event of an import covers. One event per part made a 50,000-row
 * import write 50,000 events (and as many outbox changes); a page's event names its parts' range.
 */
export const importPageParts = 5_000;

/** What an import page's audit event records, under `changes.import.to`. */
export type PartsImportPage = {
  readonly fileName: string;
  /** The page's parts, counted from 1 among the parts the import wrote, in the file's order. */
  readonly firstPart: number;
  readonly lastPart: number;
  /** SKUs the page wrote: new parts and parts that changed. */
  readonly skus: number;
  readonly created: number;
  readonly updated: number;
};

/** The parts catalogue, with a whole-file import. */
export class PartsCatalogRepository extends RecordRepository<Part, StoredPart> {
  constructor(writer: RepositoryWriter) {
    super(writer, partDefinition);
  }

  /**
   * Imports parts (a CSV's rows) in one transaction: each new SKU becomes a part, each SKU of a
   * live part updates it, and either every part is written or, on any refusal or failure, none
   * is. Each part gets its stamps and outbox change as one written alone would; the audit trail
   * gets one event per {@link importPageParts} parts written ("parts n–m from file X", see
   * {@link PartsImportPage}), under the import's own id, and each part written names its page's
   * event (`importEventId`). Parts that would not change are left alone. `onProgress` hears
   * after each page how many parts are written, for a progress bar.
   */
  async importParts(
    drafts: readonly Omit<Part, 'id'>[],
    context: WriteContext,
    source: PartsImportSource = { fileName: '' },
    onProgress?: (progress: PartsImportProgress) => void,
  ): Promise<RepositoryResult<PartsImportCounts>> {
    // Validated before the transaction opens: bad input never reaches the database.
    const parts: Part[] = [];
    const seen = new Set<string>();
    for (const draft of drafts) {
      const parsed = parseInput(partDefinition.schema, { ...draft, id: uuidv7() });
      if (!parsed.ok)
        return fail({ ...parsed.error, message: `SKU ${draft.sku}: ${parsed.error.message}` });
      if (seen.has(parsed.value.sku)) {
        return fail({
          code: 'conflict',
          field: 'sku',
          message: `sku: ${parsed.value.sku} is given to two parts at once; keep one of them.`,
        });
      }
      seen.add(parsed.value.sku);
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
      // In the file's order, the parts to write: new ones, and existing ones that change.
      const writes: { existing: StoredPart | undefined; next: Part }[] = [];
      for (const part of parts) {
        const existing = liveBySku.get(part.sku);
        if (existing === undefined) {
          writes.push({ existing, next: part });
          continue;
        }
        const next: Part = { ...part, id: existing.id };
        if (!samePartFields(existing, next)) writes.push({ existing, next });
      }
      const role = session.authorize(partDefinition.action(['sku']));
      const importId = uuidv7();
      for (let start = 0; start < writes.length; start += importPageParts) {
        const page = writes.slice(start, start + importPageParts);
        const eventId = uuidv7();
        const created: Part[] = [];
        const replacements: { existing: StoredPart; next: Part }[] = [];
        for (const { existing, next } of page) {
          const stamped = { ...next, importEventId: eventId };
          if (existing === undefined) created.push(stamped);
          else replacements.push({ existing, next: stamped });
        }
        await session.insertAll(partDefinition, created, { auditEach: false });
        await session.replaceAll(partDefinition, replacements, { auditEach: false });
        const record: PartsImportPage = {
          fileName: source.fileName,
          firstPart: start + 1,
          lastPart: start + page.length,
          skus: page.length,
          created: created.length,
          updated: replacements.length,
        };
        await session.appendAudit(
          partDefinition.table,
          importId,
          'update',
          { import: { from: null, to: record } },
          { role },
          eventId,
        );
        onProgress?.({ written: start + page.length, total: writes.length });
      }
      const updated = writes.filter((write) => write.existing !== undefined).length;
      return {
        created: writes.length - updated,
        updated,
        unchanged: parts.length - writes.length,
      };
    });
  }
}

/**
 * Whether an import's `next` leaves every field of the part as `existing` has it (the import's
 * own reference, `importEventId`, aside).
 */
function samePartFields(existing: StoredPart, next: Part): boolean {
  const fields = new Set([...Object.keys(existing.stamps), ...Object.keys(next)]);
  fields.delete('importEventId');
  fields.delete('deletedAt');
  return [...fields].every((field) =>
    isSameValue(Reflect.get(existing, field), Reflect.get(next, field)),
  );
}
