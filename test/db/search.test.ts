import './testDatabase';
import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../renderer/src/db/repositories';
import { findClaimsByScan, findClaimsByStatus, findCustomers } from '../../renderer/src/db/search';
import { makeClaim, makeCustomer } from '../factories/domain';
import { asTechnician, createCustomerAndDevice, expectOk, openTestDatabase } from './testDatabase';

async function openClaimFor(
  repositories: Repositories,
  device: { serial?: string; imei?: string },
  orderNumber = 'KS-20260401-7781',
) {
  const { customerId, deviceId } = await createCustomerAndDevice(repositories, device);
  const {
    id: _id,
    rmaNumber: _rma,
    status: _status,
    createdAt: _created,
    updatedAt: _updated,
    purchase,
    ...draft
  } = makeClaim({ customerId, deviceId });
  return expectOk(
    await repositories.claims.create(
      { ...draft, purchase: { ...purchase, orderNumber } },
      asTechnician,
    ),
  );
}

async function addCustomer(
  repositories: Repositories,
  name: string,
  phone: string,
  email?: string,
) {
  const { id: _id, email: _email, ...draft } = makeCustomer({ name, phone });
  return expectOk(
    await repositories.customers.create(
      { ...draft, ...(email === undefined ? {} : { email }) },
      asTechnician,
    ),
  );
}

describe('finding claims by a scanned code', () => {
  it('finds the claims of a device by its serial number', async () => {
    const { db, repositories } = await openTestDatabase();
    const claim = await openClaimFor(repositories, { serial: 'KT3-2026-000173' });
    await openClaimFor(repositories, { serial: 'KT3-2026-000999' }, 'KS-OTHER');
    expect((await findClaimsByScan(db, 'KT3-2026-000173')).map((found) => found.id)).toEqual([
      claim.id,
    ]);
  });

  it('finds a serial number typed in lower case', async () => {
    const { db, repositories } = await openTestDatabase();
    const claim = await openClaimFor(repositories, { serial: 'KT3-2026-000173' });
    expect((await findClaimsByScan(db, ' kt3-2026-000173 ')).map((found) => found.id)).toEqual([
      claim.id,
    ]);
  });

  it('finds the claims of a device by its IMEI', async () => {
    const { db, repositories } = await openTestDatabase();
    const claim = await openClaimFor(repositories, { imei: '490154203237518' });
    expect((await findClaimsByScan(db, '490154203237518')).map((found) => found.id)).toEqual([
      claim.id,
    ]);
  });

  it('finds a claim by its RMA number, in any letter case', async () => {
    const { db, repositories } = await openTestDatabase();
    await openClaimFor(repositories, { serial: 'A-1' }, 'KS-1');
    const second = await openClaimFor(repositories, { serial: 'A-2' }, 'KS-2');
    expect((await findClaimsByScan(db, 'rma-jkt1-000002')).map((found) => found.id)).toEqual([
      second.id,
    ]);
  });

  it('finds the claims of an order by its order number', async () => {
    const { db, repositories } = await openTestDatabase();
    const claim = await openClaimFor(repositories, { serial: 'A-1' }, 'KS-20260401-7781');
    expect((await findClaimsByScan(db, 'KS-20260401-7781')).map((found) => found.id)).toEqual([
      claim.id,
    ]);
  });

  it('lists several claims of one device newest first', async () => {
    const { db, repositories } = await openTestDatabase();
    const first = await openClaimFor(repositories, { serial: 'KT3-1' });
    const second = await openClaimFor(repositories, { serial: 'KT3-1' });
    expect((await findClaimsByScan(db, 'KT3-1')).map((found) => found.id)).toEqual([
      second.id,
      first.id,
    ]);
  });

  it('leaves deleted claims out', async () => {
    const { db, repositories } = await openTestDatabase();
    const claim = await openClaimFor(repositories, { serial: 'KT3-1' });
    expectOk(await repositories.claims.remove(claim.id, asTechnician));
    expect(await findClaimsByScan(db, 'KT3-1')).toEqual([]);
    expect(await findClaimsByScan(db, claim.rmaNumber)).toEqual([]);
  });

  it('finds nothing for an unknown code', async () => {
    const { db, repositories } = await openTestDatabase();
    await openClaimFor(repositories, { serial: 'KT3-1' });
    expect(await findClaimsByScan(db, 'NOPE-404')).toEqual([]);
  });
});

describe('finding customers', () => {
  it('finds a customer by the start of the phone number as stored', async () => {
    const { db, repositories } = await openTestDatabase();
    const siti = await addCustomer(repositories, 'Siti Rahmawati', '+62 812-3456-7890');
    await addCustomer(repositories, 'Budi Santoso', '+62 857 1111 2222');
    expect((await findCustomers(db, '+62 812')).map((found) => found.id)).toEqual([siti.id]);
  });

  it('finds an international number by its national form with a leading zero', async () => {
    const { db, repositories } = await openTestDatabase();
    const siti = await addCustomer(repositories, 'Siti Rahmawati', '+62 812-3456-7890');
    expect((await findCustomers(db, '0812 3456')).map((found) => found.id)).toEqual([siti.id]);
  });

  it('needs at least four digits to search by phone', async () => {
    const { db, repositories } = await openTestDatabase();
    await addCustomer(repositories, 'Siti Rahmawati', '+62 812-3456-7890');
    expect(await findCustomers(db, '081')).toEqual([]);
  });

  it('finds a customer by the start of any word of the name, ignoring case and accents', async () => {
    const { db, repositories } = await openTestDatabase();
    const desiree = await addCustomer(repositories, 'Désirée Wijaya', '+62 811 0000 001');
    await addCustomer(repositories, 'Budi Santoso', '+62 857 1111 2222');
    expect((await findCustomers(db, 'desi')).map((found) => found.id)).toEqual([desiree.id]);
    expect((await findCustomers(db, 'WIJ')).map((found) => found.id)).toEqual([desiree.id]);
  });

  it('matches every word typed against the name', async () => {
    const { db, repositories } = await openTestDatabase();
    const rahmawati = await addCustomer(repositories, 'Siti Rahmawati', '+62 812 3456 7890');
    await addCustomer(repositories, 'Siti Nurhaliza', '+62 813 3456 7890');
    expect((await findCustomers(db, 'siti rah')).map((found) => found.id)).toEqual([rahmawati.id]);
  });

  it('finds a customer by the start of the email address', async () => {
    const { db, repositories } = await openTestDatabase();
    const siti = await addCustomer(
      repositories,
      'Siti Rahmawati',
      '+62 812 3456 7890',
      'siti@example.com',
    );
    expect((await findCustomers(db, 'SITI@ex')).map((found) => found.id)).toEqual([siti.id]);
  });

  it('leaves deleted customers out', async () => {
    const { db, repositories } = await openTestDatabase();
    const siti = await addCustomer(repositories, 'Siti Rahmawati', '+62 812 3456 7890');
    expectOk(await repositories.customers.remove(siti.id, asTechnician));
    expect(await findCustomers(db, 'siti')).toEqual([]);
  });
});

describe('finding claims by status', () => {
  it('lists the claims of a status oldest first', async () => {
    const { db, repositories } = await openTestDatabase();
    const older = await openClaimFor(repositories, { serial: 'A-1' });
    const moved = await openClaimFor(repositories, { serial: 'A-2' });
    const newer = await openClaimFor(repositories, { serial: 'A-3' });
    expectOk(await repositories.claims.transition(moved.id, 'cancelled', asTechnician));
    expect((await findClaimsByStatus(db, 'intake')).map((found) => found.id)).toEqual([
      older.id,
      newer.id,
    ]);
  });
});
