import { Alert, Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '#shared/domain/roles';
import type { Person } from '../core';
import { personRoles, useStationCore } from '../core';
import type { PersonFormErrors } from './personRefusal';
import { personFormErrors } from './personRefusal';
import { RoleChoice } from './RoleChoice';

type PersonFormModalProps = {
  /** The person to change; undefined to add one, with a PIN. */
  readonly person: Person | undefined;
  readonly onClose: () => void;
};

/** Adds a person (name, roles, PIN), or renames one and sets their roles. */
export function PersonFormModal({ person, onClose }: PersonFormModalProps) {
  const { t } = useTranslation();
  const { commands } = useStationCore();
  const [name, setName] = useState(person?.name ?? '');
  const [roles, setRoles] = useState<Role[]>(
    person === undefined ? ['technician'] : [...personRoles(person).roles],
  );
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<PersonFormErrors>({});
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const station = commands.station;
    const result =
      person === undefined
        ? await station.addPerson({ name, roles, pin })
        : await station.updatePerson(person.id, { name, roles });
    setSaving(false);
    if (result.ok) onClose();
    else setErrors(personFormErrors(t, result.error, person?.name ?? name));
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        person === undefined
          ? t('people.panel.addTitle')
          : t('people.panel.editTitle', { name: person.name })
      }
      closeButtonProps={{ 'aria-label': t('people.panel.cancel') }}
    >
      <form onSubmit={(event) => void save(event)}>
        <Stack>
          <TextInput
            label={t('people.panel.name')}
            withAsterisk
            data-autofocus
            value={name}
            error={errors.name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setErrors({});
            }}
          />
          <RoleChoice
            label={t('people.panel.roles')}
            value={roles}
            error={errors.roles}
            onChange={(chosen) => {
              setRoles(chosen);
              setErrors({});
            }}
          />
          {person === undefined ? (
            <PasswordInput
              label={t('people.panel.pin')}
              description={t('people.panel.pinHint')}
              withAsterisk
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={6}
              value={pin}
              error={errors.pin}
              onChange={(event) => {
                setPin(event.currentTarget.value);
                setErrors({});
              }}
            />
          ) : null}
          {errors.form === undefined ? null : (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('people.panel.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('people.panel.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
