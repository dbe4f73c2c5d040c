import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupOutcome } from '../hooks/useStationBackup';
import { useStationBackupContext } from './StationBackupContext';
import classes from './BackupPanel.module.css';

type BackupPanelProps = {
  /** On a station not yet set up there is nothing to export: only a restore makes sense. */
  readonly canExport?: boolean;
};

/** Export the station to one file; restore one on a new or reset station. */
export function BackupPanel({ canExport = true }: BackupPanelProps) {
  const { t } = useTranslation();
  const { outcome, exportBackup, restoreBackup } = useStationBackupContext();
  const restoreInputId = useId();
  const busy = outcome.kind === 'working';
  return (
    <Paper
      component="section"
      withBorder
      p="lg"
      radius="md"
      aria-labelledby={`${restoreInputId}-title`}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={`${restoreInputId}-title`}>
          {t('backup.title')}
        </Title>
        <Text size="sm">{t('backup.explain')}</Text>
        <Group gap="lg" align="center">
          {canExport ? (
            <Button disabled={busy} onClick={() => void exportBackup()}>
              {t('backup.export')}
            </Button>
          ) : null}
          <Group gap="xs" align="center">
            <Text component="label" htmlFor={restoreInputId} size="sm" fw={500}>
              {t('backup.restore')}
            </Text>
            <input
              id={restoreInputId}
              className={classes.fileInput}
              type="file"
              accept=".json,application/json"
              disabled={busy}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) void restoreBackup(file);
                event.currentTarget.value = '';
              }}
            />
          </Group>
        </Group>
        <OutcomeMessage outcome={outcome} />
      </Stack>
    </Paper>
  );
}

type OutcomeMessageProps = { readonly outcome: BackupOutcome };

function OutcomeMessage({ outcome }: OutcomeMessageProps) {
  const { t } = useTranslation();
  const megabytes = (bytes: number) => Math.ceil(bytes / (1024 * 1024));
  const status = (text: string) => (
    <Alert role="status" color="teal" variant="light">
      {text}
    </Alert>
  );
  const alert = (text: string) => (
    <Alert role="alert" color="red" variant="light">
      {text}
    </Alert>
  );
  switch (outcome.kind) {
    case 'idle':
      return null;
    case 'working':
      return status(t('backup.working'));
    case 'saved':
      return status(t('backup.saved', { path: outcome.path }));
    case 'canceled':
      return status(t('backup.canceled'));
    case 'too-large':
      return alert(
        t('backup.tooLarge', {
          size: megabytes(outcome.sizeBytes),
          limit: megabytes(outcome.limitBytes),
        }),
      );
    case 'save-failed':
      return alert(t('backup.saveFailed', { reason: outcome.message }));
    case 'restored':
      return status(t('backup.restored'));
    case 'restore-refused':
      return alert(t(`backup.refused.${outcome.code}`));
  }
}
