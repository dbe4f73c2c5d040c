import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { remedyNeedsApprovedQuote } from '#shared/domain/claimWorkflow';
import type { Decision, DecisionOption, MissingFactField } from '#shared/policy';
import { useStationFormat } from '../hooks/useStationFormat';
import { policyPackName } from '../i18n/policyPackName';
import { ClauseList } from './ClauseList';
import { RemedyOptionCard } from './RemedyOptionCard';
import classes from './DecisionPanel.module.css';

type DecisionCardProps = {
  readonly title: string;
  /** A short note at the end of the title line (the intake's "updates as you type"). */
  readonly note?: ReactNode;
  readonly children: ReactNode;
};

/** The card that frames a policy decision, as a region named by its title. */
export function DecisionCard({ title, note, children }: DecisionCardProps) {
  const titleId = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={3} id={titleId}>
            {title}
          </Title>
          {note === undefined ? null : (
            <Text size="xs" c="dimmed">
              {note}
            </Text>
          )}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

type DecisionDetailsProps = {
  readonly decision: Decision;
  /** Smaller options, for the narrow column beside the intake form. */
  readonly compact?: boolean;
  /** What the screen lets the technician do with an option (choose it, or see it chosen). */
  readonly optionAction?: (option: DecisionOption) => ReactNode;
  /** An alert shown above the options (why choosing one failed). */
  readonly optionsAlert?: ReactNode;
  /** Makes each missing fact a button to its form field; without it they are plain text. */
  readonly onJumpToFact?: (field: MissingFactField) => void;
  /** Lists the decision's windows with their last days (the claim screen has its clocks). */
  readonly showDeadlines?: boolean;
};

/**
 * What a policy decision says, drawn the same way wherever it is shown: the pack and version,
 * a void warranty, the coverage, each option with who pays and its clauses, what is missing,
 * and (at intake) the windows.
 */
export function DecisionDetails({
  decision,
  compact = false,
  optionAction,
  optionsAlert,
  onJumpToFact,
  showDeadlines = false,
}: DecisionDetailsProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const optionsId = useId();
  const missingId = useId();
  const deadlinesId = useId();
  return (
    <Stack gap="md">
      <Text size="xs" c="dimmed">
        {t('claim.packVersion', {
          pack: policyPackName(t, decision.policy),
          version: decision.packVersion,
          date: format.date(decision.asOf),
        })}
      </Text>
      {decision.warrantyVoid ? (
        <Alert color="red" role="status" py="xs">
          {t('claim.warrantyVoid')}
        </Alert>
      ) : null}
      {decision.coverageEnds === null ? null : (
        <Text size="sm">
          {t('claim.coverageEnds', { date: format.date(decision.coverageEnds) })}
        </Text>
      )}
      <Stack gap="xs" component="section" aria-labelledby={optionsId}>
        <Title order={4} id={optionsId}>
          {t('claim.options')}
        </Title>
        {optionsAlert}
        {decision.options.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('claim.noOptions')}
          </Text>
        ) : (
          <Stack component="ul" gap={compact ? 'xs' : 'sm'} className={classes.list}>
            {decision.options.map((option) => (
              <RemedyOptionCard
                key={option.remedy}
                option={option}
                decision={decision}
                compact={compact}
                badges={
                  remedyNeedsApprovedQuote(option.remedy) ? (
                    <Badge color="red" variant="filled" size="sm">
                      {t('claimScreen.decision.customerPays')}
                    </Badge>
                  ) : null
                }
                action={optionAction?.(option)}
              />
            ))}
          </Stack>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby={missingId}>
        <Title order={4} id={missingId}>
          {t('claim.missing')}
        </Title>
        {decision.missingFacts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('claim.noMissing')}
          </Text>
        ) : (
          <>
            {onJumpToFact === undefined ? null : (
              <Text size="xs" c="dimmed">
                {t('intake.decision.missingHint')}
              </Text>
            )}
            <Stack component="ul" gap="xs" className={classes.list}>
              {decision.missingFacts.map((fact) => (
                <li key={fact.field}>
                  {onJumpToFact === undefined ? (
                    <Text fw={600} size="sm">
                      {t(`fact.${fact.field}`)}
                    </Text>
                  ) : (
                    <Button
                      variant="default"
                      size="compact-sm"
                      onClick={() => onJumpToFact(fact.field)}
                      data-missing-fact={fact.field}
                    >
                      {t(`fact.${fact.field}`)}
                    </Button>
                  )}
                  <ClauseList clauses={fact.clauses} decision={decision} />
                </li>
              ))}
            </Stack>
          </>
        )}
      </Stack>
      {!showDeadlines || decision.deadlines.length === 0 ? null : (
        <Stack gap={4} component="section" aria-labelledby={deadlinesId}>
          <Title order={4} id={deadlinesId}>
            {t('intake.decision.deadlines')}
          </Title>
          <Stack component="ul" gap={4} className={classes.list}>
            {decision.deadlines.map((deadline) => (
              <Group
                component="li"
                key={deadline.kind}
                gap="xs"
                justify="space-between"
                wrap="nowrap"
              >
                <Text size="sm">
                  {t(`intake.decision.deadlineKinds.${deadline.kind}`)}{' '}
                  <Text span size="xs" c="dimmed">
                    ({deadline.clauses.join(', ')})
                  </Text>
                </Text>
                <Badge color={deadline.passed ? 'red' : 'gray'} variant="light" size="sm">
                  {format.date(deadline.date)}
                  {deadline.passed ? ` · ${t('intake.decision.passed')}` : ''}
                </Badge>
              </Group>
            ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
