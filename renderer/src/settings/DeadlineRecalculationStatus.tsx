import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../core';

/**
 * While the claims' deadlines are recalculated after the center's time zone or holidays changed
 * (in chunks, so the bench keeps working meanwhile), how far it is; nothing otherwise.
 */
export function DeadlineRecalculationStatus() {
  const { t, i18n } = useTranslation();
  const progress = useCoreQuery((core) => core.queries.deadlineRecalculation(), []);
  if (progress === undefined) return null;
  const { done, total } = progress;
  const text =
    total === undefined
      ? t('settings.deadlineRecalculation.started')
      : t('settings.deadlineRecalculation.progress', {
          done: done.toLocaleString(i18n.language),
          total: total.toLocaleString(i18n.language),
        });
  return (
    <Alert role="status" color="blue" variant="light">
      <Stack gap={6}>
        <Text size="sm">{text}</Text>
        {total === undefined || total === 0 ? null : (
          <Progress value={(done / total) * 100} aria-label={text} />
        )}
      </Stack>
    </Alert>
  );
}
