import { ActionIcon, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RoleChoice } from '../settings/RoleChoice';
import type { SetupFormValues } from './setupForm';

type TechnicianDraft = SetupFormValues['technicians'][number];

type TechnicianRowsProps = {
  readonly technicians: readonly TechnicianDraft[];
  readonly onChange: (technicians: TechnicianDraft[]) => void;
  readonly errorOf: (index: number, part: 'name' | 'pin' | 'roles') => string | undefined;
  readonly listError: string | undefined;
};

/**
 * The people of the station: a name, a PIN and roles each; the first is put at the bench, and
 * manages the station unless their roles are changed.
 */
export function TechnicianRows({ technicians, onChange, errorOf, listError }: TechnicianRowsProps) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<TechnicianDraft>) =>
    onChange(technicians.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const nextKey = () => `technician-${Date.now()}-${technicians.length + 1}`;
  return (
    <Stack gap="sm">
      {technicians.map((technician, index) => {
        const number = index + 1;
        return (
          <Group key={technician.key} align="flex-start" gap="sm">
            <TextInput
              label={`${t('setup.technicianName')} (${t('setup.technicianRow', { number })})`}
              withAsterisk
              w={320}
              value={technician.name}
              error={errorOf(index, 'name')}
              onChange={(event) => update(index, { name: event.currentTarget.value })}
            />
            <PasswordInput
              label={`${t('setup.technicianPin')} (${t('setup.technicianRow', { number })})`}
              description={t('setup.technicianPinHint')}
              withAsterisk
              w={240}
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={6}
              value={technician.pin}
              error={errorOf(index, 'pin')}
              onChange={(event) => update(index, { pin: event.currentTarget.value })}
            />
            <RoleChoice
              label={`${t('people.panel.roles')} (${t('setup.technicianRow', { number })})`}
              value={technician.roles}
              error={errorOf(index, 'roles')}
              onChange={(roles) => update(index, { roles })}
            />
            {technicians.length > 1 ? (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                size="lg"
                aria-label={t('setup.removeTechnician', { number })}
                onClick={() => onChange(technicians.filter((_, at) => at !== index))}
              >
                ×
              </ActionIcon>
            ) : null}
          </Group>
        );
      })}
      {listError === undefined ? null : (
        <Text c="red" size="sm" role="alert">
          {listError}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          onClick={() =>
            onChange([...technicians, { key: nextKey(), name: '', pin: '', roles: ['technician'] }])
          }
        >
          {t('setup.addTechnician')}
        </Button>
      </Group>
    </Stack>
  );
}
