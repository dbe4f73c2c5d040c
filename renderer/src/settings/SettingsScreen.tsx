import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BackupPanel } from '../backup/BackupPanel';
import { ResetStationPanel } from '../backup/ResetStationPanel';
import { StorageWarning } from '../shell/StorageWarning';
import { PeoplePanel } from './PeoplePanel';
import { PrintersPanel } from './PrintersPanel';
import { StationSettingsPanel } from './StationSettingsPanel';
import { SyncPanel } from './SyncPanel';

/** The station's settings, its printers, its sync with the center and its backup. */
export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('settings.title')}</Title>
      <StorageWarning />
      <StationSettingsPanel />
      <PeoplePanel />
      <PrintersPanel />
      <SyncPanel />
      <BackupPanel />
      <ResetStationPanel />
    </Stack>
  );
}
