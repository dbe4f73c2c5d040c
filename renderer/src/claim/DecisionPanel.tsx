import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { remedyNeedsApprovedQuote } from '#shared/domain/claimWorkflow';
import type { Remedy } from '#shared/domain/vocabulary';
import type { Decision } from '#shared/policy';
import { useStationFormat } from '../hooks/useStationFormat';
import { ClauseList } from './ClauseList';
import { RemedyOptionCard } from './RemedyOptionCard';
import classes from './DecisionPanel.module.css';
import { policyPackName } from '../i18n/policyPackName';

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

/** What the policy allows: each option with who pays shipping, and what is still missing. */
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
  const format = useStationFormat();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="decision-title">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={3} id="decision-title">
            {t('claim.decision')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('claim.packVersion', {
              pack: policyPackName(t, decision.policy),
              version: decision.packVersion,
              date: format.date(decision.asOf),
            })}
          </Text>
        </Group>
        {decision.warrantyVoid ? (
          <Alert color="red" role="status">
            {t('claim.warrantyVoid')}
          </Alert>
        ) : null}
        {decision.coverageEnds === null ? null : (
          <Text size="sm">
            {t('claim.coverageEnds', { date: format.date(decision.coverageEnds) })}
          </Text>
        )}
        <Stack gap="xs">
          <Title order={4}>{t('claim.options')}</Title>
          {chooseError === undefined ? null : (
            <Alert color="red" role="alert">
              {t('claimScreen.decision.chooseFailed', { reason: chooseError })}
            </Alert>
          )}
          {decision.options.length === 0 ? (
            <Text c="dimmed">{t('claim.noOptions')}</Text>
          ) : (
            <Stack component="ul" gap="sm" className={classes.list}>
              {decision.options.map((option) => (
                <RemedyOptionCard
                  key={option.remedy}
                  option={option}
                  decision={decision}
                  badges={
                    remedyNeedsApprovedQuote(option.remedy) ? (
                      <Badge color="red" variant="filled" size="sm">
                        {t('claimScreen.decision.customerPays')}
                      </Badge>
                    ) : null
                  }
                  action={
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
                    )
                  }
                />
              ))}
            </Stack>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={4}>{t('claim.missing')}</Title>
          {decision.missingFacts.length === 0 ? (
            <Text c="dimmed">{t('claim.noMissing')}</Text>
          ) : (
            <Stack component="ul" gap="sm" className={classes.list}>
              {decision.missingFacts.map((fact) => (
                <li key={fact.field}>
                  <Text fw={600} size="sm">
                    {t(`fact.${fact.field}`)}
                  </Text>
                  <ClauseList clauses={fact.clauses} decision={decision} />
                </li>
              ))}
            </Stack>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
