import { z } from 'zod';
import { isoDateSchema, moneySchema } from '../domain/primitives';
import { misuseKindSchema, remedySchema, shippingPayerSchema } from '../domain/vocabulary';
import { clauseTextSchema } from './clauses/clauseText';
import { instructionKindSchema } from './pack';
import { policyIdSchema } from './policyClaim';

/*
 * A decision is written once, as zod schemas, and its types are inferred from them: the engine
 * answers with these types, and a decision that crosses a process boundary (a slip printed by
 * main) is checked against the same schemas.
 */

const clausesSchema = z.array(z.string());

/** A charge to the customer that an option carries, as the pack states it. */
export const chargeSchema = z.object({
  kind: z.enum([
    'battery-kit',
    'depreciation',
    'price-difference',
    'customs-deduction',
    'component-value',
  ]),
  clauses: clausesSchema,
  /** The amount when the pack states one; null when it is set case by case (customs, parts). */
  amount: moneySchema.nullable(),
  /** For an amount quoted per case within a stated range (C9). */
  range: z.object({ min: moneySchema, max: moneySchema }).optional(),
  /** For a charge made of stated parts (A11: material + shipping). */
  parts: z
    .array(z.object({ label: z.enum(['material', 'shipping']), amount: moneySchema }))
    .optional(),
  /** True when the charge is taken off a refund rather than paid on top. */
  deductedFromRefund: z.boolean(),
});
export type Charge = z.infer<typeof chargeSchema>;

/** One remedy the pack allows for the claim as it stands. */
export const decisionOptionSchema = z.object({
  remedy: remedySchema,
  /** Shipping customer → center; null when nothing is sent in. */
  inboundShippingPaidBy: shippingPayerSchema.nullable(),
  /** Shipping center → customer; null when nothing goes back. */
  outboundShippingPaidBy: shippingPayerSchema.nullable(),
  clauses: clausesSchema,
  charges: z.array(chargeSchema),
  /** The last day the customer may take this option, when a window bounds it. */
  deadline: isoDateSchema.nullable(),
  /** True until an inspection confirms the customer's account (B15). */
  pendingInspection: z.boolean(),
  /** True when the pack leaves the outcome to a person, who records the reason (B16). */
  manualDecision: z.boolean(),
});
export type DecisionOption = z.infer<typeof decisionOptionSchema>;

export const deadlineKindSchema = z.enum([
  'first-response',
  'doa-window',
  'unconditional-refund-window',
  'quality-return-window',
  'change-of-mind-window',
  'free-shipping-window',
  'coverage-end',
  'worry-free-end',
  'worry-free-ship-by',
]);
export type DeadlineKind = z.infer<typeof deadlineKindSchema>;

/** A window's last day (inclusive) and whether `asOf` is already past it. */
export const deadlineSchema = z.object({
  kind: deadlineKindSchema,
  date: isoDateSchema,
  passed: z.boolean(),
  clauses: clausesSchema,
});
export type Deadline = z.infer<typeof deadlineSchema>;

/** Every claim field a decision may name as missing, as a dotted path. */
export const missingFactFields = [
  'purchase.proof',
  'purchase.invoiceDate',
  'purchase.orderDate',
  'purchase.deliveredDate',
  'purchase.maxEstimatedDeliveryDate',
  'purchase.orderNumber',
  'purchase.shopLink',
  'purchase.price',
  'request.condition',
  'request.description',
  'request.symptom',
  'request.stepsTried',
  'product.serial',
  'product.sku',
  'product.itemCode',
  'customer.name',
  'customer.email',
  'evidence.productPhotos',
  'evidence.videos',
  'evidence.packagingPhotos',
  'evidence.carrierDamageProof',
  'evidence.returnShippingReceipt',
] as const;
export type MissingFactField = (typeof missingFactFields)[number];

/** A fact or piece of evidence the pack needs and the claim does not have yet. */
export const missingFactSchema = z.object({
  /** The claim field to fill, as a dotted path (`evidence.packagingPhotos`). */
  field: z.enum(missingFactFields),
  clauses: clausesSchema,
});
export type MissingFact = z.infer<typeof missingFactSchema>;

/** Why an option the customer may expect is not offered. */
export const exclusionSchema = z.object({
  reason: z.enum([
    'warranty-void',
    'not-covered',
    'accidental-damage',
    'no-defect-found',
    'coverage-ended',
    'window-closed',
    'proof-of-purchase',
    'transit-damage-without-carrier-proof',
    'worry-free-limit-reached',
    'not-dead-on-arrival',
    'return-receipt-missing',
    'condition-not-as-new',
  ]),
  clauses: clausesSchema,
});
export type Exclusion = z.infer<typeof exclusionSchema>;

/**
 * What a pack allows for a claim: the contract of the policy spec (`options`, `warrantyVoid`,
 * `coverageEnds`, `missing`, `clauses`) plus what the app shows beside it.
 */
export const decisionSchema = z.object({
  policy: policyIdSchema,
  packVersion: z.string(),
  asOf: isoDateSchema,
  options: z.array(decisionOptionSchema),
  warrantyVoid: z.boolean(),
  /** The inspection findings that voided the warranty. */
  voidFindings: z.array(misuseKindSchema),
  /** Last covered day of the basic warranty for this product; null when unknown or not served. */
  coverageEnds: isoDateSchema.nullable(),
  /** Dotted paths of what is still needed; empty when complete. */
  missing: z.array(z.string()),
  missingFacts: z.array(missingFactSchema),
  deadlines: z.array(deadlineSchema),
  exclusions: z.array(exclusionSchema),
  instructions: z.array(z.object({ kind: instructionKindSchema, clauses: clausesSchema })),
  /** Every clause the decision used, in catalog order. */
  clauses: clausesSchema,
  /** The words of every clause in `clauses`. */
  clauseTexts: z.record(z.string(), clauseTextSchema),
});
export type Decision = z.infer<typeof decisionSchema>;
