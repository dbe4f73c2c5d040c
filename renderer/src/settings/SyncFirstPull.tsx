import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../core/sync/syncApi';
import { useCountFormat, useLanguage } from '../hooks/useStationFormat';
import { firstPullBarTransitionMs, firstPullProgress } from './syncText';

type SyncFirstPullProps = {
  readonly firstPull: NonNullable<SyncStatus['firstPull']>;
  readonly nowMs: number;
};

/** A new station receiving the center's records: how many so far, of how many, and time left. */
export function SyncFirstPull({ firstPull, nowMs }: SyncFirstPullProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatCount = useCountFormat();
  const progress = firstPullProgress(firstPull, nowMs, language);
  const received = formatCount(progress.receivedRows);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('sync.firstPull.title')}
      </Text>
      <Progress
        value={progress.percent ?? 0}
        animated={progress.percent === undefined}
        transitionDuration={firstPullBarTransitionMs}
        aria-label={t('sync.firstPull.title')}
        size="lg"
      />
      <Text size="sm" c="dimmed">
        {progress.totalRows === undefined
          ? t('sync.firstPull.received', { received })
          : t('sync.firstPull.progress', { received, total: formatCount(progress.totalRows) })}
        {progress.timeLeft === undefined
          ? null
          : ` · ${t('sync.firstPull.timeLeft', { duration: progress.timeLeft })}`}
      </Text>
    </Stack>
  );
}
