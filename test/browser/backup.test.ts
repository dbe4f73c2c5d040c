import { importInto } from 'dexie-export-import';
import { describe, expect, it } from 'vitest';
import { storeAttachment } from '../../renderer/src/db/attachments';
import { exportDatabase, importDatabase } from '../../renderer/src/db/backup';
import type { FixlineDatabase } from '../../renderer/src/db/database';
import type { Repositories } from '../../renderer/src/db/repositories';
import { makeCustomer, makeDevice, makeQuote, makeQuoteLine } from '../factories/domain';
import {
  asTechnician,
  expectOk,
  makePng,
  openBrowserDatabase,
  patternBytes,
} from './browserDatabase';

/** Every row of every table, with each Blob (however deep) replaced by its type and bytes. */
async function snapshot(db: FixlineDatabase): Promise<Record<string, unknown[]>> {
  const materialize = async (value: unknown): Promise<unknown> => {
    if (value instanceof Blob)
      return { blobType: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] };
    if (Array.isArray(value)) return Promise.all(value.map(materialize));
    if (typeof value === 'object' && value !== null) {
      const entries = await Promise.all(
        Object.entries(value).map(async ([key, field]) => [key, await materialize(field)] as const),
      );
      return Object.fromEntries(entries);
    }
    return value;
  };
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables)
    tables[table.name] = await Promise.all((await table.toArray()).map(materialize));
  return tables;
}

/** A station with a bit of everything: a claim with evidence, a quote, a deleted note, files. */
async function fillStation(db: FixlineDatabase, repositories: Repositories): Promise<void> {
  const { id: _customerId, ...customerDraft } = makeCustomer();
  const customer = expectOk(await repositories.customers.create(customerDraft, asTechnician));
  const { id: _deviceId, ...deviceDraft } = makeDevice({ customerId: customer.id });
  const device = expectOk(await repositories.devices.create(deviceDraft, asTechnician));
  const claim = expectOk(
    await repositories.claims.create(
      {
        policyPackId: 'kospet-warranty-refund',
        customerId: customer.id,
        deviceId: device.id,
        purchase: { channel: 'official-store', proof: 'valid', orderNumber: 'KS-1' },
        reason: 'defect',
        customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: false },
      },
      asTechnician,
    ),
  );
  expectOk(await repositories.claims.transition(claim.id, 'awaiting-authorization', asTechnician));
  const photo = expectOk(
    await storeAttachment(
      db,
      new File([await makePng(800, 600)], 'front.png', { type: 'image/png' }),
    ),
  );
  expectOk(await storeAttachment(db, new Blob([patternBytes(300_000)], { type: 'video/mp4' })));
  expectOk(
    await repositories.evidence.create(
      {
        claimId: claim.id,
        kind: 'product-photo',
        sha256: photo.attachment.sha256,
        sizeBytes: photo.attachment.sizeBytes,
        mediaType: 'image/png',
        fileName: 'front.png',
        capturedAt: '2026-05-04T02:16:00.000Z',
        capturedBy: asTechnician.actor,
      },
      asTechnician,
    ),
  );
  const { id: _quoteId, ...quoteDraft } = makeQuote({ claimId: claim.id });
  const quote = expectOk(await repositories.quotes.create(quoteDraft, asTechnician));
  const { id: _lineId, ...lineDraft } = makeQuoteLine({ quoteId: quote.id });
  expectOk(await repositories.quoteLines.create(lineDraft, asTechnician));
  const note = expectOk(
    await repositories.notes.create(
      {
        claimId: claim.id,
        body: 'Wrong claim.',
        author: asTechnician.actor,
        at: '2026-05-04T03:00:00.000Z',
      },
      asTechnician,
    ),
  );
  expectOk(await repositories.notes.remove(note.id, asTechnician));
}

describe('backup', () => {
  it('restores every table, attachment bytes and thumbnails included, exactly as exported', async () => {
    const source = await openBrowserDatabase('JKT1');
    await fillStation(source.db, source.repositories);
    const target = await openBrowserDatabase(null);

    const backup = await exportDatabase(source.db);
    expectOk(await importDatabase(target.db, backup));

    const restored = await snapshot(target.db);
    expect(restored).toEqual(await snapshot(source.db));
    expect(restored['attachmentBlobs']).toHaveLength(2);
  });

  it('lets the restored station carry on where its backup left off', async () => {
    const source = await openBrowserDatabase('JKT1');
    await fillStation(source.db, source.repositories);
    const target = await openBrowserDatabase(null);

    expectOk(await importDatabase(target.db, await exportDatabase(source.db)));
    await fillStation(target.db, target.repositories);

    const rmaNumbers = (await target.db.claims.orderBy('rmaNumber').toArray()).map(
      (claim) => claim.rmaNumber,
    );
    expect(rmaNumbers).toEqual(['RMA-JKT1-000001', 'RMA-JKT1-000002']);
  });

  it('refuses to restore over a station that already holds data, leaving it as it was', async () => {
    const source = await openBrowserDatabase('JKT1');
    await fillStation(source.db, source.repositories);
    const target = await openBrowserDatabase('SBY2');
    await fillStation(target.db, target.repositories);
    const before = await snapshot(target.db);

    const result = await importDatabase(target.db, await exportDatabase(source.db));

    expect(result).toMatchObject({ ok: false, error: { code: 'database-not-empty' } });
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('refuses an import that goes around importDatabase', async () => {
    const source = await openBrowserDatabase('JKT1');
    await fillStation(source.db, source.repositories);
    const target = await openBrowserDatabase(null);

    await expect(
      importInto(target.db, await exportDatabase(source.db), { acceptNameDiff: true }),
    ).rejects.toThrow(/refused/);
    expect(await target.db.customers.count()).toBe(0);
  });

  it('refuses a file that is not a backup and leaves the database as it was', async () => {
    const { db, repositories } = await openBrowserDatabase('JKT1');
    await fillStation(db, repositories);
    const before = await snapshot(db);

    const result = await importDatabase(
      db,
      new Blob(['{"hello": "world"}'], { type: 'application/json' }),
    );

    expect(result).toMatchObject({ ok: false, error: { code: 'not-a-backup' } });
    expect(await snapshot(db)).toEqual(before);
  });
});
