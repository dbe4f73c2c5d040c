import type { ReactNode } from 'react';
import type { IntakeFields } from './useIntakeForm';

type FormValueProps<Value> = {
  readonly form: IntakeFields;
  /** The value's path in the form (`customer.name`). */
  readonly path: string;
  /** What shows the value: most often an input bound to it. */
  readonly children: (value: Value) => ReactNode;
};

/**
 * Reads one value of the form for `children`: when it changes, this renders again and the section
 * around it does not, so typing into a field renders that field alone.
 */
export function FormValue<Value>({ form, path, children }: FormValueProps<Value>) {
  const value: Value = form.useWatchValue(path);
  return children(value);
}
