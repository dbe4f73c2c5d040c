import type { SchemaVersion } from './schemaVersion';

/**
 * Version 9: the parts catalog keeps only the index something reads. Parts are found by SKU (a
 * quote's line, an import's match, the unique-SKU rule) and listed by SKU; nothing reads the
 * `name` or `*compatibleModels` indexes (the quote screen matches models in memory, see
 * `shared/domain/deviceModel.ts`). Each index entry is a write of its own, so a 50,000-part
 * import wrote three extra entries per part. Nothing to rewrite: IndexedDB drops the indexes.
 */
export const schemaVersion9 = {
  version: 9,
  stores: {
    partsCatalog: 'id, sku',
  },
} satisfies SchemaVersion;
