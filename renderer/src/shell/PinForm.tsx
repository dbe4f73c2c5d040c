import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../core';
import { useBenchSwitch } from '../hooks/useBenchSwitch';
import { repositoryErrorText } from '../i18n/errorText';

type PinFormProps = {
  readonly person: Person;
  readonly submitLabel: string;
  readonly onSignedIn: () => void;
  /** Shown beside the submit button (a Cancel), when there is one. */
  readonly secondaryAction?: React.ReactNode;
};

/**
 * Asks for `person`'s PIN and signs them in at the bench. After a few wrong PINs the station
 * makes the next try wait, and says how long, counting down.
 */
export function PinForm({ person, submitLabel, onSignedIn, secondaryAction }: PinFormProps) {
  const { t } = useTranslation();
  const signIn = useBenchSwitch();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [tryAgainAt, setTryAgainAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [checking, setChecking] = useState(false);
  const waitSeconds = Math.ceil((tryAgainAt - now) / 1000);

  useEffect(() => {
    if (tryAgainAt <= Date.now()) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [tryAgainAt]);

  const submit = async () => {
    setChecking(true);
    const result = await signIn(person.id, pin);
    setChecking(false);
    setPin('');
    if (!result.ok) {
      setError(repositoryErrorText(t, result.error));
      return;
    }
    switch (result.value.kind) {
      case 'signed-in':
        onSignedIn();
        return;
      case 'wrong-pin':
        setError(t('people.pin.wrong', { name: person.name }));
        break;
      case 'wait':
        setError(undefined);
        break;
    }
    setNow(Date.now());
    setTryAgainAt(result.value.tryAgainAt);
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <PasswordInput
          label={t('people.pin.label')}
          description={t('people.pin.hint', { name: person.name })}
          inputMode="numeric"
          autoComplete="off"
          data-autofocus
          value={pin}
          error={error}
          onChange={(event) => {
            setPin(event.currentTarget.value);
            setError(undefined);
          }}
        />
        {waitSeconds > 0 ? (
          <Text size="sm" c="orange.8" role="status">
            {t('people.pin.wait', { name: person.name, seconds: waitSeconds })}
          </Text>
        ) : null}
        <Group justify="flex-end">
          {secondaryAction}
          <Button type="submit" loading={checking} disabled={waitSeconds > 0}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
