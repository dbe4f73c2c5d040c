import { Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStationContext } from '../station/StationContext';
import { BackupExportForm } from './BackupExportForm';
import { BackupOutcomeMessage } from './BackupOutcomeMessage';
import { useStationBackupContext } from './StationBackupContext';

/**
 * "Reset this station": empties it so that it can be set up again or restored, behind typing the
 * station code, with a reminder to export a backup first. A station in a bad state is never stuck.
 */
export function ResetStationPanel() {
  const { t } = useTranslation();
  const { station } = useStationContext();
  const { outcome, resetStation } = useStationBackupContext();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [resetting, setResetting] = useState(false);
  const confirmed = typed.trim().toUpperCase() === station.stationCode;
  const close = () => {
    setOpen(false);
    setTyped('');
  };
  return (
    <Paper component="section" withBorder p="lg" radius="md" aria-labelledby={titleId}>
      <Stack gap="sm" align="start">
        <Title order={2} size="h4" id={titleId}>
          {t('backup.reset.title')}
        </Title>
        <Text size="sm">{t('backup.reset.explain')}</Text>
        <Button color="red" variant="outline" onClick={() => setOpen(true)}>
          {t('backup.reset.open')}
        </Button>
      </Stack>
      <Modal opened={open} onClose={close} title={t('backup.reset.title')} size="lg" centered>
        <Stack gap="sm">
          <Text size="sm">{t('backup.reset.warning')}</Text>
          <BackupExportForm />
          <BackupOutcomeMessage outcome={outcome} />
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!confirmed) return;
              setResetting(true);
              // Once the station is empty the app shows first-run setup, unmounting this panel.
              void resetStation();
            }}
          >
            <Stack gap="sm">
              <TextInput
                label={t('backup.reset.confirmLabel', { code: station.stationCode })}
                value={typed}
                onChange={(event) => setTyped(event.currentTarget.value)}
                autoComplete="off"
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('backup.reset.cancel')}
                </Button>
                <Button type="submit" color="red" disabled={!confirmed} loading={resetting}>
                  {t('backup.reset.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      </Modal>
    </Paper>
  );
}
