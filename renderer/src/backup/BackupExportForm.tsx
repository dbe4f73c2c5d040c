import { Button, Checkbox, Group, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStationBackupContext } from './StationBackupContext';

/** The shortest passphrase an export takes. */
const minimumPassphraseLength = 8;

/** The export asks for a passphrase twice, or for an explicit choice of no encryption. */
export function BackupExportForm() {
  const { t } = useTranslation();
  const { outcome, exportBackup } = useStationBackupContext();
  const busy = outcome.kind === 'exporting' || outcome.kind === 'restoring';
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
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <PasswordInput
              label={t('backup.repeatPassphrase')}
              value={repeated}
              onChange={(event) => setRepeated(event.currentTarget.value)}
              error={mismatch ? t('backup.passphraseMismatch') : undefined}
              autoComplete="new-password"
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
