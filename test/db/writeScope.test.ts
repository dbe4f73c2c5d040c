import './testDatabase';
import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { money } from '#shared/domain/primitives';
import { FixlineDatabase } from '../../renderer/src/db/database';
import { createRepositories } from '../../renderer/src/db/repositories';
import { makeClaimDraft } from '../factories/domain';
import {
  asTechnician,
  createCustomerAndDevice,
  expectOk,
  freshDatabaseName,
  steppingClock,
} from './testDatabase';

/** A station whose read-write transactions are recorded by the tables they open. */
async function openRecordingStation() {
  const opened: string[][] = [];
  const recordScopes: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'recordScopes',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        if (mode === 'readwrite') opened.push([...stores].sort());
        return down.transaction(stores, mode, options);
      },
    }),
  };
  const db = new FixlineDatabase(freshDatabaseName());
  db.use(recordScopes);
  const repositories = createRepositories(db, { now: steppingClock() });
  expectOk(
    await repositories.station.setUp({ stationCode: 'JKT1', center: { name: 'Fixline Jakarta' } }),
  );
  /** The tables of the read-write transactions `write` opened. */
  const scopesOf = async (write: () => Promise<unknown>): Promise<string[][]> => {
    const start = opened.length;
    await write();
    return opened.slice(start);
  };
  return { repositories, scopesOf };
}

describe('a repository write opens only the tables it needs', () => {
  it('a claim write leaves the parts catalog, attachments, drafts, notes and quotes free', async () => {
    const { repositories, scopesOf } = await openRecordingStation();
    const { customerId, deviceId } = await createCustomerAndDevice(repositories);
    const claim = expectOk(
      await repositories.claims.create(makeClaimDraft({ customerId, deviceId }), asTechnician),
    );

    const scopes = await scopesOf(async () =>
      expectOk(
        await repositories.claims.update(
          claim.id,
          { defect: { what: 'Screen flickers' } },
          asTechnician,
        ),
      ),
    );

    expect(scopes).toHaveLength(1);
    expect(scopes[0]).toEqual(expect.arrayContaining(['claims', 'claimCounts', 'auditEvents']));
    for (const table of [
      'partsCatalog',
      'attachments',
      'attachmentBlobs',
      'drafts',
      'notes',
      'quotes',
      'quoteLines',
      'shipmentLegs',
    ]) {
      expect(scopes[0]).not.toContain(table);
    }
  });

  it('a parts catalog write leaves every claim table free', async () => {
    const { repositories, scopesOf } = await openRecordingStation();

    const scopes = await scopesOf(async () =>
      expectOk(
        await repositories.partsCatalog.create(
          {
            sku: 'KT3-BAT',
            name: 'Battery kit',
            unitPrice: money(2600, 'USD'),
            compatibleModels: [],
          },
          asTechnician,
        ),
      ),
    );

    expect(scopes).toEqual([
      ['auditEvents', 'outbox', 'partsCatalog', 'people', 'sequences', 'settings'].sort(),
    ]);
  });
});
