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
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { claimReasonSchema, symptomSchema } from '#shared/domain/vocabulary';
import {
  boundCheckbox,
  boundTextInput,
  type CheckboxBinding,
  type TextInputBinding,
} from './boundFields';
import { fieldId } from './fieldTargets';
import { FormValue } from './FormValue';
import { IntakeSection } from './IntakeSection';
import type { IntakeFields } from './useIntakeForm';

type ClaimSectionProps = {
  readonly form: IntakeFields;
  readonly errorOf: (path: string) => string | undefined;
};

/** The customer's account: why, what, since when, what was tried; the parcel; the C14 checks. */
export const ClaimSection = memo(function ClaimSection({ form, errorOf }: ClaimSectionProps) {
  const { t } = useTranslation();
  const reason = form.useWatchValue('claim.reason');
  const symptom = form.useWatchValue('claim.symptom');
  const conditionRecorded = form.useWatchValue('claim.conditionRecorded');
  const textField = (path: string, input: (field: TextInputBinding) => ReactNode) =>
    boundTextInput(form, path, errorOf(path), input);
  // A long text shows how much of its limit is used, so a long account is not cut off by surprise.
  const characterCount = (field: TextInputBinding) =>
    `${field.value.length} / ${field.maxLength ?? ''}`;
  const checkbox = (path: string, input: (field: CheckboxBinding) => ReactNode) =>
    boundCheckbox(form, path, input);

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
            value={reason === '' ? null : reason}
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
            value={symptom === '' ? null : symptom}
            onChange={(value) => {
              const parsed = symptomSchema.safeParse(value);
              form.setFieldValue('claim.symptom', parsed.success ? parsed.data : '');
            }}
          />
        </SimpleGrid>
        {textField('claim.defectWhat', (field) => (
          <Textarea
            label={t('intake.claim.defectWhat')}
            autosize
            minRows={2}
            maxRows={5}
            {...field}
            description={characterCount(field)}
          />
        ))}
        <SimpleGrid cols={2} spacing="sm">
          {textField('claim.defectHowItArose', (field) => (
            <TextInput label={t('intake.claim.defectHowItArose')} {...field} />
          ))}
          {textField('claim.defectSince', (field) => (
            <TextInput
              label={t('intake.claim.defectSince')}
              placeholder={t('intake.claim.defectSinceHint')}
              {...field}
            />
          ))}
        </SimpleGrid>
        {textField('claim.stepsTried', (field) => (
          <Textarea
            label={t('intake.claim.stepsTried')}
            autosize
            minRows={1}
            maxRows={4}
            {...field}
            description={characterCount(field)}
          />
        ))}
        <Fieldset legend={t('intake.claim.condition')} variant="filled" p="sm">
          <Stack gap="xs">
            {checkbox('claim.conditionRecorded', (field) => (
              <Checkbox label={t('intake.claim.conditionRecorded')} {...field} />
            ))}
            {conditionRecorded ? (
              <>
                <Group gap="lg">
                  {checkbox('claim.unopened', (field) => (
                    <Checkbox label={t('intake.claim.unopened')} {...field} />
                  ))}
                  {checkbox('claim.unused', (field) => (
                    <Checkbox label={t('intake.claim.unused')} {...field} />
                  ))}
                  {checkbox('claim.originalPackaging', (field) => (
                    <Checkbox label={t('intake.claim.originalPackaging')} {...field} />
                  ))}
                </Group>
                {/* Read apart: every list change copies the form's values, so the accessories
                    are a new (equal) array then, and the section would be drawn again. */}
                <FormValue<string[]> form={form} path="claim.accessories">
                  {(accessories) => (
                    <TagsInput
                      id={fieldId('claim.accessories')}
                      label={t('intake.claim.accessories')}
                      description={t('intake.claim.accessoriesHint')}
                      value={accessories}
                      onChange={(values) => form.setFieldValue('claim.accessories', values)}
                    />
                  )}
                </FormValue>
              </>
            ) : null}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('intake.claim.acknowledgement')} variant="filled" p="sm">
          <Group gap="lg">
            {checkbox('claim.dataBackedUp', (field) => (
              <Checkbox label={t('intake.claim.dataBackedUp')} {...field} />
            ))}
            {checkbox('claim.simRemoved', (field) => (
              <Checkbox label={t('intake.claim.simRemoved')} {...field} />
            ))}
            {checkbox('claim.factoryReset', (field) => (
              <Checkbox label={t('intake.claim.factoryReset')} {...field} />
            ))}
          </Group>
        </Fieldset>
      </Stack>
    </IntakeSection>
  );
});
