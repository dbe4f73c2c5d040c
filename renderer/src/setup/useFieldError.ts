import type { FormErrors } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/** The message of a form field at fault, in the screen's language; undefined when it is fine. */
export function useFieldError(
  errors: FormErrors,
): (path: string, options?: Record<string, string>) => string | undefined {
  const { t } = useTranslation();
  return (path, options = {}) => {
    const key = errors[path];
    return typeof key === 'string' ? t(key, options) : undefined;
  };
}
