import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvaluationResult } from '#shared/policy';
import { ClauseList } from '../claim/ClauseList';
import { RemedyOptionCard } from '../claim/RemedyOptionCard';
import { useStationFormat } from '../hooks/useStationFormat';
import { fieldOfMissingFact } from './fieldTargets';
import { policyPackName } from '../i18n/policyPackName';

/** What the form still needs before the policy can say anything, by form field. */
export type DecisionPrerequisite = 'brand' | 'model' | 'category' | 'channel' | 'reason';

const prerequisiteFields: Readonly<Record<DecisionPrerequisite, string>> = {
  brand: 'device.brand',
  model: 'device.model',
  category: 'device.category',
  channel: 'purchase.channel',
  reason: 'claim.reason',
};

/** The live decision: waiting for the basics, no pack, or what the pack says of the draft. */
export type IntakeDecision =
  | { readonly kind: 'waiting'; readonly needs: readonly DecisionPrerequisite[] }
  | { readonly kind: 'no-pack' }
  | { readonly kind: 'evaluated'; readonly result: EvaluationResult };

type IntakeDecisionPanelProps = {
  readonly decision: IntakeDecision;
  /** Takes the technician to a form field, by its path. */
  readonly onJump: (path: string) => void;
};

/**
 * What the policy allows for the intake as it stands: options, deadlines and the clauses behind
 * them, and what is still missing, each item a button to its field.
 */
export function IntakeDecisionPanel({ decision, onJump }: IntakeDecisionPanelProps) {
  const { t } = useTranslation();
  const format = useStationFormat();

  const body = () => {
    switch (decision.kind) {
      case 'waiting':
        return (
          <Stack gap="xs">
            <Text size="sm">{t('intake.decision.waiting')}</Text>
            <Group gap="xs">
              {decision.needs.map((need) => (
                <Button
                  key={need}
                  size="compact-sm"
                  variant="default"
                  onClick={() => onJump(prerequisiteFields[need])}
                >
                  {t(`intake.decision.needs.${need}`)}
                </Button>
              ))}
            </Group>
          </Stack>
        );
      case 'no-pack':
        return (
          <Alert color="orange" py="xs">
            {t('intake.decision.noPack')}
          </Alert>
        );
      case 'evaluated':
        break;
    }
    if (!decision.result.ok) {
      return (
        <Alert color="orange" py="xs">
          {t('intake.decision.invalid', { reason: decision.result.error })}
        </Alert>
      );
    }
    const value = decision.result.value;
    return (
      <Stack gap="md">
        <Text size="xs" c="dimmed">
          {t('claim.packVersion', {
            pack: policyPackName(t, value.policy),
            version: value.packVersion,
            date: format.date(value.asOf),
          })}
        </Text>
        {value.warrantyVoid ? (
          <Alert color="red" py="xs">
            {t('claim.warrantyVoid')}
          </Alert>
        ) : null}
        <Stack gap="xs" aria-labelledby="intake-missing-title" component="section">
          <Title order={4} id="intake-missing-title">
            {t('claim.missing')}
          </Title>
          {value.missingFacts.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('claim.noMissing')}
            </Text>
          ) : (
            <>
              <Text size="xs" c="dimmed">
                {t('intake.decision.missingHint')}
              </Text>
              <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
                {value.missingFacts.map((fact) => (
                  <li key={fact.field}>
                    <Button
                      variant="default"
                      size="compact-sm"
                      onClick={() => onJump(fieldOfMissingFact(fact.field))}
                      data-missing-fact={fact.field}
                    >
                      {t(`fact.${fact.field}`)}
                    </Button>
                    <ClauseList clauses={fact.clauses} decision={value} />
                  </li>
                ))}
              </Stack>
            </>
          )}
        </Stack>
        <Stack gap="xs" aria-labelledby="intake-options-title" component="section">
          <Title order={4} id="intake-options-title">
            {t('claim.options')}
          </Title>
          {value.options.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('claim.noOptions')}
            </Text>
          ) : (
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {value.options.map((option) => (
                <RemedyOptionCard key={option.remedy} option={option} decision={value} compact />
              ))}
            </Stack>
          )}
        </Stack>
        {value.deadlines.length === 0 ? null : (
          <Stack gap={4} aria-labelledby="intake-deadlines-title" component="section">
            <Title order={4} id="intake-deadlines-title">
              {t('intake.decision.deadlines')}
            </Title>
            <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
              {value.deadlines.map((deadline) => (
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
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="intake-decision-title"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={3} id="intake-decision-title">
            {t('intake.decision.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('intake.decision.live')}
          </Text>
        </Group>
        {body()}
      </Stack>
    </Paper>
  );
}
