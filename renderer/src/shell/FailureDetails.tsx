import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Failure } from '../i18n/errorText';
import { failureDetailsText } from '../i18n/errorText';

type FailureDetailsProps = { readonly failure: Failure };

/**
 * The technical line under a failure's translated sentence ("Details (for support): …"), apart
 * from it, so the sentence stays in the screen's language; nothing when there is no detail.
 */
export function FailureDetails({ failure }: FailureDetailsProps) {
  const { t } = useTranslation();
  const details = failureDetailsText(t, failure);
  return details === undefined ? null : (
    <Text size="xs" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
      {details}
    </Text>
  );
}
