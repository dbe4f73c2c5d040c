import type { TFunction } from 'i18next';
import type { RepositoryError } from '../core/model';
import { repositoryErrorText } from '../i18n/errorText';

/** Where the People panel shows a refused change: on a field of its form, or above it. */
export type PersonFormErrors = { name?: string; pin?: string; roles?: string; form?: string };

/** A refused change of a person, in words, on the field at fault when there is one. */
export function personFormErrors(
  t: TFunction,
  error: RepositoryError,
  name: string,
): PersonFormErrors {
  if (error.code === 'last-manager') return { roles: t('people.lastManager', { name }) };
  if (error.code === 'invalid-input') {
    const field = error.field?.split('.')[0];
    if (field === 'name' || field === 'pin' || field === 'roles') {
      return { [field]: t(`people.errors.${field}`) };
    }
  }
  return { form: t('people.panel.failed', { reason: repositoryErrorText(t, error) }) };
}
