import type { FixlineDatabase } from '../../db/database';
import { createRepositories } from '../../db/repositories';
import type { PartsImportCounts } from '../../db/repositories/partsCatalogRepository';
import { readPartsCsv } from '../../parts/partsCsv';
import { expectOk, queueTechnicians } from './queueStation';

/**
 * A parts CSV of `count` rows as a supplier sends one: SKU, name, price in USD and two
 * compatible models each, `round` shifting the prices so each round's file is its own.
 */
export function generatedPartsCsv(count: number, round = 0): string {
  const lines = ['sku,name,price,currency,compatibleModels'];
  for (let index = 0; index < count; index += 1) {
    const cents = 100 + index + round;
    lines.push(
      `P-${String(index).padStart(6, '0')},Strap ${index},${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')},USD,KOSPET Tank T3|KOSPET Tank M2`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * What the Parts screen's "Import" does with a CSV already previewed: the rows read as the
 * preview reads them (untimed by the caller if it wishes), then `importParts` in one transaction
 * by a technician of the generated station (see `setUpGeneratedStation`).
 */
export async function importPartsCsv(
  db: FixlineDatabase,
  csv: string,
): Promise<{ readonly counts: PartsImportCounts; readonly importMs: number }> {
  const reading = readPartsCsv(csv);
  if (reading.issues.length > 0) throw new Error(`the CSV has ${reading.issues.length} problems`);
  const startedMs = performance.now();
  const counts = await expectOk(
    createRepositories(db).partsCatalog.importParts(
      reading.parts.map((entry) => entry.part),
      { actor: queueTechnicians[0].id },
      { fileName: 'bench-catalog.csv' },
    ),
  );
  return { counts, importMs: performance.now() - startedMs };
}
