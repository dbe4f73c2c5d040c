import type { TFunction } from 'i18next';
import type { RepositoryErrorValues } from './errorText';
import { repositoryErrorText } from './errorText';

/**
 * What a screen says when a save was refused: a full disk in the same words everywhere (the user
 * frees space and saves again, and what was typed is still there), anything else in the screen's
 * own sentence around the refusal's reason (a permission refusal says who may do it).
 */
export function saveFailureText(
  t: TFunction,
  error: RepositoryErrorValues,
  sentence: (reason: string) => string,
): string {
  return error.code === 'storage-full'
    ? t('storage.full')
    : sentence(repositoryErrorText(t, error));
}
