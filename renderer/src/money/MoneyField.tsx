import { Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

type MoneyFieldProps = {
  readonly label: string;
  readonly currency: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly description?: ReactNode;
  readonly required?: boolean;
  readonly w?: number;
};

/**
 * An amount typed as text (digits and a dot), so what was typed stays on screen exactly, even
 * when it is refused; `parseMoneyInput` reads it into minor units when the form is submitted.
 */
export function MoneyField({
  label,
  currency,
  value,
  onChange,
  error,
  description,
  required,
  w,
}: MoneyFieldProps) {
  return (
    <TextInput
      label={label}
      value={value}
      inputMode="decimal"
      autoComplete="off"
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      description={description}
      required={required}
      w={w}
      rightSectionWidth={48}
      rightSection={
        <Text size="xs" c="dimmed" aria-hidden>
          {currency}
        </Text>
      }
    />
  );
}
