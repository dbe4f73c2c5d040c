import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Claim } from '#shared/domain/claim';
import type { EvaluationResult } from '#shared/policy';
import type { StationCore, StoredEvidence, StoredShipmentLeg } from '../../core';
import { useStationCore } from '../../core';
import { useStationFormat } from '../../hooks/useStationFormat';
import { useWriteContext } from '../../hooks/useWriteContext';
import { useStationContext } from '../../station/StationContext';
import { openAttachment } from '../openAttachment';
import { ShipmentLegForm } from './ShipmentLegForm';
import { useShipmentLegs } from './useShipmentLegs';

type ShipmentsCardProps = {
  readonly claim: Claim;
  readonly decision: EvaluationResult | undefined;
};

/** Opens a stored receipt, from the attachment store, in the system's viewer (or a new tab). */
async function openReceipt(
  core: StationCore,
  t: TFunction,
  receipt: StoredEvidence,
): Promise<void> {
  const blob = await core.queries.attachmentBytes(receipt.sha256);
  if (blob === undefined) {
    notifications.show({
      closeButtonProps: { 'aria-label': t('notification.close') },
      color: 'orange',
      message: t('claimScreen.evidence.notOnStation'),
    });
    return;
  }
  await openAttachment(t, { blob, fileName: receipt.fileName, mediaType: receipt.mediaType });
}

/** The claim's shipment legs: which way, carrier, tracking, who pays, cost and receipt. */
export function ShipmentsCard({ claim, decision }: ShipmentsCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const format = useStationFormat();
  const { station } = useStationContext();
  const context = useWriteContext();
  const core = useStationCore();
  const legs = useShipmentLegs(claim.id);
  // Undefined: no form; null: a new leg; a leg: editing it.
  const [editing, setEditing] = useState<StoredShipmentLeg | null | undefined>(undefined);
  const option = decision?.ok === true ? decision.value.options[0] : undefined;
  const currency = station.currency;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={titleId}>
            {t('shipments.title')}
          </Title>
          {editing === undefined && context !== undefined && currency !== undefined ? (
            <Button variant="light" onClick={() => setEditing(null)}>
              {t('shipments.add')}
            </Button>
          ) : null}
        </Group>
        {context === undefined ? (
          <Alert color="orange" variant="light">
            {t('shipments.noTechnician')}
          </Alert>
        ) : null}
        {legs === undefined ? null : legs.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('shipments.none')}
          </Text>
        ) : (
          <Table.ScrollContainer
            minWidth={720}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('shipments.legsRegion')}
          >
            <Table verticalSpacing={6} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('shipments.columns.direction')}</Table.Th>
                  <Table.Th>{t('shipments.columns.carrier')}</Table.Th>
                  <Table.Th>{t('shipments.columns.tracking')}</Table.Th>
                  <Table.Th>{t('shipments.columns.paidBy')}</Table.Th>
                  <Table.Th ta="right">{t('shipments.columns.cost')}</Table.Th>
                  <Table.Th>{t('shipments.columns.receipt')}</Table.Th>
                  <Table.Th w={56}>
                    <VisuallyHidden>{t('shipments.columns.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {legs.map(({ leg, receipt }) => (
                  <Table.Tr key={leg.id}>
                    <Table.Td>{t(`shipments.direction.${leg.direction}`)}</Table.Td>
                    <Table.Td>{leg.carrier}</Table.Td>
                    <Table.Td ff="monospace">{leg.trackingNumber ?? '—'}</Table.Td>
                    <Table.Td>{t(`shipments.paidBy.${leg.paidBy}`)}</Table.Td>
                    <Table.Td ta="right">
                      {leg.cost === undefined ? '—' : format.money(leg.cost)}
                    </Table.Td>
                    <Table.Td>
                      {receipt === undefined ? (
                        t('shipments.receiptNone')
                      ) : (
                        <Anchor
                          component="button"
                          size="sm"
                          onClick={() => void openReceipt(core, t, receipt)}
                          aria-label={`${t('shipments.receiptOpen')}: ${receipt.fileName}`}
                        >
                          {receipt.fileName}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {context === undefined ? null : (
                        <Tooltip label={t('shipments.edit', { carrier: leg.carrier })}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('shipments.edit', { carrier: leg.carrier })}
                            onClick={() => setEditing(leg)}
                          >
                            ✎
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {editing === undefined || context === undefined || currency === undefined ? null : (
          <ShipmentLegForm
            key={editing?.id ?? 'new'}
            claim={claim}
            leg={editing ?? undefined}
            currency={currency}
            option={option}
            context={context}
            onDone={() => setEditing(undefined)}
          />
        )}
      </Stack>
    </Paper>
  );
}
