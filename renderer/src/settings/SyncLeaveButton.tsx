import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStationSync } from '../hooks/useSyncStatus';

type SyncLeaveButtonProps = {
  readonly serverUrl: string;
  readonly pendingChanges: number;
};

/** "Leave this server", behind a confirmation that says what stays and what does not go. */
export function SyncLeaveButton({ serverUrl, pendingChanges }: SyncLeaveButtonProps) {
  const { t } = useTranslation();
  const sync = useStationSync();
  const [open, setOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const leave = async () => {
    setLeaving(true);
    try {
      await sync.leave();
      setOpen(false);
    } finally {
      setLeaving(false);
    }
  };
  return (
    <>
      <Button color="red" variant="outline" onClick={() => setOpen(true)}>
        {t('sync.leave.open')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('sync.leave.title')}
        closeButtonProps={{ 'aria-label': t('sync.leave.cancel') }}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">{t('sync.leave.explain', { serverUrl })}</Text>
          {pendingChanges > 0 ? (
            <Text size="sm" fw={500}>
              {t('sync.leave.pending', { count: pendingChanges })}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('sync.leave.cancel')}
            </Button>
            <Button color="red" loading={leaving} onClick={() => void leave()}>
              {t('sync.leave.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
