import { Alert, Autocomplete, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { productCategorySchema } from '#shared/domain/vocabulary';
import { fieldId } from './fieldTargets';
import type { IntakeFormValues } from './intakeFormValues';
import { maxLengthOf } from './intakeProblems';
import { IntakeSection } from './IntakeSection';
import type { KnownDevice } from './useKnownDevice';

type DeviceSectionProps = {
  readonly form: UseFormReturnType<IntakeFormValues>;
  readonly errorOf: (path: string) => string | undefined;
  readonly brands: readonly string[];
  readonly knownDevice: KnownDevice | undefined;
};

/** The unit the claim is about: identified by serial or IMEI, reused when already known. */
export function DeviceSection({ form, errorOf, brands, knownDevice }: DeviceSectionProps) {
  const { t } = useTranslation();
  const textField = (path: string) => ({
    id: fieldId(path),
    ...form.getInputProps(path),
    error: errorOf(path),
    maxLength: maxLengthOf(path),
  });
  const categories = productCategorySchema.options.map((category) => ({
    value: category,
    label: t(`intake.category.${category}`),
  }));

  return (
    <IntakeSection title={t('intake.sections.device')}>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('intake.device.serial')}
            description={t('intake.device.serialHint')}
            autoComplete="off"
            spellCheck={false}
            {...textField('device.serial')}
          />
          <TextInput
            label={t('intake.device.imei')}
            description={t('intake.device.imeiHint')}
            inputMode="numeric"
            autoComplete="off"
            {...textField('device.imei')}
          />
        </SimpleGrid>
        {knownDevice === undefined ? null : (
          <Alert
            color="blue"
            role="status"
            py="xs"
            title={t('intake.device.known', { model: knownDevice.device.model })}
          >
            <Text size="sm">
              {[
                t(`intake.category.${knownDevice.device.category}`),
                knownDevice.device.serial,
                knownDevice.device.imei,
                knownDevice.claimCount === 0
                  ? t('intake.device.noEarlierClaims')
                  : t('intake.device.earlierClaims', { count: knownDevice.claimCount }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Alert>
        )}
        <SimpleGrid cols={2} spacing="sm">
          <Autocomplete
            label={t('intake.device.brand')}
            description={t('intake.device.brandHint')}
            withAsterisk
            data={[...brands]}
            {...textField('device.brand')}
          />
          {knownDevice === undefined ? (
            <TextInput
              label={t('intake.device.model')}
              description={t('deviceModel.hint')}
              withAsterisk
              {...textField('device.model')}
            />
          ) : null}
        </SimpleGrid>
        {knownDevice === undefined ? (
          <SimpleGrid cols={3} spacing="sm">
            <Select
              id={fieldId('device.category')}
              label={t('intake.device.category')}
              withAsterisk
              data={categories}
              value={form.values.device.category === '' ? null : form.values.device.category}
              onChange={(value) => {
                const parsed = productCategorySchema.safeParse(value);
                form.setFieldValue('device.category', parsed.success ? parsed.data : '');
              }}
              error={errorOf('device.category')}
            />
            <TextInput label={t('intake.device.sku')} {...textField('device.sku')} />
            <TextInput
              label={t('intake.device.itemCode')}
              placeholder={t('intake.device.itemCodeHint')}
              {...textField('device.itemCode')}
            />
          </SimpleGrid>
        ) : null}
      </Stack>
    </IntakeSection>
  );
}
