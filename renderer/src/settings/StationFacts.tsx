import { useTranslation } from 'react-i18next';
import { addressLines, formatDate, localeOf } from '#shared/documents/format';
import type { Address } from '#shared/domain/customer';
import type { StationSettingsRow } from '../core';
import { useLanguage } from '../hooks/useStationFormat';
import { policyPackName } from '../i18n/policyPackName';
import { FactList } from '../shell/FactList';

type StationFactsProps = { readonly station: StationSettingsRow };

/** The station's settings at a glance, as Settings shows them before editing. */
export function StationFacts({ station }: StationFactsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const weekday = new Intl.DateTimeFormat(localeOf[language], {
    weekday: 'short',
    timeZone: 'UTC',
  });
  const address = (value: Address | undefined, absent: string) =>
    value === undefined ? absent : addressLines(value, language).join(', ');
  const notSet = t('centerSettings.notSet');
  // ISO weekday n of the week of 2024-01-01, a Monday.
  const workingDays =
    (station.workingDays ?? [])
      .map((day) => weekday.format(new Date(Date.UTC(2024, 0, day))))
      .join(', ') || '—';
  const facts: [string, string][] = [
    [t('settings.center'), station.center.name],
    [t('settings.code'), station.stationCode],
    [t('centerForm.address'), address(station.center.address, notSet)],
    [
      t('centerForm.returnAddress'),
      address(station.center.returnAddress, t('centerSettings.sameAsCenter')),
    ],
    [t('centerForm.phone'), station.center.phone ?? notSet],
    [t('centerForm.email'), station.center.email ?? '—'],
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
  ];
  return <FactList facts={facts} columns={2} />;
}
