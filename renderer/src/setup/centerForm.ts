import { addressSchema, phoneNumberSchema, type Address } from '#shared/domain/customer';
import { currencyCodeSchema, textSchema } from '#shared/domain/primitives';
import type { SalesChannel } from '#shared/domain/vocabulary';
import { salesChannelSchema } from '#shared/domain/vocabulary';
import { policyIdSchema, type PolicyId } from '#shared/policy';
import { stationTimeZone } from '#shared/domain/calendar';
import type { StationSettingsChanges, StationSettingsRow } from '../core/model';
import { centerDetailsSchema, timeZoneSchema } from '../core/model';

/** A postal address as its fields hold it: street lines one per line of a text area. */
export type AddressFormValues = {
  lines: string;
  city: string;
  region: string;
  postalCode: string;
  countryCode: string;
};

/** A brand's policy pack for some sales channels, as the rules table holds it. */
export type PolicyAssignmentFormValues = {
  brand: string;
  packId: PolicyId;
  channels: SalesChannel[];
};

/**
 * What first-run setup and Settings both edit, as the fields hold it (strings): the center, its
 * calendar and money, and which policy applies to which brand and channel.
 */
export type CenterFormValues = {
  centerName: string;
  address: AddressFormValues;
  phone: string;
  email: string;
  /** Parcels go to another address than the center's own (a warehouse, say). */
  separateReturnAddress: boolean;
  returnAddress: AddressFormValues;
  currency: string;
  timeZone: string;
  language: 'en' | 'id';
  /** ISO weekdays as strings ("1" is Monday), as a checkbox group holds them. */
  workingDays: string[];
  holidays: string[];
  policyAssignments: PolicyAssignmentFormValues[];
};

/** The form paths of the fields a document needs, for links straight to them. */
export type CenterFieldPath = 'address.lines' | 'phone' | 'currency';

/** The DOM id of a center field, so a link can focus it (`center-address-lines`). */
export function centerFieldId(path: string): string {
  return `center-${path.replace(/\./g, '-')}`;
}

const emptyAddress: AddressFormValues = {
  lines: '',
  city: '',
  region: '',
  postalCode: '',
  countryCode: '',
};

const allChannels = salesChannelSchema.options;

/** The center as first shown at setup: in the station's own time zone, open Monday to Friday. */
export function initialCenterValues(language: 'en' | 'id'): CenterFormValues {
  return {
    centerName: '',
    address: { ...emptyAddress },
    phone: '',
    email: '',
    separateReturnAddress: false,
    returnAddress: { ...emptyAddress },
    currency: '',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    language,
    workingDays: ['1', '2', '3', '4', '5'],
    holidays: [],
    // KOSPET's official store has its own policy; what KOSPET sells elsewhere falls under the other.
    policyAssignments: [
      { brand: 'iGPSPORT', packId: 'igpsport', channels: [...allChannels] },
      { brand: 'KOSPET', packId: 'kospet-official-store', channels: ['official-store'] },
      {
        brand: 'KOSPET',
        packId: 'kospet-warranty-refund',
        channels: allChannels.filter((channel) => channel !== 'official-store'),
      },
    ],
  };
}

function addressFormOf(address: Address | undefined): AddressFormValues {
  if (address === undefined) return { ...emptyAddress };
  return {
    lines: address.lines.join('\n'),
    city: address.city,
    region: address.region ?? '',
    postalCode: address.postalCode ?? '',
    countryCode: address.countryCode,
  };
}

/** The station's settings as the Settings form shows them; a field never set shows empty. */
export function centerFormOf(station: StationSettingsRow): CenterFormValues {
  return {
    centerName: station.center.name,
    address: addressFormOf(station.center.address),
    phone: station.center.phone ?? '',
    email: station.center.email ?? '',
    separateReturnAddress: station.center.returnAddress !== undefined,
    returnAddress: addressFormOf(station.center.returnAddress),
    currency: station.currency ?? '',
    timeZone: stationTimeZone(station.timeZone),
    language: station.language ?? 'en',
    workingDays: (station.workingDays ?? []).map(String),
    holidays: [...(station.holidays ?? [])],
    policyAssignments: (station.policyAssignments ?? []).map((assignment) => ({
      ...assignment,
      channels: [...assignment.channels],
    })),
  };
}

const optionalText = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const isBlank = (address: AddressFormValues): boolean =>
  Object.values(address).every((value) => value.trim() === '');

/** The address as typed, for the domain schema; undefined when every field is empty. */
function addressFromForm(address: AddressFormValues): Address | undefined {
  return isBlank(address) ? undefined : typedAddress(address);
}

/** The address as typed, even when empty, for the schema to name what is missing. */
function typedAddress(address: AddressFormValues): Address {
  return {
    lines: address.lines
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    city: address.city.trim(),
    region: optionalText(address.region),
    postalCode: optionalText(address.postalCode),
    countryCode: address.countryCode.trim().toUpperCase(),
  };
}

/** The settings the form's values stand for, as the station repository takes them. */
export function centerSettingsFromForm(values: CenterFormValues): StationSettingsChanges {
  const address = addressFromForm(values.address);
  const returnAddress = values.separateReturnAddress
    ? addressFromForm(values.returnAddress)
    : undefined;
  const phone = optionalText(values.phone);
  const email = optionalText(values.email);
  return {
    center: {
      name: values.centerName.trim(),
      ...(address === undefined ? {} : { address }),
      ...(returnAddress === undefined ? {} : { returnAddress }),
      ...(phone === undefined ? {} : { phone }),
      ...(email === undefined ? {} : { email }),
    },
    currency: values.currency.trim(),
    timeZone: values.timeZone,
    workingDays: values.workingDays.map(Number).sort((a, b) => a - b),
    holidays: [...values.holidays].sort(),
    language: values.language,
    policyAssignments: values.policyAssignments.map((assignment) => ({
      ...assignment,
      brand: assignment.brand.trim(),
    })),
  };
}

/** The i18n key that says how to fix each part of an address. */
const addressMessageKeys: Record<keyof AddressFormValues, string> = {
  lines: 'centerForm.errors.addressLines',
  city: 'centerForm.errors.city',
  region: 'centerForm.errors.region',
  postalCode: 'centerForm.errors.postalCode',
  countryCode: 'centerForm.errors.countryCode',
};

function isAddressField(name: PropertyKey | undefined): name is keyof AddressFormValues {
  return typeof name === 'string' && name in addressMessageKeys;
}

/**
 * The fields at fault, by form path, each with the i18n key of the message that says how to fix
 * it. The rules are the domain's own schemas, so the form refuses exactly what the database
 * would. The address and phone may be left empty (documents then link here to fill them in);
 * what is typed must be whole.
 */
export function validateCenter(values: CenterFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = (path: string, valid: boolean, messageKey: string) => {
    if (!valid && errors[path] === undefined) errors[path] = messageKey;
  };
  const checkAddress = (prefix: 'address' | 'returnAddress', address: AddressFormValues) => {
    const parsed = addressSchema.safeParse(typedAddress(address));
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const [part] = issue.path;
      if (isAddressField(part)) check(`${prefix}.${part}`, false, addressMessageKeys[part]);
    }
  };
  check('centerName', textSchema.safeParse(values.centerName).success, 'setup.errors.centerName');
  // The center's address may wait; a separate return address, once asked for, may not.
  if (!isBlank(values.address)) checkAddress('address', values.address);
  if (values.separateReturnAddress) checkAddress('returnAddress', values.returnAddress);
  const phone = optionalText(values.phone);
  check(
    'phone',
    phone === undefined || phoneNumberSchema.safeParse(phone).success,
    'centerForm.errors.phone',
  );
  const email = optionalText(values.email);
  check(
    'email',
    email === undefined || centerDetailsSchema.shape.email.safeParse(email).success,
    'centerForm.errors.email',
  );
  check('currency', currencyCodeSchema.safeParse(values.currency).success, 'setup.errors.currency');
  check('timeZone', timeZoneSchema.safeParse(values.timeZone).success, 'setup.errors.timeZone');
  check('workingDays', values.workingDays.length > 0, 'setup.errors.workingDays');
  values.policyAssignments.forEach((assignment, index) => {
    check(
      `policyAssignments.${index}.brand`,
      textSchema.safeParse(assignment.brand).success,
      'centerForm.errors.brand',
    );
    check(
      `policyAssignments.${index}.channels`,
      assignment.channels.length > 0,
      'setup.errors.channels',
    );
    const taken = values.policyAssignments
      .slice(0, index)
      .filter(
        (earlier) => earlier.brand.trim().toLowerCase() === assignment.brand.trim().toLowerCase(),
      )
      .flatMap((earlier) => earlier.channels);
    check(
      `policyAssignments.${index}.channels`,
      !assignment.channels.some((channel) => taken.includes(channel)),
      'setup.errors.channelTwice',
    );
  });
  return errors;
}

/** A new rule for the rules table: a brand to type, channels to choose, the first pack listed. */
export function newPolicyAssignment(): PolicyAssignmentFormValues {
  return { brand: '', packId: policyIdSchema.enum.igpsport, channels: [] };
}
