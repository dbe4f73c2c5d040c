import { z } from 'zod';
import { isoDateSchema, nonNegativeMoneySchema } from '../domain/primitives';
import { purchaseDateProblems } from '../domain/purchase';
import {
  claimReasonSchema,
  misuseKindSchema,
  productCategorySchema,
  proofStatusSchema,
  salesChannelSchema,
  symptomSchema,
} from '../domain/vocabulary';

/** The ids of the built-in policy packs. */
export const policyIdSchema = z.enum(
  ['igpsport', 'kospet-warranty-refund', 'kospet-official-store'],
  {
    error: (issue) =>
      `unknown pack ${JSON.stringify(issue.input)}; expected one of "igpsport", "kospet-warranty-refund", "kospet-official-store"`,
  },
);
export type PolicyId = z.infer<typeof policyIdSchema>;

const countSchema = z
  .int({ error: 'expected a whole number' })
  .min(0, { error: 'must be 0 or more' });
const optionalText = z.string().optional();

/**
 * A claim as the policy engine reads it: the contract of `policy evaluate` in
 * ../shared/spec/policy.md. Objects are strict, so a misspelt field is reported rather than
 * silently ignored (an audit must not run on a claim the engine half read).
 *
 * Beyond the spec, optional facts some clauses need: `product.itemCode` and `request.stepsTried`
 * (B21), `request.batteryReplacement` (A10, A11), `inspection.repairable` (B16) and
 * `customer.name` / `customer.email` (C13).
 *
 * Dates are days from 2000 to 2100; a price is zero or more; a delivery (or its estimate) is not
 * before the order, and no order, invoice or delivery is after `asOf`.
 */
export const policyClaimSchema = z
  .strictObject({
    policy: policyIdSchema,
    asOf: isoDateSchema,
    product: z.strictObject({
      model: z.string().trim().min(1, { error: 'must name the product model' }),
      serial: optionalText,
      category: productCategorySchema,
      sku: optionalText,
      itemCode: optionalText,
    }),
    purchase: z.strictObject({
      channel: salesChannelSchema,
      orderDate: isoDateSchema.optional(),
      invoiceDate: isoDateSchema.optional(),
      deliveredDate: isoDateSchema.optional(),
      maxEstimatedDeliveryDate: isoDateSchema.optional(),
      orderNumber: optionalText,
      shopLink: optionalText,
      price: nonNegativeMoneySchema.optional(),
      proof: proofStatusSchema.default('valid'),
    }),
    request: z.strictObject({
      reason: claimReasonSchema,
      symptom: symptomSchema.optional(),
      description: optionalText,
      stepsTried: optionalText,
      batteryReplacement: z.boolean().optional(),
      condition: z
        .strictObject({
          unopened: z.boolean(),
          unused: z.boolean(),
          originalPackaging: z.boolean(),
        })
        .optional(),
    }),
    customer: z.strictObject({ name: optionalText, email: optionalText }).optional(),
    evidence: z
      .strictObject({
        productPhotos: countSchema.optional(),
        packagingPhotos: countSchema.optional(),
        videos: countSchema.optional(),
        returnShippingReceipt: z.boolean().optional(),
        carrierDamageProof: z.boolean().optional(),
      })
      .optional(),
    inspection: z
      .strictObject({
        faultConfirmed: z.boolean(),
        misuse: z.array(misuseKindSchema).optional(),
        repairable: z.boolean().optional(),
      })
      .optional(),
    history: z.strictObject({ worryFreeReplacements: countSchema.optional() }).optional(),
  })
  .superRefine((claim, context) => {
    // A delivery before its order, or a purchase after the day asked about, moves every window.
    for (const { path, message } of purchaseDateProblems(claim.purchase, claim.asOf)) {
      context.addIssue({
        code: 'custom',
        path: ['purchase', ...path],
        message,
        input: claim.purchase[path[0]],
      });
    }
  });

/** A claim after parsing (defaults applied). */
export type PolicyClaim = z.infer<typeof policyClaimSchema>;
/** A claim as written by a person or another program, before defaults. */
export type PolicyClaimInput = z.input<typeof policyClaimSchema>;
