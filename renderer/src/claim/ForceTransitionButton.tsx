import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import { useStationCore } from '../core';
import { useMayPerform } from '../hooks/useMayPerform';
import { useWriteContext } from '../hooks/useWriteContext';
import { repositoryErrorText } from '../i18n/errorText';

type ForceTransitionButtonProps = {
  readonly claimId: string;
  readonly to: ClaimStatus;
  readonly onForced: () => void;
};

/**
 * For a manager at the bench: moves the claim to `to` although the workflow refused it, with the
 * reason, which the timeline shows. Nothing for anyone else.
 */
export function ForceTransitionButton({ claimId, to, onForced }: ForceTransitionButtonProps) {
  const { t } = useTranslation();
  const mayOverride = useMayPerform('override-transition');
  const context = useWriteContext();
  const { commands } = useStationCore();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (!mayOverride || context === undefined) return null;

  const force = async (event: FormEvent) => {
    event.preventDefault();
    const result = await commands.claims.overrideTransition(claimId, to, reason, context);
    if (!result.ok) {
      setError(
        result.error.field === 'reason'
          ? t('people.force.reasonMissing')
          : repositoryErrorText(t, result.error),
      );
      return;
    }
    setOpened(false);
    onForced();
  };

  const status = t(`status.${to}`);
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpened(true)}>
        {t('people.force.button', { status })}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('people.force.title', { status })}
      >
        <form onSubmit={(event) => void force(event)}>
          <Stack>
            <Textarea
              label={t('people.force.reason')}
              description={t('people.force.reasonHint')}
              withAsterisk
              autosize
              minRows={2}
              data-autofocus
              value={reason}
              error={error}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setError(undefined);
              }}
            />
            {error === undefined ? null : (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('people.pin.cancel')}
              </Button>
              <Button type="submit" color="orange">
                {t('people.force.confirm', { status })}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
