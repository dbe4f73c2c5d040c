import type { i18n, ParseKeys } from 'i18next';
import type { Messages } from './en';

// Translation keys are checked at compile time: a misspelt key, or one English lacks, does not
// type-check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

/** A translation key of the English messages; a string that is not one does not compile. */
export type MessageKey = ParseKeys;

/**
 * Whether `key`, a string made at run time (a form's stored error, an audit field's name),
 * names a message. Keys written in the code need no check: the compiler checks them.
 */
export function isMessageKey(i18next: i18n, key: string): key is MessageKey {
  return i18next.exists(key);
}
