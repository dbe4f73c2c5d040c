import type { IsoDate, Money } from '../domain/primitives';
import type { MisuseKind, Remedy, ShippingPayer } from '../domain/vocabulary';
import type { ClauseText } from './clauses/clauseText';
import type { InstructionKind } from './pack';
import type { PolicyId } from './policyClaim';

/** A charge to the customer that an option carries, as the pack states it. */
export type Charge = {
  kind:
    'battery-kit' | 'depreciation' | 'price-difference' | 'customs-deduction' | 'component-value';
  clauses: string[];
  /** The amount when the pack states one; null when it is set case by case (customs, parts). */
  amount: Money | null;
  /** For an amount quoted per case within a stated range (C9). */
  range?: { min: Money; max: Money };
  /** For a charge made of stated parts (A11: material + shipping). */
  parts?: { label: 'material' | 'shipping'; amount: Money }[];
  /** True when the charge is taken off a refund rather than paid on top. */
  deductedFromRefund: boolean;
};

/** One remedy the pack allows for the claim as it stands. */
export type DecisionOption = {
  remedy: Remedy;
  /** Shipping customer → center; null when nothing is sent in. */
  inboundShippingPaidBy: ShippingPayer | null;
  /** Shipping center → customer; null when nothing goes back. */
  outboundShippingPaidBy: ShippingPayer | null;
  clauses: string[];
  charges: Charge[];
  /** The last day the customer may take this option, when a window bounds it. */
  deadline: IsoDate | null;
  /** True until an inspection confirms the customer's account (B15). */
  pendingInspection: boolean;
  /** True when the pack leaves the outcome to a person, who records the reason (B16). */
  manualDecision: boolean;
};

export type DeadlineKind =
  | 'first-response'
  | 'doa-window'
  | 'unconditional-refund-window'
  | 'quality-return-window'
  | 'change-of-mind-window'
  | 'free-shipping-window'
  | 'coverage-end'
  | 'worry-free-end'
  | 'worry-free-ship-by';

/** A window's last day (inclusive) and whether `asOf` is already past it. */
export type Deadline = { kind: DeadlineKind; date: IsoDate; passed: boolean; clauses: string[] };

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
export type MissingFact = {
  /** The claim field to fill, as a dotted path (`evidence.packagingPhotos`). */
  field: MissingFactField;
  clauses: string[];
};

/** Why an option the customer may expect is not offered. */
export type Exclusion = {
  reason:
    | 'warranty-void'
    | 'not-covered'
    | 'accidental-damage'
    | 'no-defect-found'
    | 'coverage-ended'
    | 'window-closed'
    | 'proof-of-purchase'
    | 'transit-damage-without-carrier-proof'
    | 'worry-free-limit-reached'
    | 'not-dead-on-arrival'
    | 'return-receipt-missing'
    | 'condition-not-as-new';
  clauses: string[];
};

/**
 * What a pack allows for a claim: the contract of ../shared/spec/policy.md (`options`,
 * `warrantyVoid`, `coverageEnds`, `missing`, `clauses`) plus what the app shows beside it.
 */
export type Decision = {
  policy: PolicyId;
  packVersion: string;
  asOf: IsoDate;
  options: DecisionOption[];
  warrantyVoid: boolean;
  /** The inspection findings that voided the warranty. */
  voidFindings: MisuseKind[];
  /** Last covered day of the basic warranty for this product; null when unknown or not served. */
  coverageEnds: IsoDate | null;
  /** Dotted paths of what is still needed; empty when complete. */
  missing: string[];
  missingFacts: MissingFact[];
  deadlines: Deadline[];
  exclusions: Exclusion[];
  instructions: { kind: InstructionKind; clauses: string[] }[];
  /** Every clause the decision used, in catalog order. */
  clauses: string[];
  /** The words of every clause in `clauses`. */
  clauseTexts: Record<string, ClauseText>;
};
