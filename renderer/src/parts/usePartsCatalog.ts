import { useLiveQuery } from 'dexie-react-hooks';
import { appDatabase } from '../db/appDatabase';
import type { StoredPart } from '../db/records';

/** Every live part of the catalog, by SKU, kept current; undefined while loading. */
export function usePartsCatalog(): readonly StoredPart[] | undefined {
  return useLiveQuery(() =>
    appDatabase()
      .partsCatalog.orderBy('sku')
      .filter((part) => part.deletedAt === undefined)
      .toArray(),
  );
}

/** Whether `part` matches what was typed in a search box: its SKU, name or a model it fits. */
export function partMatches(part: StoredPart, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  return [part.sku, part.name, ...part.compatibleModels].some((text) =>
    text.toLowerCase().includes(needle),
  );
}
