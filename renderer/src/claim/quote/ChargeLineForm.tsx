import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode, Money } from '../../../../shared/domain/primitives';
import type { QuoteLineKind } from '../../../../shared/domain/quote';
import type { Charge, Decision, DecisionOption } from '../../../../shared/policy';
import { useStationFormat } from '../../hooks/useStationFormat';
import { moneyFieldError } from '../../money/moneyErrorText';
import { MoneyField } from '../../money/MoneyField';
import { moneyInputText, parseMoneyInput } from '../../money/moneyInput';
import { ClauseList } from '../ClauseList';
import type { QuoteLineDraft } from './quoteLines';
import { lineKindOfCharge } from './quoteLines';

type ChargeLineFormProps = {
  readonly currency: CurrencyCode;
  readonly option: DecisionOption;
  readonly decision: Decision;
  /** What the customer paid, the refund a deduction is taken from. */
  readonly purchasePrice: Money | undefined;
  readonly onAdd: (line: QuoteLineDraft) => Promise<boolean>;
};

/** One charge the quote can take, as the policy states it. */
type ChargeEntry = {
  readonly key: string;
  readonly label: string;
  readonly kind: QuoteLineKind;
  readonly clauses: readonly string[];
  readonly stated: Money | null;
  readonly range?: Charge['range'];
  readonly deducted: boolean;
};

/** The policy's own charges for the chosen option, each with its clauses and an amount to confirm. */
export function ChargeLineForm({
  currency,
  option,
  decision,
  purchasePrice,
  onAdd,
}: ChargeLineFormProps) {
  const { t } = useTranslation();
  const entries: ChargeEntry[] = option.charges.map((charge, index) => ({
    key: `${charge.kind}-${index}`,
    label: t(`quote.charge.${charge.kind}`),
    kind: lineKindOfCharge(charge.kind),
    clauses: charge.clauses,
    stated: charge.amount,
    ...(charge.range === undefined ? {} : { range: charge.range }),
    deducted: charge.deductedFromRefund,
  }));
  // A deduction reduces a refund (C5, B18): offer the refund it is taken from.
  const deduction = option.charges.find((charge) => charge.deductedFromRefund);
  if (deduction !== undefined) {
    entries.unshift({
      key: 'refund',
      label: t('quote.charge.refund'),
      kind: 'refund',
      clauses: option.clauses,
      stated: purchasePrice ?? null,
      deducted: false,
    });
  }
  if (entries.length === 0) return <Text c="dimmed">{t('quote.charge.none')}</Text>;
  return (
    <Stack gap="sm">
      {entries.map((entry) => (
        <ChargeRow
          key={`${option.remedy}-${entry.key}`}
          entry={entry}
          currency={currency}
          decision={decision}
          onAdd={onAdd}
        />
      ))}
    </Stack>
  );
}

type ChargeRowProps = {
  readonly entry: ChargeEntry;
  readonly currency: CurrencyCode;
  readonly decision: Decision;
  readonly onAdd: (line: QuoteLineDraft) => Promise<boolean>;
};

function ChargeRow({ entry, currency, decision, onAdd }: ChargeRowProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const sameCurrency = entry.stated !== null && entry.stated.currency === currency;
  const [amount, setAmount] = useState(
    sameCurrency && entry.stated !== null ? moneyInputText(entry.stated) : '',
  );
  const [error, setError] = useState<string | undefined>(undefined);
  const statedIn = entry.stated?.currency ?? entry.range?.min.currency;

  async function submit(): Promise<void> {
    const price = parseMoneyInput(amount, currency);
    setError(price.ok ? undefined : moneyFieldError(t, amount, price.error, currency));
    if (!price.ok) return;
    await onAdd({
      kind: entry.kind,
      description: entry.label,
      quantity: 1,
      unitPrice: price.value,
      clauseIds: [...entry.clauses],
    });
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <Paper withBorder p="sm" radius="sm" bg="gray.0">
      <form
        onSubmit={onSubmit}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}
        noValidate
      >
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Stack gap={2} style={{ flex: 1 }}>
            <Text fw={600}>{entry.label}</Text>
            <Text size="sm" c="dimmed">
              {entry.stated !== null
                ? t('quote.charge.stated', { amount: format.money(entry.stated) })
                : entry.range !== undefined
                  ? t('quote.charge.range', {
                      min: format.money(entry.range.min),
                      max: format.money(entry.range.max),
                    })
                  : t('quote.charge.caseByCase')}
              {entry.deducted ? ` ${t('quote.charge.deducted')}` : ''}
            </Text>
            <ClauseList clauses={entry.clauses} decision={decision} />
          </Stack>
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <MoneyField
              label={t('quote.charge.amount', { currency })}
              currency={currency}
              value={amount}
              onChange={setAmount}
              error={error}
              description={
                statedIn !== undefined && statedIn !== currency
                  ? t('quote.charge.convert', { currency: statedIn, quoteCurrency: currency })
                  : undefined
              }
              w={230}
            />
            <Button
              type="submit"
              variant="light"
              mt={statedIn !== undefined && statedIn !== currency ? 46 : 25}
              aria-label={t('quote.charge.addThis', { charge: entry.label })}
            >
              {t('quote.add.button')}
            </Button>
          </Group>
        </Group>
      </form>
    </Paper>
  );
}
