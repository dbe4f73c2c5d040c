import type { ChangeEvent, ReactNode } from 'react';
import { fieldId } from './fieldTargets';
import { FormValue } from './FormValue';
import { maxLengthOf } from './intakeProblems';
import type { IntakeFields } from './useIntakeForm';

// The form's inputs, each bound to its field and reading its own value (through FormValue), so
// that a keystroke renders the input typed into, not the section it is in.

/** Fields whose format is checked as soon as they are left, not only on save. */
const checkedOnBlur = [
  'customer.phone',
  'customer.email',
  'customer.countryCode',
  'device.imei',
  'purchase.shopLink',
  'purchase.deliveredDate',
  'purchase.maxEstimatedDeliveryDate',
  'purchase.price',
];

/** What binds a text input (TextInput, Textarea, Autocomplete) to its field. */
export type TextInputBinding = {
  readonly id: string;
  readonly value: string;
  readonly onChange: (input: string | ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  readonly onBlur: (() => void) | undefined;
  readonly error: string | undefined;
  readonly maxLength: number | undefined;
};

/**
 * The text input `input` renders, bound to the form's field at `path`: its id and limit, the
 * value, `error`, the change written to the form, and the format checked when the field is left
 * (for {@link checkedOnBlur} fields).
 */
export function boundTextInput(
  form: IntakeFields,
  path: string,
  error: string | undefined,
  input: (binding: TextInputBinding) => ReactNode,
): ReactNode {
  return (
    <FormValue form={form} path={path}>
      {(value: string) =>
        input({
          id: fieldId(path),
          value,
          onChange: (typed) =>
            form.setFieldValue(path, typeof typed === 'string' ? typed : typed.currentTarget.value),
          onBlur: checkedOnBlur.includes(path) ? () => void form.validateField(path) : undefined,
          error,
          maxLength: maxLengthOf(path),
        })
      }
    </FormValue>
  );
}

/** What binds a checkbox to its field. */
export type CheckboxBinding = {
  readonly id: string;
  readonly checked: boolean;
  readonly onChange: (event: ChangeEvent<HTMLInputElement>) => void;
};

/** The checkbox `input` renders, bound to the form's field at `path`. */
export function boundCheckbox(
  form: IntakeFields,
  path: string,
  input: (binding: CheckboxBinding) => ReactNode,
): ReactNode {
  return (
    <FormValue form={form} path={path}>
      {(checked: boolean) =>
        input({
          id: fieldId(path),
          checked,
          onChange: (event) => form.setFieldValue(path, event.currentTarget.checked),
        })
      }
    </FormValue>
  );
}
