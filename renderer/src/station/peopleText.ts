import type { TFunction } from 'i18next';
import type { Role } from '#shared/domain/roles';
import type { Person } from '../core/model';
import { personRoles } from '../core/model';

/** A person's roles in words: "Technician, Manager". */
export function rolesText(t: TFunction, roles: readonly Role[]): string {
  return roles.map((role) => t(`people.role.${role}`)).join(', ');
}

/** A person's name with their roles: "Dewi Lestari (Technician, Manager)". */
export function personWithRoles(t: TFunction, person: Person): string {
  return t('people.withRole', {
    name: person.name,
    roles: rolesText(t, personRoles(person).roles),
  });
}
