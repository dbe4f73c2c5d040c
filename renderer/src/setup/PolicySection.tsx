import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { newPolicyAssignment } from './centerForm';
import type { CenterFieldsForm } from './centerFieldsForm';
import { PolicyAssignmentTable } from './PolicyAssignmentTable';
import { SetupSection } from './SetupSection';
import { useFieldError } from './useFieldError';

type PolicySectionProps = { readonly form: CenterFieldsForm };

/** Which policy pack applies to a device, by its brand and where it was bought. */
export function PolicySection({ form }: PolicySectionProps) {
  const { t } = useTranslation();
  const errorOf = useFieldError(form.errors);
  const assignments = form.values.policyAssignments;
  return (
    <SetupSection title={t('setup.sections.policy')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('setup.policyHint')}
      </Text>
      <PolicyAssignmentTable
        assignments={assignments}
        onChange={(index, assignment) =>
          form.setFieldValue(`policyAssignments.${index}`, assignment)
        }
        onRemove={(index) =>
          form.setFieldValue(
            'policyAssignments',
            assignments.filter((_, at) => at !== index),
          )
        }
        errorOf={(index, part) =>
          errorOf(`policyAssignments.${index}.${part}`, {
            brand: assignments[index]?.brand ?? '',
          })
        }
      />
      <Group mt="sm">
        <Button
          variant="light"
          onClick={() =>
            form.setFieldValue('policyAssignments', [...assignments, newPolicyAssignment()])
          }
        >
          {t('centerForm.addRule')}
        </Button>
      </Group>
    </SetupSection>
  );
}
