import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../bridge/getBridge';
import type { ConnectProblem } from '../core/sync/syncApi';
import { useStationSync } from '../hooks/useSyncStatus';
import { useStationContext } from '../station/StationContext';
import { checkSyncConnect, type SyncConnectErrors } from './syncConnectCheck';
import { connectProblemText } from './syncText';

/** The server address and pairing code that connect a station working alone to its center. */
export function SyncConnectForm() {
  const { t } = useTranslation();
  const sync = useStationSync();
  const { station } = useStationContext();
  // In a browser the sync server serves the page: its address is the page's own.
  const [serverUrl, setServerUrl] = useState(() =>
    getBridge().kind === 'web' ? window.location.origin : '',
  );
  const [pairingCode, setPairingCode] = useState('');
  const [errors, setErrors] = useState<SyncConnectErrors>({});
  const [connecting, setConnecting] = useState(false);
  const [problem, setProblem] = useState<{ problem: ConnectProblem; serverUrl: string }>();

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSyncConnect({ serverUrl, pairingCode });
    setErrors(checked.ok ? {} : checked.errors);
    setProblem(undefined);
    if (!checked.ok) return;
    setConnecting(true);
    try {
      const connected = await sync.connect(checked.values);
      if (!connected.ok)
        setProblem({ problem: connected.problem, serverUrl: checked.values.serverUrl });
    } finally {
      setConnecting(false);
    }
  };

  return (
    <form onSubmit={(event) => void connect(event)} noValidate>
      <Stack gap="sm" maw={520}>
        <TextInput
          label={t('sync.serverUrl')}
          description={t('sync.serverUrlHint')}
          value={serverUrl}
          onChange={(event) => setServerUrl(event.currentTarget.value)}
          error={errors.serverUrl === undefined ? undefined : t(errors.serverUrl)}
          inputMode="url"
          autoComplete="url"
          withAsterisk
        />
        <TextInput
          label={t('sync.pairingCode')}
          description={t('sync.pairingCodeHint')}
          value={pairingCode}
          onChange={(event) => setPairingCode(event.currentTarget.value)}
          error={errors.pairingCode === undefined ? undefined : t(errors.pairingCode)}
          autoComplete="off"
          spellCheck={false}
          withAsterisk
        />
        {problem === undefined ? null : (
          <Alert role="alert" color="red" variant="light">
            {connectProblemText(t, problem.problem, {
              serverUrl: problem.serverUrl,
              stationCode: station.stationCode,
            })}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={connecting}>
            {t('sync.connect')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
