import { describe, expect, it } from 'vitest';
import { money } from '#shared/domain/primitives';
import type { PartDraft } from '../../renderer/src/parts/partsCsv';
import { readPartsCsv, writePartsCsv } from '../../renderer/src/parts/partsCsv';
import { asTechnician, expectOk, openBrowserDatabase } from './browserDatabase';

const partNumber = (index: number): string => `P-${String(index).padStart(5, '0')}`;

/** `count` parts, P-00000 onwards, priced from 1.00 USD up. */
function catalogOf(count: number, priceOffset = 0): PartDraft[] {
  return Array.from({ length: count }, (_, index) => ({
    sku: partNumber(index),
    name: `Strap ${index}`,
    unitPrice: money(100 + index + priceOffset, 'USD'),
    compatibleModels: ['KOSPET Tank T3', 'KOSPET Tank M2'],
  }));
}

describe('importing a parts CSV', () => {
  it('imports 50,000 rows in one transaction with one audit event per 5,000, and says how long it took', async () => {
    const { db, repositories } = await openBrowserDatabase();
    const reading = readPartsCsv(writePartsCsv(catalogOf(50_000)));
    expect(reading.issues).toEqual([]);
    // The station's setup left entries of its own (the center's settings).
    const setupEntries = await db.outbox.count();

    const told: number[] = [];
    const started = performance.now();
    const counts = expectOk(
      await repositories.partsCatalog.importParts(
        reading.parts.map((entry) => entry.part),
        asTechnician,
        { fileName: 'catalog.csv' },
        ({ written, total }) => told.push(written / total),
      ),
    );
    const elapsedMs = performance.now() - started;
    console.info(`imported 50,000 parts in ${Math.round(elapsedMs)} ms`);

    expect(counts).toEqual({ created: 50_000, updated: 0, unchanged: 0 });
    // The progress bar heard of each page of 5,000 as it was written.
    expect(told).toEqual(Array.from({ length: 10 }, (_, page) => (page + 1) / 10));
    expect(await db.partsCatalog.count()).toBe(50_000);
    const parts = await db.partsCatalog.toArray();
    // One audit event per page of 5,000 parts, under the import's id, naming its range.
    const audits = await db.auditEvents.orderBy('id').toArray();
    expect(audits).toHaveLength(10);
    expect(new Set(audits.map((event) => event.entityId)).size).toBe(1);
    expect(audits.map((event) => event.changes['import']?.to)).toEqual(
      Array.from({ length: 10 }, (_, page) => ({
        fileName: 'catalog.csv',
        firstPart: page * 5_000 + 1,
        lastPart: (page + 1) * 5_000,
        skus: 5_000,
        created: 5_000,
        updated: 0,
      })),
    );
    // Each part names its page's event: the first 5,000 SKUs the first event, and so on.
    const pageOf = new Map(audits.map((event, page) => [event.id, page]));
    for (const part of parts) {
      expect(pageOf.get(part.importEventId ?? '')).toBe(
        Math.floor(Number(part.sku.slice(2)) / 5_000),
      );
    }
    // The import's changes come in entries of about 1,000 parts; each page's event follows it.
    const entries = (await db.outbox.orderBy('sequence').toArray()).slice(setupEntries);
    expect(entries).toHaveLength(50);
    expect(entries.map((entry) => entry.sequence)).toEqual(
      Array.from({ length: 50 }, (_, index) => (entries[0]?.sequence ?? 0) + index),
    );
    for (const entry of entries) expect(entry.rows.length).toBeLessThanOrEqual(1_001);
    const changes = entries.flatMap((entry) => entry.rows);
    expect(changes).toHaveLength(50_010);
    expect(new Set(changes.map((row) => row.id))).toEqual(
      new Set([...parts.map((part) => part.id), ...audits.map((event) => event.id)]),
    );
    expect(new Set(changes.map((row) => row.stamp)).size).toBe(1);
    // The time is printed, not asserted (the goal is 5 s on a quiet machine): bench/ measures speed.
  });

  it('updates the parts whose SKU exists, adds the others and leaves unchanged ones alone', async () => {
    const { db, repositories } = await openBrowserDatabase();
    expectOk(await repositories.partsCatalog.importParts(catalogOf(3), asTechnician));
    const before = await db.partsCatalog.orderBy('sku').toArray();
    const [first, second] = catalogOf(2);
    if (first === undefined || second === undefined) throw new Error('no parts');

    const counts = expectOk(
      await repositories.partsCatalog.importParts(
        [first, { ...second, unitPrice: money(999, 'USD') }, ...catalogOf(5).slice(3)],
        asTechnician,
      ),
    );

    expect(counts).toEqual({ created: 2, updated: 1, unchanged: 1 });
    const after = await db.partsCatalog.orderBy('sku').toArray();
    expect(after.map((part) => part.sku)).toEqual(catalogOf(5).map((part) => part.sku));
    expect(after[1]).toMatchObject({ id: before[1]?.id, unitPrice: money(999, 'USD') });
    expect(after[0]).toEqual(before[0]);
  });

  it('leaves the catalog as it was when the import fails part way', async () => {
    const { db, repositories } = await openBrowserDatabase();
    expectOk(await repositories.partsCatalog.importParts(catalogOf(100), asTechnician));
    const catalogBefore = await db.partsCatalog.orderBy('sku').toArray();
    const auditBefore = await db.auditEvents.count();
    const outboxBefore = await db.outbox.count();
    // The disk fails while the 30,000th part is written: the 29,999 before it are in the batch.
    db.partsCatalog.hook('creating', (_key, part) => {
      if (part.sku === partNumber(30_000)) throw new Error('the disk failed');
    });

    await expect(
      repositories.partsCatalog.importParts(catalogOf(50_000, 7), asTechnician),
    ).rejects.toThrow();

    expect(await db.partsCatalog.orderBy('sku').toArray()).toEqual(catalogBefore);
    expect(await db.auditEvents.count()).toBe(auditBefore);
    expect(await db.outbox.count()).toBe(outboxBefore);
  });

  it('refuses an import that names one SKU twice, writing nothing', async () => {
    const { db, repositories } = await openBrowserDatabase();
    const [part] = catalogOf(1);
    if (part === undefined) throw new Error('no part');

    const result = await repositories.partsCatalog.importParts([part, part], asTechnician);

    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', field: 'sku' } });
    expect(await db.partsCatalog.count()).toBe(0);
  });
});
