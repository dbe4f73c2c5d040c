import { Stack, Title } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivingChecks, ReceivingStanding } from '#shared/domain/receivingCheck';
import { deviceIdentifier } from '#shared/domain/receivingCheck';
import type { ClaimBundle } from '../core';
import { CheckRow } from './CheckRow';
import { ParcelCondition } from './ParcelCondition';
import { ContentCheck, ParcelRefusal, RightItemCheck } from './ParcelChecks';
import { ReceiveAction } from './ReceiveAction';
import type { ReceivingDesk } from './useReceiving';

type ParcelChecksCardProps = {
  readonly desk: ReceivingDesk;
  readonly bundle: ClaimBundle;
  readonly checks: ReceivingChecks;
  readonly standing: ReceivingStanding;
  readonly serialRef: Ref<HTMLInputElement>;
};

/** The message key of a claim that is not expecting its parcel, by why not. */
const standingMessageKeys = {
  'not-authorized': 'warehouse.receiving.notAuthorized',
  'already-received': 'warehouse.receiving.alreadyReceived',
  ended: 'warehouse.receiving.ended',
} as const;

/**
 * The B14 checks of the parcel of a claim looked up: authorized (or why this parcel is not
 * expected, with a way on to the next), the right item, its content, its condition, and Receive.
 */
export function ParcelChecksCard({
  desk,
  bundle,
  checks,
  standing,
  serialRef,
}: ParcelChecksCardProps) {
  const { t } = useTranslation();
  const rmaNumber = bundle.claim.rmaNumber;
  const standingMessage =
    standing.kind === 'expected'
      ? undefined
      : t(standingMessageKeys[standing.kind], {
          rmaNumber,
          status: t(`status.${bundle.claim.status}`),
        });
  return (
    <Stack gap="sm">
      <Title order={4} size="h5">
        {t('warehouse.receiving.checksTitle')}
      </Title>
      <CheckRow label={t('warehouse.receiving.check.authorized')} state={checks.authorized}>
        {standingMessage === undefined ? null : (
          <ParcelRefusal message={standingMessage} onNextParcel={desk.startNextParcel} />
        )}
      </CheckRow>
      {standing.kind === 'expected' ? (
        <>
          <RightItemCheck
            desk={desk}
            checks={checks}
            rmaNumber={rmaNumber}
            inputRef={serialRef}
            expected={bundle.device === undefined ? '—' : deviceIdentifier(bundle.device)}
            model={bundle.device?.model ?? '—'}
          />
          <ContentCheck desk={desk} checks={checks} rmaNumber={rmaNumber} />
          <ParcelCondition desk={desk} />
          <ReceiveAction desk={desk} checks={checks} rmaNumber={rmaNumber} />
        </>
      ) : null}
    </Stack>
  );
}
