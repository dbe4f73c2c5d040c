import fc from 'fast-check';
import type { PolicyClaimInput } from '../../shared/policy';
import {
  claimReasonSchema,
  misuseKindSchema,
  productCategorySchema,
  proofStatusSchema,
  salesChannelSchema,
  symptomSchema,
} from '../../shared/domain/vocabulary';
import { policyIdSchema } from '../../shared/policy';

const dayMs = 86_400_000;
const firstDay = Date.UTC(2024, 0, 1);

/** A calendar day from 2024 to 2028, as YYYY-MM-DD. */
export const isoDay = fc
  .integer({ min: 0, max: 5 * 366 })
  .map((offset) => new Date(firstDay + offset * dayMs).toISOString().slice(0, 10));

const text = fc.option(fc.string({ maxLength: 12 }), { nil: undefined });
const count = fc.option(fc.nat({ max: 3 }), { nil: undefined });
const flag = fc.option(fc.boolean(), { nil: undefined });
const optionalDay = fc.option(isoDay, { nil: undefined });

/** Any claim the schema accepts, optional fields present or absent. */
export const claimArbitrary: fc.Arbitrary<PolicyClaimInput> = fc.record({
  policy: fc.constantFrom(...policyIdSchema.options),
  asOf: isoDay,
  product: fc.record({
    model: fc.constantFrom('iGS630', 'TANK T3', 'iHEART 2'),
    serial: text,
    category: fc.constantFrom(...productCategorySchema.options),
    sku: fc.option(fc.constantFrom('T3-BLK', 'H2-RED'), { nil: undefined }),
    itemCode: text,
  }),
  purchase: fc.record({
    channel: fc.constantFrom(...salesChannelSchema.options),
    orderDate: optionalDay,
    invoiceDate: optionalDay,
    deliveredDate: optionalDay,
    maxEstimatedDeliveryDate: optionalDay,
    orderNumber: text,
    shopLink: text,
    price: fc.option(
      fc.record({
        amount: fc.integer({ min: 0, max: 10_000_000 }),
        currency: fc.constantFrom('USD', 'IDR'),
      }),
      { nil: undefined },
    ),
    proof: fc.option(fc.constantFrom(...proofStatusSchema.options), { nil: undefined }),
  }),
  request: fc.record({
    reason: fc.constantFrom(...claimReasonSchema.options),
    symptom: fc.option(fc.constantFrom(...symptomSchema.options), { nil: undefined }),
    description: text,
    stepsTried: text,
    batteryReplacement: flag,
    condition: fc.option(
      fc.record({ unopened: fc.boolean(), unused: fc.boolean(), originalPackaging: fc.boolean() }),
      { nil: undefined },
    ),
  }),
  customer: fc.option(fc.record({ name: text, email: text }), { nil: undefined }),
  evidence: fc.option(
    fc.record({
      productPhotos: count,
      packagingPhotos: count,
      videos: count,
      returnShippingReceipt: flag,
      carrierDamageProof: flag,
    }),
    { nil: undefined },
  ),
  inspection: fc.option(
    fc.record({
      faultConfirmed: fc.boolean(),
      misuse: fc.option(
        fc.uniqueArray(fc.constantFrom(...misuseKindSchema.options), { maxLength: 3 }),
        {
          nil: undefined,
        },
      ),
      repairable: flag,
    }),
    { nil: undefined },
  ),
  history: fc.option(fc.record({ worryFreeReplacements: count }), { nil: undefined }),
});
