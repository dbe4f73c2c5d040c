import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClaimClock } from '#shared/policy/claimClocks';
import { useStationFormat } from '../hooks/useStationFormat';
import { clockColor } from './clockColor';

type ClockListProps = { readonly clocks: readonly ClaimClock[] };

/** The decision's deadlines as clocks: the day, how far it is, coloured as it nears and passes. */
export function ClockList({ clocks }: ClockListProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const when = (clock: ClaimClock): string => {
    switch (clock.tone) {
      case 'met':
        return t('claimScreen.clock.met');
      case 'stopped':
        return t('claimScreen.clock.stopped');
      case 'late':
        return t('claimScreen.clock.late', { count: -clock.daysFromToday });
      case 'closed':
        return t('claimScreen.clock.closed', { count: -clock.daysFromToday });
      case 'expired':
        return t('claimScreen.clock.expired', { count: -clock.daysFromToday });
      case 'near':
      case 'running':
        return clock.daysFromToday === 0
          ? t('claimScreen.clock.today')
          : t('claimScreen.clock.inDays', { count: clock.daysFromToday });
    }
  };
  if (clocks.length === 0) return null;
  return (
    <Group gap="xs" component="ul" aria-label={t('claimScreen.header.clocks')} m={0} p={0}>
      {clocks.map((clock) => {
        const color = clockColor(clock.tone);
        return (
          <Paper
            key={clock.kind}
            component="li"
            withBorder
            radius="sm"
            px="sm"
            py={4}
            data-tone={clock.tone}
            style={{
              listStyle: 'none',
              borderLeft: `4px solid var(--mantine-color-${color}-6)`,
              background: `var(--mantine-color-${color}-0)`,
            }}
          >
            <Text size="xs" c="dimmed" lh={1.3}>
              {t(`claimScreen.clock.kind.${clock.kind}`)}
            </Text>
            <Text size="sm" lh={1.3}>
              <Text span fw={600} size="sm">
                {format.date(clock.date)}
              </Text>{' '}
              <Text
                span
                size="sm"
                fw={clock.tone === 'late' || clock.tone === 'near' ? 700 : 400}
                // Only red's darkest shade reads at 4.5:1 on its tint; the others say it in dark text.
                c={clock.tone === 'late' ? 'red.9' : 'dark.7'}
              >
                {when(clock)}
              </Text>
            </Text>
          </Paper>
        );
      })}
    </Group>
  );
}
