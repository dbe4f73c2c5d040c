import { Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isMessageKey } from '../i18n/messageKey';
import type { ClaimAudit } from '../hooks/useClaimRecords';
import { personRoles, stationPeople } from '../core';
import { useStationFormat } from '../hooks/useStationFormat';
import { rolesText } from '../station/peopleText';
import { useStationContext } from '../station/StationContext';
import type { TimelineEntry } from './claimTimeline';
import { timelineEntries } from './claimTimeline';
import classes from './TimelineCard.module.css';

type TimelineCardProps = {
  readonly audit: ClaimAudit | undefined;
  readonly technicianName: (id: string) => string;
};

/**
 * Every change of the claim and its records, newest first: who did what, in which role, and
 * when. A change recorded without a role (before roles, or with no manager yet) shows the
 * person's roles now.
 */
export function TimelineCard({ audit, technicianName }: TimelineCardProps) {
  const { t, i18n } = useTranslation();
  const { station } = useStationContext();
  const people = stationPeople(station);
  const roleOf = (entry: TimelineEntry) => {
    if (entry.actorRole !== undefined) return t(`people.role.${entry.actorRole}`);
    const person = people.find((candidate) => candidate.id === entry.actorId);
    return person === undefined ? undefined : rolesText(t, personRoles(person).roles);
  };
  const format = useStationFormat();
  const titleId = useId();
  const entries = useMemo(
    () =>
      audit === undefined
        ? []
        : timelineEntries(
            audit.events,
            audit,
            // The timeline names fields of the audit trail, known only at run time.
            (key, values) => (isMessageKey(i18n, key) ? t(key, values ?? {}) : key),
            technicianName,
            audit.superseded,
          ),
    [audit, t, i18n, technicianName],
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId}>
          {t('claimScreen.timeline.title')}
        </Title>
        {audit === undefined ? null : entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('claimScreen.timeline.empty')}
          </Text>
        ) : (
          <Timeline bulletSize={12} lineWidth={2} active={-1} classNames={{ item: classes.item }}>
            {entries.map((entry) => (
              <Timeline.Item key={entry.id}>
                <Text size="sm">{entry.text}</Text>
                <Text size="xs" c="dimmed">
                  {[entry.actorName, roleOf(entry)].filter(Boolean).join(' · ')} ·{' '}
                  <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Paper>
  );
}
