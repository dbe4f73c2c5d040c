import { saveFailureText } from '../i18n/saveFailureText';
import { Alert, Button, Group, Modal, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyCodeSchema } from '#shared/domain/primitives';
import type { StoredPart } from '../core';
import { useStationCore } from '../core';
import { useWriteContext } from '../hooks/useWriteContext';
import { moneyFieldError } from '../money/moneyErrorText';
import { moneyInputText, parseMoneyInput } from '../money/moneyInput';

type PartFormModalProps = {
  /** The part to edit, or undefined to add one. */
  readonly part: StoredPart | undefined;
  readonly opened: boolean;
  readonly defaultCurrency: string;
  readonly onClose: () => void;
};

type FieldErrors = Partial<Record<'sku' | 'name' | 'price' | 'currency' | 'form', string>>;

/** Adds a part to the catalog or edits one; what was typed stays when the save is refused. */
export function PartFormModal({ part, opened, defaultCurrency, onClose }: PartFormModalProps) {
  const { t } = useTranslation();
  const { commands } = useStationCore();
  const context = useWriteContext();
  const [sku, setSku] = useState(part?.sku ?? '');
  const [name, setName] = useState(part?.name ?? '');
  const [price, setPrice] = useState(part === undefined ? '' : moneyInputText(part.unitPrice));
  const [currency, setCurrency] = useState(part?.unitPrice.currency ?? defaultCurrency);
  const [models, setModels] = useState<string[]>(
    part === undefined ? [] : [...part.compatibleModels],
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  async function save(): Promise<void> {
    const found: FieldErrors = {};
    if (sku.trim() === '') found.sku = t('parts.form.required');
    if (name.trim() === '') found.name = t('parts.form.required');
    const code = currencyCodeSchema.safeParse(currency.trim().toUpperCase());
    if (!code.success) found.currency = t('parts.form.currencyInvalid');
    const amount = code.success ? parseMoneyInput(price, code.data) : undefined;
    if (amount !== undefined && !amount.ok)
      found.price = moneyFieldError(t, price, amount.error, code.data ?? currency);
    setErrors(found);
    if (Object.keys(found).length > 0 || amount === undefined || !amount.ok) return;
    if (context === undefined) return;
    const draft = {
      sku: sku.trim(),
      name: name.trim(),
      unitPrice: amount.value,
      compatibleModels: models.map((model) => model.trim()).filter((model) => model !== ''),
    };
    setSaving(true);
    const result =
      part === undefined
        ? await commands.partsCatalog.create(draft, context)
        : await commands.partsCatalog.update(part.id, draft, context);
    setSaving(false);
    if (result.ok) {
      onClose();
      return;
    }
    if (result.error.code === 'conflict' && result.error.field === 'sku') {
      setErrors({ sku: t('parts.form.skuTaken', { sku: draft.sku }) });
    } else {
      setErrors({
        form: saveFailureText(t, result.error, (reason) => t('parts.form.saveFailed', { reason })),
      });
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('parts.form.cancel') }}
      title={
        part === undefined ? t('parts.form.addTitle') : t('parts.form.editTitle', { sku: part.sku })
      }
      size="lg"
    >
      <form
        onSubmit={onSubmit}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label={t('parts.form.sku')}
            description={t('parts.form.skuHint')}
            value={sku}
            onChange={(event) => setSku(event.currentTarget.value)}
            error={errors.sku}
            required
            data-autofocus
          />
          <TextInput
            label={t('parts.form.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            required
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('parts.form.price')}
              value={price}
              inputMode="decimal"
              onChange={(event) => setPrice(event.currentTarget.value)}
              error={errors.price}
              required
            />
            <TextInput
              label={t('parts.form.currency')}
              description={t('parts.form.currencyHint')}
              value={currency}
              maxLength={3}
              onChange={(event) => setCurrency(event.currentTarget.value.toUpperCase())}
              error={errors.currency}
              required
            />
          </Group>
          <TagsInput
            label={t('parts.form.models')}
            description={`${t('deviceModel.hint')} ${t('parts.form.modelsHint')}`}
            value={models}
            onChange={setModels}
            clearable
          />
          {errors.form === undefined ? null : (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('parts.form.shortcut')}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('parts.form.cancel')}
              </Button>
              <Button type="submit" loading={saving} disabled={context === undefined}>
                {t('parts.form.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
