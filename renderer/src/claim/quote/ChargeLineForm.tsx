import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode, Money } from '#shared/domain/primitives';
import type { QuoteLineKind, QuoteLineWording } from '#shared/domain/quote';
import type { Charge, Decision, DecisionOption } from '#shared/policy';
import { useStationFormat } from '../../hooks/useStationFormat';
import { moneyFieldError } from '../../money/moneyErrorText';
import { MoneyField } from '../../money/MoneyField';
import { moneyInputText, parseMoneyInput } from '../../money/moneyInput';
import { ClauseList } from '../ClauseList';
import type { QuoteLineDraft } from './quoteLines';
import { convertedCharge, isWithin, lineKindOfCharge } from './quoteLines';

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
  readonly wording: QuoteLineWording;
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
    wording: { code: 'charge', charge: charge.kind },
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
      wording: { code: 'refund' },
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
  const statedIn = entry.stated?.currency ?? entry.range?.min.currency;
  // Stated in another currency (C9's US$ on a rupiah station): typed as stated, with a rate.
  const sourceCurrency = statedIn !== undefined && statedIn !== currency ? statedIn : undefined;
  const [amount, setAmount] = useState(
    entry.stated !== null && entry.stated.currency === (sourceCurrency ?? currency)
      ? moneyInputText(entry.stated)
      : '',
  );
  const [rate, setRate] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; rate?: string }>({});
  const amountCurrency = sourceCurrency ?? currency;
  const rangeText =
    entry.range === undefined
      ? undefined
      : t('quote.charge.outOfRange', {
          min: format.money(entry.range.min),
          max: format.money(entry.range.max),
        });

  /** The line's price in the quote's currency, and the conversion when there is one. */
  function price(): Pick<QuoteLineDraft, 'unitPrice' | 'conversion'> | undefined {
    const typed = parseMoneyInput(amount, amountCurrency);
    if (!typed.ok) {
      setErrors({ amount: moneyFieldError(t, amount, typed.error, amountCurrency) });
      return undefined;
    }
    if (sourceCurrency === undefined) {
      const outside =
        entry.range !== undefined &&
        entry.range.min.currency === currency &&
        !isWithin(typed.value, entry.range);
      setErrors(outside ? { amount: rangeText } : {});
      return outside ? undefined : { unitPrice: typed.value };
    }
    const converted = convertedCharge(typed.value, rate, currency, entry.range);
    if (converted.ok) {
      setErrors({});
      return converted.value;
    }
    setErrors(
      converted.error.field === 'amount'
        ? { amount: rangeText }
        : { rate: t(`quote.charge.rate.${converted.error.code}`) },
    );
    return undefined;
  }

  async function submit(): Promise<void> {
    const priced = price();
    if (priced === undefined) return;
    await onAdd({
      kind: entry.kind,
      description: entry.label,
      wording: entry.wording,
      quantity: 1,
      ...priced,
      clauseIds: [...entry.clauses],
    });
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  const preview = sourceCurrency === undefined ? undefined : previewOf(amount, rate);
  function previewOf(typedAmount: string, typedRate: string): string | undefined {
    const typed = parseMoneyInput(typedAmount, amountCurrency);
    if (!typed.ok) return undefined;
    const converted = convertedCharge(typed.value, typedRate, currency, undefined);
    return converted.ok
      ? t('quote.charge.convertsTo', { amount: format.money(converted.value.unitPrice) })
      : undefined;
  }

  return (
    <Paper withBorder p="sm" radius="sm" bg="gray.0">
      <form
        onSubmit={onSubmit}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}
        noValidate
      >
        <Stack gap="sm">
          <Stack gap={2}>
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
          {sourceCurrency === undefined ? null : (
            <Text size="sm">
              {t('quote.charge.convert', { currency: sourceCurrency, quoteCurrency: currency })}
            </Text>
          )}
          <Group align="flex-start" gap="sm">
            <MoneyField
              label={t('quote.charge.amount', { currency: amountCurrency })}
              currency={amountCurrency}
              value={amount}
              onChange={setAmount}
              error={errors.amount}
              w={200}
            />
            {sourceCurrency === undefined ? null : (
              <TextInput
                label={t('quote.charge.rate.label', { from: sourceCurrency, to: currency })}
                value={rate}
                inputMode="decimal"
                autoComplete="off"
                onChange={(event) => setRate(event.currentTarget.value)}
                error={errors.rate}
                description={preview}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                w={240}
              />
            )}
            <Button
              type="submit"
              variant="light"
              mt={25}
              aria-label={t('quote.charge.addThis', { charge: entry.label })}
            >
              {t('quote.add.button')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
