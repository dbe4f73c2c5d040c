import { z } from 'zod';
import { isoDateSchema, nonNegativeMoneySchema, textSchema } from './primitives';
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
    orderNumber: textSchema.optional(),
    shopLink: shopLinkSchema.optional(),
    price: nonNegativeMoneySchema.optional(),
    proof: proofStatusSchema,
  })
  .superRefine((purchase, context) => {
    const { orderDate } = purchase;
    if (orderDate === undefined) return;
    // YYYY-MM-DD strings sort like the days they name, so a string comparison is a date comparison.
    for (const field of ['deliveredDate', 'maxEstimatedDeliveryDate'] as const) {
      const date = purchase[field];
      if (date !== undefined && date < orderDate) {
        context.addIssue({
          code: 'custom',
          path: [field],
          input: date,
          message: `expected a date on or after the order date ${orderDate}`,
        });
      }
    }
  });
export type Purchase = z.infer<typeof purchaseSchema>;
