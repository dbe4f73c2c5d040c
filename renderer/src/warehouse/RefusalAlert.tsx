import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks/useStationFormat';
import { clauseRule } from '../claim/clauseWords';
import type { Failure } from '../i18n/errorText';
import { FailureDetails } from '../shell/FailureDetails';

type RefusalAlertProps = {
  readonly message: string;
  /** The policy clauses behind the refusal, shown with their rule. */
  readonly clauses?: readonly string[];
  /** The failure behind the message, whose technical details (if any) go on their own line. */
  readonly failure?: Failure;
};

/** A refused step, in red, with the clauses behind it in the language shown. */
export function RefusalAlert({ message, clauses = [], failure }: RefusalAlertProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Alert color="red" variant="light" role="alert">
      <Text size="sm">{message}</Text>
      {failure === undefined ? null : <FailureDetails failure={failure} />}
      {clauses.map((clause) => (
        <Text key={clause} size="sm" mt={4}>
          <Text span fw={600} size="sm">
            {t('warehouse.receiving.clause', { id: clause })}
          </Text>
          {': '}
          {clauseRule(clause, language, undefined) ?? ''}
        </Text>
      ))}
    </Alert>
  );
}
