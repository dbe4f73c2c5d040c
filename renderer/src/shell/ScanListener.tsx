import { Badge, Group, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useScanToClaim } from '../hooks/useScanToClaim';
import { useStationFormat } from '../hooks/useStationFormat';
import classes from './ScanListener.module.css';

/** Listens for the barcode scanner on every screen; asks which claim when a scan finds several. */
export function ScanListener() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useStationFormat();
  const { outcome, dismiss } = useScanToClaim();

  useEffect(() => {
    if (outcome.kind !== 'no-match') return;
    notifications.show({
      closeButtonProps: { 'aria-label': t('notification.close') },
      color: 'orange',
      message: t('scan.noMatch', { code: outcome.code }),
    });
  }, [outcome, t]);

  return (
    <Modal
      opened={outcome.kind === 'several'}
      onClose={dismiss}
      title={outcome.kind === 'several' ? t('scan.pickTitle', { code: outcome.code }) : ''}
      centered
    >
      {outcome.kind === 'several' ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('scan.pickHint')}
          </Text>
          {outcome.claims.map((claim, index) => (
            <UnstyledButton
              key={claim.id}
              className={classes.choice}
              data-autofocus={index === 0 ? true : undefined}
              onClick={() => {
                dismiss();
                void navigate(`/claims/${claim.id}`);
              }}
            >
              <Group justify="space-between" wrap="nowrap">
                <Text ff="monospace" fw={600}>
                  {claim.rmaNumber}
                </Text>
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light">{t(`status.${claim.status}`)}</Badge>
                  <Text size="sm" c="dimmed">
                    {format.dateTime(claim.createdAt)}
                  </Text>
                </Group>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      ) : null}
    </Modal>
  );
}
