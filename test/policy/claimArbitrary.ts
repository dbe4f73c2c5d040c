import fc from 'fast-check';
import type { PolicyClaimInput } from '#shared/policy';
import {
  claimReasonSchema,
  misuseKindSchema,
  type MisuseKind,
  productCategorySchema,
  proofStatusSchema,
  salesChannelSchema,
  symptomSchema,
} from '#shared/domain/vocabulary';
import { policyIdSchema } from '#shared/policy';
import { plusDays } from '#shared/policy/calendar';

const dayMs = 86_400_000;
const firstDay = Date.UTC(2024, 0, 1);

/** A calendar day from 2024 to 2028, as YYYY-MM-DD. */
export const isoDay = fc
  .integer({ min: 0, max: 5 * 366 })
  .map((offset) => new Date(firstDay + offset * dayMs).toISOString().slice(0, 10));

const text = fc.option(fc.string({ maxLength: 12 }), { nil: undefined });
const count = fc.option(fc.nat({ max: 3 }), { nil: undefined });
const flag = fc.option(fc.boolean(), { nil: undefined });
/** Days before `asOf` a purchase date falls, skewed to the first weeks where windows close. */
const daysBefore = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 800 }));
const optionalDaysBefore = fc.option(daysBefore, { nil: undefined });
/** Days after the order a parcel arrives or is expected to. */
const daysAfterOrder = fc.option(fc.integer({ min: 0, max: 45 }), { nil: undefined });
const dayBefore = (asOf: string, days: number | undefined) =>
  days === undefined ? undefined : plusDays(asOf, -days);

const claimWithoutDates = fc.record({
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
    // The official store half the time, so KOSPET's store pack is not mostly referrals.
    channel: fc.oneof(
      fc.constant('official-store' as const),
      fc.constantFrom(...salesChannelSchema.options),
    ),
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
      // No finding as often as some, so void and covered claims are both common.
      misuse: fc.oneof(
        fc.constant(undefined),
        fc.constant<MisuseKind[]>([]),
        fc.uniqueArray(fc.constantFrom(...misuseKindSchema.options), { maxLength: 3 }),
      ),
      repairable: flag,
    }),
    { nil: undefined },
  ),
  history: fc.option(fc.record({ worryFreeReplacements: count }), { nil: undefined }),
});

const purchaseDates = fc.record({
  orderDate: optionalDaysBefore,
  invoiceDate: optionalDaysBefore,
  deliveredDate: optionalDaysBefore,
  deliveredAfterOrder: daysAfterOrder,
  estimatedAfterOrder: daysAfterOrder,
});

/**
 * Any claim the schema accepts, optional fields present or absent. Purchase dates fall near
 * `asOf` often enough that every window is seen both open and closed; as the schema asks, none
 * is after `asOf` (the estimate may be) and no delivery comes before its order.
 */
export const claimArbitrary: fc.Arbitrary<PolicyClaimInput> = fc
  .tuple(claimWithoutDates, purchaseDates)
  .map(([claim, dates]) => {
    const ordered = dates.orderDate;
    const afterOrder = (days: number | undefined) =>
      ordered === undefined || days === undefined ? undefined : ordered - days;
    return {
      ...claim,
      purchase: {
        ...claim.purchase,
        orderDate: dayBefore(claim.asOf, ordered),
        invoiceDate: dayBefore(claim.asOf, dates.invoiceDate),
        deliveredDate: dayBefore(
          claim.asOf,
          ordered === undefined
            ? dates.deliveredDate
            : Math.max(0, afterOrder(dates.deliveredAfterOrder) ?? ordered),
        ),
        maxEstimatedDeliveryDate: dayBefore(claim.asOf, afterOrder(dates.estimatedAfterOrder)),
      },
    };
  });
