import { Button, Group, Kbd, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReceivingChecks } from '#shared/domain/receivingCheck';
import { failureText } from '../i18n/errorText';
import { RefusalAlert } from './RefusalAlert';
import type { ReceivingDesk } from './useReceiving';

type ReceiveActionProps = {
  readonly desk: ReceivingDesk;
  readonly checks: ReceivingChecks;
  readonly rmaNumber: string;
};

/**
 * The foot of the checks: why the last attempt was refused, why receiving is blocked, and the
 * Receive button (Ctrl+Enter), on only when every B14 check passes and a technician is signed in.
 */
export function ReceiveAction({ desk, checks, rmaNumber }: ReceiveActionProps) {
  const { t } = useTranslation();
  const { outcome } = desk;
  return (
    <>
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
          loading={outcome.kind === 'working'}
          onClick={() => void desk.receive()}
          rightSection={<Kbd size="xs">{t('warehouse.receiving.receiveShortcut')}</Kbd>}
        >
          {t('warehouse.receiving.receive')}
        </Button>
      </Group>
    </>
  );
}
