import { Alert, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '#shared/domain/primitives';
import { proofStatusSchema, salesChannelSchema } from '#shared/domain/vocabulary';
import type { PolicyId } from '#shared/policy';
import { boundTextInput, type TextInputBinding } from './boundFields';
import { fieldId } from './fieldTargets';
import { IntakeSection } from './IntakeSection';
import type { IntakeFields } from './useIntakeForm';
import { policyPackName } from '../i18n/policyPackName';

type PurchaseSectionProps = {
  readonly form: IntakeFields;
  readonly errorOf: (path: string) => string | undefined;
  readonly currency: CurrencyCode;
  /** The pack the station assigns to the brand and channel; undefined when none does. */
  readonly packId: PolicyId | undefined;
  /** The brand the pack is looked up by (the form's, or the known device's). */
  readonly brand: string;
};

/** Where and when the device was bought: what the pack dates the warranty from. */
export const PurchaseSection = memo(function PurchaseSection({
  form,
  errorOf,
  currency,
  packId,
  brand,
}: PurchaseSectionProps) {
  const { t } = useTranslation();
  const channel = form.useWatchValue('purchase.channel');
  const proof = form.useWatchValue('purchase.proof');
  const textField = (path: string, input: (field: TextInputBinding) => ReactNode) =>
    boundTextInput(form, path, errorOf(path), input);
  const channels = salesChannelSchema.options.map((value) => ({
    value,
    label: t(`channel.${value}`),
  }));
  const proofs = proofStatusSchema.options.map((value) => ({
    value,
    label: t(`intake.purchase.proofStatus.${value}`),
  }));

  return (
    <IntakeSection title={t('intake.sections.purchase')}>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <Select
            id={fieldId('purchase.channel')}
            label={t('intake.purchase.channel')}
            withAsterisk
            data={channels}
            value={channel === '' ? null : channel}
            onChange={(value) => {
              const parsed = salesChannelSchema.safeParse(value);
              form.setFieldValue('purchase.channel', parsed.success ? parsed.data : '');
            }}
            error={errorOf('purchase.channel')}
          />
          <Select
            id={fieldId('purchase.proof')}
            label={t('intake.purchase.proof')}
            data={proofs}
            allowDeselect={false}
            value={proof}
            onChange={(value) => {
              const parsed = proofStatusSchema.safeParse(value);
              if (parsed.success) form.setFieldValue('purchase.proof', parsed.data);
            }}
          />
        </SimpleGrid>
        {packId !== undefined ? (
          <Text size="sm" c="teal.9" fw={600} role="status">
            {t('intake.pack.applies', { pack: policyPackName(t, packId) })}
          </Text>
        ) : brand.trim() === '' || channel === '' ? (
          <Text size="sm" c="dimmed">
            {t('intake.pack.needBrandAndChannel')}
          </Text>
        ) : (
          <Alert color="orange" role="alert" py="xs">
            {t('intake.pack.none', { brand: brand.trim(), channel: t(`channel.${channel}`) })}
          </Alert>
        )}
        <SimpleGrid cols={2} spacing="sm">
          {textField('purchase.shopLink', (field) => (
            <TextInput
              label={t('intake.purchase.shopLink')}
              type="url"
              placeholder="https://"
              {...field}
            />
          ))}
          {textField('purchase.orderNumber', (field) => (
            <TextInput label={t('intake.purchase.orderNumber')} {...field} />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={4} spacing="sm">
          {textField('purchase.orderDate', (field) => (
            <TextInput label={t('intake.purchase.orderDate')} type="date" {...field} />
          ))}
          {textField('purchase.invoiceDate', (field) => (
            <TextInput label={t('intake.purchase.invoiceDate')} type="date" {...field} />
          ))}
          {textField('purchase.deliveredDate', (field) => (
            <TextInput label={t('intake.purchase.deliveredDate')} type="date" {...field} />
          ))}
          {textField('purchase.maxEstimatedDeliveryDate', (field) => (
            <TextInput
              label={t('intake.purchase.maxEstimatedDeliveryDate')}
              description={t('intake.purchase.maxEstimatedDeliveryHint')}
              type="date"
              {...field}
            />
          ))}
          {textField('purchase.price', (field) => (
            <TextInput
              label={t('intake.purchase.price', { currency })}
              inputMode="decimal"
              {...field}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </IntakeSection>
  );
});
