import {
  ActionIcon,
  Badge,
  CopyButton,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision } from '#shared/policy';
import { calendarDayIn, stationTimeZone } from '#shared/domain/calendar';
import { claimClocks, defaultWorkCalendar, relevantDeadlines } from '#shared/policy/claimClocks';
import type { StoredClaim, StoredCustomer, StoredDevice } from '../core';
import { useNow } from '../hooks/useNow';
import { useStationFormat } from '../hooks/useStationFormat';
import { useStationContext } from '../station/StationContext';
import { ClockList } from './ClockList';

type ClaimHeaderProps = {
  readonly claim: StoredClaim;
  readonly customer: StoredCustomer | undefined;
  readonly device: StoredDevice | undefined;
  readonly decision: Decision | undefined;
  readonly onAssign: (technicianId: string | undefined) => Promise<string | undefined>;
};

const nobody = 'nobody';

/** Who and what the claim is, where it stands, its running clocks and who has it. */
export function ClaimHeader({ claim, customer, device, decision, onAssign }: ClaimHeaderProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const { station } = useStationContext();
  const nowMs = useNow();
  const [assignError, setAssignError] = useState<string>();
  const timeZone = stationTimeZone(station.timeZone);
  const today = calendarDayIn(timeZone, nowMs);
  const deadlines = decision === undefined ? [] : relevantDeadlines(decision, claim.reason);
  const clocks = claimClocks(deadlines, today, claim.status, {
    workingDays: station.workingDays ?? defaultWorkCalendar.workingDays,
    holidays: station.holidays ?? [],
  });
  const serial = device?.serial ?? device?.imei;
  const identity = [
    t('claimScreen.header.customerDevice', {
      customer: customer?.name ?? '—',
      device: device?.model ?? '—',
    }),
    ...(serial === undefined ? [] : [t('claimScreen.header.serial', { serial })]),
  ].join(' · ');
  const details = [
    `${t('claim.opened')} ${format.dateTime(claim.createdAt)}`,
    `${t('claim.channel')}: ${t(`channel.${claim.purchase.channel}`)}`,
    ...(claim.purchase.price === undefined
      ? []
      : [`${t('claim.price')}: ${format.money(claim.purchase.price)}`]),
  ].join(' · ');

  return (
    <Paper withBorder p="md" radius="md" component="header">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Group gap="sm" align="center">
              <Title order={2} ff="monospace" fz={28}>
                {claim.rmaNumber}
              </Title>
              <CopyButton value={claim.rmaNumber}>
                {({ copied, copy }) => (
                  <Tooltip
                    label={copied ? t('claimScreen.header.copied') : t('claimScreen.header.copy')}
                  >
                    <ActionIcon
                      variant="subtle"
                      color={copied ? 'teal' : 'gray'}
                      aria-label={t('claimScreen.header.copy')}
                      onClick={copy}
                    >
                      <svg
                        width="18"
                        height="18"
                        viewBox="0 0 24 24"
                        aria-hidden="true"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth="2"
                        strokeLinecap="round"
                        strokeLinejoin="round"
                      >
                        {copied ? (
                          <path d="M5 12l5 5l10 -10" />
                        ) : (
                          <>
                            <rect x="8" y="8" width="12" height="12" rx="2" />
                            <path d="M16 8v-2a2 2 0 0 0 -2 -2h-8a2 2 0 0 0 -2 2v8a2 2 0 0 0 2 2h2" />
                          </>
                        )}
                      </svg>
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
              <Badge
                size="lg"
                variant="light"
                aria-label={`${t('claim.status')}: ${t(`status.${claim.status}`)}`}
              >
                {t(`status.${claim.status}`)}
              </Badge>
            </Group>
            <Text fw={500}>{identity}</Text>
            <Text size="sm" c="dimmed">
              {details}
            </Text>
          </Stack>
          <Select
            label={t('claimScreen.header.assignee')}
            w={220}
            allowDeselect={false}
            value={claim.assigneeId ?? nobody}
            error={assignError}
            data={[
              { value: nobody, label: t('claimScreen.header.unassigned') },
              ...(station.technicians ?? []).map((technician) => ({
                value: technician.id,
                label: technician.name,
              })),
            ]}
            onChange={(value) => {
              void onAssign(value === null || value === nobody ? undefined : value).then((reason) =>
                setAssignError(
                  reason === undefined
                    ? undefined
                    : t('claimScreen.header.assigneeFailed', { reason }),
                ),
              );
            }}
          />
        </Group>
        <ClockList clocks={clocks} />
      </Stack>
    </Paper>
  );
}
