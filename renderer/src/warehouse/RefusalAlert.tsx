import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks/useStationFormat';
import { clauseRule } from '../claim/clauseWords';

type RefusalAlertProps = {
  readonly message: string;
  /** The policy clauses behind the refusal, shown with their rule. */
  readonly clauses?: readonly string[];
};

/** A refused step, in red, with the clauses behind it in the language shown. */
export function RefusalAlert({ message, clauses = [] }: RefusalAlertProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Alert color="red" variant="light" role="alert">
      <Text size="sm">{message}</Text>
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
