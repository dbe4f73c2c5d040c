import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '#shared/domain/primitives';
import { useStationFormat } from '../../hooks/useStationFormat';
import { moneyFieldError } from '../../money/moneyErrorText';
import { MoneyField } from '../../money/MoneyField';
import { parseMoneyInput } from '../../money/moneyInput';
import type { QuoteLineDraft } from './quoteLines';
import { hourlyLabour, parseHours } from './quoteLines';

type LabourLineFormProps = {
  readonly currency: CurrencyCode;
  readonly onAdd: (line: QuoteLineDraft) => Promise<boolean>;
};

type Mode = 'hourly' | 'fixed';

/** Labour, as hours at a rate or as a fixed amount. */
export function LabourLineForm({ currency, onAdd }: LabourLineFormProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const modeLabelId = useId();
  const [description, setDescription] = useState(t('quote.labour.defaultDescription'));
  const [mode, setMode] = useState<Mode>('hourly');
  const [hours, setHours] = useState('1');
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<{ description?: string; hours?: string; amount?: string }>(
    {},
  );

  async function submit(): Promise<void> {
    const found: typeof errors = {};
    if (description.trim() === '') found.description = t('parts.form.required');
    const price = parseMoneyInput(amount, currency);
    if (!price.ok) found.amount = moneyFieldError(t, amount, price.error, currency);
    const hundredths = mode === 'hourly' ? parseHours(hours) : 100;
    if (hundredths === undefined) found.hours = t('quote.labour.hoursInvalid');
    setErrors(found);
    if (!price.ok || hundredths === undefined || Object.keys(found).length > 0) return;
    // The default description is the screen's word for labour: stored as a code, it is worded
    // in the reader's language; one the technician wrote stays as written.
    const written =
      description.trim() === t('quote.labour.defaultDescription') ? undefined : description.trim();
    const line =
      mode === 'hourly'
        ? {
            ...hourlyLabour(hundredths, price.value),
            description: t('quote.labour.hourlyDescription', {
              description: description.trim(),
              hours: hours.trim(),
              rate: format.money(price.value),
            }),
            wording: {
              code: 'labour-hourly' as const,
              hundredthsOfHour: hundredths,
              rate: price.value,
              ...(written === undefined ? {} : { description: written }),
            },
          }
        : {
            quantity: 1,
            unitPrice: price.value,
            description: description.trim(),
            ...(written === undefined ? { wording: { code: 'labour' as const } } : {}),
          };
    if (await onAdd({ kind: 'labour', clauseIds: [], ...line })) setAmount('');
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <form
      onSubmit={onSubmit}
      onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}
      noValidate
    >
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('quote.labour.description')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
            style={{ flex: 1 }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id={modeLabelId}>
              {t('quote.labour.mode')}
            </Text>
            <SegmentedControl
              aria-labelledby={modeLabelId}
              value={mode}
              onChange={(value) => setMode(value === 'fixed' ? 'fixed' : 'hourly')}
              data={[
                { value: 'hourly', label: t('quote.labour.hourly') },
                { value: 'fixed', label: t('quote.labour.fixed') },
              ]}
            />
          </Stack>
        </Group>
        <Group align="flex-start" gap="sm">
          {mode === 'hourly' ? (
            <TextInput
              label={t('quote.labour.hours')}
              value={hours}
              inputMode="decimal"
              onChange={(event) => setHours(event.currentTarget.value)}
              error={errors.hours}
              w={120}
            />
          ) : null}
          <MoneyField
            label={
              mode === 'hourly'
                ? t('quote.labour.rate', { currency })
                : t('quote.labour.amount', { currency })
            }
            currency={currency}
            value={amount}
            onChange={setAmount}
            error={errors.amount}
            w={260}
          />
          <Button type="submit" mt={25}>
            {t('quote.add.button')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('quote.add.shortcut')}
        </Text>
      </Stack>
    </form>
  );
}
