import { Button, Group, Menu, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../core';
import { personRoles, stationPeople, useStationCore } from '../core';
import { rolesText } from '../station/peopleText';
import { useStationContext } from '../station/StationContext';
import { PinForm } from './PinForm';

/** Who is signed in at the bench and in what roles; a switch to another person behind their PIN. */
export function PersonSwitch() {
  const { t } = useTranslation();
  const { commands } = useStationCore();
  const { station, benchPerson } = useStationContext();
  const [chosen, setChosen] = useState<Person | undefined>();
  const people = stationPeople(station).filter((person) => personRoles(person).active);

  const close = () => setChosen(undefined);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" title={t('people.header.switch')}>
            <Group gap={6} wrap="nowrap">
              <Text span size="xs" c="dimmed">
                {t('people.header.signedIn')}:
              </Text>
              <Text span size="xs" fw={600}>
                {benchPerson?.name ?? t('people.header.nobody')}
              </Text>
              {benchPerson === undefined ? null : (
                <Text span size="xs" c="dimmed" data-testid="bench-roles">
                  · {rolesText(t, personRoles(benchPerson).roles)}
                </Text>
              )}
            </Group>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('people.header.switch')}</Menu.Label>
          {people.length === 0 ? (
            <Menu.Item disabled>{t('people.header.noneYet')}</Menu.Item>
          ) : (
            people.map((person) => (
              <Menu.Item key={person.id} onClick={() => setChosen(person)}>
                {person.name}
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {rolesText(t, personRoles(person).roles)}
                </Text>
              </Menu.Item>
            ))
          )}
          {benchPerson === undefined ? null : (
            <>
              <Menu.Divider />
              <Menu.Item onClick={() => void commands.station.lock()}>
                {t('people.header.lock')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={chosen !== undefined} onClose={close} title={t('people.pin.title')} centered>
        {chosen === undefined ? null : (
          <>
            <Text fw={600} mb="sm">
              {chosen.name}
            </Text>
            <PinForm
              key={chosen.id}
              person={chosen}
              submitLabel={t('people.pin.confirm')}
              onSignedIn={() => {
                close();
                notifications.show({
                  closeButtonProps: { 'aria-label': t('notification.close') },
                  color: 'teal',
                  message: t('people.pin.switched', { name: chosen.name }),
                });
              }}
              secondaryAction={
                <Button variant="default" onClick={close}>
                  {t('people.pin.cancel')}
                </Button>
              }
            />
          </>
        )}
      </Modal>
    </>
  );
}
