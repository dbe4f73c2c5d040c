import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupExportForm } from './BackupExportForm';
import { BackupOutcomeMessage } from './BackupOutcomeMessage';
import { useStationBackupContext } from './StationBackupContext';
import classes from './BackupPanel.module.css';

type BackupPanelProps = {
  /** On a station not yet set up there is nothing to export: only a restore makes sense. */
  readonly canExport?: boolean;
};

/** Export the station to one file (encrypted unless the user says not to); restore one. */
export function BackupPanel({ canExport = true }: BackupPanelProps) {
  const { t } = useTranslation();
  const { outcome, restoreBackup } = useStationBackupContext();
  const restoreInputId = useId();
  const [restorePassphrase, setRestorePassphrase] = useState('');
  const busy = outcome.kind === 'exporting' || outcome.kind === 'restoring';
  const asksPassphrase =
    outcome.kind === 'restore-refused' &&
    (outcome.error.code === 'passphrase-needed' || outcome.error.code === 'wrong-passphrase');
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
        {canExport ? <BackupExportForm /> : null}
        <Group gap="xs" align="center">
          <Text component="label" htmlFor={restoreInputId} size="sm" fw={500}>
            {t('backup.restore')}
          </Text>
          <input
            id={restoreInputId}
            className={classes.fileInput}
            type="file"
            accept=".zip,application/zip,.json,application/json"
            disabled={busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void restoreBackup(file);
              event.currentTarget.value = '';
            }}
          />
        </Group>
        <BackupOutcomeMessage outcome={outcome} />
        {asksPassphrase ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void restoreBackup(outcome.file, restorePassphrase);
            }}
          >
            <Group align="end" gap="sm">
              <PasswordInput
                label={t('backup.restorePassphrase')}
                value={restorePassphrase}
                onChange={(event) => setRestorePassphrase(event.currentTarget.value)}
                autoComplete="off"
                data-autofocus
                w={280}
              />
              <Button type="submit" disabled={restorePassphrase === ''}>
                {t('backup.restoreWithPassphrase')}
              </Button>
            </Group>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
