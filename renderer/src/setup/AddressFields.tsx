import { SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { centerFieldId } from './centerForm';
import type { CenterFieldsForm } from './centerFieldsForm';
import { useFieldError } from './useFieldError';

type AddressFieldsProps = {
  readonly form: CenterFieldsForm;
  readonly path: 'address' | 'returnAddress';
  /** What the address is for, to tell the two addresses' fields apart ("Return address"). */
  readonly label: string;
};

/** A postal address: street lines, city, province, postal code and country. */
export function AddressFields({ form, path, label }: AddressFieldsProps) {
  const { t } = useTranslation();
  const errorOf = useFieldError(form.errors);
  const field = (part: string) => ({
    id: centerFieldId(`${path}.${part}`),
    ...form.getInputProps(`${path}.${part}`),
    error: errorOf(`${path}.${part}`),
  });
  return (
    <Stack gap="sm">
      <Textarea
        label={label}
        description={t('centerForm.addressLinesHint')}
        autosize
        minRows={2}
        maxRows={4}
        {...field('lines')}
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <TextInput
          label={t('centerForm.city')}
          aria-label={`${label}: ${t('centerForm.city')}`}
          {...field('city')}
        />
        <TextInput
          label={t('centerForm.region')}
          aria-label={`${label}: ${t('centerForm.region')}`}
          {...field('region')}
        />
        <TextInput
          label={t('centerForm.postalCode')}
          aria-label={`${label}: ${t('centerForm.postalCode')}`}
          {...field('postalCode')}
        />
        <TextInput
          label={t('centerForm.countryCode')}
          aria-label={`${label}: ${t('centerForm.countryCode')}`}
          placeholder={t('centerForm.countryCodeHint')}
          maxLength={2}
          autoCapitalize="characters"
          {...field('countryCode')}
        />
      </SimpleGrid>
    </Stack>
  );
}
