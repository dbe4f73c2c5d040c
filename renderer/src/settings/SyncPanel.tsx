import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../hooks/useSyncStatus';
import { SyncConnectForm } from './SyncConnectForm';
import { SyncStatusDetails } from './SyncStatusDetails';

/** Settings → Sync: connect a station working alone, or see and control a connected one's sync. */
export function SyncPanel() {
  const { t } = useTranslation();
  const titleId = useId();
  const status = useSyncStatus();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId}>
          {t('sync.title')}
        </Title>
        {status.phase === 'standalone' ? (
          <>
            <Text size="sm">{t('sync.explain')}</Text>
            <Text size="sm">{t('sync.centerFromServer')}</Text>
            <SyncConnectForm />
          </>
        ) : (
          <SyncStatusDetails status={status} />
        )}
      </Stack>
    </Paper>
  );
}
