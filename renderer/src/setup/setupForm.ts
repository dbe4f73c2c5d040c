import {
  currencyCodeSchema,
  isoDateSchema,
  stationCodeSchema,
  textSchema,
} from '../../../shared/domain/primitives';
import type { SalesChannel } from '../../../shared/domain/vocabulary';
import { salesChannelSchema } from '../../../shared/domain/vocabulary';
import type { PolicyId } from '../../../shared/policy';
import { timeZoneSchema } from '../db/records';
import type { Role } from '../../../shared/domain/roles';
import { rolesSchema } from '../../../shared/domain/roles';
import { pinSchema } from '../station/personPin';

/** What the setup screen edits, as the fields hold it (strings), before it becomes settings. */
export type SetupFormValues = {
  centerName: string;
  stationCode: string;
  currency: string;
  timeZone: string;
  language: 'en' | 'id';
  /** ISO weekdays as strings ("1" is Monday), as a checkbox group holds them. */
  workingDays: string[];
  holidays: string[];
  policyAssignments: { brand: string; packId: PolicyId; channels: SalesChannel[] }[];
  /** The people of the station (named technicians from before roles). */
  technicians: { key: string; name: string; pin: string; roles: Role[] }[];
};

const allChannels = salesChannelSchema.options;

/** The form as first shown: a center in the station's own time zone, working Monday to Friday. */
export function initialSetupValues(language: 'en' | 'id'): SetupFormValues {
  return {
    centerName: '',
    stationCode: '',
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
    // The first person sets the station up, so they manage it; they can hand that on later.
    technicians: [{ key: 'technician-1', name: '', pin: '', roles: ['technician', 'manager'] }],
  };
}

/**
 * The fields at fault, by form path, each with the i18n key of the message that says how to fix
 * it. The rules are the domain's own schemas, so the form refuses exactly what the database would.
 */
export function validateSetup(values: SetupFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = (path: string, valid: boolean, messageKey: string) => {
    if (!valid) errors[path] = messageKey;
  };
  check('centerName', textSchema.safeParse(values.centerName).success, 'setup.errors.centerName');
  check(
    'stationCode',
    stationCodeSchema.safeParse(values.stationCode).success,
    'setup.errors.stationCode',
  );
  check('currency', currencyCodeSchema.safeParse(values.currency).success, 'setup.errors.currency');
  check('timeZone', timeZoneSchema.safeParse(values.timeZone).success, 'setup.errors.timeZone');
  check('workingDays', values.workingDays.length > 0, 'setup.errors.workingDays');
  values.policyAssignments.forEach((assignment, index) => {
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
  check('technicians', values.technicians.length > 0, 'setup.errors.technicians');
  values.technicians.forEach((technician, index) => {
    check(
      `technicians.${index}.name`,
      textSchema.safeParse(technician.name).success,
      'setup.errors.technicianName',
    );
    check(
      `technicians.${index}.pin`,
      pinSchema.safeParse(technician.pin).success,
      'setup.errors.technicianPin',
    );
    check(
      `technicians.${index}.roles`,
      rolesSchema.safeParse(technician.roles).success,
      'people.errors.roles',
    );
  });
  return errors;
}

/** Whether a typed holiday can be added: a real day, not already in the list. */
export function holidayError(date: string, holidays: readonly string[]): string | undefined {
  if (!isoDateSchema.safeParse(date).success) return 'setup.errors.holiday';
  if (holidays.includes(date)) return 'setup.errors.holidayTwice';
  return undefined;
}
