import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '#shared/domain/primitives';
import type { DecisionOption } from '#shared/policy';
import { moneyFieldError } from '../../money/moneyErrorText';
import { MoneyField } from '../../money/MoneyField';
import { parseMoneyInput } from '../../money/moneyInput';
import type { QuoteLineDraft } from './quoteLines';

type ShippingLineFormProps = {
  readonly currency: CurrencyCode;
  readonly option: DecisionOption;
  readonly onAdd: (line: QuoteLineDraft) => Promise<boolean>;
};

type Direction = 'inbound' | 'outbound';

/** A shipping leg the customer pays under the chosen option, with the clauses that say so. */
export function ShippingLineForm({ currency, option, onAdd }: ShippingLineFormProps) {
  const { t } = useTranslation();
  const directionLabelId = useId();
  const [direction, setDirection] = useState<Direction>('inbound');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const payer =
    direction === 'inbound' ? option.inboundShippingPaidBy : option.outboundShippingPaidBy;

  async function submit(): Promise<void> {
    if (payer !== 'customer') return;
    const price = parseMoneyInput(amount, currency);
    setError(price.ok ? undefined : moneyFieldError(t, amount, price.error, currency));
    if (!price.ok) return;
    const added = await onAdd({
      kind: direction === 'inbound' ? 'shipping-inbound' : 'shipping-outbound',
      description: t(`quote.shipping.${direction}Description`),
      wording: { code: direction === 'inbound' ? 'shipping-inbound' : 'shipping-outbound' },
      quantity: 1,
      unitPrice: price.value,
      clauseIds: [...option.clauses],
    });
    if (added) setAmount('');
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
        <Stack gap={4}>
          <Text size="sm" fw={500} id={directionLabelId}>
            {t('quote.shipping.direction')}
          </Text>
          <SegmentedControl
            aria-labelledby={directionLabelId}
            w="fit-content"
            value={direction}
            onChange={(value) => setDirection(value === 'outbound' ? 'outbound' : 'inbound')}
            data={[
              { value: 'inbound', label: t('quote.shipping.inbound') },
              { value: 'outbound', label: t('quote.shipping.outbound') },
            ]}
          />
        </Stack>
        <Text size="sm">
          {payer === null
            ? t('quote.shipping.noLeg')
            : payer === 'company'
              ? t('quote.shipping.companyPays')
              : t('quote.shipping.paidBy', { payer: t('payer.customer') })}
        </Text>
        {payer === 'customer' ? (
          <Group align="flex-start" gap="sm">
            <MoneyField
              label={t('quote.shipping.amount', { currency })}
              currency={currency}
              value={amount}
              onChange={setAmount}
              error={error}
              w={260}
            />
            <Button type="submit" mt={25}>
              {t('quote.add.button')}
            </Button>
          </Group>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('quote.add.shortcut')}
        </Text>
      </Stack>
    </form>
  );
}
