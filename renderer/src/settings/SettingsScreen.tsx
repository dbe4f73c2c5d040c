import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BackupPanel } from '../backup/BackupPanel';
import { ResetStationPanel } from '../backup/ResetStationPanel';
import { formatDate, localeOf } from '../../../shared/documents/format';
import { useLanguage } from '../hooks/useStationFormat';
import { FactList } from '../shell/FactList';
import { useStationContext } from '../station/StationContext';
import { PeoplePanel } from './PeoplePanel';
import { policyPackName } from '../i18n/policyPackName';
import { StorageWarning } from '../shell/StorageWarning';
import { PrintersPanel } from './PrintersPanel';

/** The station as it was set up, and its backup. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { station } = useStationContext();
  const language = useLanguage();
  const weekday = new Intl.DateTimeFormat(localeOf[language], {
    weekday: 'short',
    timeZone: 'UTC',
  });
  // ISO weekday n of the week of 2024-01-01, a Monday.
  const workingDays =
    (station.workingDays ?? [])
      .map((day) => weekday.format(new Date(Date.UTC(2024, 0, day))))
      .join(', ') || '—';
  const facts: [string, string][] = [
    [t('settings.center'), station.center.name],
    [t('settings.code'), station.stationCode],
    [t('settings.currency'), station.currency ?? '—'],
    [t('settings.timeZone'), station.timeZone ?? '—'],
    [
      t('settings.language'),
      station.language === undefined ? '—' : t(`languageName.${station.language}`),
    ],
    [t('settings.screenLanguage'), t(`languageName.${language}`)],
    [t('settings.workingDays'), workingDays],
    [
      t('settings.holidays'),
      (station.holidays ?? []).map((day) => formatDate(day, language)).join(', ') || '—',
    ],
    [
      t('settings.policies'),
      (station.policyAssignments ?? [])
        .map(
          (assignment) =>
            `${assignment.brand} → ${policyPackName(t, assignment.packId)} (${assignment.channels.map((channel) => t(`channel.${channel}`)).join(', ')})`,
        )
        .join('; ') || '—',
    ],
    [
      t('settings.technicians'),
      (station.technicians ?? []).map((technician) => technician.name).join(', ') || '—',
    ],
  ];
  return (
    <Stack gap="md" maw={960}>
      <Title order={2}>{t('settings.title')}</Title>
      <StorageWarning />
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="station-title">
        <Title order={3} size="h4" id="station-title" mb="sm">
          {t('settings.station')}
        </Title>
        <FactList facts={facts} columns={2} />
      </Paper>
      <PeoplePanel />
      <PrintersPanel />
      <BackupPanel />
      <ResetStationPanel />
    </Stack>
  );
}
