import { z } from 'zod';
import {
  boundedText,
  currencyCodeSchema,
  isoDateSchema,
  isoDateTimeSchema,
  money,
  nonNegativeMoneySchema,
  recordIdSchema,
  textSchema,
} from './primitives';
import type { CurrencyCode, IsoDate, Money, RecordId } from './primitives';
import type { Result } from './result';
import { fail, ok } from './result';

/**
 * Where a quote stands. `draft` is the only state in which it may change; once `sent` the
 * customer may have read it, so any change is a new revision (see {@link reviseQuote}).
 */
export const quoteStatusSchema = z.enum(['draft', 'sent', 'approved', 'declined']);
export type QuoteStatus = z.infer<typeof quoteStatusSchema>;

/**
 * A quote for one claim: what the customer would pay, or be refunded, for a remedy. Its lines are
 * rows of their own ({@link quoteLineSchema}). Each revision is a separate record; the claim's
 * current quote is the one with the highest `revision`.
 *
 * Invariants, by status: a `draft` has no `sentAt`, `answeredAt` or `customerAnswer`; a `sent`
 * quote has `sentAt` and no answer yet; an `approved` or `declined` quote has both `sentAt` and
 * `answeredAt`. `validUntil` is the last day (inclusive) the customer may accept it.
 */
export const quoteSchema = z
  .object({
    id: recordIdSchema,
    claimId: recordIdSchema,
    revision: z
      .number({ error: 'expected a revision number' })
      .int({ error: 'expected a whole revision number' })
      .min(1, { error: 'expected a revision of 1 or more' }),
    status: quoteStatusSchema,
    currency: currencyCodeSchema,
    validUntil: isoDateSchema,
    sentAt: isoDateTimeSchema.optional(),
    answeredAt: isoDateTimeSchema.optional(),
    /** What the customer said when answering, in the technician's words. */
    customerAnswer: boundedText('description', { multiline: true }).optional(),
  })
  .superRefine((quote, context) => {
    const refuse = (field: 'sentAt' | 'answeredAt' | 'customerAnswer', message: string): void => {
      context.addIssue({ code: 'custom', path: [field], input: quote[field], message });
    };
    switch (quote.status) {
      case 'draft':
        if (quote.sentAt !== undefined) refuse('sentAt', 'a draft quote has not been sent yet');
        if (quote.answeredAt !== undefined)
          refuse('answeredAt', 'a draft quote cannot have been answered');
        if (quote.customerAnswer !== undefined)
          refuse('customerAnswer', 'a draft quote cannot have an answer');
        return;
      case 'sent':
        if (quote.sentAt === undefined) refuse('sentAt', 'a sent quote needs the time it was sent');
        if (quote.answeredAt !== undefined)
          refuse('answeredAt', 'a quote still waiting for an answer cannot have been answered');
        return;
      case 'approved':
      case 'declined':
        if (quote.sentAt === undefined)
          refuse('sentAt', 'an answered quote needs the time it was sent');
        if (quote.answeredAt === undefined)
          refuse('answeredAt', 'an answered quote needs the time the customer answered');
        return;
    }
  });
export type Quote = z.infer<typeof quoteSchema>;

/**
 * What a quote line is for, which decides the way its money flows (see {@link quoteTotals}):
 * - charges, paid by the customer: `part`, `labour`, `shipping-inbound` (customer → center),
 *   `shipping-outbound` (center → customer), `fee` (e.g. a WORRY FREE+ price difference, C9);
 * - `refund`, paid back to the customer: the purchase price (B4, B8, C2, C5) or a reimbursed
 *   return-shipping receipt (B5);
 * - deductions, withheld from a refund: `depreciation` (C5) and `customs-deduction` (B18).
 */
export const quoteLineKindSchema = z.enum([
  'part',
  'labour',
  'shipping-inbound',
  'shipping-outbound',
  'fee',
  'refund',
  'depreciation',
  'customs-deduction',
]);
export type QuoteLineKind = z.infer<typeof quoteLineKindSchema>;

/** The charges a policy pack states (the kinds of `Charge` in shared/policy), as a quote names them. */
export const policyChargeKindSchema = z.enum([
  'battery-kit',
  'depreciation',
  'price-difference',
  'customs-deduction',
  'component-value',
]);
export type PolicyChargeKind = z.infer<typeof policyChargeKindSchema>;

/**
 * What a line Fixline made says, as a code and its values instead of words, so the words are
 * chosen when the line is shown (in the screen's language) or printed (in the customer's):
 * the shipping legs, labour (its `description` only when the technician changed the default),
 * labour by the hour (`hundredthsOfHour` at `rate`), a pack's charge, the purchase refund.
 * A line a person wrote has no wording: its `description` is shown as written.
 */
export const quoteLineWordingSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('shipping-inbound') }),
  z.object({ code: z.literal('shipping-outbound') }),
  z.object({ code: z.literal('labour') }),
  z.object({
    code: z.literal('labour-hourly'),
    description: textSchema.optional(),
    hundredthsOfHour: z
      .number({ error: 'expected hundredths of an hour' })
      .int({ error: 'expected whole hundredths of an hour' })
      .min(1, { error: 'expected more than zero hours' }),
    rate: nonNegativeMoneySchema,
  }),
  z.object({ code: z.literal('charge'), charge: policyChargeKindSchema }),
  z.object({ code: z.literal('refund') }),
]);
export type QuoteLineWording = z.infer<typeof quoteLineWordingSchema>;

/**
 * A rate of exchange as the technician typed it: how many units of the quote's currency one unit
 * of another currency buys ("16250", "16250.5"). Kept as the exact decimal text, never a float.
 */
export const exchangeRateSchema = z
  .string()
  .regex(/^[1-9]\d{0,11}(\.\d{1,6})?$|^0\.\d{0,5}[1-9]$/, {
    error: 'expected a rate above zero with digits and at most one dot, e.g. 16250 or 0.92',
  });
export type ExchangeRate = z.infer<typeof exchangeRateSchema>;

/**
 * An amount stated in another currency (C9's US$10–30 on a rupiah station), converted into the
 * line's `unitPrice` at `rate`; kept on the line so the quote shows both.
 */
export const quoteLineConversionSchema = z.object({
  source: nonNegativeMoneySchema,
  rate: exchangeRateSchema,
});
export type QuoteLineConversion = z.infer<typeof quoteLineConversionSchema>;

/**
 * One line of a quote. `unitPrice` is a magnitude (zero or more): the line's `kind`, not a minus
 * sign, says which way the money goes. `clauseIds` name the policy clauses that justify the line
 * (e.g. `["B18"]` for a customs deduction), for the printed quote. `description` is the line's
 * words as written (for a generated line, in the language it was made in: the fallback of a
 * reader that does not know its `wording`).
 */
export const quoteLineSchema = z.object({
  id: recordIdSchema,
  quoteId: recordIdSchema,
  kind: quoteLineKindSchema,
  description: boundedText('line'),
  wording: quoteLineWordingSchema.optional(),
  quantity: z
    .number({ error: 'expected a quantity' })
    .int({ error: 'expected a whole quantity' })
    .min(1, { error: 'expected a quantity of 1 or more' }),
  unitPrice: nonNegativeMoneySchema,
  conversion: quoteLineConversionSchema.optional(),
  clauseIds: z.array(textSchema),
});
export type QuoteLine = z.infer<typeof quoteLineSchema>;

/**
 * The sums of a quote, in the quote's currency, all signed from the customer's side:
 * a positive amount is owed by the customer to the center, a negative one is paid to the customer.
 * - `subtotal` = charges − refunds;
 * - `deductions` = depreciation + customs deductions, zero or more;
 * - `total` = `subtotal` + `deductions`: what the customer pays (positive) or receives (negative).
 *
 * So a deduction moves a refund towards zero: a 100.00 refund with a 70.00 depreciation gives
 * `subtotal` −100.00, `deductions` 70.00, `total` −30.00 (the customer receives 30.00).
 */
export type QuoteTotals = {
  readonly subtotal: Money;
  readonly deductions: Money;
  readonly total: Money;
};

/** Why {@link quoteTotals} refused a set of lines. `lineId` names the offending line, if one. */
export type QuoteTotalsError = {
  readonly code: 'currency-mismatch' | 'deduction-without-refund' | 'amount-too-large';
  readonly message: string;
  readonly lineId?: RecordId;
};

/** The way a line's amount counts in the totals; see {@link QuoteTotals} for the signs. */
function lineRole(kind: QuoteLineKind): 'charge' | 'refund' | 'deduction' {
  switch (kind) {
    case 'part':
    case 'labour':
    case 'shipping-inbound':
    case 'shipping-outbound':
    case 'fee':
      return 'charge';
    case 'refund':
      return 'refund';
    case 'depreciation':
    case 'customs-deduction':
      return 'deduction';
  }
}

/**
 * Adds up a quote's lines (see {@link QuoteTotals} for the sign convention). Pure.
 * Refuses, as an error result: a line in a currency other than `currency` (amounts in different
 * currencies cannot be added; convert them first); a deduction on a quote with no refund line
 * (a deduction only reduces a refund, B18, C5); sums beyond the safe integer range.
 */
export function quoteTotals(
  lines: readonly QuoteLine[],
  currency: CurrencyCode,
): Result<QuoteTotals, QuoteTotalsError> {
  let subtotal = 0;
  let deductions = 0;
  let hasRefund = false;
  for (const line of lines) {
    if (line.unitPrice.currency !== currency) {
      return fail({
        code: 'currency-mismatch',
        lineId: line.id,
        message: `The line "${line.description}" is priced in ${line.unitPrice.currency} but the quote is in ${currency}: enter its price in ${currency}.`,
      });
    }
    const lineAmount = line.quantity * line.unitPrice.amount;
    switch (lineRole(line.kind)) {
      case 'charge':
        subtotal += lineAmount;
        break;
      case 'refund':
        hasRefund = true;
        subtotal -= lineAmount;
        break;
      case 'deduction':
        deductions += lineAmount;
        break;
    }
    if (!Number.isSafeInteger(subtotal) || !Number.isSafeInteger(deductions)) {
      return fail({
        code: 'amount-too-large',
        lineId: line.id,
        message: `The line "${line.description}" makes the quote too large to add up: check its quantity and unit price.`,
      });
    }
  }
  if (deductions > 0 && !hasRefund) {
    return fail({
      code: 'deduction-without-refund',
      message:
        'Depreciation and customs deductions reduce a refund, but this quote has no refund line: add the refund or remove the deductions (B18, C5).',
    });
  }
  return ok({
    subtotal: money(subtotal, currency),
    deductions: money(deductions, currency),
    total: money(subtotal + deductions, currency),
  });
}

/** Whether a quote (and its lines) may still change: only while it is a draft. */
export function canEditQuote(quote: Pick<Quote, 'status'>): boolean {
  return quote.status === 'draft';
}

/** Why {@link reviseQuote} refused. */
export type QuoteRevisionError = {
  readonly code: 'quote-is-draft' | 'line-of-another-quote';
  readonly message: string;
};

/**
 * Makes the next revision of a quote that is no longer a draft: a new `draft` record with
 * `revision + 1`, the same claim and currency, the given `validUntil`, and copies of `lines`
 * under new ids. The previous revision and its lines are left untouched: what the customer saw
 * stays on record. Pure: ids come from `newId` (a UUIDv7 maker in the app, a counter in tests).
 * Refuses a draft (edit it instead) and lines that belong to another quote.
 */
export function reviseQuote(
  previous: { readonly quote: Quote; readonly lines: readonly QuoteLine[] },
  options: { readonly newId: () => RecordId; readonly validUntil: IsoDate },
): Result<{ quote: Quote; lines: QuoteLine[] }, QuoteRevisionError> {
  const { quote, lines } = previous;
  if (canEditQuote(quote)) {
    return fail({
      code: 'quote-is-draft',
      message: `Quote revision ${quote.revision} is still a draft: edit it instead of making a new revision.`,
    });
  }
  const foreignLine = lines.find((line) => line.quoteId !== quote.id);
  if (foreignLine !== undefined) {
    return fail({
      code: 'line-of-another-quote',
      message: `The line "${foreignLine.description}" belongs to another quote: pass only the lines of quote revision ${quote.revision}.`,
    });
  }
  const revised: Quote = {
    id: options.newId(),
    claimId: quote.claimId,
    revision: quote.revision + 1,
    status: 'draft',
    currency: quote.currency,
    validUntil: options.validUntil,
  };
  return ok({
    quote: revised,
    lines: lines.map((line) => ({
      ...line,
      id: options.newId(),
      quoteId: revised.id,
      clauseIds: [...line.clauseIds],
    })),
  });
}

/** The current quote of a claim: the one with the highest revision, or undefined when there is none. */
export function latestQuote<Revision extends Pick<Quote, 'revision'>>(
  quotes: readonly Revision[],
): Revision | undefined {
  let latest: Revision | undefined;
  for (const quote of quotes) {
    if (latest === undefined || quote.revision > latest.revision) latest = quote;
  }
  return latest;
}
