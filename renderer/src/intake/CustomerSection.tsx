import {
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredCustomer } from '../core';
import { useCoreQuery } from '../core';
import { boundTextInput, type TextInputBinding } from './boundFields';
import { fieldId } from './fieldTargets';
import { IntakeSection } from './IntakeSection';
import type { IntakeFields } from './useIntakeForm';

type CustomerSectionProps = {
  readonly form: IntakeFields;
  readonly errorOf: (path: string) => string | undefined;
  /** The customer picked from the search, as stored; undefined for a new customer. */
  readonly pickedCustomer: StoredCustomer | undefined;
};

/** How many matches the search lists: enough to pick from, few enough to read at a glance. */
const searchLimit = 8;

/** Who the claim is for: a customer found by phone, email or name, or a new one. */
export const CustomerSection = memo(function CustomerSection({
  form,
  errorOf,
  pickedCustomer,
}: CustomerSectionProps) {
  const { t } = useTranslation();
  const preferredLanguage = form.useWatchValue('customer.preferredLanguage');
  const [search, setSearch] = useState('');
  const matches = useCoreQuery(
    ({ queries }) => queries.customers(search, { limit: searchLimit }),
    [search],
  );
  const options = (matches ?? []).map((match) => ({
    value: match.id,
    label: [match.name, match.phone, match.email].filter(Boolean).join(' · '),
  }));
  const textField = (path: string, input: (field: TextInputBinding) => ReactNode) =>
    boundTextInput(form, path, errorOf(path), input);

  return (
    <IntakeSection title={t('intake.sections.customer')}>
      <Stack gap="sm">
        <Select
          id={fieldId('customer.search')}
          label={t('intake.customer.search')}
          description={t('intake.customer.searchHint')}
          placeholder={t('intake.customer.searchPlaceholder')}
          searchable
          clearable
          data={options}
          value={null}
          searchValue={search}
          onSearchChange={setSearch}
          // The database already matched; the select must not filter its answer again.
          filter={({ options: all }) => all}
          nothingFoundMessage={search.trim() === '' ? undefined : t('intake.customer.noMatch')}
          onChange={(id) => {
            if (id === null) return;
            form.setFieldValue('customer.existingId', id);
            setSearch('');
          }}
          rightSectionPointerEvents="none"
          comboboxProps={{ withinPortal: true }}
        />
        {pickedCustomer !== undefined ? (
          <Paper withBorder p="sm" radius="sm" bg="gray.0" aria-label={t('intake.customer.picked')}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                  {t('intake.customer.picked')}
                </Text>
                <Text fw={600}>{pickedCustomer.name}</Text>
                <Text size="sm">
                  {[pickedCustomer.phone, pickedCustomer.email].filter(Boolean).join(' · ')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('intake.customer.language')}:{' '}
                  {t(`language.${pickedCustomer.preferredLanguage}`)}
                </Text>
              </Stack>
              <Button
                variant="default"
                size="xs"
                onClick={() => form.setFieldValue('customer.existingId', '')}
              >
                {t('intake.customer.change')}
              </Button>
            </Group>
          </Paper>
        ) : (
          <>
            <Text size="sm" fw={600}>
              {t('intake.customer.newCustomer')}
            </Text>
            <SimpleGrid cols={2} spacing="sm">
              {textField('customer.name', (field) => (
                <TextInput label={t('intake.customer.name')} withAsterisk {...field} />
              ))}
              {textField('customer.phone', (field) => (
                <TextInput label={t('intake.customer.phone')} withAsterisk type="tel" {...field} />
              ))}
              {textField('customer.email', (field) => (
                <TextInput label={t('intake.customer.email')} type="email" {...field} />
              ))}
              <Select
                id={fieldId('customer.preferredLanguage')}
                label={t('intake.customer.language')}
                data={[
                  { value: 'id', label: t('language.id') },
                  { value: 'en', label: t('language.en') },
                ]}
                allowDeselect={false}
                value={preferredLanguage}
                onChange={(value) => {
                  if (value === 'en' || value === 'id') {
                    form.setFieldValue('customer.preferredLanguage', value);
                  }
                }}
              />
            </SimpleGrid>
            {textField('customer.addressLines', (field) => (
              <Textarea
                label={t('intake.customer.address')}
                description={t('intake.customer.addressHint')}
                autosize
                minRows={2}
                maxRows={4}
                {...field}
              />
            ))}
            <SimpleGrid cols={3} spacing="sm">
              {textField('customer.city', (field) => (
                <TextInput label={t('intake.customer.city')} {...field} />
              ))}
              {textField('customer.postalCode', (field) => (
                <TextInput label={t('intake.customer.postalCode')} {...field} />
              ))}
              {textField('customer.countryCode', (field) => (
                <TextInput
                  label={t('intake.customer.countryCode')}
                  placeholder={t('intake.customer.countryCodeHint')}
                  {...field}
                  maxLength={2}
                />
              ))}
            </SimpleGrid>
          </>
        )}
      </Stack>
    </IntakeSection>
  );
});
