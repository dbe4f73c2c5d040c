import { z } from 'zod';
import { currencyCodeSchema, isoDateSchema, minorUnitsSchema } from '../domain/primitives';
import {
  misuseKindSchema,
  productCategorySchema,
  remedySchema,
  salesChannelSchema,
  shippingPayerSchema,
} from '../domain/vocabulary';
import { clauseCatalogSchema } from './clauses/clauseText';
import { policyIdSchema } from './policyClaim';

/**
 * A policy pack: one brand's written warranty policy as data. The engine (`evaluateClaim`)
 * interprets the sections a pack has; periods, windows, rates, amounts and clause texts live
 * here, so a center can correct a number without a code change. Every section names the clause
 * ids it comes from, and the engine reports exactly those.
 */

const clauseIdsSchema = z.array(z.string().regex(/^[A-Z]\d{1,2}$/)).min(1);

/** Which purchase date a window is counted from. */
export const anchorDateSchema = z.enum(['invoiceDate', 'orderDate', 'deliveredDate']);
export type AnchorDate = z.infer<typeof anchorDateSchema>;

/**
 * Facts a pack may ask for before it acts. `evidence.productMedia` is a photo or a video of the
 * product; `evidence.symptomMedia` is what the symptom calls for (A7: photos for visible damage,
 * videos for malfunctions and data errors).
 */
export const requirementFieldSchema = z.enum([
  'product.serial',
  'product.sku',
  'product.itemCode',
  'purchase.invoiceDate',
  'purchase.orderDate',
  'purchase.deliveredDate',
  'purchase.orderNumber',
  'purchase.shopLink',
  'purchase.price',
  'request.description',
  'request.symptom',
  'request.stepsTried',
  'customer.name',
  'customer.email',
  'evidence.productMedia',
  'evidence.symptomMedia',
  'evidence.packagingPhotos',
]);
export type RequirementField = z.infer<typeof requirementFieldSchema>;

const requirementSchema = z.object({ field: requirementFieldSchema, clauses: clauseIdsSchema });
export type Requirement = z.infer<typeof requirementSchema>;

const shippingSchema = z.object({
  inbound: shippingPayerSchema,
  outbound: shippingPayerSchema,
  clauses: clauseIdsSchema,
});

/** Months of coverage, with overrides by category (A3) and by SKU (B1's product-page periods). */
const warrantySchema = z.object({
  startsFrom: anchorDateSchema,
  months: z.int().positive(),
  monthsByCategory: z.partialRecord(productCategorySchema, z.int().positive()).default({}),
  monthsBySku: z.record(z.string(), z.int().positive()).default({}),
  remedies: z.array(z.enum(['warranty-repair', 'warranty-replacement'])).min(1),
  clauses: z.object({
    period: clauseIdsSchema,
    start: clauseIdsSchema,
    category: clauseIdsSchema.optional(),
    remedy: clauseIdsSchema,
  }),
  shipping: shippingSchema,
  /** After this many days from the start, shipping switches to `shippingAfter` (C4). */
  freeShippingDays: z.int().positive().optional(),
  shippingAfter: shippingSchema.optional(),
  /** An item the technician cannot repair gets a replacement, decided by hand (B16). */
  unrepairableReplacementClauses: clauseIdsSchema.optional(),
  /** Transit damage is replaced only with the carrier's proof (C7). */
  transitDamageNeedsCarrierProofClauses: clauseIdsSchema.optional(),
  requires: z.array(requirementSchema).default([]),
});

const deadOnArrivalSchema = z.object({
  windowDays: z.int().positive(),
  from: anchorDateSchema,
  clauses: clauseIdsSchema,
  remedyClauses: clauseIdsSchema,
  replacementShippingClauses: clauseIdsSchema,
  reimbursedClauses: clauseIdsSchema,
  notReimbursedWithoutReceiptClauses: clauseIdsSchema,
  notDoaClauses: clauseIdsSchema,
  requires: z.array(requirementSchema).default([]),
});

const unconditionalRefundSchema = z.object({
  windowDays: z.int().positive(),
  from: anchorDateSchema,
  clauses: clauseIdsSchema,
});

const qualityReturnSchema = z.object({
  daysFromOrder: z.int().positive(),
  daysAfterMaxEstimatedDelivery: z.int().positive(),
  inboundShippingPaidBy: shippingPayerSchema,
  clauses: clauseIdsSchema,
  requires: z.array(requirementSchema).default([]),
});

const changeOfMindSchema = z.object({
  daysFromOrder: z.int().positive(),
  daysAfterDelivery: z.int().positive(),
  /** Share of the price the buyer is charged, 0..1 (C5 `depreciationRate`). */
  depreciationRate: z.number().min(0).max(1),
  clauses: clauseIdsSchema,
  cancelBeforeDeliveryClauses: clauseIdsSchema.optional(),
});

const amountSchema = z.object({ amount: minorUnitsSchema, currency: currencyCodeSchema });

/** What the customer can still buy once the warranty does not apply (A4, B10, B12, B20). */
const paidServiceSchema = z.object({
  repairClauses: clauseIdsSchema,
  /** Spare parts sold at component value plus shipping (B12). */
  sparePartsClauses: clauseIdsSchema.optional(),
  /** A self-repair battery kit with a stated price (A10, A11). */
  batteryKit: z
    .object({
      material: amountSchema,
      shipping: amountSchema,
      clauses: clauseIdsSchema,
    })
    .refine((kit) => kit.material.currency === kit.shipping.currency, {
      error: 'the battery kit material and shipping must be in one currency',
    })
    .optional(),
});

/** Which findings void the warranty, and which are simply not covered by it. */
const exclusionsSchema = z.object({
  voiding: z.array(misuseKindSchema),
  voidClauses: clauseIdsSchema,
  notCovered: z.array(misuseKindSchema),
  notCoveredClauses: clauseIdsSchema,
  /** Clauses that put damage the customer reports as an accident outside the warranty. */
  accidentalDamageClauses: clauseIdsSchema,
  noDefectFoundClauses: clauseIdsSchema,
  /** Proof of purchase missing or doubted: no free remedy (C7). */
  proofOfPurchaseClauses: clauseIdsSchema.optional(),
});

const worryFreeSchema = z.object({
  months: z.int().positive(),
  from: anchorDateSchema,
  maxReplacements: z.int().positive(),
  priceDifference: z.object({ min: amountSchema, max: amountSchema, clauses: clauseIdsSchema }),
  shipping: shippingSchema,
  replyWithinHours: z.int().positive(),
  customerShipsWithinWorkingDays: z.int().positive(),
  clauses: clauseIdsSchema,
  limitClauses: clauseIdsSchema,
  timelineClauses: clauseIdsSchema,
  requires: z.array(requirementSchema).default([]),
});

/** A standing instruction shown with the decision when its situation arises. */
export const instructionKindSchema = z.enum([
  /** Any option where the customer sends the device in. */
  'authorize-before-return',
  /** Back up data, remove the SIM card, restore factory settings (C14). */
  'prepare-device',
  /** Options are provisional until the item is inspected (B15). */
  'inspect-before-remedy',
  /** The company ships back by flat rate; faster is charged (B19). */
  'flat-rate-return',
  /** Battery: sending the device in is recommended over self-repair (A10). */
  'battery-send-in-recommended',
  /** Not delivered yet: to cancel, refuse the parcel and bear the shipping (C6). */
  'cancel-by-refusing-delivery',
]);
export type InstructionKind = z.infer<typeof instructionKindSchema>;

export const policyPackSchema = z.object({
  id: policyIdSchema,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'expected a version like 1.0.0' }),
  effectiveFrom: isoDateSchema,
  title: z.string().min(1),
  brand: z.string().min(1),
  /** The seed file the pack was written from. */
  source: z.string().min(1),
  clauses: clauseCatalogSchema,
  /** Channels the pack serves; any other is referred to its seller (C1). */
  sellerReferral: z
    .object({ servedChannels: z.array(salesChannelSchema).min(1), clauses: clauseIdsSchema })
    .optional(),
  warranty: warrantySchema,
  exclusions: exclusionsSchema,
  deadOnArrival: deadOnArrivalSchema.optional(),
  unconditionalRefund: unconditionalRefundSchema.optional(),
  qualityReturn: qualityReturnSchema.optional(),
  changeOfMind: changeOfMindSchema.optional(),
  paidService: paidServiceSchema.optional(),
  worryFree: worryFreeSchema.optional(),
  /** Customs on a return are deducted from a refund (B18). */
  customsDeductionClauses: clauseIdsSchema.optional(),
  firstResponse: z.object({ withinHours: z.int().positive(), clauses: clauseIdsSchema }).optional(),
  instructions: z
    .array(z.object({ kind: instructionKindSchema, clauses: clauseIdsSchema }))
    .default([]),
  /** Remedies this pack can ever offer; a decision never leaves this list. */
  remedies: z.array(remedySchema).min(1),
});

/** A pack as written in source (before defaults). */
export type PolicyPackInput = z.input<typeof policyPackSchema>;
/** A validated pack. */
export type PolicyPack = z.infer<typeof policyPackSchema>;
