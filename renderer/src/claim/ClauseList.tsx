import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Decision } from '#shared/policy';
import { useLanguage } from '../hooks/useStationFormat';

type ClauseListProps = { readonly clauses: readonly string[]; readonly decision: Decision };

/** The clauses behind an answer, each with its rule in the language shown. */
export function ClauseList({ clauses, decision }: ClauseListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {clauses.map((clause) => (
        <Text key={clause} size="sm" mt={4}>
          <Text span fw={600} size="sm" c="teal.9">
            {t('claim.clause', { id: clause })}
          </Text>
          {': '}
          {decision.clauseTexts[clause]?.rule[language] ?? ''}
        </Text>
      ))}
    </>
  );
}
