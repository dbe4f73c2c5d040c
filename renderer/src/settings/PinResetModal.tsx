import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../core';
import { useStationCore } from '../core';
import type { PersonFormErrors } from './personRefusal';
import { personFormErrors } from './personRefusal';

/** Gives a person who forgot their PIN a new one. */
export function PinResetModal({
  person,
  onClose,
}: {
  readonly person: Person;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const { commands } = useStationCore();
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<PersonFormErrors>({});
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await commands.station.resetPin(person.id, pin);
    setSaving(false);
    if (!result.ok) {
      setErrors(personFormErrors(t, result.error, person.name));
      return;
    }
    onClose();
    notifications.show({
      closeButtonProps: { 'aria-label': t('notification.close') },
      color: 'teal',
      message: t('people.panel.pinReset', { name: person.name }),
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('people.panel.resetPinTitle', { name: person.name })}
      closeButtonProps={{ 'aria-label': t('people.panel.cancel') }}
    >
      <form onSubmit={(event) => void save(event)}>
        <Stack>
          <PasswordInput
            label={t('people.panel.newPin')}
            description={t('people.panel.pinHint')}
            withAsterisk
            data-autofocus
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
