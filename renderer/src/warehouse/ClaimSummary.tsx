import { Badge, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceIdentifier } from '#shared/domain/receivingCheck';
import { FactList } from '../shell/FactList';
import type { ClaimBundle } from '../core';

type ClaimSummaryProps = {
  readonly bundle: ClaimBundle;
  readonly titleId: string;
  readonly children?: ReactNode;
};

/** The claim of the parcel on the desk: RMA number, status, customer and device. */
export function ClaimSummary({ bundle, titleId, children }: ClaimSummaryProps) {
  const { t } = useTranslation();
  const { claim, customer, device } = bundle;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h4" ff="monospace" id={titleId}>
            {claim.rmaNumber}
          </Title>
          <Badge variant="light" size="lg">
            {t(`status.${claim.status}`)}
          </Badge>
        </Group>
        <FactList
          columns={3}
          facts={[
            [t('warehouse.claim.customer'), customer?.name ?? t('warehouse.claim.noCustomer')],
            [t('warehouse.claim.device'), device?.model ?? t('warehouse.claim.noDevice')],
            [
              t('warehouse.claim.identifier'),
              device === undefined ? '—' : deviceIdentifier(device),
            ],
          ]}
        />
        {children}
      </Stack>
    </Paper>
  );
}
