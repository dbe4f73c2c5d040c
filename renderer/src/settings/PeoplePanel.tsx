import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesEnforced } from '#shared/domain/roles';
import type { Person } from '../core';
import { personRoles, stationPeople, useStationCore } from '../core';
import { useMayPerform } from '../hooks/useMayPerform';
import { useStationContext } from '../station/StationContext';
import { personFormErrors } from './personRefusal';
import { PersonFormModal } from './PersonFormModal';
import { PinResetModal } from './PinResetModal';

/** The choices of the idle lock, in minutes; `off` never locks. */
const idleLockChoices = ['off', '5', '10', '15', '30', '60'] as const;

/** What the panel has open: the form to add or change a person, or a PIN to reset. */
type Editing =
  | { readonly kind: 'none' }
  | { readonly kind: 'person'; readonly person: Person | undefined }
  | { readonly kind: 'pin'; readonly person: Person };

/**
 * The people of the station with their roles: add, rename, set roles, deactivate and reset a PIN
 * (a manager's job), and how long the station may sit idle before it locks.
 */
export function PeoplePanel() {
  const { t } = useTranslation();
  const { commands } = useStationCore();
  const titleId = useId();
  const { station } = useStationContext();
  const mayManage = useMayPerform('manage-people');
  const maySetLock = useMayPerform('edit-settings');
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [failure, setFailure] = useState<string | undefined>();
  const people = stationPeople(station);
  const enforced = rolesEnforced(people.map(personRoles));

  const setActive = async (person: Person, active: boolean) => {
    const result = await commands.station.updatePerson(person.id, {
      active,
    });
    const errors = result.ok ? {} : personFormErrors(t, result.error, person.name);
    setFailure(errors.roles ?? errors.form);
  };
  const setIdleLock = async (choice: string | null) => {
    const minutes = choice === null || choice === 'off' ? undefined : Number(choice);
    const result = await commands.station.setIdleLock(minutes);
    setFailure(result.ok ? undefined : personFormErrors(t, result.error, '').form);
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId}>
          {t('people.panel.title')}
        </Title>
        <Text size="sm">{t('people.panel.intro')}</Text>
        {enforced ? null : (
          <Alert color="yellow" variant="light" role="status">
            {t('people.panel.noManager')}
          </Alert>
        )}
        {mayManage ? null : (
          <Alert color="gray" variant="light" role="status">
            {t('people.panel.notManager')}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.panel.name')}</Table.Th>
                <Table.Th>{t('people.panel.roles')}</Table.Th>
                <Table.Th>{t('people.panel.status')}</Table.Th>
                <Table.Th>{t('people.panel.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((person) => {
                const { roles, active } = personRoles(person);
                return (
                  <Table.Tr key={person.id}>
                    <Table.Td>{person.name}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {roles.map((role) => (
                          <Badge key={role} variant="light" color={roleColor[role]}>
                            {t(`people.role.${role}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={active ? undefined : 'dimmed'}>
                        {active ? t('people.panel.active') : t('people.panel.inactive')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          disabled={!mayManage}
                          aria-label={t('people.panel.editOf', { name: person.name })}
                          onClick={() => setEditing({ kind: 'person', person })}
                        >
                          {t('people.panel.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          disabled={!mayManage}
                          aria-label={t('people.panel.resetPinOf', { name: person.name })}
                          onClick={() => setEditing({ kind: 'pin', person })}
                        >
                          {t('people.panel.resetPin')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color={active ? 'red' : undefined}
                          disabled={!mayManage}
                          aria-label={t(
                            active ? 'people.panel.deactivateOf' : 'people.panel.reactivateOf',
                            { name: person.name },
                          )}
                          onClick={() => void setActive(person, !active)}
                        >
                          {active ? t('people.panel.deactivate') : t('people.panel.reactivate')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {failure === undefined ? null : (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="space-between" align="flex-end">
          <Button
            variant="light"
            disabled={!mayManage}
            onClick={() => setEditing({ kind: 'person', person: undefined })}
          >
            {t('people.panel.add')}
          </Button>
          <Select
            label={t('people.panel.idleLock')}
            description={t('people.panel.idleLockHint')}
            w={340}
            allowDeselect={false}
            disabled={!maySetLock}
            data={idleLockChoices.map((choice) => ({
              value: choice,
              label:
                choice === 'off'
                  ? t('people.panel.idleLockOff')
                  : t('people.panel.idleLockMinutes', { count: Number(choice) }),
            }))}
            value={station.idleLockMinutes === undefined ? 'off' : String(station.idleLockMinutes)}
            onChange={(choice) => void setIdleLock(choice)}
          />
        </Group>
      </Stack>
      {editing.kind === 'person' ? (
        <PersonFormModal person={editing.person} onClose={() => setEditing({ kind: 'none' })} />
      ) : null}
      {editing.kind === 'pin' ? (
        <PinResetModal person={editing.person} onClose={() => setEditing({ kind: 'none' })} />
      ) : null}
    </Paper>
  );
}

const roleColor = { technician: 'teal', 'warehouse-clerk': 'blue', manager: 'grape' } as const;
