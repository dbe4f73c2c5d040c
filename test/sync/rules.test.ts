import { describe, expect, it } from 'vitest';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import { allowedTransitions, claimStatusSchema } from '#shared/domain/claimWorkflow';
import type { RecordId } from '#shared/domain/primitives';
import type { RuleLookups, SkuHolder, TransitionIntent } from '#shared/sync/rules';
import {
  checkClaimTransition,
  checkRowRules,
  checkNewQuoteRevision,
  checkNoteChange,
  checkPartSkus,
  checkQuoteChange,
  checkQuoteLineChange,
  checkQuoteRevisable,
  checkTransitionIntent,
} from '#shared/sync/rules';
import {
  makeClaim,
  makeNote,
  makeQuote,
  makeQuoteLine,
  nextId,
  technicianId,
} from '../factories/domain';

const sentAt = '2026-05-05T01:00:00.000Z';
const answeredAt = '2026-05-06T01:00:00.000Z';

describe('a sent quote', () => {
  const sent = makeQuote({ status: 'sent', sentAt });

  it('takes the customer’s answer', () => {
    expect(checkQuoteChange(sent, { ...sent, status: 'approved', answeredAt }).ok).toBe(true);
    expect(checkQuoteChange(sent, { ...sent, status: 'declined', answeredAt }).ok).toBe(true);
  });

  it('refuses any other change, naming the quote', () => {
    expect(checkQuoteChange(sent, { ...sent, validUntil: '2026-07-01' })).toEqual({
      ok: false,
      error: {
        code: 'quote-sent',
        table: 'quotes',
        id: sent.id,
        field: 'status',
        message:
          'Quote revision 1 was sent: it no longer changes except to record the customer’s answer. Make a new revision instead.',
      },
    });
  });

  it('refuses an answer that changes what the customer saw', () => {
    const answer = { ...sent, status: 'approved' as const, answeredAt, currency: 'IDR' };
    expect(checkQuoteChange(sent, answer)).toMatchObject({
      ok: false,
      error: { code: 'quote-sent' },
    });
  });

  it('refuses its deletion', () => {
    const deleted = { ...sent, deletedAt: answeredAt };
    expect(checkQuoteChange(sent, deleted)).toMatchObject({
      ok: false,
      error: { code: 'quote-sent' },
    });
  });

  it('refuses a second answer once answered', () => {
    const approved = { ...sent, status: 'approved' as const, answeredAt };
    expect(checkQuoteChange(approved, { ...approved, status: 'declined' })).toMatchObject({
      ok: false,
      error: { code: 'quote-sent' },
    });
  });

  it('passes a change that leaves it as it is', () => {
    expect(checkQuoteChange(sent, { ...sent }).ok).toBe(true);
  });

  it('leaves a draft free to change, and a new quote', () => {
    const draft = makeQuote();
    expect(checkQuoteChange(draft, { ...draft, validUntil: '2026-07-01' }).ok).toBe(true);
    expect(checkQuoteChange(undefined, draft).ok).toBe(true);
  });

  it('keeps its lines as they were sent', () => {
    const lineId = nextId();
    expect(checkQuoteLineChange(sent, lineId)).toEqual({
      ok: false,
      error: {
        code: 'quote-sent',
        table: 'quoteLines',
        id: lineId,
        field: 'quoteId',
        message:
          'Quote revision 1 was sent: its lines no longer change. Make a new revision instead.',
      },
    });
    expect(checkQuoteLineChange(makeQuote()).ok).toBe(true);
    expect(checkQuoteLineChange(undefined).ok).toBe(true);
  });
});

describe('a quote revision', () => {
  const claimId = nextId();
  const first = makeQuote({ claimId, status: 'sent', sentAt });
  const second = makeQuote({ claimId, revision: 2 });

  it('is made from the latest quote only', () => {
    expect(checkQuoteRevisable(second, second).ok).toBe(true);
    expect(checkQuoteRevisable(first, undefined).ok).toBe(true);
    expect(checkQuoteRevisable(first, second)).toEqual({
      ok: false,
      error: {
        code: 'quote-not-latest',
        table: 'quotes',
        id: first.id,
        field: 'revision',
        message: 'Revision 2 already follows revision 1: revise the latest one.',
      },
    });
  });

  it('arriving at the server after another revision of the same quote is refused', () => {
    const otherSecond = makeQuote({ claimId, revision: 2 });
    expect(checkNewQuoteRevision(otherSecond, second)).toMatchObject({
      ok: false,
      error: {
        code: 'quote-not-latest',
        id: otherSecond.id,
        message: 'Revision 2 already follows revision 1: revise the latest one.',
      },
    });
    expect(checkNewQuoteRevision(second, first).ok).toBe(true);
    expect(checkNewQuoteRevision(first, undefined).ok).toBe(true);
  });
});

describe('a note', () => {
  const note = makeNote({ author: technicianId });

  it('is changed by its author only', () => {
    expect(checkNoteChange(note, technicianId).ok).toBe(true);
    expect(checkNoteChange(note, nextId())).toEqual({
      ok: false,
      error: {
        code: 'not-author',
        table: 'notes',
        id: note.id,
        field: 'author',
        message:
          'Only the author of a note may change or delete it: add a note of your own instead.',
      },
    });
  });

  it('is added by anyone', () => {
    expect(checkNoteChange(undefined, nextId()).ok).toBe(true);
  });
});

describe('part SKUs', () => {
  const holder: SkuHolder = { id: nextId(), sku: 'LCD-T3', name: 'Display assembly' };
  const lookup =
    (...holders: SkuHolder[]) =>
    (sku: string, exceptId: RecordId) =>
      holders.find((part) => part.sku === sku && part.id !== exceptId);

  it('refuses a SKU another live part holds, naming that part', () => {
    const part = { id: nextId(), sku: 'LCD-T3' };
    expect(checkPartSkus([part], lookup(holder))).toEqual({
      ok: false,
      error: {
        code: 'sku-taken',
        table: 'partsCatalog',
        id: part.id,
        field: 'sku',
        message:
          'sku: the part "Display assembly" already has the SKU LCD-T3; choose another SKU or edit that part.',
      },
    });
  });

  it('lets a part keep its own SKU', () => {
    expect(checkPartSkus([{ id: holder.id, sku: holder.sku }], lookup(holder)).ok).toBe(true);
  });

  it('refuses one SKU given to two parts at once', () => {
    const parts = [
      { id: nextId(), sku: 'BAT-T3' },
      { id: nextId(), sku: 'BAT-T3' },
    ];
    expect(checkPartSkus(parts, lookup())).toMatchObject({
      ok: false,
      error: {
        code: 'sku-taken',
        message: 'sku: BAT-T3 is given to two parts at once; keep one of them.',
      },
    });
  });

  it('lets a deleted part hold a SKU another has', () => {
    const deleted = { id: nextId(), sku: 'LCD-T3', deletedAt: sentAt };
    expect(checkPartSkus([deleted], lookup(holder)).ok).toBe(true);
  });
});

describe('a transition intent', () => {
  const intent = (from: ClaimStatus, to: ClaimStatus): TransitionIntent => ({
    kind: 'transition',
    claimId: nextId(),
    from,
    to,
  });

  it('is judged from the claim’s current status, not the one the station saw', () => {
    // Another station moved the claim on meanwhile; cancelling is still allowed from there.
    expect(checkTransitionIntent('awaiting-authorization', intent('intake', 'cancelled')).ok).toBe(
      true,
    );
    const late = intent('awaiting-authorization', 'authorized');
    expect(checkTransitionIntent('cancelled', late)).toEqual({
      ok: false,
      error: {
        code: 'transition-not-allowed',
        table: 'claims',
        id: late.claimId,
        field: 'status',
        message:
          'A claim cannot go from "cancelled" to "authorized". From "cancelled" it can go to nowhere: it is final.',
      },
    });
  });

  it('passes when the claim is already where it goes (two stations made the same move)', () => {
    expect(checkTransitionIntent('inspected', intent('received', 'inspected')).ok).toBe(true);
  });

  it('allows exactly the workflow’s steps, and staying', () => {
    for (const from of claimStatusSchema.options) {
      for (const to of claimStatusSchema.options) {
        const expected = to === from || allowedTransitions(from).includes(to);
        expect(checkTransitionIntent(from, intent(from, to)).ok, `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it('refuses resolving a claim with no remedy, which the claim row tells', () => {
    const claim = makeClaim({ status: 'inspected' });
    expect(checkClaimTransition(claim, intent('inspected', 'resolved'))).toMatchObject({
      ok: false,
      error: { code: 'transition-not-allowed', field: 'status' },
    });
    const withRemedy = makeClaim({ status: 'inspected', remedy: 'warranty-repair' });
    expect(checkClaimTransition(withRemedy, intent('inspected', 'resolved')).ok).toBe(true);
  });

  it('resolves a claim at intake only by a referral to the seller', () => {
    const referral = makeClaim({ status: 'intake', remedy: 'refer-to-seller' });
    expect(checkClaimTransition(referral, intent('intake', 'resolved')).ok).toBe(true);
    const repair = makeClaim({ status: 'intake', remedy: 'warranty-repair' });
    expect(checkClaimTransition(repair, intent('intake', 'resolved')).ok).toBe(false);
  });

  it('takes the guards that need other records as met, unless it is given them', () => {
    const claim = makeClaim({ status: 'received' });
    expect(checkClaimTransition(claim, intent('received', 'inspected')).ok).toBe(true);
    const none = { evidence: [], inspections: [], quotes: [] };
    expect(checkClaimTransition(claim, intent('received', 'inspected'), none)).toMatchObject({
      ok: false,
      error: {
        code: 'transition-not-allowed',
        message: 'Record the inspection before marking the claim inspected (B15).',
      },
    });
  });
});

describe('the rules of a row change, by table', () => {
  const nothingElse: RuleLookups = {
    quote: () => undefined,
    latestQuote: () => undefined,
    skuTaken: () => undefined,
    rmaNumberTaken: () => undefined,
  };

  it('judge a quote change by what was sent', async () => {
    const sent = makeQuote({ status: 'sent', sentAt });
    const result = await checkRowRules(
      'quotes',
      sent,
      { ...sent, currency: 'IDR' },
      technicianId,
      nothingElse,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'quote-sent' } });
  });

  it('judge a new quote against the claim’s latest revision', async () => {
    const latest = makeQuote({ revision: 2, status: 'sent', sentAt });
    const created = makeQuote({ claimId: latest.claimId, revision: 2 });
    const lookups = { ...nothingElse, latestQuote: () => Promise.resolve(latest) };
    const result = await checkRowRules('quotes', undefined, created, technicianId, lookups);
    expect(result).toMatchObject({ ok: false, error: { code: 'quote-not-latest' } });
  });

  it('judge a quote line by its quote', async () => {
    const sent = makeQuote({ status: 'sent', sentAt });
    const line = makeQuoteLine({ quoteId: sent.id });
    const lookups = {
      ...nothingElse,
      quote: (id: RecordId) => (id === sent.id ? sent : undefined),
    };
    const result = await checkRowRules('quoteLines', undefined, line, technicianId, lookups);
    expect(result).toMatchObject({ ok: false, error: { code: 'quote-sent', id: line.id } });
  });

  it('judge a note by who changes it', async () => {
    const note = makeNote({ author: technicianId });
    const edited = { ...note, body: 'Changed' };
    expect((await checkRowRules('notes', note, edited, technicianId, nothingElse)).ok).toBe(true);
    expect(await checkRowRules('notes', note, edited, nextId(), nothingElse)).toMatchObject({
      ok: false,
      error: { code: 'not-author' },
    });
  });

  it('judge a part by who holds its SKU, unless it is deleted', async () => {
    const part = {
      id: nextId(),
      sku: 'LCD-T3',
      name: 'Display',
      unitPrice: 1,
      compatibleModels: [],
    };
    const holder = { id: nextId(), sku: 'LCD-T3', name: 'Display assembly' };
    const lookups = { ...nothingElse, skuTaken: () => Promise.resolve(holder) };
    expect(
      await checkRowRules('partsCatalog', undefined, part, technicianId, lookups),
    ).toMatchObject({ ok: false, error: { code: 'sku-taken' } });
    const deleted = { ...part, deletedAt: sentAt };
    expect((await checkRowRules('partsCatalog', part, deleted, technicianId, lookups)).ok).toBe(
      true,
    );
  });

  it('judge a new RMA number by the claim that holds it, and leave the claim’s edits alone', async () => {
    const claim = makeClaim();
    const holder = { id: nextId(), rmaNumber: claim.rmaNumber };
    const lookups = { ...nothingElse, rmaNumberTaken: () => Promise.resolve(holder) };
    expect(await checkRowRules('claims', undefined, claim, technicianId, lookups)).toMatchObject({
      ok: false,
      error: { code: 'rma-number-taken', table: 'claims', id: claim.id, field: 'rmaNumber' },
    });
    const edited = { ...claim, stepsTried: 'Charged it overnight.' };
    expect((await checkRowRules('claims', claim, edited, technicianId, lookups)).ok).toBe(true);
    expect((await checkRowRules('claims', undefined, claim, technicianId, nothingElse)).ok).toBe(
      true,
    );
  });
});
