import { Alert, Grid, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { receivingStanding } from '#shared/domain/receivingCheck';
import { ClaimSummary } from './ClaimSummary';
import { ParcelChecksCard } from './ParcelChecksCard';
import { ReceivedList } from './ReceivedList';
import { RmaLookupCard } from './RmaLookupCard';
import type { ReceivingDesk } from './useReceiving';
import { useScanFocus } from './useScanFocus';

type ReceivingPanelProps = { readonly desk: ReceivingDesk; readonly active: boolean };

/** Receiving: scan the RMA slip, check the parcel against B14, record its condition, receive it. */
export function ReceivingPanel({ desk, active }: ReceivingPanelProps) {
  const { t } = useTranslation();
  const claimTitleId = useId();
  const { bundle, checks, outcome } = desk;
  const standing = bundle === undefined ? undefined : receivingStanding(bundle.claim.status);
  const { rmaRef, serialRef } = useScanFocus({
    active,
    expectingSerial: standing?.kind === 'expected' && checks?.rightItem !== 'pass',
    claimId: bundle?.claim.id,
    readCount: desk.readCount,
  });

  useHotkeys(
    [['mod+Enter', () => active && checks?.canReceive === true && void desk.receive()]],
    [],
  );

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="md">
          <RmaLookupCard desk={desk} inputRef={rmaRef} />

          {outcome.kind === 'received' ? (
            <Alert color="teal" variant="light" role="status">
              {t('warehouse.receiving.received', { rmaNumber: outcome.rmaNumber })}
            </Alert>
          ) : null}

          {bundle !== undefined && checks !== undefined && standing !== undefined ? (
            <ClaimSummary bundle={bundle} titleId={claimTitleId}>
              <ParcelChecksCard
                desk={desk}
                bundle={bundle}
                checks={checks}
                standing={standing}
                serialRef={serialRef}
              />
            </ClaimSummary>
          ) : null}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <ReceivedList parcels={desk.session} />
      </Grid.Col>
    </Grid>
  );
}
