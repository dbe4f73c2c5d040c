import { Alert, Button, Grid, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceIdentifier, receivingStanding } from '#shared/domain/receivingCheck';
import { CheckRow } from './CheckRow';
import { ClaimSummary } from './ClaimSummary';
import { ParcelCondition } from './ParcelCondition';
import { ContentCheck, ParcelRefusal, RightItemCheck } from './ParcelChecks';
import { ReceivedList } from './ReceivedList';
import { RefusalAlert } from './RefusalAlert';
import { failureText } from '../i18n/errorText';
import { RmaLookupCard } from './RmaLookupCard';
import type { ReceivingDesk } from './useReceiving';

type ReceivingPanelProps = { readonly desk: ReceivingDesk; readonly active: boolean };

/** Receiving: scan the RMA slip, check the parcel against B14, record its condition, receive it. */
export function ReceivingPanel({ desk, active }: ReceivingPanelProps) {
  const { t } = useTranslation();
  const claimTitleId = useId();
  const rmaRef = useRef<HTMLInputElement>(null);
  const serialRef = useRef<HTMLInputElement>(null);
  const { bundle, checks, outcome } = desk;
  const working = outcome.kind === 'working';
  const standing = bundle === undefined ? undefined : receivingStanding(bundle.claim.status);

  // The next thing to scan has the focus: the serial once a parcel is expected, else the slip.
  const expectingSerial = standing?.kind === 'expected' && checks?.rightItem !== 'pass';
  const claimId = bundle?.claim.id;
  useEffect(() => {
    if (!active) return;
    if (expectingSerial) serialRef.current?.focus();
    else if (claimId === undefined) rmaRef.current?.focus();
  }, [active, expectingSerial, claimId]);

  // What was just read stays in its field, selected, so the next scan replaces it.
  const { readCount } = desk;
  useEffect(() => {
    const focused = document.activeElement;
    if (focused instanceof HTMLInputElement && focused.type === 'text') focused.select();
  }, [readCount]);

  useHotkeys(
    [['mod+Enter', () => active && checks?.canReceive === true && void desk.receive()]],
    [],
  );

  const status = bundle === undefined ? '' : t(`status.${bundle.claim.status}`);
  const rmaNumber = bundle?.claim.rmaNumber ?? '';
  const standingMessage =
    standing === undefined || standing.kind === 'expected'
      ? undefined
      : t(
          standing.kind === 'not-authorized'
            ? 'warehouse.receiving.notAuthorized'
            : standing.kind === 'already-received'
              ? 'warehouse.receiving.alreadyReceived'
              : 'warehouse.receiving.ended',
          { rmaNumber, status },
        );
  const expected = bundle?.device === undefined ? '—' : deviceIdentifier(bundle.device);

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

          {bundle !== undefined && checks !== undefined ? (
            <ClaimSummary bundle={bundle} titleId={claimTitleId}>
              <Stack gap="sm">
                <Title order={4} size="h5">
                  {t('warehouse.receiving.checksTitle')}
                </Title>
                <CheckRow
                  label={t('warehouse.receiving.check.authorized')}
                  state={checks.authorized}
                >
                  {standingMessage === undefined ? null : (
                    <ParcelRefusal message={standingMessage} onNextParcel={desk.startNextParcel} />
                  )}
                </CheckRow>
                {standing?.kind === 'expected' ? (
                  <>
                    <RightItemCheck
                      desk={desk}
                      checks={checks}
                      rmaNumber={rmaNumber}
                      inputRef={serialRef}
                      expected={expected}
                      model={bundle.device?.model ?? '—'}
                    />
                    <ContentCheck desk={desk} checks={checks} rmaNumber={rmaNumber} />
                    <ParcelCondition desk={desk} />

                    {outcome.kind === 'refused' ? (
                      <RefusalAlert
                        message={t('warehouse.receiving.refused', {
                          rmaNumber,
                          reason: failureText(t, outcome.refusal.failure),
                        })}
                        clauses={outcome.refusal.clauses}
                        failure={outcome.refusal.failure}
                      />
                    ) : null}
                    <Group justify="space-between" mt="xs">
                      <Text size="sm" c="dimmed">
                        {checks.canReceive ? null : t('warehouse.receiving.receiveBlocked')}
                      </Text>
                      <Button
                        size="md"
                        disabled={!checks.canReceive || !desk.canWrite}
                        loading={working}
                        onClick={() => void desk.receive()}
                        rightSection={
                          <Kbd size="xs">{t('warehouse.receiving.receiveShortcut')}</Kbd>
                        }
                      >
                        {t('warehouse.receiving.receive')}
                      </Button>
                    </Group>
                  </>
                ) : null}
              </Stack>
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
