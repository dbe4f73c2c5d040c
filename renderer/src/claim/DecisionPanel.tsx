import { Alert, Badge, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Remedy } from '#shared/domain/vocabulary';
import type { Decision, DecisionOption } from '#shared/policy';
import { DecisionCard, DecisionDetails } from './DecisionCard';

type DecisionPanelProps = {
  readonly decision: Decision;
  /** The remedy the claim has chosen among the options, if any. */
  readonly chosenRemedy?: Remedy | undefined;
  /**
   * Chooses an option's remedy; resolves to the reason it was refused, if it was. Without it the
   * panel only shows the options (as it does before a claim exists).
   */
  readonly onChooseRemedy?: ((remedy: Remedy) => Promise<string | undefined>) | undefined;
};

/** The claim screen's decision: each option with who pays shipping and a way to choose it. */
export function DecisionPanel({ decision, chosenRemedy, onChooseRemedy }: DecisionPanelProps) {
  const { t } = useTranslation();
  const [choosing, setChoosing] = useState<Remedy | undefined>();
  const [chooseError, setChooseError] = useState<string | undefined>();
  const choose = async (remedy: Remedy) => {
    if (onChooseRemedy === undefined) return;
    setChoosing(remedy);
    setChooseError(await onChooseRemedy(remedy));
    setChoosing(undefined);
  };
  const optionAction = (option: DecisionOption) =>
    option.remedy === chosenRemedy ? (
      <Badge color="teal" variant="filled" size="sm">
        {t('claimScreen.decision.chosen')}
      </Badge>
    ) : onChooseRemedy === undefined ? null : (
      <Button
        size="compact-xs"
        variant="default"
        ml="auto"
        loading={choosing === option.remedy}
        onClick={() => void choose(option.remedy)}
        aria-label={`${t('claimScreen.decision.choose')}: ${t(`remedy.${option.remedy}`)}`}
      >
        {t('claimScreen.decision.choose')}
      </Button>
    );
  return (
    <DecisionCard title={t('claim.decision')}>
      <DecisionDetails
        decision={decision}
        optionAction={optionAction}
        optionsAlert={
          chooseError === undefined ? null : (
            <Alert color="red" role="alert">
              {t('claimScreen.decision.chooseFailed', { reason: chooseError })}
            </Alert>
          )
        }
      />
    </DecisionCard>
  );
}
