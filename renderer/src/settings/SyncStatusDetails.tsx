import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../core/sync/syncApi';
import { useNow } from '../hooks/useNow';
import { useCountFormat, useLanguage } from '../hooks/useStationFormat';
import { useStationSync } from '../hooks/useSyncStatus';
import { FactList } from '../shell/FactList';
import { SyncFirstPull } from './SyncFirstPull';
import { SyncLeaveButton } from './SyncLeaveButton';
import { SyncRejectedChanges } from './SyncRejectedChanges';
import { lastSyncedText, syncProblemText } from './syncText';

type SyncStatusDetailsProps = { readonly status: SyncStatus };

/** A connected station's sync: where it is, what waits, what was refused, and its controls. */
export function SyncStatusDetails({ status }: SyncStatusDetailsProps) {
  const { t } = useTranslation();
  const sync = useStationSync();
  const language = useLanguage();
  const formatCount = useCountFormat();
  const nowMs = useNow(15_000);
  const [syncing, setSyncing] = useState(false);
  const serverUrl = status.serverUrl ?? '';
  const syncNow = async () => {
    setSyncing(true);
    try {
      await sync.syncNow();
    } finally {
      setSyncing(false);
    }
  };
  return (
    <Stack gap="sm">
      <FactList
        columns={2}
        facts={[
          [t('sync.server'), serverUrl],
          [t('sync.status'), t(`sync.phase.${status.phase}`)],
          [t('sync.lastSynced'), lastSyncedText(status, nowMs, language) ?? t('sync.never')],
          [t('sync.pendingChanges'), formatCount(status.pendingChanges)],
        ]}
      />
      {status.phase === 'offline' ? (
        <Alert role="status" color="yellow" variant="light">
          {t('sync.offlineExplain')}
        </Alert>
      ) : null}
      {status.phase === 'stopped' && status.problem !== undefined ? (
        <Alert role="alert" color="red" variant="light">
          {syncProblemText(t, status.problem)}
        </Alert>
      ) : null}
      {status.firstPull === undefined ? null : (
        <SyncFirstPull firstPull={status.firstPull} nowMs={nowMs} />
      )}
      {status.rejectedChanges.length === 0 ? null : (
        <SyncRejectedChanges rejected={status.rejectedChanges} />
      )}
      <Group>
        <Button
          loading={syncing || status.phase === 'syncing'}
          disabled={status.phase === 'stopped'}
          onClick={() => void syncNow()}
        >
          {t('sync.syncNow')}
        </Button>
        <SyncLeaveButton serverUrl={serverUrl} pendingChanges={status.pendingChanges} />
      </Group>
    </Stack>
  );
}
