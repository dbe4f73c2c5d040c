import { Alert, Anchor, Badge, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useClaimDecision } from '../hooks/useClaimDecision';
import { FactList } from '../shell/FactList';
import { useStationFormat } from '../hooks/useStationFormat';
import { useStationContext } from '../station/StationContext';
import { DecisionPanel } from './DecisionPanel';
import { DocumentsCard } from './DocumentsCard';
import { QuoteCard } from './quote/QuoteCard';
import { ShipmentsCard } from './shipments/ShipmentsCard';

/** One claim: who, what, where it stands, and what its brand's policy allows today. */
export function ClaimScreen() {
  const { t } = useTranslation();
  const { claimId = '' } = useParams();
  const details = useClaimDecision(claimId);
  const format = useStationFormat();
  const { station } = useStationContext();

  if (details.kind === 'loading') return <Loader aria-label={t('queue.loading')} />;
  if (details.kind === 'not-found') {
    return (
      <Stack>
        <Alert color="orange" role="alert">
          {t('claim.notFound')}
        </Alert>
        <Anchor component={Link} to="/">
          {t('claim.back')}
        </Anchor>
      </Stack>
    );
  }
  const { claim, customer, device, decision } = details;
  const facts: [string, string][] = [
    [t('claim.customer'), customer?.name ?? '—'],
    [t('claim.device'), device?.model ?? '—'],
    [t('claim.serial'), device?.serial ?? device?.imei ?? '—'],
    [t('claim.opened'), format.dateTime(claim.createdAt)],
    [t('claim.channel'), t(`channel.${claim.purchase.channel}`)],
    [
      t('claim.price'),
      claim.purchase.price === undefined ? '—' : format.money(claim.purchase.price),
    ],
  ];
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/" size="sm">
        ← {t('claim.back')}
      </Anchor>
      <Group gap="md" align="center">
        <Title order={2} ff="monospace">
          {claim.rmaNumber}
        </Title>
        <Badge
          size="lg"
          variant="light"
          aria-label={`${t('claim.status')}: ${t(`status.${claim.status}`)}`}
        >
          {t(`status.${claim.status}`)}
        </Badge>
      </Group>
      <Paper withBorder p="md" radius="md">
        <FactList facts={facts} columns={3} emphasized />
      </Paper>
      {/* Before the decision, which runs long: printing is what the bench does most here. */}
      <DocumentsCard sources={{ station, claim, customer, device, decision }} />
      {decision === undefined ? (
        <Alert color="orange">{t('claim.unknownPack', { pack: claim.policyPackId })}</Alert>
      ) : decision.ok ? (
        <DecisionPanel decision={decision.value} />
      ) : (
        <Alert color="orange">{t('claim.invalidClaim', { reason: decision.error })}</Alert>
      )}
      <QuoteCard claim={claim} customer={customer} device={device} decision={decision} />
      <ShipmentsCard claim={claim} decision={decision} />
    </Stack>
  );
}
