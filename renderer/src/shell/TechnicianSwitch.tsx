import { Button, Group, Menu, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Technician } from '../db/records';
import { useBenchSwitch } from '../hooks/useBenchSwitch';
import { useStationContext } from '../station/StationContext';

/** Who is at the bench, and a quick switch to another technician behind their PIN. */
export function TechnicianSwitch() {
  const { t } = useTranslation();
  const { station, benchTechnician } = useStationContext();
  const switchTo = useBenchSwitch();
  const [chosen, setChosen] = useState<Technician | undefined>();
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | undefined>();
  const technicians = station.technicians ?? [];

  const close = () => {
    setChosen(undefined);
    setPin('');
    setPinError(undefined);
  };
  const confirm = async (technician: Technician) => {
    const outcome = await switchTo(technician, pin);
    if (outcome === 'wrong-pin') {
      setPin('');
      setPinError(t('technician.wrongPin', { name: technician.name }));
      return;
    }
    close();
    notifications.show({
      color: outcome === 'switched' ? 'teal' : 'red',
      message:
        outcome === 'switched'
          ? t('technician.switched', { name: technician.name })
          : t('technician.noneYet'),
    });
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" title={t('technician.switch')}>
            <Group gap={6} wrap="nowrap">
              <Text span size="xs" c="dimmed">
                {t('header.atBench')}:
              </Text>
              <Text span size="xs" fw={600}>
                {benchTechnician?.name ?? t('header.nobody')}
              </Text>
            </Group>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('technician.switch')}</Menu.Label>
          {technicians.length === 0 ? (
            <Menu.Item disabled>{t('technician.noneYet')}</Menu.Item>
          ) : (
            technicians.map((technician) => (
              <Menu.Item key={technician.id} onClick={() => setChosen(technician)}>
                {technician.name}
              </Menu.Item>
            ))
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={chosen !== undefined}
        onClose={close}
        title={t('technician.pinTitle')}
        centered
      >
        {chosen === undefined ? null : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void confirm(chosen);
            }}
          >
            <Stack>
              <Text fw={600}>{chosen.name}</Text>
              <PasswordInput
                label={t('technician.pin')}
                description={t('technician.pinHint', { name: chosen.name })}
                inputMode="numeric"
                autoComplete="off"
                data-autofocus
                value={pin}
                error={pinError}
                onChange={(event) => {
                  setPin(event.currentTarget.value);
                  setPinError(undefined);
                }}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('technician.cancel')}
                </Button>
                <Button type="submit">{t('technician.confirm')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
