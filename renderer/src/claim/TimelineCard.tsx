import { Paper, Stack, Text, Title } from '@mantine/core';
import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { keptOrMade } from '#shared/domain/keptOrMade';
import type { Role } from '#shared/domain/roles';
import { isMessageKey } from '../i18n/messageKey';
import type { ClaimAudit } from '../core';
import { personRoles, stationPeople } from '../core';
import { useStationFormat } from '../hooks/useStationFormat';
import { rolesText } from '../station/peopleText';
import { useStationContext } from '../station/StationContext';
import { timelineEntries } from './claimTimeline';
import classes from './TimelineCard.module.css';

type TimelineCardProps = {
  readonly audit: ClaimAudit | undefined;
  readonly technicianName: (id: string) => string;
};

/** A timeline line as it is drawn: what happened, who in which role, and when. */
type TimelineLine = {
  readonly id: string;
  readonly text: string;
  readonly byline: string;
  readonly at: string;
  readonly when: string;
};

/**
 * Every change of the claim and its records, newest first: who did what, in which role, and
 * when. A change recorded without a role (before roles, or with no manager yet) shows the
 * person's roles now.
 *
 * A claim's trail runs to hundreds of lines, so each line is plain list markup styled like
 * Mantine's Timeline (one of its items is several components), its words worked out once per
 * trail, and the card renders again only when the trail or the people change, not with every
 * other card of the claim screen.
 */
export const TimelineCard = memo(function TimelineCard({
  audit,
  technicianName,
}: TimelineCardProps) {
  const { t, i18n } = useTranslation();
  const { station } = useStationContext();
  const format = useStationFormat();
  const titleId = useId();
  const lines = useMemo((): readonly TimelineLine[] => {
    if (audit === undefined) return [];
    const rolesNow = new Map(
      stationPeople(station).map((person) => [person.id, rolesText(t, personRoles(person).roles)]),
    );
    const entries = timelineEntries(
      audit.events,
      audit,
      // The timeline names fields of the audit trail, known only at run time.
      (key, values) => (isMessageKey(i18n, key) ? t(key, values ?? {}) : key),
      technicianName,
      audit.superseded,
    );
    // A trail's hundreds of lines name a few roles: each is translated once.
    const roleNames = new Map<Role, string>();
    const roleName = (role: Role) => keptOrMade(roleNames, role, () => t(`people.role.${role}`));
    return entries.map((entry) => {
      const role =
        entry.actorRole === undefined ? rolesNow.get(entry.actorId) : roleName(entry.actorRole);
      return {
        id: entry.id,
        text: entry.text,
        byline: [entry.actorName, role].filter(Boolean).join(' · '),
        at: entry.at,
        when: format.dateTime(entry.at),
      };
    });
  }, [audit, station, t, i18n, technicianName, format]);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId}>
          {t('claimScreen.timeline.title')}
        </Title>
        {audit === undefined ? null : lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('claimScreen.timeline.empty')}
          </Text>
        ) : (
          <ol className={classes.timeline}>
            {lines.map((line) => (
              <li key={line.id} className={classes.item}>
                <p className={classes.text}>{line.text}</p>
                <p className={classes.byline}>
                  {line.byline} · <time dateTime={line.at}>{line.when}</time>
                </p>
              </li>
            ))}
          </ol>
        )}
      </Stack>
    </Paper>
  );
});
