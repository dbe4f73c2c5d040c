import { Fieldset, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type SetupSectionProps = { title: string; children: ReactNode };

/** One titled group of the first-run form. */
export function SetupSection({ title, children }: SetupSectionProps) {
  return (
    <Fieldset
      radius="md"
      p="lg"
      legend={
        <Text fw={700} size="lg" component="span">
          {title}
        </Text>
      }
    >
      {children}
    </Fieldset>
  );
}
