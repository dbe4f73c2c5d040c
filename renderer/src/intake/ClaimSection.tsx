import {
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { claimReasonSchema, symptomSchema } from '#shared/domain/vocabulary';
import { fieldId } from './fieldTargets';
import type { IntakeFormValues } from './intakeFormValues';
import { maxLengthOf } from './intakeProblems';
import { IntakeSection } from './IntakeSection';

type ClaimSectionProps = {
  readonly form: UseFormReturnType<IntakeFormValues>;
  readonly errorOf: (path: string) => string | undefined;
};

/** The customer's account: why, what, since when, what was tried; the parcel; the C14 checks. */
export function ClaimSection({ form, errorOf }: ClaimSectionProps) {
  const { t } = useTranslation();
  const { claim } = form.values;
  const textField = (path: string) => ({
    id: fieldId(path),
    ...form.getInputProps(path),
    error: errorOf(path),
    maxLength: maxLengthOf(path),
  });
  // A long text shows how much of its limit is used, so a long account is not cut off by surprise.
  const characterCount = (path: 'claim.defectWhat' | 'claim.stepsTried') => {
    const typed =
      path === 'claim.defectWhat' ? form.values.claim.defectWhat : form.values.claim.stepsTried;
    return `${typed.length} / ${maxLengthOf(path) ?? ''}`;
  };
  const checkbox = (path: string) => ({
    id: fieldId(path),
    ...form.getInputProps(path, { type: 'checkbox' }),
  });

  return (
    <IntakeSection title={t('intake.sections.claim')}>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <Select
            id={fieldId('claim.reason')}
            label={t('intake.claim.reason')}
            withAsterisk
            data={claimReasonSchema.options.map((value) => ({
              value,
              label: t(`intake.reason.${value}`),
            }))}
            value={claim.reason === '' ? null : claim.reason}
            onChange={(value) => {
              const parsed = claimReasonSchema.safeParse(value);
              form.setFieldValue('claim.reason', parsed.success ? parsed.data : '');
            }}
            error={errorOf('claim.reason')}
          />
          <Select
            id={fieldId('claim.symptom')}
            label={t('intake.claim.symptom')}
            clearable
            data={symptomSchema.options.map((value) => ({
              value,
              label: t(`intake.symptom.${value}`),
            }))}
            value={claim.symptom === '' ? null : claim.symptom}
            onChange={(value) => {
              const parsed = symptomSchema.safeParse(value);
              form.setFieldValue('claim.symptom', parsed.success ? parsed.data : '');
            }}
          />
        </SimpleGrid>
        <Textarea
          label={t('intake.claim.defectWhat')}
          autosize
          minRows={2}
          maxRows={5}
          {...textField('claim.defectWhat')}
          description={characterCount('claim.defectWhat')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('intake.claim.defectHowItArose')}
            {...textField('claim.defectHowItArose')}
          />
          <TextInput
            label={t('intake.claim.defectSince')}
            placeholder={t('intake.claim.defectSinceHint')}
            {...textField('claim.defectSince')}
          />
        </SimpleGrid>
        <Textarea
          label={t('intake.claim.stepsTried')}
          autosize
          minRows={1}
          maxRows={4}
          {...textField('claim.stepsTried')}
          description={characterCount('claim.stepsTried')}
        />
        <Fieldset legend={t('intake.claim.condition')} variant="filled" p="sm">
          <Stack gap="xs">
            <Checkbox
              label={t('intake.claim.conditionRecorded')}
              {...checkbox('claim.conditionRecorded')}
            />
            {claim.conditionRecorded ? (
              <>
                <Group gap="lg">
                  <Checkbox label={t('intake.claim.unopened')} {...checkbox('claim.unopened')} />
                  <Checkbox label={t('intake.claim.unused')} {...checkbox('claim.unused')} />
                  <Checkbox
                    label={t('intake.claim.originalPackaging')}
                    {...checkbox('claim.originalPackaging')}
                  />
                </Group>
                <TagsInput
                  id={fieldId('claim.accessories')}
                  label={t('intake.claim.accessories')}
                  description={t('intake.claim.accessoriesHint')}
                  value={claim.accessories}
                  onChange={(values) => form.setFieldValue('claim.accessories', values)}
                />
              </>
            ) : null}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('intake.claim.acknowledgement')} variant="filled" p="sm">
          <Group gap="lg">
            <Checkbox label={t('intake.claim.dataBackedUp')} {...checkbox('claim.dataBackedUp')} />
            <Checkbox label={t('intake.claim.simRemoved')} {...checkbox('claim.simRemoved')} />
            <Checkbox label={t('intake.claim.factoryReset')} {...checkbox('claim.factoryReset')} />
          </Group>
        </Fieldset>
      </Stack>
    </IntakeSection>
  );
}
