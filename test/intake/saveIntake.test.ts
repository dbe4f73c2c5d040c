// First: installs fake-indexeddb before Dexie is loaded.
import {
  asTechnician,
  createCustomerAndDevice,
  expectOk,
  failingWritesOn,
  openTestDatabase,
  setupOutboxEntries,
} from '../db/testDatabase';
import { describe, expect, it } from 'vitest';
import { storeAttachment } from '../../renderer/src/db/attachments';
import type { FixlineDatabase } from '../../renderer/src/db/database';
import { saveIntake } from '../../renderer/src/intake/saveIntake';
import { makeIntakeInput } from '../factories/intake';

async function storedReceipt(db: FixlineDatabase, text = 'order 771') {
  const stored = expectOk(
    await storeAttachment(db, new Blob([`%PDF-1.4 ${text}`], { type: 'application/pdf' })),
  );
  return {
    kind: 'receipt' as const,
    sha256: stored.attachment.sha256,
    fileName: 'receipt.pdf',
    mediaType: 'application/pdf',
    sizeBytes: stored.attachment.sizeBytes,
    capturedAt: '2026-05-04T02:10:00.000Z',
  };
}

async function rowCounts(db: FixlineDatabase) {
  return {
    customers: await db.customers.count(),
    devices: await db.devices.count(),
    claims: await db.claims.count(),
    evidence: await db.evidence.count(),
    outbox: await db.outbox.count(),
    sequences: await db.sequences.count(),
  };
}

describe('saveIntake', () => {
  it('stores a new customer, their new device, the claim and its evidence, linked together', async () => {
    const { db, repositories } = await openTestDatabase();
    const receipt = await storedReceipt(db);

    const saved = expectOk(
      await saveIntake(repositories, makeIntakeInput({ evidence: [receipt] }), asTechnician),
    );

    expect(saved.claim.rmaNumber).toBe('RMA-JKT1-000001');
    expect(saved.claim.status).toBe('intake');
    const customer = await repositories.customers.get(saved.customerId);
    const device = await repositories.devices.get(saved.deviceId);
    expect(customer?.name).toBe('Budi Santoso');
    expect(device).toMatchObject({ customerId: saved.customerId, serial: 'KT3-2026-009001' });
    expect(await repositories.claims.get(saved.claim.id)).toMatchObject({
      customerId: saved.customerId,
      deviceId: saved.deviceId,
      defect: { what: 'Does not charge', since: 'last week' },
    });
    const evidence = await db.evidence.where('claimId').equals(saved.claim.id).toArray();
    expect(evidence).toEqual([
      expect.objectContaining({ ...receipt, capturedBy: asTechnician.actor }),
    ]);
    // Each record with its audit event.
    expect(await db.auditEvents.count()).toBe(4);
    // One outbox entry with every row, so the intake syncs whole or not at all.
    const entry = await db.outbox.get(setupOutboxEntries + 1);
    expect(await db.outbox.count()).toBe(setupOutboxEntries + 1);
    expect(new Set(entry?.rows.map((row) => row.table))).toEqual(
      new Set(['customers', 'devices', 'claims', 'evidence', 'auditEvents']),
    );
  });

  it('reuses an existing customer and device, writing only the claim', async () => {
    const { db, repositories } = await openTestDatabase();
    const { customerId, deviceId } = await createCustomerAndDevice(repositories);
    const before = await rowCounts(db);

    const saved = expectOk(
      await saveIntake(
        repositories,
        makeIntakeInput({
          customer: { kind: 'existing', id: customerId },
          device: { kind: 'existing', id: deviceId },
        }),
        asTechnician,
      ),
    );

    expect(saved).toMatchObject({ customerId, deviceId });
    const after = await rowCounts(db);
    expect(after).toEqual({ ...before, claims: 1, outbox: before.outbox + 1, sequences: 2 });
  });

  it('stores nothing when a later step is refused, and says which step and file', async () => {
    const { db, repositories } = await openTestDatabase();
    const receipt = await storedReceipt(db);
    const missingFile = { ...receipt, sha256: 'f'.repeat(64), fileName: 'lost.pdf' };
    const before = await rowCounts(db);

    const result = await saveIntake(
      repositories,
      makeIntakeInput({ evidence: [receipt, missingFile] }),
      asTechnician,
    );

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({
      step: 'evidence',
      evidenceIndex: 1,
      code: 'attachment-missing',
      field: 'sha256',
    });
    // The customer, device, claim and first file written before the refusal are rolled back,
    // and the RMA number is not used up.
    expect(await rowCounts(db)).toEqual(before);
    expectOk(await saveIntake(repositories, makeIntakeInput(), asTechnician));
    expect((await db.claims.toArray()).map((claim) => claim.rmaNumber)).toEqual([
      'RMA-JKT1-000001',
    ]);
  });

  it('removes the form’s draft in the transaction that stores the claim', async () => {
    const { repositories } = await openTestDatabase();
    expectOk(await repositories.drafts.save('intake/tech-1', { customer: { name: 'Budi' } }));
    expectOk(await repositories.drafts.save('intake/tech-2', { customer: { name: 'Other' } }));

    expectOk(
      await saveIntake(repositories, makeIntakeInput({ draftKey: 'intake/tech-1' }), asTechnician),
    );

    expect(await repositories.drafts.get('intake/tech-1')).toBeUndefined();
    expect(await repositories.drafts.get('intake/tech-2')).toBeDefined();
  });

  it('keeps the draft when the claim cannot be stored, so nothing is saved twice or lost', async () => {
    const { db, repositories } = await openTestDatabase();
    expectOk(await repositories.drafts.save('intake/tech-1', { customer: { name: 'Budi' } }));
    // The outbox entry is the operation's last write: the disk fills up after the draft went.
    db.close({ disableAutoOpen: false });
    db.use(failingWritesOn('outbox'));

    const result = await saveIntake(
      repositories,
      makeIntakeInput({ draftKey: 'intake/tech-1' }),
      asTechnician,
    );

    expect(result).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    expect(await db.claims.count()).toBe(0);
    expect(await repositories.drafts.get('intake/tech-1')).toBeDefined();
  });

  it('refuses a claim field the domain refuses, naming the claim step and the field', async () => {
    const { db, repositories } = await openTestDatabase();
    const input = makeIntakeInput();
    const result = await saveIntake(
      repositories,
      {
        ...input,
        claim: {
          ...input.claim,
          purchase: { ...input.claim.purchase, shopLink: 'ftp://shop.example/1' },
        },
      },
      asTechnician,
    );

    expect(!result.ok && result.error).toMatchObject({
      step: 'claim',
      code: 'invalid-input',
      field: 'purchase.shopLink',
    });
    expect(await db.customers.count()).toBe(0);
    expect(await db.devices.count()).toBe(0);
  });

  it('refuses a device with a mistyped IMEI before anything is stored', async () => {
    const { db, repositories } = await openTestDatabase();
    const result = await saveIntake(
      repositories,
      makeIntakeInput({
        device: {
          kind: 'new',
          device: { model: 'KOSPET Tank T3', category: 'smartwatch', imei: '490154203237519' },
        },
      }),
      asTechnician,
    );
    expect(!result.ok && result.error).toMatchObject({
      step: 'device',
      field: 'imei',
      message: expect.stringContaining('Luhn'),
    });
    expect(await db.customers.count()).toBe(0);
  });
});
