import type { TFunction } from 'i18next';
import { refusalText } from '../station/peopleText';

/**
 * What a screen says when a save was refused: a full disk in the same words everywhere (the user
 * frees space and saves again, and what was typed is still there), anything else in the screen's
 * own sentence around the refusal's reason (a permission refusal says who may do it).
 */
export function saveFailureText(
  t: TFunction,
  error: Parameters<typeof refusalText>[1],
  sentence: (reason: string) => string,
): string {
  return error.code === 'storage-full' ? t('storage.full') : sentence(refusalText(t, error));
}
