import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RejectedChange } from '../core/sync/syncApi';
import { useStationFormat } from '../hooks/useStationFormat';
import { rejectionText } from './syncText';

type SyncRejectedChangesProps = { readonly rejected: readonly RejectedChange[] };

/** The station's changes the server refused for good, newest first, each with its reason. */
export function SyncRejectedChanges({ rejected }: SyncRejectedChangesProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const newestFirst = [...rejected].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Stack gap={4}>
      <Title order={4} size="h5">
        {t('sync.rejected.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('sync.rejected.explain')}
      </Text>
      <List size="sm" spacing={4}>
        {newestFirst.map((change) => (
          <List.Item key={change.mutationId}>
            {t('sync.rejected.item', {
              time: format.dateTime(change.at),
              reason: rejectionText(t, change.rejection),
            })}{' '}
            <Text span size="xs" c="dimmed">
              ({change.rejection.code})
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
