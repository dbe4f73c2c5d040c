import './testDatabase';
import { describe, expect, it } from 'vitest';
import { money } from '#shared/domain/primitives';
import {
  checkNoteChange,
  checkPartSkus,
  checkQuoteChange,
  checkQuoteRevisable,
} from '#shared/sync/rules';
import type { Repositories } from '../../renderer/src/db/repositories';
import { makeClaimDraft, makeQuote, makeQuoteLine, nextId } from '../factories/domain';
import { asTechnician, createCustomerAndDevice, expectOk, openTestDatabase } from './testDatabase';

/** The message of a broken shared rule, which the repository's refusal must repeat. */
function messageOf(result: {
  readonly ok: boolean;
  readonly error?: { readonly message: string };
}) {
  if (result.ok || result.error === undefined) throw new Error('expected the rule to be broken');
  return result.error.message;
}

async function sentQuote(repositories: Repositories) {
  const { customerId, deviceId } = await createCustomerAndDevice(repositories);
  const claim = expectOk(
    await repositories.claims.create(makeClaimDraft({ customerId, deviceId }), asTechnician),
  );
  const { id: _quoteId, ...quoteDraft } = makeQuote({ claimId: claim.id });
  const quote = expectOk(await repositories.quotes.create(quoteDraft, asTechnician));
  const { id: _lineId, ...lineDraft } = makeQuoteLine({ quoteId: quote.id });
  expectOk(await repositories.quoteLines.create(lineDraft, asTechnician));
  return { claim, quote: expectOk(await repositories.quotes.send(quote.id, asTechnician)) };
}

describe('the repositories refuse by the rules the sync server runs', () => {
  it('with the same words for a change to a sent quote', async () => {
    const { repositories } = await openTestDatabase();
    const { quote } = await sentQuote(repositories);

    const result = await repositories.quotes.update(
      quote.id,
      { validUntil: '2026-07-01' },
      asTechnician,
    );

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'quote-not-editable',
        field: 'status',
        message: messageOf(checkQuoteChange(quote, { ...quote, validUntil: '2026-07-01' })),
      },
    });
  });

  it('with the same words for a revision of an older quote', async () => {
    const { repositories } = await openTestDatabase();
    const { quote } = await sentQuote(repositories);
    const second = expectOk(await repositories.quotes.revise(quote.id, '2026-06-20', asTechnician));

    const result = await repositories.quotes.revise(quote.id, '2026-06-21', asTechnician);

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        field: 'revision',
        message: messageOf(checkQuoteRevisable(quote, second)),
      },
    });
  });

  it('with the same words for a note changed by someone else', async () => {
    const { repositories } = await openTestDatabase();
    const { claim } = await sentQuote(repositories);
    const note = expectOk(
      await repositories.notes.create(
        {
          claimId: claim.id,
          body: 'Calls back Friday.',
          author: asTechnician.actor,
          at: claim.createdAt,
        },
        asTechnician,
      ),
    );
    const someoneElse = nextId();

    const result = await repositories.notes.remove(note.id, { actor: someoneElse });

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not-author',
        field: 'author',
        message: messageOf(checkNoteChange(note, someoneElse)),
      },
    });
  });

  it('with the same words for a SKU another part holds', async () => {
    const { repositories } = await openTestDatabase();
    const part = {
      sku: 'LCD-T3',
      name: 'Display assembly',
      unitPrice: money(4_500, 'USD'),
      compatibleModels: [],
    };
    const first = expectOk(await repositories.partsCatalog.create(part, asTechnician));

    const result = await repositories.partsCatalog.create({ ...part, name: 'Other' }, asTechnician);

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        field: 'sku',
        message: messageOf(checkPartSkus([{ id: nextId(), sku: part.sku }], () => first)),
      },
    });
  });
});
