import { z } from 'zod';

/**
 * The shared vocabulary of claims: the values the policy contract (../shared/spec/policy.md)
 * and the stored records both use, defined once.
 */

/** What kind of product a device is; straps and mounts have shorter warranties under some packs. */
export const productCategorySchema = z.enum([
  'bike-computer',
  'smartwatch',
  'hr-strap',
  'bike-mount',
  'accessory',
]);
export type ProductCategory = z.infer<typeof productCategorySchema>;

/** Where the customer bought the device. */
export const salesChannelSchema = z.enum([
  'official-store',
  'amazon',
  'aliexpress',
  'ebay',
  'walmart',
  'offline-store',
  'other',
]);
export type SalesChannel = z.infer<typeof salesChannelSchema>;

/** Why the customer is asking: the customer's account, before inspection. */
export const claimReasonSchema = z.enum([
  'defect',
  'arrived-damaged',
  'change-of-mind',
  'accidental-damage',
]);
export type ClaimReason = z.infer<typeof claimReasonSchema>;

/** How the problem shows; decides which evidence a pack asks for (A7). */
export const symptomSchema = z.enum(['visible-damage', 'malfunction', 'data-error']);
export type Symptom = z.infer<typeof symptomSchema>;

/** Whether the proof of purchase holds up (C7: missing, forged or tampered). */
export const proofStatusSchema = z.enum(['valid', 'missing', 'suspect']);
export type ProofStatus = z.infer<typeof proofStatusSchema>;

/** A sign of misuse or damage the inspection can find; most void the basic warranty. */
export const misuseKindSchema = z.enum([
  'firmware-flashed',
  'rooted',
  'body-opened',
  'parts-modified',
  'unintended-use',
  'continued-use-after-fault',
  'physical-damage',
  'liquid-damage',
  'wear-and-tear',
]);
export type MisuseKind = z.infer<typeof misuseKindSchema>;

/** What the customer can be offered. */
export const remedySchema = z.enum([
  'refer-to-seller',
  'doa-replacement',
  'doa-refund',
  'unconditional-refund',
  'quality-return-refund',
  'warranty-repair',
  'warranty-replacement',
  'worry-free-trade-in',
  'depreciated-return',
  'paid-repair',
  'spare-parts-sale',
]);
export type Remedy = z.infer<typeof remedySchema>;

/** Who pays a shipping leg. */
export const shippingPayerSchema = z.enum(['customer', 'company']);
export type ShippingPayer = z.infer<typeof shippingPayerSchema>;

/** What a piece of evidence shows. */
export const evidenceKindSchema = z.enum([
  'product-photo',
  'packaging-photo',
  'video',
  'receipt',
  'carrier-damage-proof',
]);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

/** The languages Fixline speaks: English and Bahasa Indonesia. */
export const languageSchema = z.enum(['en', 'id']);
export type Language = z.infer<typeof languageSchema>;
