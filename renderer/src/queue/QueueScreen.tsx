import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { claimStatusSchema, type ClaimStatus } from '../../../shared/domain/claimWorkflow';
import { useQueueCount } from '../hooks/useClaimQueue';
import { ClaimQueueList } from './ClaimQueueList';
import classes from './ClaimQueueList.module.css';

const allStatuses = 'all';

/** Every claim of the station, filtered by status, oldest first. */
export function QueueScreen() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const parsedStatus = claimStatusSchema.safeParse(searchParams.get('status'));
  const status: ClaimStatus | undefined = parsedStatus.success ? parsedStatus.data : undefined;
  const count = useQueueCount(status);
  return (
    <Stack gap="md" className={classes.screen}>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('queue.title')}</Title>
        <Group align="flex-end" gap="md">
          <Text size="sm" c="dimmed" aria-live="polite">
            {count === undefined ? t('queue.loading') : t('queue.count', { count })}
          </Text>
          <Select
            label={t('queue.status')}
            w={240}
            allowDeselect={false}
            value={status ?? allStatuses}
            onChange={(value) =>
              setSearchParams(value === null || value === allStatuses ? {} : { status: value })
            }
            data={[
              { value: allStatuses, label: t('queue.allStatuses') },
              ...claimStatusSchema.options.map((option) => ({
                value: option,
                label: t(`status.${option}`),
              })),
            ]}
          />
        </Group>
      </Group>
      {/* Keyed by the filter, so another status starts again at its first row. */}
      <ClaimQueueList key={status ?? allStatuses} status={status} count={count} />
    </Stack>
  );
}
