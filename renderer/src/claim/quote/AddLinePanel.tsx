import { Select, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money, CurrencyCode } from '#shared/domain/primitives';
import type { Decision } from '#shared/policy';
import { ChargeLineForm } from './ChargeLineForm';
import { LabourLineForm } from './LabourLineForm';
import { PartLineForm } from './PartLineForm';
import type { QuoteLineDraft } from './quoteLines';
import { ShippingLineForm } from './ShippingLineForm';

type AddLinePanelProps = {
  readonly currency: CurrencyCode;
  readonly model: string | undefined;
  readonly decision: Decision | undefined;
  readonly purchasePrice: Money | undefined;
  readonly onAdd: (line: QuoteLineDraft) => Promise<boolean>;
};

type LineType = 'part' | 'labour' | 'charge' | 'shipping';
const lineTypes: readonly LineType[] = ['part', 'labour', 'charge', 'shipping'];

/** Where a draft quote gets its lines: a part, labour, a policy charge or a shipping leg. */
export function AddLinePanel({
  currency,
  model,
  decision,
  purchasePrice,
  onAdd,
}: AddLinePanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [type, setType] = useState<LineType>('part');
  const options = decision?.options ?? [];
  const [remedy, setRemedy] = useState<string | null>(options[0]?.remedy ?? null);
  const option = options.find((candidate) => candidate.remedy === remedy) ?? options[0];
  const needsOption = type === 'charge' || type === 'shipping';
  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId}>
      <Title order={4} id={titleId}>
        {t('quote.add.title')}
      </Title>
      <SegmentedControl
        aria-label={t('quote.add.type')}
        w="fit-content"
        value={type}
        onChange={(value) => setType(lineTypes.find((candidate) => candidate === value) ?? 'part')}
        data={lineTypes.map((value) => ({ value, label: t(`quote.add.${value}`) }))}
      />
      {needsOption && options.length > 0 ? (
        <Select
          label={t('quote.add.option')}
          w={360}
          allowDeselect={false}
          value={option?.remedy ?? null}
          onChange={setRemedy}
          data={options.map((candidate) => ({
            value: candidate.remedy,
            label: t(`remedy.${candidate.remedy}`),
          }))}
        />
      ) : null}
      {type === 'part' ? <PartLineForm currency={currency} model={model} onAdd={onAdd} /> : null}
      {type === 'labour' ? <LabourLineForm currency={currency} onAdd={onAdd} /> : null}
      {needsOption && (option === undefined || decision === undefined) ? (
        <Text c="dimmed">{t('quote.add.noOptions')}</Text>
      ) : null}
      {type === 'charge' && option !== undefined && decision !== undefined ? (
        <ChargeLineForm
          currency={currency}
          option={option}
          decision={decision}
          purchasePrice={purchasePrice}
          onAdd={onAdd}
        />
      ) : null}
      {type === 'shipping' && option !== undefined ? (
        <ShippingLineForm key={option.remedy} currency={currency} option={option} onAdd={onAdd} />
      ) : null}
    </Stack>
  );
}
