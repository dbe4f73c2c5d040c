import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckState } from '#shared/domain/receivingCheck';

type CheckRowProps = {
  readonly label: string;
  readonly state: CheckState;
  readonly children?: ReactNode;
};

const look = {
  pending: { color: 'gray', mark: '•' },
  pass: { color: 'teal', mark: '✓' },
  fail: { color: 'red', mark: '✕' },
} as const satisfies Record<CheckState, { color: string; mark: string }>;

/** One B14 check: a mark, its name and state in words, and what the clerk does for it. */
export function CheckRow({ label, state, children }: CheckRowProps) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <ThemeIcon color={look[state].color} radius="xl" size="md" variant="filled" aria-hidden>
        <Text fz="sm" fw={700} lh={1}>
          {look[state].mark}
        </Text>
      </ThemeIcon>
      <Stack gap={6} style={{ flex: 1 }}>
        <Text fw={500}>
          {label}{' '}
          <Text span size="sm" c={state === 'fail' ? 'red.9' : 'dimmed'}>
            ({t(`warehouse.receiving.checkState.${state}`)})
          </Text>
        </Text>
        {children}
      </Stack>
    </Group>
  );
}
