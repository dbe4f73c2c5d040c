import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../renderer/src/db/repositories';
import { money } from '#shared/domain/primitives';
import {
  makeClaimDraft,
  makeConvertedPriceDifference,
  makeQuote,
  makeQuoteLine,
} from '../factories/domain';
import {
  asTechnician,
  createCustomerAndDevice,
  expectOk,
  openTestDatabase,
} from '../db/testDatabase';

async function draftQuoteWithLine(repositories: Repositories) {
  const { customerId, deviceId } = await createCustomerAndDevice(repositories);
  const claimDraft = makeClaimDraft({ customerId, deviceId });
  const claim = expectOk(await repositories.claims.create(claimDraft, asTechnician));
  const { id: _quoteId, ...quoteDraft } = makeQuote({ claimId: claim.id });
  const quote = expectOk(await repositories.quotes.create(quoteDraft, asTechnician));
  const { id: _lineId, ...lineDraft } = makeQuoteLine({ quoteId: quote.id });
  const line = expectOk(await repositories.quoteLines.create(lineDraft, asTechnician));
  return { claim, quote, line };
}

describe('the quote repository', () => {
  it('refuses to send a quote that has no lines', async () => {
    const { repositories } = await openTestDatabase();
    const { quote, line } = await draftQuoteWithLine(repositories);
    expectOk(await repositories.quoteLines.remove(line.id, asTechnician));

    const result = await repositories.quotes.send(quote.id, asTechnician);

    expect(result).toMatchObject({ ok: false, error: { field: 'lines' } });
  });

  it('refuses any change to a sent quote other than the customer’s answer', async () => {
    const { repositories } = await openTestDatabase();
    const { quote } = await draftQuoteWithLine(repositories);
    const sent = expectOk(await repositories.quotes.send(quote.id, asTechnician));
    expect(sent.sentAt).toBeDefined();

    const moved = await repositories.quotes.update(
      quote.id,
      { validUntil: '2026-07-01' },
      asTechnician,
    );
    const backToDraft = await repositories.quotes.update(
      quote.id,
      { status: 'draft', sentAt: undefined },
      asTechnician,
    );
    const deleted = await repositories.quotes.remove(quote.id, asTechnician);

    for (const result of [moved, backToDraft, deleted]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'quote-not-editable' } });
    }
  });

  it('records the customer’s answer once, then locks the quote', async () => {
    const { repositories } = await openTestDatabase();
    const { quote } = await draftQuoteWithLine(repositories);
    expectOk(await repositories.quotes.send(quote.id, asTechnician));
    const answer = {
      status: 'approved',
      customerAnswer: 'Go ahead, by phone.',
      answeredAt: '2026-05-06T03:00:00.000Z',
    } as const;

    const approved = expectOk(await repositories.quotes.answer(quote.id, answer, asTechnician));
    const again = await repositories.quotes.answer(
      quote.id,
      { ...answer, status: 'declined' },
      asTechnician,
    );

    expect(approved).toMatchObject(answer);
    expect(again).toMatchObject({ ok: false, error: { code: 'quote-not-editable' } });
  });

  it('revises a sent quote into a new draft with copies of its lines, leaving the sent one as it was', async () => {
    const { db, repositories } = await openTestDatabase();
    const { quote, line } = await draftQuoteWithLine(repositories);
    const sent = expectOk(await repositories.quotes.send(quote.id, asTechnician));

    const revision = expectOk(
      await repositories.quotes.revise(quote.id, '2026-06-20', asTechnician),
    );

    expect(revision).toMatchObject({ revision: 2, status: 'draft', validUntil: '2026-06-20' });
    const copies = await db.quoteLines.where('quoteId').equals(revision.id).toArray();
    expect(
      copies.map(({ description, quantity, unitPrice, kind }) => ({
        description,
        quantity,
        unitPrice,
        kind,
      })),
    ).toEqual([
      {
        description: line.description,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        kind: line.kind,
      },
    ]);
    expect(copies[0]?.id).not.toBe(line.id);
    expect(await db.quotes.get(quote.id)).toMatchObject({ status: 'sent', sentAt: sent.sentAt });
  });

  it('keeps a generated line’s code and a converted line’s source and rate, in revisions too', async () => {
    const { db, repositories } = await openTestDatabase();
    const { quote, line } = await draftQuoteWithLine(repositories);
    expectOk(await repositories.quoteLines.remove(line.id, asTechnician));
    const { id: _id, ...converted } = makeConvertedPriceDifference({ quoteId: quote.id });
    expectOk(await repositories.quoteLines.create(converted, asTechnician));
    expectOk(await repositories.quotes.send(quote.id, asTechnician));

    const revision = expectOk(
      await repositories.quotes.revise(quote.id, '2026-06-20', asTechnician),
    );

    for (const quoteId of [quote.id, revision.id]) {
      const [stored] = await db.quoteLines
        .where('quoteId')
        .equals(quoteId)
        .filter((row) => row.deletedAt === undefined)
        .toArray();
      expect(stored).toMatchObject({
        wording: { code: 'charge', charge: 'price-difference' },
        unitPrice: money(325_000, 'IDR'),
        conversion: { source: money(2000, 'USD'), rate: '16250' },
      });
    }
  });

  it('refuses to revise a draft or an older revision', async () => {
    const { repositories } = await openTestDatabase();
    const { quote } = await draftQuoteWithLine(repositories);

    const ofDraft = await repositories.quotes.revise(quote.id, '2026-06-20', asTechnician);
    expectOk(await repositories.quotes.send(quote.id, asTechnician));
    expectOk(await repositories.quotes.revise(quote.id, '2026-06-20', asTechnician));
    const ofOlder = await repositories.quotes.revise(quote.id, '2026-06-21', asTechnician);

    expect(ofDraft).toMatchObject({ ok: false, error: { field: 'status' } });
    expect(ofOlder).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('the parts catalog repository', () => {
  const part = {
    sku: 'KT3-BAT',
    name: 'Battery kit',
    unitPrice: money(2600, 'USD'),
    compatibleModels: ['KOSPET Tank T3'],
  };

  it('refuses a second live part with the same SKU, and takes it again once the first is deleted', async () => {
    const { repositories } = await openTestDatabase();
    const first = expectOk(await repositories.partsCatalog.create(part, asTechnician));

    const twin = await repositories.partsCatalog.create({ ...part, name: 'Other' }, asTechnician);
    expectOk(await repositories.partsCatalog.remove(first.id, asTechnician));
    const after = await repositories.partsCatalog.create({ ...part, name: 'Other' }, asTechnician);

    expect(twin).toMatchObject({ ok: false, error: { code: 'conflict', field: 'sku' } });
    expect(after.ok).toBe(true);
  });

  it('lets a part keep its own SKU when it is edited', async () => {
    const { repositories } = await openTestDatabase();
    const stored = expectOk(await repositories.partsCatalog.create(part, asTechnician));

    const edited = await repositories.partsCatalog.update(
      stored.id,
      { unitPrice: money(2800, 'USD') },
      asTechnician,
    );

    expect(edited).toMatchObject({
      ok: true,
      value: { sku: 'KT3-BAT', unitPrice: { amount: 2800 } },
    });
  });
});
