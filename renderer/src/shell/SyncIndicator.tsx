import { Badge, Group, Progress, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncPhase } from '../core/sync/syncApi';
import { useNow } from '../hooks/useNow';
import { useCountFormat, useLanguage } from '../hooks/useStationFormat';
import { useSyncStatus } from '../hooks/useSyncStatus';
import { firstPullBarTransitionMs, firstPullProgress, lastSyncedText } from '../settings/syncText';

const phaseColors: Record<Exclude<SyncPhase, 'standalone'>, string> = {
  idle: 'teal',
  syncing: 'blue',
  offline: 'gray',
  stopped: 'red',
};

/**
 * The header's word on sync (synced, syncing, offline, stopped) with the details in a tooltip,
 * and the first pull's progress; a link to Settings → Sync. Nothing for a station working alone.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatCount = useCountFormat();
  const status = useSyncStatus();
  const nowMs = useNow(15_000);
  if (status.phase === 'standalone') return null;
  const serverUrl = status.serverUrl ?? '';
  const progress =
    status.firstPull === undefined
      ? undefined
      : firstPullProgress(status.firstPull, nowMs, language);
  const received = formatCount(progress?.receivedRows ?? 0);

  let label: string;
  let tip: string;
  if (progress !== undefined && (status.phase === 'syncing' || status.phase === 'idle')) {
    label =
      progress.percent === undefined
        ? t('sync.indicator.syncing')
        : t('sync.indicator.receiving', { percent: progress.percent });
    tip = t('sync.indicator.receivingTip', { received });
  } else {
    switch (status.phase) {
      case 'idle': {
        const when = lastSyncedText(status, nowMs, language);
        label = t('sync.indicator.idle');
        tip =
          when === undefined
            ? t('sync.indicator.neverTip', { serverUrl })
            : t('sync.indicator.idleTip', { serverUrl, when });
        break;
      }
      case 'syncing':
        label = t('sync.indicator.syncing');
        tip = t('sync.indicator.syncingTip', { serverUrl });
        break;
      case 'offline':
        label = t('sync.indicator.offline');
        tip = t('sync.indicator.offlineTip', { serverUrl, count: status.pendingChanges });
        break;
      case 'stopped':
        label = t('sync.indicator.stopped');
        tip = t('sync.indicator.stoppedTip');
        break;
      default: {
        const unexpected: never = status.phase;
        return unexpected;
      }
    }
  }

  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip label={tip} multiline w={280} withArrow>
        <Badge
          component={Link}
          to="/settings"
          variant="dot"
          color={phaseColors[status.phase]}
          size="lg"
          style={{ cursor: 'pointer', textTransform: 'none' }}
          aria-label={`${label}: ${tip}`}
        >
          {label}
        </Badge>
      </Tooltip>
      {progress?.percent === undefined ? null : (
        <Progress
          value={progress.percent}
          transitionDuration={firstPullBarTransitionMs}
          w={80}
          size="sm"
          aria-label={t('sync.firstPull.title')}
          visibleFrom="sm"
        />
      )}
    </Group>
  );
}
