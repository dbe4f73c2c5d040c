import './testDatabase';
import { describe, expect, it } from 'vitest';
import { money } from '#shared/domain/primitives';
import { partHistory } from '../../renderer/src/core/stationQueries';
import type { Part } from '../../renderer/src/db/records';
import { asTechnician, expectOk, openTestDatabase } from './testDatabase';

const part = (sku: string, cents: number): Omit<Part, 'id'> => ({
  sku,
  name: `Part ${sku}`,
  unitPrice: money(cents, 'USD'),
  compatibleModels: ['KOSPET Tank T3'],
});

describe('a parts import', () => {
  it('records one audit event for its page of parts, which each part names', async () => {
    const { db, repositories } = await openTestDatabase();

    const counts = expectOk(
      await repositories.partsCatalog.importParts(
        [part('KT3-BAT', 2600), part('KT3-STR', 900), part('KT3-CHG', 1500)],
        asTechnician,
        { fileName: 'catalog.csv' },
      ),
    );

    expect(counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const events = await db.auditEvents.toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      entity: 'partsCatalog',
      action: 'update',
      actor: asTechnician.actor,
      changes: {
        import: {
          from: null,
          to: {
            fileName: 'catalog.csv',
            firstPart: 1,
            lastPart: 3,
            skus: 3,
            created: 3,
            updated: 0,
          },
        },
      },
    });
    const parts = await db.partsCatalog.toArray();
    expect(parts.map((stored) => stored.importEventId)).toEqual(parts.map(() => events[0]?.id));
  });

  it('shows in a part’s history beside the part’s own changes, and leaves unchanged parts alone', async () => {
    const { db, repositories } = await openTestDatabase();
    expectOk(
      await repositories.partsCatalog.importParts(
        [part('KT3-BAT', 2600), part('KT3-STR', 900)],
        asTechnician,
        { fileName: 'first.csv' },
      ),
    );
    const battery = await db.partsCatalog.where('sku').equals('KT3-BAT').first();
    const strap = await db.partsCatalog.where('sku').equals('KT3-STR').first();
    if (battery === undefined || strap === undefined) throw new Error('parts not imported');
    expectOk(
      await repositories.partsCatalog.update(battery.id, { name: 'Battery kit' }, asTechnician),
    );

    const counts = expectOk(
      await repositories.partsCatalog.importParts(
        [{ ...part('KT3-BAT', 2800), name: 'Battery kit' }, part('KT3-STR', 900)],
        asTechnician,
        { fileName: 'second.csv' },
      ),
    );

    expect(counts).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const history = await partHistory(db, battery.id);
    expect(
      history.map((event) => [event.action, event.changes['import']?.to ?? event.changes]),
    ).toEqual([
      ['update', { name: { from: 'Part KT3-BAT', to: 'Battery kit' } }],
      [
        'update',
        {
          fileName: 'second.csv',
          firstPart: 1,
          lastPart: 1,
          skus: 1,
          created: 0,
          updated: 1,
        },
      ],
    ]);
    // The strap did not change: it still names the first import's page.
    const strapHistory = await partHistory(db, strap.id);
    expect(strapHistory.map((event) => event.changes['import']?.to)).toMatchObject([
      { fileName: 'first.csv', created: 2 },
    ]);
  });
});
