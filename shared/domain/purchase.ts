import { z } from 'zod';
import { boundedText, compareDays, isoDateSchema, nonNegativeMoneySchema } from './primitives';
import type { IsoDate } from './primitives';
import { proofStatusSchema, salesChannelSchema } from './vocabulary';

/** A shop link: an absolute `http` or `https` URL (other schemes are refused so a link is safe to open). */
export const shopLinkSchema = z.url({
  protocol: /^https?$/,
  error: 'expected a shop link starting with https:// or http://',
});

/**
 * How and when the device was bought: the facts a policy pack dates the warranty from (A2 invoice,
 * B1 receipt, C2 order). Every date is optional because packs ask for different ones; the policy
 * engine lists the ones it still needs. Invariant: the device cannot be delivered, nor expected,
 * before it was ordered (that would be a typing mistake that moves a warranty window).
 * `price` is what the customer paid, in the currency of the order.
 */
export const purchaseSchema = z
  .object({
    channel: salesChannelSchema,
    orderDate: isoDateSchema.optional(),
    invoiceDate: isoDateSchema.optional(),
    deliveredDate: isoDateSchema.optional(),
    maxEstimatedDeliveryDate: isoDateSchema.optional(),
    orderNumber: boundedText('code').optional(),
    shopLink: shopLinkSchema.optional(),
    price: nonNegativeMoneySchema.optional(),
    proof: proofStatusSchema,
  })
  .superRefine((purchase, context) => {
    for (const problem of purchaseDateProblems(purchase)) {
      const { path, message } = problem;
      context.addIssue({ code: 'custom', path, message, input: purchase[path[0]] });
    }
  });
export type Purchase = z.infer<typeof purchaseSchema>;

/** The purchase dates a claim dates its windows from; none can be later than the claim itself. */
const purchaseDaysBeforeClaim = ['orderDate', 'invoiceDate', 'deliveredDate'] as const;

type PurchaseDates = Partial<
  Record<'orderDate' | 'invoiceDate' | 'deliveredDate' | 'maxEstimatedDeliveryDate', IsoDate>
>;

/** A purchase date that contradicts another, with a message that says which and how. */
export type PurchaseDateProblem = {
  readonly path: [keyof PurchaseDates];
  readonly message: string;
  /** `before-order`: delivered or expected before it was ordered; `after-claim`: not yet happened. */
  readonly reason: 'before-order' | 'after-claim';
};

/**
 * Purchase dates that cannot be right: a delivery (or its estimate) before the order, and an
 * order, invoice or delivery after `latestDay` (the day the claim was made, or today at intake).
 * The estimate may lie ahead: a customer can claim before the parcel arrives.
 */
export function purchaseDateProblems(
  purchase: PurchaseDates,
  latestDay?: IsoDate,
): PurchaseDateProblem[] {
  const problems: PurchaseDateProblem[] = [];
  const { orderDate } = purchase;
  if (orderDate !== undefined) {
    for (const field of ['deliveredDate', 'maxEstimatedDeliveryDate'] as const) {
      const date = purchase[field];
      if (date !== undefined && compareDays(date, orderDate) < 0) {
        problems.push({
          path: [field],
          message: `expected a date on or after the order date ${orderDate}`,
          reason: 'before-order',
        });
      }
    }
  }
  if (latestDay !== undefined) {
    for (const field of purchaseDaysBeforeClaim) {
      const date = purchase[field];
      if (date !== undefined && compareDays(date, latestDay) > 0) {
        problems.push({
          path: [field],
          message: `expected a date on or before ${latestDay}, the day of the claim`,
          reason: 'after-claim',
        });
      }
    }
  }
  return problems;
}
