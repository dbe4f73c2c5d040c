import { isoDateSchema, stationCodeSchema, textSchema } from '#shared/domain/primitives';
import type { Role } from '#shared/domain/roles';
import { rolesSchema } from '#shared/domain/roles';
import { pinSchema } from '../station/personPin';
import { initialCenterValues, validateCenter, type CenterFormValues } from './centerForm';
import type { MessageKey } from '../i18n/messageKey';

/**
 * What the setup screen edits, as the fields hold it (strings), before it becomes settings: the
 * center (as Settings edits it later), the station code and the technicians.
 */
export type SetupFormValues = CenterFormValues & {
  stationCode: string;
  /** The people of the station (named technicians from before roles). */
  technicians: { key: string; name: string; pin: string; roles: Role[] }[];
};

/** The form as first shown: a center in the station's own time zone, working Monday to Friday. */
export function initialSetupValues(language: 'en' | 'id'): SetupFormValues {
  return {
    ...initialCenterValues(language),
    stationCode: '',
    // The first person sets the station up, so they manage it; they can hand that on later.
    technicians: [{ key: 'technician-1', name: '', pin: '', roles: ['technician', 'manager'] }],
  };
}

/**
 * The fields at fault, by form path, each with the i18n key of the message that says how to fix
 * it: the center's, as Settings checks them, then the station code and the technicians.
 */
export function validateSetup(values: SetupFormValues): Record<string, string> {
  const errors: Record<string, string> = validateCenter(values);
  const check = (path: string, valid: boolean, messageKey: string) => {
    if (!valid) errors[path] = messageKey;
  };
  check(
    'stationCode',
    stationCodeSchema.safeParse(values.stationCode).success,
    'setup.errors.stationCode',
  );
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
export function holidayError(date: string, holidays: readonly string[]): MessageKey | undefined {
  if (!isoDateSchema.safeParse(date).success) return 'setup.errors.holiday';
  if (holidays.includes(date)) return 'setup.errors.holidayTwice';
  return undefined;
}
