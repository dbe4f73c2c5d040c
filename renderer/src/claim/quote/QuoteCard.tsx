import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Claim } from '#shared/domain/claim';
import type { Customer } from '#shared/domain/customer';
import type { Device } from '#shared/domain/device';
import type { IsoDate } from '#shared/domain/primitives';
import type { QuoteLine } from '#shared/domain/quote';
import { canEditQuote } from '#shared/domain/quote';
import type { EvaluationResult } from '#shared/policy';
import { calendarDayIn, stationTimeZone } from '#shared/domain/calendar';
import type { QuoteAnswer, RepositoryResult } from '../../core';
import { useStationCore } from '../../core';
import { useNow } from '../../hooks/useNow';
import { useStationFormat } from '../../hooks/useStationFormat';
import { useWriteContext } from '../../hooks/useWriteContext';
import { useStationContext } from '../../station/StationContext';
import { AddLinePanel } from './AddLinePanel';
import { AnswerForm } from './AnswerForm';
import type { QuoteLineDraft } from './quoteLines';
import { QuoteLinesTable } from './QuoteLinesTable';
import { QuotePrintAlert } from './QuotePrintAlert';
import { useClaimQuotes } from './useClaimQuotes';
import { useQuotePrinting } from './useQuotePrinting';
import { repositoryErrorText } from '../../i18n/errorText';

type QuoteCardProps = {
  readonly claim: Claim;
  readonly customer: Customer | undefined;
  readonly device: Device | undefined;
  readonly decision: EvaluationResult | undefined;
};

/** How long a new quote or revision stays open for the customer to accept. */
const validityDays = 14;

function plusDays(day: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The claim's quote: a draft built from catalog parts, labour, the policy's charges and shipping;
 * sent, it is read-only and takes the customer's answer; a new revision copies it into a draft.
 * Every revision stays viewable.
 */
export function QuoteCard({ claim, customer, device, decision }: QuoteCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const format = useStationFormat();
  const { station } = useStationContext();
  const context = useWriteContext();
  const { commands } = useStationCore();
  const revisions = useClaimQuotes(claim.id);
  const printing = useQuotePrinting();
  const [shownId, setShownId] = useState<string | null>(null);
  const [answering, setAnswering] = useState<QuoteAnswer['status'] | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const timeZone = stationTimeZone(station.timeZone);
  const today = calendarDayIn(timeZone, useNow());
  const policy = decision?.ok === true ? decision.value : undefined;

  if (revisions === undefined) return null;
  const latest = revisions.at(-1);
  const shown = revisions.find((entry) => entry.quote.id === shownId) ?? latest;

  async function run<Value>(
    write: () => Promise<RepositoryResult<Value>>,
  ): Promise<Value | undefined> {
    setBusy(true);
    const result = await write();
    setBusy(false);
    setFailure(
      result.ok ? undefined : t('quote.failed', { reason: repositoryErrorText(t, result.error) }),
    );
    return result.ok ? result.value : undefined;
  }

  const header = (
    <Title order={3} size="h4" id={titleId}>
      {t('quote.title')}
    </Title>
  );
  const benchMissing =
    context === undefined ? (
      <Alert color="orange" variant="light">
        {t('quote.noTechnician')}
      </Alert>
    ) : null;

  if (shown === undefined) {
    const currency = station.currency;
    return (
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
        <Stack gap="sm">
          {header}
          <Text c="dimmed">{t('quote.none')}</Text>
          {currency === undefined ? <Alert color="orange">{t('quote.noCurrency')}</Alert> : null}
          {benchMissing}
          {failure === undefined ? null : (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group>
            <Button
              loading={busy}
              disabled={currency === undefined || context === undefined}
              onClick={() =>
                currency !== undefined &&
                context !== undefined &&
                void run(() =>
                  commands.quotes.create(
                    {
                      claimId: claim.id,
                      revision: 1,
                      status: 'draft',
                      currency,
                      validUntil: plusDays(today, validityDays),
                    },
                    context,
                  ),
                )
              }
            >
              {t('quote.start')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  const { quote, lines } = shown;
  const editable = canEditQuote(quote) && context !== undefined;
  const isLatest = quote.id === latest?.quote.id;

  async function addLine(draft: QuoteLineDraft): Promise<boolean> {
    if (context === undefined) return false;
    const added = await run(() =>
      commands.quoteLines.create({ ...draft, quoteId: quote.id }, context),
    );
    return added !== undefined;
  }
  async function removeLine(line: QuoteLine): Promise<void> {
    if (context !== undefined) await run(() => commands.quoteLines.remove(line.id, context));
  }
  async function recordAnswer(answer: QuoteAnswer): Promise<boolean> {
    if (context === undefined) return false;
    const answered = await run(() => commands.quotes.answer(quote.id, answer, context));
    if (answered !== undefined) setAnswering(undefined);
    return answered !== undefined;
  }
  async function revise(): Promise<void> {
    if (context === undefined) return;
    const revised = await run(() =>
      commands.quotes.revise(quote.id, plusDays(today, validityDays), context),
    );
    if (revised !== undefined) setShownId(revised.id);
  }

  const statusColor = { draft: 'gray', sent: 'blue', approved: 'teal', declined: 'red' }[
    quote.status
  ];
  const sentOn =
    quote.sentAt === undefined ? today : calendarDayIn(timeZone, Date.parse(quote.sentAt));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Group gap="sm" align="center">
            {header}
            <Badge variant="outline" color="gray" size="lg">
              {t('quote.revision', { revision: quote.revision })}
            </Badge>
            <Badge color={statusColor} variant="light" size="lg">
              {t(`quote.status.${quote.status}`)}
            </Badge>
          </Group>
          {revisions.length > 1 ? (
            <Select
              label={t('quote.revisionPicker')}
              w={260}
              allowDeselect={false}
              value={quote.id}
              onChange={(value) => {
                setShownId(value);
                setAnswering(undefined);
              }}
              data={[...revisions].reverse().map((entry) => ({
                value: entry.quote.id,
                label: t('quote.revisionOption', {
                  revision: entry.quote.revision,
                  status: t(`quote.status.${entry.quote.status}`),
                }),
              }))}
            />
          ) : null}
        </Group>
        <Group gap="lg">
          <Text size="sm" c="dimmed">
            {t('quote.validUntil', { date: format.date(quote.validUntil) })}
          </Text>
          {quote.sentAt === undefined ? null : (
            <Text size="sm" c="dimmed">
              {t('quote.sentAt', { dateTime: format.dateTime(quote.sentAt) })}
            </Text>
          )}
        </Group>
        {quote.answeredAt === undefined ? null : (
          <Text size="sm">
            {t('quote.answeredAt', {
              status: t(`quote.status.${quote.status}`),
              date: format.date(calendarDayIn(timeZone, Date.parse(quote.answeredAt))),
              answer: quote.customerAnswer ?? '',
            })}
          </Text>
        )}
        {isLatest || latest === undefined ? null : (
          <Alert color="blue" variant="light">
            {t('quote.olderRevision', { revision: quote.revision, latest: latest.quote.revision })}
          </Alert>
        )}
        {canEditQuote(quote) ? (
          benchMissing
        ) : (
          <Text size="sm" c="dimmed">
            {t('quote.locked')}
          </Text>
        )}
        <QuoteLinesTable
          lines={lines}
          currency={quote.currency}
          onRemove={editable ? (line) => void removeLine(line) : undefined}
        />
        {failure === undefined ? null : (
          <Alert
            color="red"
            role="alert"
            withCloseButton
            closeButtonLabel={t('quote.dismiss')}
            onClose={() => setFailure(undefined)}
          >
            {failure}
          </Alert>
        )}
        {editable ? (
          <>
            <Divider />
            <AddLinePanel
              currency={quote.currency}
              model={device?.model}
              decision={policy}
              purchasePrice={claim.purchase.price}
              onAdd={addLine}
            />
          </>
        ) : null}
        {answering === undefined ? null : (
          <AnswerForm
            initialStatus={answering}
            sentOn={sentOn}
            today={today}
            onRecord={recordAnswer}
            onCancel={() => setAnswering(undefined)}
          />
        )}
        <Divider />
        <Group gap="sm">
          {editable ? (
            <Tooltip label={t('quote.actions.sendHint')} multiline w={280}>
              <Button
                loading={busy}
                disabled={lines.length === 0}
                onClick={() =>
                  context !== undefined && void run(() => commands.quotes.send(quote.id, context))
                }
              >
                {t('quote.actions.send')}
              </Button>
            </Tooltip>
          ) : null}
          {quote.status === 'sent' && context !== undefined && answering === undefined ? (
            <>
              <Button color="teal" variant="light" onClick={() => setAnswering('approved')}>
                {t('quote.actions.approved')}
              </Button>
              <Button color="red" variant="light" onClick={() => setAnswering('declined')}>
                {t('quote.actions.declined')}
              </Button>
            </>
          ) : null}
          {!canEditQuote(quote) && isLatest && context !== undefined ? (
            <Tooltip label={t('quote.actions.reviseHint')} multiline w={280}>
              <Button variant="default" loading={busy} onClick={() => void revise()}>
                {t('quote.actions.revise')}
              </Button>
            </Tooltip>
          ) : null}
          <Button
            variant="default"
            disabled={lines.length === 0}
            loading={printing.outcome.kind === 'working'}
            onClick={() =>
              void printing.print({
                station,
                claim,
                customer,
                device,
                decision: policy,
                quote,
                lines,
                today,
              })
            }
          >
            {t('quote.actions.print')}
          </Button>
        </Group>
        <QuotePrintAlert outcome={printing.outcome} />
      </Stack>
    </Paper>
  );
}
