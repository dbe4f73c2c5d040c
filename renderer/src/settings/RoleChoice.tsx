import { Checkbox, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '#shared/domain/roles';
import { roleSchema } from '#shared/domain/roles';

type RoleChoiceProps = {
  readonly label: string;
  readonly value: readonly Role[];
  readonly onChange: (roles: Role[]) => void;
  readonly error?: string | undefined;
};

/** The roles of a person, one checkbox each; a person may have several. */
export function RoleChoice({ label, value, onChange, error }: RoleChoiceProps) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={label}
      value={[...value]}
      error={error}
      onChange={(chosen) =>
        // In the roles' own order, whatever order they were ticked in.
        onChange(roleSchema.options.filter((role) => chosen.includes(role)))
      }
    >
      <Group gap="md" mt={6}>
        {roleSchema.options.map((role) => (
          <Checkbox key={role} value={role} label={t(`people.role.${role}`)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
