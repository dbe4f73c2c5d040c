import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationResult } from '#shared/policy';
import { DecisionCard, DecisionDetails } from '../claim/DecisionCard';
import { fieldOfMissingFact } from './fieldTargets';
import { evaluationErrorText } from '../i18n/errorText';
import type { IntakeDecisionContext } from './intakeDecision';
import { useIntakeDecision } from './useIntakeDecision';
import type { IntakeFields } from './useIntakeForm';

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
  readonly form: IntakeFields;
  /** What the decision is drawn from besides the form. */
  readonly context: IntakeDecisionContext;
  /** Takes the technician to a form field, by its path. */
  readonly onJump: (path: string) => void;
};

/**
 * What the policy allows for the intake as it stands: options, deadlines and the clauses behind
 * them, and what is still missing, each item a button to its field.
 */
export const IntakeDecisionPanel = memo(function IntakeDecisionPanel({
  form,
  context,
  onJump,
}: IntakeDecisionPanelProps) {
  const { t } = useTranslation();
  const decision = useIntakeDecision(form, context);

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
          {evaluationErrorText(t, decision.result, {
            named: 'intake.decision.invalid',
            unnamed: 'intake.decision.invalidUnnamed',
          })}
        </Alert>
      );
    }
    return (
      <DecisionDetails
        decision={decision.result.value}
        compact
        onJumpToFact={(field) => onJump(fieldOfMissingFact(field))}
        showDeadlines
      />
    );
  };

  return (
    <DecisionCard title={t('intake.decision.title')} note={t('intake.decision.live')}>
      {body()}
    </DecisionCard>
  );
});
