import './testDatabase';
import { describe, expect, it } from 'vitest';
import { parseRmaNumber } from '#shared/domain/claim';
import type { ClaimDraft, Repositories } from '../../renderer/src/db/repositories';
import { makeClaimDraft } from '../factories/domain';
import { asTechnician, createCustomerAndDevice, expectOk, openTestDatabase } from './testDatabase';

async function claimDraft(repositories: Repositories): Promise<ClaimDraft> {
  const { customerId, deviceId } = await createCustomerAndDevice(repositories);
  const draft = makeClaimDraft({ customerId, deviceId });
  return draft;
}

describe('RMA numbers', () => {
  it('numbers the first claim of a station 000001 under its station code', async () => {
    const { repositories } = await openTestDatabase('JKT1');
    const claim = expectOk(
      await repositories.claims.create(await claimDraft(repositories), asTechnician),
    );
    expect(claim.rmaNumber).toBe('RMA-JKT1-000001');
  });

  it('never gives two stations the same number', async () => {
    const jakarta = await openTestDatabase('JKT1');
    const surabaya = await openTestDatabase('SBY2');
    const numbers: string[] = [];
    for (const { repositories } of [jakarta, surabaya, jakarta, surabaya]) {
      const claim = expectOk(
        await repositories.claims.create(await claimDraft(repositories), asTechnician),
      );
      numbers.push(claim.rmaNumber);
    }
    expect(numbers).toEqual([
      'RMA-JKT1-000001',
      'RMA-SBY2-000001',
      'RMA-JKT1-000002',
      'RMA-SBY2-000002',
    ]);
  });

  it('gives 100 claims created at once 100 distinct numbers without gaps', async () => {
    const { repositories } = await openTestDatabase('JKT1');
    const draft = await claimDraft(repositories);

    const results = await Promise.all(
      Array.from({ length: 100 }, () => repositories.claims.create(draft, asTechnician)),
    );

    const sequences = results.map((result) => parseRmaNumber(expectOk(result).rmaNumber)?.sequence);
    expect([...sequences].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 100 }, (_, index) => index + 1),
    );
  });

  it('uses up no number for a claim that is refused', async () => {
    const { repositories } = await openTestDatabase('JKT1');
    const draft = await claimDraft(repositories);
    const refused = await repositories.claims.create(
      { ...draft, purchase: { ...draft.purchase, invoiceDate: '2026-13-01' } },
      asTechnician,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'purchase.invoiceDate' },
    });

    const claim = expectOk(await repositories.claims.create(draft, asTechnician));

    expect(claim.rmaNumber).toBe('RMA-JKT1-000001');
  });

  it('keeps the RMA number when the claim is edited', async () => {
    const { repositories } = await openTestDatabase('JKT1');
    const claim = expectOk(
      await repositories.claims.create(await claimDraft(repositories), asTechnician),
    );
    const edited = expectOk(
      await repositories.claims.update(
        claim.id,
        { stepsTried: 'Tried a second charger.' },
        asTechnician,
      ),
    );
    expect(edited.rmaNumber).toBe(claim.rmaNumber);
  });
});
