import { Button, Group, Input, Pill, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '#shared/documents/format';
import { useLanguage } from '../hooks/useStationFormat';
import { holidayError } from './setupForm';
import type { MessageKey } from '../i18n/messageKey';

type HolidayListProps = {
  readonly holidays: readonly string[];
  readonly onChange: (holidays: string[]) => void;
};

/** The center's closed days, added one date at a time. */
export function HolidayList({ holidays, onChange }: HolidayListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<MessageKey | undefined>();
  const add = () => {
    const problem = holidayError(draft, holidays);
    if (problem !== undefined) {
      setError(problem);
      return;
    }
    onChange([...holidays, draft].sort());
    setDraft('');
    setError(undefined);
  };
  return (
    <Input.Wrapper label={t('setup.holidays')} description={t('setup.holidaysHint')}>
      <Stack gap="xs" mt="xs">
        <Group gap="xs" align="flex-start">
          <TextInput
            type="date"
            aria-label={t('setup.holidayDate')}
            value={draft}
            error={error === undefined ? undefined : t(error)}
            onChange={(event) => {
              setDraft(event.currentTarget.value);
              setError(undefined);
            }}
          />
          <Button variant="default" onClick={add}>
            {t('setup.addHoliday')}
          </Button>
        </Group>
        {holidays.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('setup.noHolidays')}
          </Text>
        ) : (
          <Pill.Group>
            {holidays.map((day) => (
              <Pill
                key={day}
                withRemoveButton
                onRemove={() => onChange(holidays.filter((other) => other !== day))}
                removeButtonProps={{ 'aria-label': t('setup.removeHoliday', { date: day }) }}
              >
                {formatDate(day, language)}
              </Pill>
            ))}
          </Pill.Group>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
