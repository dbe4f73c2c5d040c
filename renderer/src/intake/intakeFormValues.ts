import { z } from 'zod';
import {
  claimReasonSchema,
  evidenceKindSchema,
  languageSchema,
  productCategorySchema,
  proofStatusSchema,
  salesChannelSchema,
  symptomSchema,
} from '#shared/domain/vocabulary';
import type { EvidenceKind } from '#shared/domain/vocabulary';

// The intake form's values: what the technician typed, kept as typed, and what a draft restores.

/** A text field of the form: what was typed, kept as typed (an empty field is `''`). */
const typed = z.string().catch('');
const checked = z.boolean().catch(false);
/** No choice made yet. */
const none = z.literal('');

/** A file attached to the intake: stored already (by digest), to become evidence on save. */
export const intakeEvidenceItemSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: evidenceKindSchema,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int().min(0),
  capturedAt: z.string(),
});
export type IntakeEvidenceItem = z.infer<typeof intakeEvidenceItemSchema>;

/**
 * What the intake form holds, as typed: plain data, so the draft autosave can keep it in
 * IndexedDB and read it back. Every field falls back to empty when a stored draft lacks it, so a
 * draft from an older form still restores what it can.
 */
export const intakeFormSchema = z.object({
  customer: z
    .object({
      /** The id of the customer picked from the search; `''` for a new customer. */
      existingId: typed,
      name: typed,
      phone: typed,
      email: typed,
      preferredLanguage: languageSchema.catch('en'),
      /** Street lines, one per line of the text area. */
      addressLines: typed,
      city: typed,
      postalCode: typed,
      countryCode: typed,
    })
    .catch(() => emptyCustomer('en')),
  device: z
    .object({
      serial: typed,
      imei: typed,
      category: z.union([productCategorySchema, none]).catch(''),
      brand: typed,
      model: typed,
      sku: typed,
      itemCode: typed,
    })
    .catch(() => ({ ...emptyDevice })),
  purchase: z
    .object({
      channel: z.union([salesChannelSchema, none]).catch(''),
      shopLink: typed,
      orderNumber: typed,
      orderDate: typed,
      invoiceDate: typed,
      deliveredDate: typed,
      /** The shop's latest estimated delivery date (KOSPET's official store, C2). */
      maxEstimatedDeliveryDate: typed,
      proof: proofStatusSchema.catch('valid'),
      /** The price as typed, in major units ("1899000", "49.90"). */
      price: typed,
    })
    .catch(() => ({ ...emptyPurchase })),
  claim: z
    .object({
      reason: z.union([claimReasonSchema, none]).catch(''),
      symptom: z.union([symptomSchema, none]).catch(''),
      defectWhat: typed,
      defectHowItArose: typed,
      defectSince: typed,
      stepsTried: typed,
      /** Whether the parcel's condition on arrival is recorded (it is absent until received). */
      conditionRecorded: checked,
      unopened: checked,
      unused: checked,
      originalPackaging: checked,
      accessories: z.array(z.string()).catch([]),
      dataBackedUp: checked,
      simRemoved: checked,
      factoryReset: checked,
    })
    .catch(() => ({ ...emptyClaim, accessories: [] })),
  evidence: z.array(intakeEvidenceItemSchema).catch([]),
});
export type IntakeFormValues = z.infer<typeof intakeFormSchema>;

function emptyCustomer(language: 'en' | 'id'): IntakeFormValues['customer'] {
  return {
    existingId: '',
    name: '',
    phone: '',
    email: '',
    preferredLanguage: language,
    addressLines: '',
    city: '',
    postalCode: '',
    countryCode: '',
  };
}
const emptyDevice: IntakeFormValues['device'] = {
  serial: '',
  imei: '',
  category: '',
  brand: '',
  model: '',
  sku: '',
  itemCode: '',
};
const emptyPurchase: IntakeFormValues['purchase'] = {
  channel: '',
  shopLink: '',
  orderNumber: '',
  orderDate: '',
  invoiceDate: '',
  deliveredDate: '',
  maxEstimatedDeliveryDate: '',
  proof: 'valid',
  price: '',
};
const emptyClaim: IntakeFormValues['claim'] = {
  reason: '',
  symptom: '',
  defectWhat: '',
  defectHowItArose: '',
  defectSince: '',
  stepsTried: '',
  conditionRecorded: false,
  unopened: false,
  unused: false,
  originalPackaging: false,
  accessories: [],
  dataBackedUp: false,
  simRemoved: false,
  factoryReset: false,
};

/** An empty intake; a new customer's documents default to the language on screen. */
export function emptyIntakeForm(language: 'en' | 'id'): IntakeFormValues {
  return {
    customer: emptyCustomer(language),
    device: { ...emptyDevice },
    purchase: { ...emptyPurchase },
    claim: { ...emptyClaim, accessories: [] },
    evidence: [],
  };
}

/** A stored draft's form values; undefined when it is not an intake draft at all. */
export function restoreIntakeForm(value: unknown): IntakeFormValues | undefined {
  const parsed = intakeFormSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The kind a new file most likely is, by its media type; the technician can change it. */
export function defaultEvidenceKind(mediaType: string): EvidenceKind {
  if (mediaType.startsWith('video/')) return 'video';
  if (mediaType === 'application/pdf') return 'receipt';
  return 'product-photo';
}
