import { Button, Checkbox, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupOutcomeMessage } from './BackupOutcomeMessage';
import { useStationBackupContext } from './StationBackupContext';
import classes from './BackupPanel.module.css';

type BackupPanelProps = {
  /** On a station not yet set up there is nothing to export: only a restore makes sense. */
  readonly canExport?: boolean;
};

/** The shortest passphrase an export takes. */
const minimumPassphraseLength = 8;

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
        {canExport ? <ExportForm busy={busy} /> : null}
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

type ExportFormProps = { readonly busy: boolean };

/** The export asks for a passphrase twice, or for an explicit choice of no encryption. */
function ExportForm({ busy }: ExportFormProps) {
  const { t } = useTranslation();
  const { exportBackup } = useStationBackupContext();
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [unencrypted, setUnencrypted] = useState(false);
  const tooShort = passphrase.length > 0 && passphrase.length < minimumPassphraseLength;
  const mismatch = repeated.length > 0 && repeated !== passphrase;
  const ready =
    unencrypted || (passphrase.length >= minimumPassphraseLength && repeated === passphrase);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) void exportBackup(unencrypted ? null : passphrase);
      }}
    >
      <Stack gap="xs">
        {unencrypted ? null : (
          <Group align="start" gap="sm" grow maw={620}>
            <PasswordInput
              label={t('backup.passphrase')}
              description={t('backup.passphraseHint')}
              value={passphrase}
              onChange={(event) => setPassphrase(event.currentTarget.value)}
              error={tooShort ? t('backup.passphraseTooShort') : undefined}
              autoComplete="new-password"
            />
            <PasswordInput
              label={t('backup.repeatPassphrase')}
              value={repeated}
              onChange={(event) => setRepeated(event.currentTarget.value)}
              error={mismatch ? t('backup.passphraseMismatch') : undefined}
              autoComplete="new-password"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </Group>
        )}
        <Checkbox
          label={t('backup.noEncryption')}
          checked={unencrypted}
          onChange={(event) => setUnencrypted(event.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" disabled={busy || !ready}>
            {t('backup.export')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
