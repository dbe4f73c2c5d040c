import type { UseFormReturnType } from '@mantine/form';
import type { CenterFormValues } from './centerForm';

/**
 * What the center's sections need of a form: first-run setup's form and the Settings form both
 * have it, so the two screens show the same fields with the same checks.
 */
export type CenterFieldsForm = Pick<
  UseFormReturnType<CenterFormValues>,
  'values' | 'errors' | 'getInputProps' | 'setFieldValue'
>;
