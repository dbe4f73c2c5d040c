import { Button, Group, NumberInput, Select, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { partFitsModel } from '#shared/domain/deviceModel';
import { useStationFormat } from '../../hooks/useStationFormat';
import { assignedBrands } from '../../intake/intakeRecords';
import { usePartsCatalog } from '../../parts/usePartsCatalog';
import { useStationContext } from '../../station/StationContext';
import type { QuoteLineDraft } from './quoteLines';

type PartLineFormProps = {
  readonly currency: string;
  /**
   * The device's model: parts that list compatible models are offered only when it is one, with
   * or without the brand, whatever its case, spaces and dashes.
   */
  readonly model: string | undefined;
  readonly onAdd: (line: QuoteLineDraft) => Promise<boolean>;
};

/** A part from the catalog, at its catalog price, with a quantity. */
export function PartLineForm({ currency, model, onAdd }: PartLineFormProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const catalog = usePartsCatalog();
  const { station } = useStationContext();
  const brands = useMemo(
    () => assignedBrands(station.policyAssignments ?? []),
    [station.policyAssignments],
  );
  const [partId, setPartId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>(1);
  const [errors, setErrors] = useState<{ part?: string; quantity?: string }>({});
  const fitting = (catalog ?? []).filter((part) =>
    partFitsModel(part.compatibleModels, model, brands),
  );

  async function submit(): Promise<void> {
    const part = fitting.find((candidate) => candidate.id === partId);
    const found: typeof errors = {};
    if (part === undefined) found.part = t('quote.part.choose');
    else if (part.unitPrice.currency !== currency)
      found.part = t('quote.part.otherCurrency', {
        sku: part.sku,
        currency: part.unitPrice.currency,
        quoteCurrency: currency,
      });
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1)
      found.quantity = t('quote.part.quantityInvalid');
    setErrors(found);
    if (part === undefined || Object.keys(found).length > 0 || typeof quantity !== 'number') return;
    const added = await onAdd({
      kind: 'part',
      description: `${part.sku} ${part.name}`,
      quantity,
      unitPrice: part.unitPrice,
      clauseIds: [],
    });
    if (added) {
      setPartId(null);
      setQuantity(1);
    }
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
      <Group align="flex-start" gap="sm">
        <Select
          label={t('quote.part.label')}
          placeholder={t('quote.part.placeholder')}
          description={
            fitting.length === 0
              ? t('quote.part.empty')
              : model === undefined
                ? undefined
                : t('quote.part.fitsOnly', { model })
          }
          searchable
          clearable
          // A catalog can hold thousands of parts: show the first matches, the search narrows them.
          limit={50}
          nothingFoundMessage={t('quote.part.empty')}
          data={fitting.map((part) => ({
            value: part.id,
            label: `${part.sku} — ${part.name} · ${format.money(part.unitPrice)}`,
          }))}
          value={partId}
          onChange={setPartId}
          error={errors.part}
          style={{ flex: 1 }}
          miw={320}
        />
        <NumberInput
          label={t('quote.part.quantity')}
          value={quantity}
          onChange={setQuantity}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          error={errors.quantity}
          w={110}
        />
        <Button type="submit" mt={fitting.length === 0 || model !== undefined ? 46 : 25}>
          {t('quote.add.button')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('quote.add.shortcut')}
      </Text>
    </form>
  );
}
