import { Alert, Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConnectionProblem } from '../core';

type ConnectionProblemNoticeProps = { readonly problem: ConnectionProblem };

/**
 * In place of the app when another window holds the station's database: what to do about it,
 * rather than a spinner that never ends.
 */
export function ConnectionProblemNotice({ problem }: ConnectionProblemNoticeProps) {
  const { t } = useTranslation();
  return (
    <Center h="100vh" p="md">
      <Stack maw={560}>
        <Alert color="orange" role="alert" title={t(`app.connection.${problem}.title`)}>
          {t(`app.connection.${problem}.body`)}
        </Alert>
        {problem === 'upgraded-elsewhere' ? (
          <Button onClick={() => window.location.reload()}>{t('app.connection.reload')}</Button>
        ) : null}
      </Stack>
    </Center>
  );
}
