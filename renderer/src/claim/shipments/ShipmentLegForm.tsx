import {
  Alert,
  Button,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Claim } from '#shared/domain/claim';
import type { CurrencyCode } from '#shared/domain/primitives';
import type { ShipmentDirection } from '#shared/domain/shipment';
import type { ShippingPayer } from '#shared/domain/vocabulary';
import type { DecisionOption } from '#shared/policy';
import type { StoredShipmentLeg, WriteContext } from '../../core';
import { useStationCore } from '../../core';
import { moneyFieldError } from '../../money/moneyErrorText';
import { MoneyField } from '../../money/MoneyField';
import { moneyInputText, parseMoneyInput } from '../../money/moneyInput';
import {
  attachmentErrorText,
  failureText,
  repositoryErrorText,
  unexpectedFailure,
  type Failure,
} from '../../i18n/errorText';
import { FailureDetails } from '../../shell/FailureDetails';

type ShipmentLegFormProps = {
  readonly claim: Claim;
  readonly leg: StoredShipmentLeg | undefined;
  readonly currency: CurrencyCode;
  /** The policy's first option, whose payers are the default and the hint. */
  readonly option: DecisionOption | undefined;
  readonly context: WriteContext;
  readonly onDone: () => void;
};

type FieldErrors = Partial<Record<'carrier' | 'cost' | 'receipt' | 'form', string>>;

const receiptTypeFits = (type: string) => type.startsWith('image/') || type === 'application/pdf';

/** Adds or edits a shipment leg: carrier, tracking, who pays, cost and a receipt. */
export function ShipmentLegForm({
  claim,
  leg,
  currency,
  option,
  context,
  onDone,
}: ShipmentLegFormProps) {
  const { t } = useTranslation();
  const core = useStationCore();
  const directionLabelId = useId();
  const payerLabelId = useId();
  const policyPayer = (direction: ShipmentDirection): ShippingPayer | null | undefined =>
    direction === 'inbound' ? option?.inboundShippingPaidBy : option?.outboundShippingPaidBy;
  const [direction, setDirection] = useState<ShipmentDirection>(leg?.direction ?? 'inbound');
  const [paidBy, setPaidBy] = useState<ShippingPayer>(
    leg?.paidBy ?? policyPayer('inbound') ?? 'customer',
  );
  const [carrier, setCarrier] = useState(leg?.carrier ?? '');
  const [tracking, setTracking] = useState(leg?.trackingNumber ?? '');
  const [cost, setCost] = useState(leg?.cost === undefined ? '' : moneyInputText(leg.cost));
  const [receipt, setReceipt] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  // A failure nobody foresaw, whose technical details go under the form's message.
  const [unexpected, setUnexpected] = useState<Failure | undefined>();
  const [saving, setSaving] = useState(false);
  const suggested = policyPayer(direction);

  async function save(): Promise<void> {
    try {
      await saveLeg();
    } catch (error) {
      // A failure of the store itself (not a refusal): say so, and keep what was typed.
      setSaving(false);
      const failure = unexpectedFailure(error);
      setUnexpected(failure);
      setErrors({ form: t('shipments.failed', { reason: failureText(t, failure) }) });
    }
  }

  async function saveLeg(): Promise<void> {
    setUnexpected(undefined);
    const found: FieldErrors = {};
    if (carrier.trim() === '') found.carrier = t('shipments.required');
    const costValue = cost.trim() === '' ? undefined : parseMoneyInput(cost, currency);
    if (costValue !== undefined && !costValue.ok)
      found.cost = moneyFieldError(t, cost, costValue.error, currency);
    if (receipt !== null && !receiptTypeFits(receipt.type))
      found.receipt = t('shipments.receiptType', { name: receipt.name });
    setErrors(found);
    if (Object.keys(found).length > 0 || (costValue !== undefined && !costValue.ok)) return;
    setSaving(true);
    const repositories = core.commands;
    let receiptEvidenceId = leg?.receiptEvidenceId;
    if (receipt !== null) {
      // The bytes go to the attachment store first; the receipt is evidence of the claim.
      const stored = await core.attachments.store(receipt);
      if (!stored.ok) {
        setSaving(false);
        setErrors({ receipt: attachmentErrorText(t, stored.error, receipt.name) });
        return;
      }
      const evidence = await repositories.evidence.create(
        {
          claimId: claim.id,
          kind: 'receipt',
          sha256: stored.value.attachment.sha256,
          sizeBytes: receipt.size,
          mediaType: stored.value.attachment.mediaType,
          fileName: receipt.name,
          capturedAt: new Date().toISOString(),
          capturedBy: context.actor,
        },
        context,
      );
      if (!evidence.ok) {
        setSaving(false);
        setErrors({ receipt: repositoryErrorText(t, evidence.error) });
        return;
      }
      receiptEvidenceId = evidence.value.id;
    }
    const fields = {
      claimId: claim.id,
      direction,
      carrier: carrier.trim(),
      trackingNumber: tracking.trim() === '' ? undefined : tracking.trim(),
      paidBy,
      cost: costValue?.value,
      receiptEvidenceId,
    };
    const result =
      leg === undefined
        ? await repositories.shipmentLegs.create(fields, context)
        : await repositories.shipmentLegs.update(leg.id, fields, context);
    setSaving(false);
    if (result.ok) onDone();
    else
      setErrors({ form: t('shipments.failed', { reason: repositoryErrorText(t, result.error) }) });
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  return (
    <Paper withBorder p="md" radius="sm" bg="gray.0">
      <form
        onSubmit={onSubmit}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
        noValidate
      >
        <Stack gap="sm">
          <Text fw={600}>
            {leg === undefined
              ? t('shipments.addTitle')
              : t('shipments.editTitle', { direction: t(`shipments.direction.${leg.direction}`) })}
          </Text>
          <Group gap="lg" align="flex-start">
            <Stack gap={4}>
              <Text size="sm" fw={500} id={directionLabelId}>
                {t('shipments.directionLabel')}
              </Text>
              <SegmentedControl
                aria-labelledby={directionLabelId}
                value={direction}
                onChange={(value) => {
                  const next = value === 'outbound' ? 'outbound' : 'inbound';
                  setDirection(next);
                  const payer = policyPayer(next);
                  if (leg === undefined && payer !== null && payer !== undefined) setPaidBy(payer);
                }}
                data={[
                  { value: 'inbound', label: t('shipments.direction.inbound') },
                  { value: 'outbound', label: t('shipments.direction.outbound') },
                ]}
              />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id={payerLabelId}>
                {t('shipments.paidByLabel')}
              </Text>
              <SegmentedControl
                aria-labelledby={payerLabelId}
                value={paidBy}
                onChange={(value) => setPaidBy(value === 'company' ? 'company' : 'customer')}
                data={[
                  { value: 'customer', label: t('shipments.paidBy.customer') },
                  { value: 'company', label: t('shipments.paidBy.company') },
                ]}
              />
            </Stack>
          </Group>
          {option === undefined || suggested === null || suggested === undefined ? null : (
            <Text size="sm" c="dimmed">
              {t('shipments.policyPays', {
                remedy: t(`remedy.${option.remedy}`),
                payer: t(`payer.${suggested}`),
              })}
            </Text>
          )}
          <Group grow align="flex-start">
            <TextInput
              label={t('shipments.carrier')}
              placeholder={t('shipments.carrierPlaceholder')}
              description={t('shipments.carrierHint')}
              value={carrier}
              onChange={(event) => setCarrier(event.currentTarget.value)}
              error={errors.carrier}
              required
              data-autofocus
            />
            <TextInput
              label={t('shipments.tracking')}
              description={t('shipments.trackingHint')}
              value={tracking}
              onChange={(event) => setTracking(event.currentTarget.value)}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <MoneyField
              label={t('shipments.cost', { currency })}
              description={t('shipments.costHint')}
              currency={currency}
              value={cost}
              onChange={setCost}
              error={errors.cost}
            />
          </Group>
          <Group gap="sm" align="center">
            <FileButton accept="image/*,application/pdf" onChange={setReceipt}>
              {(props) => (
                <Button variant="default" {...props}>
                  {leg?.receiptEvidenceId === undefined && receipt === null
                    ? t('shipments.receiptChoose')
                    : t('shipments.receiptReplace')}
                </Button>
              )}
            </FileButton>
            {receipt === null ? null : (
              <Text size="sm">{t('shipments.receiptChosen', { name: receipt.name })}</Text>
            )}
          </Group>
          {errors.receipt === undefined ? null : (
            <Text size="sm" c="red.8" role="alert">
              {errors.receipt}
            </Text>
          )}
          {errors.form === undefined ? null : (
            <Alert color="red" role="alert">
              {errors.form}
              {unexpected === undefined ? null : <FailureDetails failure={unexpected} />}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('shipments.shortcut')}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onDone}>
                {t('shipments.cancel')}
              </Button>
              <Button type="submit" loading={saving}>
                {t('shipments.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
