import type { TFunction } from 'i18next';

/**
 * A policy pack's name as every screen shows it, in the UI's language. A pack this version does
 * not know (synced from a newer station) shows its id.
 */
export function policyPackName(t: TFunction, packId: string): string {
  return t(`policyPack.${packId}`, { defaultValue: packId });
}
