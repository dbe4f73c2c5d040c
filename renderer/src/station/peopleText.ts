import type { TFunction } from 'i18next';
import type { Role } from '#shared/domain/roles';
import type { Person, RepositoryError } from '../core/model';
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

/**
 * A refused write in the screen's language: a permission refusal says who may do it and to
 * switch person; any other refusal keeps the repository's message.
 */
export function refusalText(
  t: TFunction,
  error: Pick<RepositoryError, 'message' | 'action' | 'rolesAllowed'> & { readonly code: string },
): string {
  if (error.action === undefined) return error.message;
  const action = t(`people.action.${error.action}`);
  if (error.code === 'unknown-person') return t('people.unknownPerson', { action });
  if (error.code !== 'not-permitted') return error.message;
  const roles = (error.rolesAllowed ?? [])
    .map((role) => t(`people.roleArticle.${role}`))
    .join(t('people.or'));
  return t('people.refused', { roles, action });
}
