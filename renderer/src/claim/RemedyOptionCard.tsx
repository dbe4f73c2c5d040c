import { Badge, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision, DecisionOption } from '#shared/policy';
import { useStationFormat } from '../hooks/useStationFormat';
import { ClauseList } from './ClauseList';

type RemedyOptionCardProps = {
  readonly option: DecisionOption;
  readonly decision: Decision;
  /** Smaller type and padding, for the narrow column beside the intake form. */
  readonly compact?: boolean;
  /** Badges shown right after the remedy's name (the claim screen's "Customer pays"). */
  readonly badges?: ReactNode;
  /** What the screen lets the technician do with the option, at the end of its title line. */
  readonly action?: ReactNode;
};

/**
 * One remedy the policy allows, as a list item: its name, whether it waits for the inspection,
 * its deadline, who pays each shipping leg, and the clauses behind it. The claim screen and the
 * intake's live decision both list options with it.
 */
export function RemedyOptionCard({
  option,
  decision,
  compact = false,
  badges,
  action,
}: RemedyOptionCardProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const payer = (who: 'customer' | 'company' | null) =>
    who === null ? t('claim.noShipping') : t(`payer.${who}`);
  return (
    <Paper component="li" bg="gray.0" p={compact ? 'xs' : 'sm'} radius="sm">
      <Group gap="xs">
        <Text fw={600} size={compact ? 'sm' : 'md'}>
          {t(`remedy.${option.remedy}`)}
        </Text>
        {badges}
        {option.pendingInspection ? (
          <Badge color="yellow" variant="filled" autoContrast size="sm">
            {t('claim.pendingInspection')}
          </Badge>
        ) : null}
        {option.deadline === null ? null : (
          <Badge color="gray" variant="outline" size="sm">
            {t('claim.deadline', { date: format.date(option.deadline) })}
          </Badge>
        )}
        {action}
      </Group>
      <Text size={compact ? 'xs' : 'sm'} c="dimmed">
        {t('claim.inbound', { payer: payer(option.inboundShippingPaidBy) })} ·{' '}
        {t('claim.outbound', { payer: payer(option.outboundShippingPaidBy) })}
      </Text>
      <ClauseList clauses={option.clauses} decision={decision} />
    </Paper>
  );
}
