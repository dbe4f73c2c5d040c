import { Alert, Autocomplete, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { productCategorySchema } from '#shared/domain/vocabulary';
import { boundTextInput, type TextInputBinding } from './boundFields';
import { fieldId } from './fieldTargets';
import { IntakeSection } from './IntakeSection';
import type { IntakeFields } from './useIntakeForm';
import type { KnownDevice } from './useKnownDevice';

type DeviceSectionProps = {
  readonly form: IntakeFields;
  readonly errorOf: (path: string) => string | undefined;
  readonly brands: readonly string[];
  readonly knownDevice: KnownDevice | undefined;
};

/** The unit the claim is about: identified by serial or IMEI, reused when already known. */
export const DeviceSection = memo(function DeviceSection({
  form,
  errorOf,
  brands,
  knownDevice,
}: DeviceSectionProps) {
  const { t } = useTranslation();
  const category = form.useWatchValue('device.category');
  const textField = (path: string, input: (field: TextInputBinding) => ReactNode) =>
    boundTextInput(form, path, errorOf(path), input);
  const categories = productCategorySchema.options.map((value) => ({
    value,
    label: t(`intake.category.${value}`),
  }));

  return (
    <IntakeSection title={t('intake.sections.device')}>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          {textField('device.serial', (field) => (
            <TextInput
              label={t('intake.device.serial')}
              description={t('intake.device.serialHint')}
              autoComplete="off"
              spellCheck={false}
              {...field}
            />
          ))}
          {textField('device.imei', (field) => (
            <TextInput
              label={t('intake.device.imei')}
              description={t('intake.device.imeiHint')}
              inputMode="numeric"
              autoComplete="off"
              {...field}
            />
          ))}
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
          {textField('device.brand', (field) => (
            <Autocomplete
              label={t('intake.device.brand')}
              description={t('intake.device.brandHint')}
              withAsterisk
              data={[...brands]}
              {...field}
            />
          ))}
          {knownDevice === undefined
            ? textField('device.model', (field) => (
                <TextInput
                  label={t('intake.device.model')}
                  description={t('deviceModel.hint')}
                  withAsterisk
                  {...field}
                />
              ))
            : null}
        </SimpleGrid>
        {knownDevice === undefined ? (
          <SimpleGrid cols={3} spacing="sm">
            <Select
              id={fieldId('device.category')}
              label={t('intake.device.category')}
              withAsterisk
              data={categories}
              value={category === '' ? null : category}
              onChange={(value) => {
                const parsed = productCategorySchema.safeParse(value);
                form.setFieldValue('device.category', parsed.success ? parsed.data : '');
              }}
              error={errorOf('device.category')}
            />
            {textField('device.sku', (field) => (
              <TextInput label={t('intake.device.sku')} {...field} />
            ))}
            {textField('device.itemCode', (field) => (
              <TextInput
                label={t('intake.device.itemCode')}
                placeholder={t('intake.device.itemCodeHint')}
                {...field}
              />
            ))}
          </SimpleGrid>
        ) : null}
      </Stack>
    </IntakeSection>
  );
});
