import { Fieldset, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type IntakeSectionProps = { readonly title: string; readonly children: ReactNode };

/** One titled part of the intake form. */
export function IntakeSection({ title, children }: IntakeSectionProps) {
  return (
    <Fieldset
      radius="md"
      p="md"
      legend={
        <Text fw={700} size="md" component="span">
          {title}
        </Text>
      }
    >
      {children}
    </Fieldset>
  );
}
