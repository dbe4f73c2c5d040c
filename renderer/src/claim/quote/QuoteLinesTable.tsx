import { ActionIcon, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { money } from '#shared/domain/primitives';
import type { QuoteLine, QuoteTotals } from '#shared/domain/quote';
import { quoteTotals } from '#shared/domain/quote';
import { useStationFormat } from '../../hooks/useStationFormat';
import { useQuoteLineText } from './useQuoteLineText';

type QuoteLinesTableProps = {
  readonly lines: readonly QuoteLine[];
  readonly currency: string;
  /** Given only while the quote is a draft: sent lines are never removed. */
  readonly onRemove?: ((line: QuoteLine) => void) | undefined;
};

/** Amounts stay on one line; the description and the clauses wrap to fit the column. */
const noWrap = { whiteSpace: 'nowrap' } as const;

/** The lines of a quote with their amounts, and its totals from `quoteTotals`. */
export function QuoteLinesTable({ lines, currency, onRemove }: QuoteLinesTableProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const lineText = useQuoteLineText();
  const totals = quoteTotals(lines, currency);
  return (
    <Stack gap="sm">
      {/* Focusable, so a keyboard can scroll it when the claim's column is narrower than the table. */}
      <Table.ScrollContainer
        minWidth={560}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t('quote.linesRegion')}
      >
        <Table verticalSpacing={6} striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quote.columns.description')}</Table.Th>
              <Table.Th>{t('quote.columns.kind')}</Table.Th>
              <Table.Th ta="right">{t('quote.columns.quantity')}</Table.Th>
              <Table.Th ta="right">{t('quote.columns.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('quote.columns.amount')}</Table.Th>
              <Table.Th>{t('quote.columns.clauses')}</Table.Th>
              {onRemove === undefined ? null : (
                <Table.Th w={56}>
                  <VisuallyHidden>{t('quote.columns.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={onRemove === undefined ? 6 : 7}>
                  <Text c="dimmed" size="sm">
                    {t('quote.noLines')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              lines.map((line) => {
                const description = lineText.description(line);
                const conversion = lineText.conversion(line);
                return (
                  <Table.Tr key={line.id}>
                    <Table.Td>
                      {description}
                      {conversion === undefined ? null : (
                        <Text size="xs" c="dimmed">
                          {conversion}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`quote.kind.${line.kind}`)}</Table.Td>
                    <Table.Td ta="right">{line.quantity}</Table.Td>
                    <Table.Td ta="right" style={noWrap}>
                      {format.money(line.unitPrice)}
                    </Table.Td>
                    <Table.Td ta="right" style={noWrap}>
                      {format.money(
                        money(line.quantity * line.unitPrice.amount, line.unitPrice.currency),
                      )}
                    </Table.Td>
                    <Table.Td>{line.clauseIds.join(', ')}</Table.Td>
                    {onRemove === undefined ? null : (
                      <Table.Td>
                        <Tooltip label={t('quote.removeLine', { description })}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('quote.removeLine', { description })}
                            onClick={() => onRemove(line)}
                          >
                            ✕
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {totals.ok ? (
        <TotalsView totals={totals.value} />
      ) : (
        <Text c="red.8" size="sm" role="alert">
          {t(`quote.totals.${totals.error.code}`, { currency })}
        </Text>
      )}
    </Stack>
  );
}

function TotalsView({ totals }: { readonly totals: QuoteTotals }) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const { total } = totals;
  const magnitude = money(Math.abs(total.amount), total.currency);
  const rows: [string, string][] = [[t('quote.totals.subtotal'), format.money(totals.subtotal)]];
  if (totals.deductions.amount > 0)
    rows.push([t('quote.totals.deductions'), format.money(totals.deductions)]);
  return (
    <Group justify="flex-end">
      <Stack
        gap={2}
        miw={280}
        aria-label={t('quote.totals.label')}
        role="group"
        data-testid="quote-totals"
      >
        {rows.map(([label, value]) => (
          <Group key={label} justify="space-between" gap="xl">
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text size="sm">{value}</Text>
          </Group>
        ))}
        <Group justify="space-between" gap="xl">
          <Text fw={700}>
            {total.amount > 0
              ? t('quote.totals.customerPays')
              : total.amount < 0
                ? t('quote.totals.customerReceives')
                : t('quote.totals.nothingDue')}
          </Text>
          <Text fw={700}>{format.money(magnitude)}</Text>
        </Group>
      </Stack>
    </Group>
  );
}
