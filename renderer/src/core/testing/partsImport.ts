import { money } from '#shared/domain/primitives';
import type { FixlineDatabase } from '../../db/database';
import { createRepositories } from '../../db/repositories';
import type { PartsImportCounts } from '../../db/repositories/partsCatalogRepository';
import type { Part } from '../model';
import { expectOk, queueTechnicians } from './queueStation';

/**
 * The rows of a parts CSV of `count` lines as a supplier sends one, read as the Parts screen's
 * preview reads them: SKU, name, a price in USD and two compatible models each, `round`
 * shifting the prices so each round's file is its own.
 */
export function generatedParts(count: number, round = 0): Omit<Part, 'id'>[] {
  return Array.from({ length: count }, (_, index) => ({
    sku: `P-${String(index).padStart(6, '0')}`,
    name: `Strap ${index}`,
    unitPrice: money(100 + index + round, 'USD'),
    compatibleModels: ['KOSPET Tank T3', 'KOSPET Tank M2'],
  }));
}

/**
 * What the Parts screen's "Import" does with a previewed file: `importParts` in one transaction
 * by a technician of the generated station (see `setUpGeneratedStation`); timed alone.
 */
export async function importParts(
  db: FixlineDatabase,
  parts: readonly Omit<Part, 'id'>[],
): Promise<{ readonly counts: PartsImportCounts; readonly importMs: number }> {
  const startedMs = performance.now();
  const counts = await expectOk(
    createRepositories(db).partsCatalog.importParts(
      parts,
      { actor: queueTechnicians[0].id },
      { fileName: 'bench-catalog.csv' },
    ),
  );
  return { counts, importMs: performance.now() - startedMs };
}
