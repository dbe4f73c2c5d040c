import { minorUnitDigitsOf } from '#shared/documents/format';
import type { Claim } from '#shared/domain/claim';
import type { Customer } from '#shared/domain/customer';
import type { Device } from '#shared/domain/device';
import type { Evidence } from '#shared/domain/evidence';
import type { CurrencyCode, IsoDate, MinorUnits } from '#shared/domain/primitives';
import type { Purchase } from '#shared/domain/purchase';
import type { ClaimRecords, PolicyClaimInput, PolicyId } from '#shared/policy';
import { policyClaimFromRecords, policyIdSchema } from '#shared/policy';
import type { PolicyAssignment } from '../core/model';
import type { IntakeEvidence, IntakeInput } from './saveIntake';
import type { IntakeFormValues } from './intakeFormValues';

// From the form's values to the records a save writes, and to the claim as the policy sees it while
// the form is being filled in.

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
