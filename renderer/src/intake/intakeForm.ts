import { z } from 'zod';
import { minorUnitDigitsOf } from '#shared/documents/format';
import type { Claim } from '#shared/domain/claim';
import type { Customer } from '#shared/domain/customer';
import { customerSchema } from '#shared/domain/customer';
import type { Device } from '#shared/domain/device';
import { deviceSchema, imeiSchema } from '#shared/domain/device';
import type { Evidence } from '#shared/domain/evidence';
import type { CurrencyCode, IsoDate, MinorUnits } from '#shared/domain/primitives';
import { calendarYears, isoDateSchema, textLimits } from '#shared/domain/primitives';
import type { Purchase } from '#shared/domain/purchase';
import { purchaseDateProblems, purchaseSchema } from '#shared/domain/purchase';
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
import type { ClaimRecords, PolicyClaimInput, PolicyId } from '#shared/policy';
import { policyClaimFromRecords, policyIdSchema } from '#shared/policy';
import type { PolicyAssignment } from '../core/model';
import type { IntakeEvidence, IntakeInput } from './saveIntake';
import type { IntakeErrorKey } from './messages';

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

/**
 * The policy pack for a brand's device bought through a channel, by the station's policy
 * assignments (brand compared without regard to case); undefined when none applies.
 */
export function policyPackFor(
  assignments: readonly PolicyAssignment[],
  brand: string,
  channel: string,
): PolicyId | undefined {
  const wanted = brand.trim().toLowerCase();
  if (wanted === '' || channel === '') return undefined;
  const assignment = assignments.find(
    (candidate) =>
      candidate.brand.trim().toLowerCase() === wanted &&
      candidate.channels.some((assigned) => assigned === channel),
  );
  return assignment?.packId;
}

/** The brands the station has policies for, as the setup wrote them. */
export function assignedBrands(assignments: readonly PolicyAssignment[]): string[] {
  return [...new Set(assignments.map((assignment) => assignment.brand.trim()))];
}

/**
 * The model as stored on the device: with its brand in front ("KOSPET Tank T3"), as the parts
 * catalog names compatible models, unless the technician already typed it so.
 */
export function fullModelName(brand: string, model: string): string {
  const trimmedBrand = brand.trim();
  const trimmedModel = model.trim();
  if (trimmedBrand === '' || trimmedModel.toLowerCase().startsWith(trimmedBrand.toLowerCase())) {
    return trimmedModel;
  }
  return `${trimmedBrand} ${trimmedModel}`;
}

/** Splits a stored model name back into a brand of the station and the rest, for a known device. */
export function splitModelName(
  brands: readonly string[],
  model: string,
): { brand: string; model: string } {
  const brand = brands.find((candidate) =>
    model.toLowerCase().startsWith(`${candidate.toLowerCase()} `),
  );
  return brand === undefined
    ? { brand: '', model }
    : { brand, model: model.slice(brand.length + 1) };
}

const optionalText = (value: string): string | undefined =>
  value.trim() === '' ? undefined : value.trim();

/**
 * A price typed in major units as minor units of `currency` ("49.90" USD is 4990); undefined for
 * an empty field, NaN for one that is not a price.
 */
export function priceInMinorUnits(typedPrice: string, currency: CurrencyCode): number | undefined {
  const text = typedPrice.trim().replace(/[\s,]/g, '');
  if (text === '') return undefined;
  const digits = minorUnitDigitsOf(currency);
  const pattern = digits === 0 ? /^[0-9]+$/ : new RegExp(`^[0-9]+(\\.[0-9]{1,${digits}})?$`);
  if (!pattern.test(text)) return Number.NaN;
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** The customer as typed, for the domain schema (empty optional fields left out). */
export function customerFromForm(values: IntakeFormValues): Omit<Customer, 'id'> {
  const { customer } = values;
  const lines = customer.addressLines
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const hasAddress =
    lines.length > 0 ||
    [customer.city, customer.postalCode, customer.countryCode].some(optionalText);
  return {
    name: customer.name,
    phone: customer.phone,
    email: optionalText(customer.email),
    preferredLanguage: customer.preferredLanguage,
    address: hasAddress
      ? {
          lines,
          city: customer.city,
          postalCode: optionalText(customer.postalCode),
          countryCode: customer.countryCode.trim().toUpperCase(),
        }
      : undefined,
  };
}

/** The device as typed, for the domain schema. */
export function deviceFromForm(values: IntakeFormValues): Omit<Device, 'id' | 'customerId'> {
  const { device } = values;
  return {
    model: fullModelName(device.brand, device.model),
    // Left for the schema to refuse with its own message when none is chosen.
    category: device.category as Device['category'],
    serial: optionalText(device.serial),
    imei: optionalText(device.imei)?.replace(/[\s-]/g, ''),
    sku: optionalText(device.sku),
    itemCode: optionalText(device.itemCode),
  };
}

/** The purchase as typed, for the domain schema. */
export function purchaseFromForm(values: IntakeFormValues, currency: CurrencyCode): Purchase {
  const { purchase } = values;
  const price = priceInMinorUnits(purchase.price, currency);
  return {
    channel: purchase.channel as Purchase['channel'],
    shopLink: optionalText(purchase.shopLink),
    orderNumber: optionalText(purchase.orderNumber),
    orderDate: optionalText(purchase.orderDate),
    invoiceDate: optionalText(purchase.invoiceDate),
    deliveredDate: optionalText(purchase.deliveredDate),
    maxEstimatedDeliveryDate: optionalText(purchase.maxEstimatedDeliveryDate),
    proof: purchase.proof,
    price: price === undefined ? undefined : { amount: price as MinorUnits, currency },
  };
}

/** The claim's own fields as typed (everything but who, what and the pack). */
export function claimFieldsFromForm(
  values: IntakeFormValues,
  currency: CurrencyCode,
): Omit<
  Claim,
  | 'id'
  | 'rmaNumber'
  | 'status'
  | 'createdAt'
  | 'updatedAt'
  | 'policyPackId'
  | 'customerId'
  | 'deviceId'
> {
  const { claim } = values;
  const defectWhat = optionalText(claim.defectWhat);
  return {
    purchase: purchaseFromForm(values, currency),
    reason: claim.reason as Claim['reason'],
    symptom: claim.symptom === '' ? undefined : claim.symptom,
    defect:
      defectWhat === undefined
        ? undefined
        : {
            what: defectWhat,
            howItArose: optionalText(claim.defectHowItArose),
            since: optionalText(claim.defectSince),
          },
    stepsTried: optionalText(claim.stepsTried),
    conditionOnArrival: claim.conditionRecorded
      ? {
          unopened: claim.unopened,
          unused: claim.unused,
          originalPackaging: claim.originalPackaging,
          accessoriesReceived: claim.accessories.map((item) => item.trim()).filter(Boolean),
        }
      : undefined,
    customerAcknowledgement: {
      dataBackedUp: claim.dataBackedUp,
      simRemoved: claim.simRemoved,
      factoryReset: claim.factoryReset,
    },
  };
}

/** The attached files as evidence for the save. */
export function evidenceFromForm(values: IntakeFormValues): IntakeEvidence[] {
  return values.evidence.map((item) => ({
    kind: item.kind,
    sha256: item.sha256,
    fileName: item.fileName,
    mediaType: item.mediaType,
    sizeBytes: item.sizeBytes,
    capturedAt: item.capturedAt,
  }));
}

/**
 * A field of the form at fault: `key` names a message of `intake.errors` when the form has its
 * own words for the mistake; otherwise `message` is the domain schema's (English) message.
 */
export type FieldProblem = {
  readonly field: string;
  readonly message: string;
  /** The sentence of the problem in the intake's messages, when it has one of its own. */
  readonly key?: IntakeErrorKey;
};

const yearRangeMessage = isoDateSchema.safeParse(`${calendarYears.max + 1}-01-01`).error?.issues[0]
  ?.message;

/** The most characters each text field of the form takes: the domain schema's limit for it. */
const fieldLimits: Readonly<Record<string, number>> = {
  'customer.name': textLimits.name,
  // Up to four street lines, one per line of the text area.
  'customer.addressLines': textLimits.line * 4 + 3,
  'customer.city': textLimits.name,
  'customer.postalCode': textLimits.code,
  'device.serial': textLimits.code,
  'device.brand': textLimits.name,
  'device.model': textLimits.name,
  'device.sku': textLimits.code,
  'device.itemCode': textLimits.code,
  'purchase.orderNumber': textLimits.code,
  'claim.defectWhat': textLimits.description,
  'claim.defectHowItArose': textLimits.description,
  'claim.defectSince': textLimits.line,
  'claim.stepsTried': textLimits.description,
};

/** The most characters the field at `path` takes; undefined for a field of another kind. */
export function maxLengthOf(path: string): number | undefined {
  return fieldLimits[path];
}

/** The intake's own message for a domain issue on `field`, when it has one. */
function problemKey(field: string, issue: z.core.$ZodIssue): IntakeErrorKey | undefined {
  if (field === 'device.imei')
    return issue.message.includes('Luhn') ? 'imeiChecksum' : 'imeiLength';
  if (field === 'device.serial' && issue.code === 'custom') return 'serialOrImei';
  if (issue.code === 'invalid_value') return 'choose';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'required';
  switch (field) {
    case 'customer.phone':
      return 'phone';
    case 'customer.email':
      return 'email';
    case 'customer.countryCode':
      return 'countryCode';
    case 'purchase.shopLink':
      return 'shopLink';
    case 'purchase.deliveredDate':
    case 'purchase.maxEstimatedDeliveryDate':
    case 'purchase.orderDate':
    case 'purchase.invoiceDate':
      if (issue.code === 'invalid_format') return 'date';
      return issue.message === yearRangeMessage ? 'dateYear' : 'deliveredBeforeOrder';
    default:
      return undefined;
  }
}

/** Where a domain schema's issue path lands in the form. */
const customerFieldOf = (path: string): string =>
  path.startsWith('address.lines')
    ? 'customer.addressLines'
    : `customer.${path.replace(/^address\./, '')}`;
const claimFieldOf = (path: string): string => {
  if (path.startsWith('purchase.')) return path.split('.').slice(0, 2).join('.');
  if (path.startsWith('defect.what')) return 'claim.defectWhat';
  return `claim.${path.split('.')[0] ?? path}`;
};

function problemsOf(
  result: z.ZodSafeParseResult<unknown>,
  fieldOf: (path: string) => string,
): FieldProblem[] {
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const field = fieldOf(issue.path.map(String).join('.'));
    return { field, message: issue.message, key: problemKey(field, issue) };
  });
}

/**
 * The IMEI as typed, checked as the device schema checks it: undefined when fine or empty,
 * else what is wrong (its length, or a failed check digit).
 */
export function imeiProblem(typedImei: string): FieldProblem | undefined {
  const imei = typedImei.replace(/[\s-]/g, '');
  if (imei === '') return undefined;
  const issue = imeiSchema.safeParse(imei).error?.issues[0];
  if (issue === undefined) return undefined;
  return { field: 'device.imei', message: issue.message, key: problemKey('device.imei', issue) };
}

/**
 * Everything wrong with the form for a save, by the domain schemas, one message per field
 * (the first). `customerIsNew` is false when an existing customer was picked, and
 * `deviceIsKnown` when the serial names a device already stored: their fields are not typed.
 * `today` is the station's calendar day: nothing was bought or delivered after it.
 */
export function intakeProblems(
  values: IntakeFormValues,
  options: {
    readonly currency: CurrencyCode;
    readonly customerIsNew: boolean;
    readonly deviceIsKnown: boolean;
    readonly placeholderId: string;
    readonly today: IsoDate;
  },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (options.customerIsNew) {
    problems.push(
      ...problemsOf(
        customerSchema.safeParse({ ...customerFromForm(values), id: options.placeholderId }),
        customerFieldOf,
      ),
    );
  }
  if (!options.deviceIsKnown) {
    problems.push(
      ...problemsOf(
        deviceSchema.safeParse({
          ...deviceFromForm(values),
          id: options.placeholderId,
          customerId: options.placeholderId,
        }),
        (path) => `device.${path === 'model' ? 'model' : path}`,
      ),
    );
  }
  const purchase = purchaseFromForm(values, options.currency);
  if (Number.isNaN(purchase.price?.amount)) {
    problems.push({ field: 'purchase.price', message: 'not a price', key: 'price' });
  }
  const purchaseResult = purchaseSchema.safeParse({ ...purchase, price: undefined });
  problems.push(...problemsOf(purchaseResult, (path) => `purchase.${path.split('.')[0] ?? path}`));
  // A purchase the schema accepts can still be dated after today (the claim's own day).
  if (purchaseResult.success) {
    for (const problem of purchaseDateProblems(purchaseResult.data, options.today)) {
      problems.push({
        field: `purchase.${problem.path[0]}`,
        message: problem.message,
        key: 'dateAfterToday',
      });
    }
  }
  const claim = claimFieldsFromForm(values, options.currency);
  problems.push(...problemsOf(claimReasonSchema.safeParse(claim.reason), () => 'claim.reason'));
  if (
    claim.defect === undefined &&
    values.claim.reason !== 'change-of-mind' &&
    values.claim.reason !== ''
  ) {
    problems.push({ field: 'claim.defectWhat', message: 'must not be empty', key: 'defect' });
  }
  const seen = new Set<string>();
  return problems.filter((problem) => {
    if (seen.has(problem.field)) return false;
    seen.add(problem.field);
    return true;
  });
}

/** Where a refusal of the save (by step and the repository's field) lands in the form. */
export function formFieldOfSaveError(step: string, field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  switch (step) {
    case 'customer':
      return customerFieldOf(field);
    case 'device':
      return `device.${field}`;
    case 'claim':
      return claimFieldOf(field);
    case 'evidence':
      return 'evidence';
    default:
      return undefined;
  }
}

/** The stored device the intake reuses, as far as the policy needs it. */
export type KnownDevice = Pick<
  Device,
  'model' | 'category' | 'serial' | 'imei' | 'sku' | 'itemCode'
>;

/**
 * The policy engine's view of the intake as it stands, built the way a saved claim is
 * (`policyClaimFromRecords`), so the decision beside the form is the one the claim will show.
 * Undefined while the pack is unknown or the fields the engine cannot do without (model,
 * category, channel, reason) are not chosen.
 */
export function draftPolicyClaim(
  values: IntakeFormValues,
  options: {
    readonly packId: PolicyId | undefined;
    readonly asOf: IsoDate;
    readonly currency: CurrencyCode;
    readonly knownDevice: KnownDevice | undefined;
    readonly customer: Pick<Customer, 'name' | 'email'> | undefined;
  },
): PolicyClaimInput | undefined {
  const { packId } = options;
  if (packId === undefined || !policyIdSchema.safeParse(packId).success) return undefined;
  const device = options.knownDevice ?? deviceFromForm(values);
  const claimFields = claimFieldsFromForm(values, options.currency);
  if (
    device.model.trim() === '' ||
    device.category === undefined ||
    (device.category as string) === ''
  ) {
    return undefined;
  }
  if (claimFields.purchase.channel === undefined || (claimFields.purchase.channel as string) === '')
    return undefined;
  if ((claimFields.reason as string) === '') return undefined;
  const price = claimFields.purchase.price;
  const purchase = {
    ...claimFields.purchase,
    price: price === undefined || Number.isNaN(price.amount) ? undefined : price,
  };
  // A draft is not a record yet: the ids and times below are never read by the policy.
  const placeholder = '00000000-0000-7000-8000-000000000000';
  const records: ClaimRecords = {
    claim: {
      ...claimFields,
      purchase,
      id: placeholder,
      rmaNumber: 'RMA-DRAFT-000001',
      status: 'intake',
      policyPackId: packId,
      customerId: placeholder,
      deviceId: placeholder,
      createdAt: `${options.asOf}T00:00:00.000Z`,
      updatedAt: `${options.asOf}T00:00:00.000Z`,
    },
    device: { ...device, id: placeholder, customerId: placeholder },
    customer: {
      id: placeholder,
      name: options.customer?.name ?? values.customer.name.trim(),
      phone: '',
      email:
        options.customer === undefined
          ? optionalText(values.customer.email)
          : options.customer.email,
      preferredLanguage: values.customer.preferredLanguage,
    },
    evidence: values.evidence.map((item): Evidence => ({
      ...item,
      id: placeholder,
      claimId: placeholder,
      capturedBy: placeholder,
    })),
  };
  const input = policyClaimFromRecords(records, options.asOf);
  if (input === undefined) return undefined;
  // An empty name or email is no name: the engine should list it as missing.
  const customer = input.customer && {
    name: optionalText(input.customer.name ?? ''),
    email: optionalText(input.customer.email ?? ''),
  };
  return { ...input, customer };
}

/** The input of `saveIntake` from the form; call it once `intakeProblems` found nothing. */
export function intakeInputFromForm(
  values: IntakeFormValues,
  options: {
    readonly currency: CurrencyCode;
    readonly packId: PolicyId;
    readonly knownDeviceId: string | undefined;
    /** The form's draft, removed in the save's transaction. */
    readonly draftKey?: string;
  },
): IntakeInput {
  const existingCustomer = values.customer.existingId;
  return {
    customer:
      existingCustomer === ''
        ? { kind: 'new', customer: customerFromForm(values) }
        : { kind: 'existing', id: existingCustomer },
    device:
      options.knownDeviceId === undefined
        ? { kind: 'new', device: deviceFromForm(values) }
        : { kind: 'existing', id: options.knownDeviceId },
    claim: { ...claimFieldsFromForm(values, options.currency), policyPackId: options.packId },
    evidence: evidenceFromForm(values),
    draftKey: options.draftKey,
  };
}
