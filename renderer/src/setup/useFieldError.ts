import type { FormErrors } from '@mantine/form';
import type { TOptions } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isMessageKey } from '../i18n/messageKey';

/** The message of a form field at fault, in the screen's language; undefined when it is fine. */
export function useFieldError(
  errors: FormErrors,
): (path: string, options?: Record<string, string>) => string | undefined {
  const { t, i18n } = useTranslation();
  return (path, options = {}) => {
    const key = errors[path];
    if (typeof key !== 'string') return undefined;
    return isMessageKey(i18n, key) ? t(key, options as TOptions) : key;
  };
}
