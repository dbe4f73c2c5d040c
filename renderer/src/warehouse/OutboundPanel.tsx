import { repositoryErrorText } from '../i18n/errorText';
import { saveFailureText } from '../i18n/saveFailureText';
import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStationFormat } from '../hooks/useStationFormat';
import { ClaimSummary } from './ClaimSummary';
import { RefusalAlert } from './RefusalAlert';
import { commonCarriers } from './outboundCheck';
import type { OutboundDesk } from './useOutbound';
import classes from './WarehouseDesk.module.css';

type OutboundPanelProps = { readonly desk: OutboundDesk; readonly active: boolean };

/** Outbound: the claim going back, its carrier and tracking number, then closing it. */
export function OutboundPanel({ desk, active }: OutboundPanelProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const titleId = useId();
  const claimTitleId = useId();
  const legsTitleId = useId();
  const rmaRef = useRef<HTMLInputElement>(null);
  const carrierRef = useRef<HTMLInputElement>(null);
  const { bundle, standing, outcome } = desk;
  const working = outcome.kind === 'working';
  const rmaNumber = bundle?.claim.rmaNumber ?? '';
  const status = desk.status ?? bundle?.claim.status;
  const closedNow = status === 'closed';

  const ships = standing?.kind === 'ships';
  // The next thing to type has the focus; a code just read is selected, so a scan replaces it.
  const { lookupProblem } = desk;
  useEffect(() => {
    if (!active) return;
    if (ships) carrierRef.current?.focus();
    else {
      rmaRef.current?.focus();
      rmaRef.current?.select();
    }
  }, [active, ships, bundle, lookupProblem]);

  return (
    <Stack gap="md" maw={900}>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
        <Title order={2} size="h4" id={titleId} mb="xs">
          {t('warehouse.outbound.title')}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void desk.lookUp(desk.rmaInput);
          }}
        >
          <TextInput
            ref={rmaRef}
            label={t('warehouse.outbound.rmaLabel')}
            description={t('warehouse.outbound.rmaHint')}
            value={desk.rmaInput}
            onChange={(event) => desk.setRmaInput(event.currentTarget.value)}
            error={
              desk.lookupProblem === undefined
                ? undefined
                : desk.lookupProblem.kind === 'not-an-rma-number'
                  ? t('warehouse.lookup.notAnRmaNumber', { code: desk.lookupProblem.code })
                  : t('warehouse.lookup.notFound', { rmaNumber: desk.lookupProblem.rmaNumber })
            }
            classNames={{ input: classes.code }}
            autoComplete="off"
            spellCheck={false}
            rightSectionWidth={72}
            rightSection={
              <Button type="submit" size="compact-sm" variant="light">
                {t('warehouse.outbound.find')}
              </Button>
            }
          />
        </form>
      </Paper>

      {bundle === undefined || standing === undefined ? null : (
        <ClaimSummary
          bundle={{ ...bundle, claim: { ...bundle.claim, status: status ?? bundle.claim.status } }}
          titleId={claimTitleId}
        >
          {standing.kind === 'not-shippable' ? (
            <RefusalAlert
              message={t('warehouse.outbound.notShippable', {
                rmaNumber,
                status: t(`status.${standing.status}`),
              })}
            />
          ) : standing.kind === 'refused-not-held' ? (
            <RefusalAlert message={t('warehouse.outbound.refusedNotHeld', { rmaNumber })} />
          ) : (
            <Stack gap="sm">
              {desk.legs.length === 0 ? null : (
                <>
                  <Title order={4} size="h5" id={legsTitleId}>
                    {t('warehouse.outbound.legsTitle')}
                  </Title>
                  <Table verticalSpacing={4} aria-labelledby={legsTitleId}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('warehouse.outbound.carrierLabel')}</Table.Th>
                        <Table.Th>{t('warehouse.outbound.trackingLabel')}</Table.Th>
                        <Table.Th>{t('warehouse.outbound.paidByLabel')}</Table.Th>
                        <Table.Th>{t('warehouse.outbound.shippedAt')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {desk.legs.map((leg) => (
                        <Table.Tr key={leg.id}>
                          <Table.Td fz="sm">{leg.carrier}</Table.Td>
                          <Table.Td fz="sm" ff="monospace">
                            {leg.trackingNumber ?? '—'}
                          </Table.Td>
                          <Table.Td fz="sm">
                            {t(`warehouse.outbound.paidBy.${leg.paidBy}`)}
                          </Table.Td>
                          <Table.Td fz="sm">
                            {leg.shippedAt === undefined ? '—' : format.dateTime(leg.shippedAt)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </>
              )}
              {closedNow ? null : (
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    void desk.saveLeg();
                  }}
                >
                  <Stack gap="sm">
                    <Group grow align="flex-start">
                      <Autocomplete
                        ref={carrierRef}
                        label={t('warehouse.outbound.carrierLabel')}
                        placeholder={t('warehouse.outbound.carrierPlaceholder')}
                        data={[...commonCarriers]}
                        value={desk.carrier}
                        onChange={desk.setCarrier}
                        error={
                          desk.errors.carrier === undefined
                            ? undefined
                            : t('warehouse.outbound.carrierMissing')
                        }
                        withAsterisk
                      />
                      <TextInput
                        label={t('warehouse.outbound.trackingLabel')}
                        value={desk.trackingNumber}
                        onChange={(event) => desk.setTrackingNumber(event.currentTarget.value)}
                        error={
                          desk.errors.trackingNumber === undefined
                            ? undefined
                            : t('warehouse.outbound.trackingMissing')
                        }
                        classNames={{ input: classes.code }}
                        autoComplete="off"
                        spellCheck={false}
                        withAsterisk
                      />
                    </Group>
                    <Group justify="space-between" align="flex-end">
                      <div>
                        <Text size="sm" fw={500} mb={4} id={`${titleId}-payer`}>
                          {t('warehouse.outbound.paidByLabel')}
                        </Text>
                        <SegmentedControl
                          aria-labelledby={`${titleId}-payer`}
                          value={desk.paidBy}
                          onChange={(value) =>
                            desk.setPaidBy(value === 'customer' ? 'customer' : 'company')
                          }
                          data={[
                            { value: 'company', label: t('warehouse.outbound.paidBy.company') },
                            { value: 'customer', label: t('warehouse.outbound.paidBy.customer') },
                          ]}
                        />
                      </div>
                      <Button type="submit" loading={working} disabled={!desk.canWrite}>
                        {t('warehouse.outbound.save')}
                      </Button>
                    </Group>
                  </Stack>
                </form>
              )}
              {outcome.kind === 'saved' ? (
                <Alert color="teal" variant="light" role="status">
                  {t('warehouse.outbound.saved', {
                    carrier: outcome.carrier,
                    trackingNumber: outcome.trackingNumber,
                    rmaNumber,
                  })}
                </Alert>
              ) : null}
              {outcome.kind === 'save-refused' ? (
                <RefusalAlert
                  message={saveFailureText(t, outcome.error, (reason) =>
                    t('warehouse.outbound.saveFailed', { reason }),
                  )}
                />
              ) : null}
              {outcome.kind === 'close-refused' ? (
                <RefusalAlert
                  message={t('warehouse.outbound.closeRefused', {
                    rmaNumber,
                    reason: repositoryErrorText(t, outcome.refusal.error),
                  })}
                  clauses={outcome.refusal.clauses}
                />
              ) : null}
              {outcome.kind === 'closed' ? (
                <Alert color="teal" variant="light" role="status">
                  {t('warehouse.outbound.closed', { rmaNumber })}
                </Alert>
              ) : null}
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {desk.legs.length === 0 && !closedNow
                    ? t('warehouse.outbound.closeNeedsLeg')
                    : null}
                </Text>
                <Group gap="sm">
                  {closedNow ? (
                    <Button variant="default" onClick={desk.next}>
                      {t('warehouse.outbound.nextClaim')}
                    </Button>
                  ) : (
                    <Button
                      variant="light"
                      color="teal"
                      disabled={desk.legs.length === 0 || working || !desk.canWrite}
                      onClick={() => void desk.close()}
                    >
                      {t('warehouse.outbound.close')}
                    </Button>
                  )}
                </Group>
              </Group>
            </Stack>
          )}
        </ClaimSummary>
      )}
    </Stack>
  );
}
