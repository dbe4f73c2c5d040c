import { Checkbox, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AddressFields } from './AddressFields';
import { centerFieldId } from './centerForm';
import type { CenterFieldsForm } from './centerFieldsForm';
import { SetupSection } from './SetupSection';
import { useFieldError } from './useFieldError';

type CenterSectionProps = {
  readonly form: CenterFieldsForm;
  /** The station code's field beside the name: typed at setup, shown fixed in Settings. */
  readonly stationCode: ReactNode;
};

/** The repair center as documents print it: name, phone, email, address, return address. */
export function CenterSection({ form, stationCode }: CenterSectionProps) {
  const { t } = useTranslation();
  const errorOf = useFieldError(form.errors);
  const field = (path: 'centerName' | 'phone' | 'email') => ({
    id: centerFieldId(path),
    ...form.getInputProps(path),
    error: errorOf(path),
  });
  return (
    <SetupSection title={t('setup.sections.center')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('setup.centerName')}
            description={t('setup.centerNameHint')}
            withAsterisk
            {...field('centerName')}
          />
          {stationCode}
          <TextInput
            label={t('centerForm.phone')}
            description={t('centerForm.phoneHint')}
            type="tel"
            {...field('phone')}
          />
          <TextInput
            label={t('centerForm.email')}
            description={t('centerForm.emailHint')}
            type="email"
            {...field('email')}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('centerForm.documentsNeed')}
        </Text>
        <AddressFields form={form} path="address" label={t('centerForm.address')} />
        <Checkbox
          label={t('centerForm.separateReturnAddress')}
          description={t('centerForm.separateReturnAddressHint')}
          {...form.getInputProps('separateReturnAddress', { type: 'checkbox' })}
        />
        {form.values.separateReturnAddress ? (
          <AddressFields form={form} path="returnAddress" label={t('centerForm.returnAddress')} />
        ) : null}
      </Stack>
    </SetupSection>
  );
}
