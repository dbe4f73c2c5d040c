import {
  Alert,
  Button,
  Checkbox,
  Container,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupPanel } from '../backup/BackupPanel';
import { useStationSetup } from '../hooks/useStationSetup';
import { useLanguage } from '../hooks/useStationFormat';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { SetupSection } from './SetupSection';
import { HolidayList } from './HolidayList';
import { PolicyAssignmentTable } from './PolicyAssignmentTable';
import { TechnicianRows } from './TechnicianRows';
import { initialSetupValues, validateSetup, type SetupFormValues } from './setupForm';

/** Monday first, as ISO numbers them; 2024-01-01 was a Monday, so its week names the days. */
const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** First run: what the station is, where it works, which policies apply, and who works here. */
export function SetupScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const setUpStation = useStationSetup();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const form = useForm<SetupFormValues>({
    mode: 'controlled',
    initialValues: initialSetupValues(language),
    validate: validateSetup,
  });
  const errorOf = (path: string, options: Record<string, string> = {}) => {
    const key = form.errors[path];
    return typeof key === 'string' ? t(key, options) : undefined;
  };
  const field = (path: keyof SetupFormValues) => ({
    ...form.getInputProps(path),
    error: errorOf(path),
  });
  const weekdayNames = useMemo(() => {
    const format = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
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

  const submit = form.onSubmit(
    async (values) => {
      setSaving(true);
      setFailure(undefined);
      const error = await setUpStation(values);
      setSaving(false);
      if (error !== undefined) setFailure(t('setup.failed', { reason: error.message }));
    },
    () => setFailure(t('setup.fixErrors')),
  );

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={1} c="teal.8">
              {t('setup.title')}
            </Title>
            <Text maw={720} mt={4}>
              {t('setup.intro')}
            </Text>
          </div>
          <LanguageSwitch />
        </Group>
        <form noValidate onSubmit={submit}>
          <Stack gap="lg">
            <SetupSection title={t('setup.sections.center')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  label={t('setup.centerName')}
                  description={t('setup.centerNameHint')}
                  withAsterisk
                  {...field('centerName')}
                />
                <TextInput
                  label={t('setup.stationCode')}
                  description={t('setup.stationCodeHint')}
                  withAsterisk
                  autoCapitalize="characters"
                  {...field('stationCode')}
                />
              </SimpleGrid>
            </SetupSection>
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
            <SetupSection title={t('setup.sections.policy')}>
              <Text size="sm" c="dimmed" mb="sm">
                {t('setup.policyHint')}
              </Text>
              <PolicyAssignmentTable
                assignments={form.values.policyAssignments}
                onChange={(index, assignment) =>
                  form.setFieldValue(`policyAssignments.${index}`, assignment)
                }
                errorOf={(index) =>
                  errorOf(`policyAssignments.${index}.channels`, {
                    brand: form.values.policyAssignments[index]?.brand ?? '',
                  })
                }
              />
            </SetupSection>
            <SetupSection title={t('setup.sections.technicians')}>
              <TechnicianRows
                technicians={form.values.technicians}
                onChange={(technicians) => form.setFieldValue('technicians', technicians)}
                errorOf={(index, part) => errorOf(`technicians.${index}.${part}`)}
                listError={errorOf('technicians')}
              />
            </SetupSection>
            {failure === undefined ? null : (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" size="md" loading={saving}>
                {saving ? t('setup.saving') : t('setup.save')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Text fw={500}>{t('setup.restoreInstead')}</Text>
        <BackupPanel canExport={false} />
      </Stack>
    </Container>
  );
}
