import type { StoredPart } from '../core';
import { useCoreQuery } from '../core';

/** Every live part of the catalog, by SKU, kept current; undefined while loading. */
export function usePartsCatalog(): readonly StoredPart[] | undefined {
  return useCoreQuery(({ queries }) => queries.partsCatalog(), []);
}

/** Whether `part` matches what was typed in a search box: its SKU, name or a model it fits. */
export function partMatches(part: StoredPart, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  return [part.sku, part.name, ...part.compatibleModels].some((text) =>
    text.toLowerCase().includes(needle),
  );
}
