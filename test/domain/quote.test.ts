import { describe, expect, it } from 'vitest';
import { money } from '#shared/domain/primitives';
import type { QuoteLine, QuoteLineKind, QuoteTotals } from '#shared/domain/quote';
import {
  canEditQuote,
  latestQuote,
  quoteLineSchema,
  quoteSchema,
  quoteTotals,
  reviseQuote,
} from '#shared/domain/quote';
import type { Result } from '#shared/domain/result';
import { makeQuote, makeQuoteLine, nextId } from '../factories/domain';
import { expectRefusedField } from './schemaExpectations';

const sentAt = '2026-05-11T01:00:00.000Z';

/** The value of a result that must have succeeded; a refusal fails the test with its message. */
function unwrap<Value>(result: Result<Value, { readonly message: string }>): Value {
  if (!result.ok) throw new Error(`expected success, got: ${result.error.message}`);
  return result.value;
}
const answeredAt = '2026-05-12T01:00:00.000Z';

describe('quoteSchema', () => {
  it('accepts a draft', () => {
    expect(quoteSchema.safeParse(makeQuote()).success).toBe(true);
  });

  it('accepts an approved quote with its times and the answer', () => {
    const quote = makeQuote({ status: 'approved', sentAt, answeredAt, customerAnswer: 'OK' });
    expect(quoteSchema.safeParse(quote).success).toBe(true);
  });

  it('refuses revision zero', () => {
    expectRefusedField(quoteSchema, { ...makeQuote(), revision: 0 }, 'revision');
  });

  it('refuses a lower-case currency', () => {
    expectRefusedField(quoteSchema, { ...makeQuote(), currency: 'usd' }, 'currency');
  });

  it('refuses a sent quote without the time it was sent', () => {
    expectRefusedField(quoteSchema, makeQuote({ status: 'sent' }), 'sentAt');
  });

  it('refuses a draft that claims to have been sent', () => {
    expectRefusedField(quoteSchema, makeQuote({ status: 'draft', sentAt }), 'sentAt');
  });

  it('refuses a declined quote without the time of the answer', () => {
    expectRefusedField(quoteSchema, makeQuote({ status: 'declined', sentAt }), 'answeredAt');
  });
});

describe('quoteLineSchema', () => {
  it('accepts a part line', () => {
    expect(quoteLineSchema.safeParse(makeQuoteLine()).success).toBe(true);
  });

  it('refuses a quantity of zero', () => {
    expectRefusedField(quoteLineSchema, { ...makeQuoteLine(), quantity: 0 }, 'quantity');
  });

  it('refuses a fractional quantity', () => {
    expectRefusedField(quoteLineSchema, { ...makeQuoteLine(), quantity: 1.5 }, 'quantity');
  });

  it('refuses a negative unit price, since the kind gives the sign', () => {
    const unitPrice = { amount: -100, currency: 'USD' };
    expectRefusedField(quoteLineSchema, { ...makeQuoteLine(), unitPrice }, 'unitPrice.amount');
  });

  it('refuses an unknown kind', () => {
    expectRefusedField(quoteLineSchema, { ...makeQuoteLine(), kind: 'discount' }, 'kind');
  });
});

const line = (kind: QuoteLineKind, amount: number, quantity = 1): QuoteLine =>
  makeQuoteLine({ kind, quantity, unitPrice: money(amount, 'USD') });

const totals = (subtotal: number, deductions: number, total: number): QuoteTotals => ({
  subtotal: money(subtotal, 'USD'),
  deductions: money(deductions, 'USD'),
  total: money(total, 'USD'),
});

describe('quoteTotals', () => {
  it.each<{ case: string; lines: QuoteLine[]; expected: QuoteTotals }>([
    { case: 'no lines', lines: [], expected: totals(0, 0, 0) },
    {
      case: 'a paid repair: part, labour and both shipping legs',
      lines: [
        line('part', 4_500),
        line('labour', 1_500),
        line('shipping-inbound', 800),
        line('shipping-outbound', 800),
      ],
      expected: totals(7_600, 0, 7_600),
    },
    {
      case: 'a quantity multiplies the unit price',
      lines: [line('part', 250, 4)],
      expected: totals(1_000, 0, 1_000),
    },
    {
      case: 'the A11 battery kit: 11 USD material plus 15 USD shipping',
      lines: [line('part', 1_100), line('shipping-outbound', 1_500)],
      expected: totals(2_600, 0, 2_600),
    },
    {
      case: 'a WORRY FREE+ price difference with inbound shipping',
      lines: [line('fee', 2_000), line('shipping-inbound', 900)],
      expected: totals(2_900, 0, 2_900),
    },
    {
      case: 'a full refund is paid to the customer',
      lines: [line('refund', 12_999)],
      expected: totals(-12_999, 0, -12_999),
    },
    {
      case: 'a depreciated return: 70% depreciation and shipping both ways reduce the refund',
      lines: [
        line('refund', 10_000),
        line('depreciation', 7_000),
        line('shipping-inbound', 1_000),
        line('shipping-outbound', 1_000),
      ],
      expected: totals(-8_000, 7_000, -1_000),
    },
    {
      case: 'customs are deducted from a DOA refund',
      lines: [line('refund', 12_999), line('customs-deduction', 1_300)],
      expected: totals(-12_999, 1_300, -11_699),
    },
    {
      case: 'deductions larger than the refund leave the customer owing',
      lines: [line('refund', 1_000), line('depreciation', 700), line('customs-deduction', 500)],
      expected: totals(-1_000, 1_200, 200),
    },
  ])('adds up $case', ({ lines, expected }) => {
    expect(quoteTotals(lines, 'USD')).toEqual({ ok: true, value: expected });
  });

  it('refuses a line in another currency and names it', () => {
    const foreign = makeQuoteLine({ description: 'Strap', unitPrice: money(50_000, 'IDR') });
    const result = quoteTotals([line('part', 4_500), foreign], 'USD');
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'currency-mismatch', lineId: foreign.id }),
    });
  });

  it('says in the currency refusal which currency to use', () => {
    const foreign = makeQuoteLine({ unitPrice: money(50_000, 'IDR') });
    const result = quoteTotals([foreign], 'USD');
    expect(result.ok ? '' : result.error.message).toMatch(/priced in IDR.*enter its price in USD/);
  });

  it('refuses a deduction on a quote without a refund', () => {
    const result = quoteTotals([line('part', 4_500), line('depreciation', 700)], 'USD');
    expect(result.ok ? undefined : result.error.code).toBe('deduction-without-refund');
  });

  it('refuses totals beyond the safe integer range', () => {
    const result = quoteTotals([line('part', Number.MAX_SAFE_INTEGER, 2)], 'USD');
    expect(result.ok ? undefined : result.error.code).toBe('amount-too-large');
  });
});

describe('canEditQuote', () => {
  it.each([
    ['draft', true],
    ['sent', false],
    ['approved', false],
    ['declined', false],
  ] as const)('allows editing a %s quote: %s', (status, expected) => {
    expect(canEditQuote({ status })).toBe(expected);
  });
});

describe('reviseQuote', () => {
  const sentQuote = () => makeQuote({ status: 'sent', sentAt, revision: 2 });

  it('makes a draft with the next revision number for the same claim', () => {
    const quote = sentQuote();
    const revised = unwrap(
      reviseQuote({ quote, lines: [] }, { newId: nextId, validUntil: '2026-07-01' }),
    );
    expect(revised.quote).toMatchObject({
      claimId: quote.claimId,
      revision: 3,
      status: 'draft',
      currency: quote.currency,
      validUntil: '2026-07-01',
    });
  });

  it('gives the new revision a new id and no sent or answer times', () => {
    const quote = makeQuote({ status: 'declined', sentAt, answeredAt, customerAnswer: 'Too much' });
    const revised = unwrap(
      reviseQuote({ quote, lines: [] }, { newId: nextId, validUntil: '2026-07-01' }),
    );
    expect(revised.quote.id).not.toBe(quote.id);
    expect(quoteSchema.safeParse(revised.quote).success).toBe(true);
  });

  it('copies the lines under new ids onto the new revision', () => {
    const quote = sentQuote();
    const lines = [makeQuoteLine({ quoteId: quote.id }), makeQuoteLine({ quoteId: quote.id })];
    const revised = unwrap(
      reviseQuote({ quote, lines }, { newId: nextId, validUntil: '2026-07-01' }),
    );
    expect(revised.lines.map((copy) => copy.quoteId)).toEqual([revised.quote.id, revised.quote.id]);
    expect(revised.lines.map((copy) => copy.description)).toEqual(
      lines.map((original) => original.description),
    );
    expect(revised.lines.some((copy, index) => copy.id === lines[index]?.id)).toBe(false);
  });

  it('leaves the previous revision and its lines unchanged', () => {
    const quote = sentQuote();
    const lines = [makeQuoteLine({ quoteId: quote.id })];
    const before = structuredClone({ quote, lines });
    reviseQuote({ quote, lines }, { newId: nextId, validUntil: '2026-07-01' });
    expect({ quote, lines }).toEqual(before);
  });

  it('refuses to revise a draft, which is edited instead', () => {
    const result = reviseQuote(
      { quote: makeQuote({ status: 'draft' }), lines: [] },
      { newId: nextId, validUntil: '2026-07-01' },
    );
    expect(result.ok ? undefined : result.error.code).toBe('quote-is-draft');
  });

  it('refuses lines that belong to another quote', () => {
    const result = reviseQuote(
      { quote: sentQuote(), lines: [makeQuoteLine()] },
      { newId: nextId, validUntil: '2026-07-01' },
    );
    expect(result.ok ? undefined : result.error.code).toBe('line-of-another-quote');
  });
});

describe('latestQuote', () => {
  it('picks the highest revision whatever the order', () => {
    const revisions = [makeQuote({ revision: 2 }), makeQuote({ revision: 3 }), makeQuote()];
    expect(latestQuote(revisions)?.revision).toBe(3);
  });

  it('returns undefined when the claim has no quote', () => {
    expect(latestQuote([])).toBeUndefined();
  });
});
