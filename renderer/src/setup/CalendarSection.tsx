import { Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '#shared/documents/format';
import { useLanguage } from '../hooks/useStationFormat';
import { centerFieldId } from './centerForm';
import type { CenterFieldsForm } from './centerFieldsForm';
import { HolidayList } from './HolidayList';
import { SetupSection } from './SetupSection';
import { useFieldError } from './useFieldError';

/** Monday first, as ISO numbers them; 2024-01-01 was a Monday, so its week names the days. */
const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;

type CalendarSectionProps = { readonly form: CenterFieldsForm };

/** The center's money, time zone, language, working days and holidays. */
export function CalendarSection({ form }: CalendarSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorOf = useFieldError(form.errors);
  const field = (path: 'currency' | 'timeZone' | 'language' | 'workingDays') => ({
    id: centerFieldId(path),
    ...form.getInputProps(path),
    error: errorOf(path),
  });
  const weekdayNames = useMemo(() => {
    const format = new Intl.DateTimeFormat(localeOf[language], {
      weekday: 'long',
      timeZone: 'UTC',
    });
    return isoWeekdays.map((day) => ({
      value: String(day),
      label: format.format(new Date(Date.UTC(2024, 0, day))),
    }));
  }, [language]);
  const timeZones = useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone');
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zones.includes(own) ? zones : [own, ...zones];
  }, []);
  return (
    <SetupSection title={t('setup.sections.calendar')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput
          label={t('setup.currency')}
          description={t('setup.currencyHint')}
          withAsterisk
          maxLength={3}
          {...field('currency')}
        />
        <Select
          label={t('setup.timeZone')}
          description={t('setup.timeZoneHint')}
          searchable
          allowDeselect={false}
          data={timeZones}
          {...field('timeZone')}
        />
        <Select
          label={t('setup.language')}
          description={t('setup.languageHint')}
          allowDeselect={false}
          data={[
            { value: 'en', label: t('language.en') },
            { value: 'id', label: t('language.id') },
          ]}
          {...field('language')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="md">
        <Checkbox.Group
          label={t('setup.workingDays')}
          description={t('setup.workingDaysHint')}
          {...field('workingDays')}
        >
          <Group gap="sm" mt="xs">
            {weekdayNames.map((day) => (
              <Checkbox key={day.value} value={day.value} label={day.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <HolidayList
          holidays={form.values.holidays}
          onChange={(holidays) => form.setFieldValue('holidays', holidays)}
        />
      </SimpleGrid>
    </SetupSection>
  );
}
