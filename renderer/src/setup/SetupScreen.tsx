import { Alert, Button, Container, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupPanel } from '../backup/BackupPanel';
import { useStationSetup } from '../hooks/useStationSetup';
import { saveFailureText } from '../i18n/saveFailureText';
import { useLanguage } from '../hooks/useStationFormat';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { CalendarSection } from './CalendarSection';
import { CenterSection } from './CenterSection';
import { PolicySection } from './PolicySection';
import { SetupSection } from './SetupSection';
import { TechnicianRows } from './TechnicianRows';
import { initialSetupValues, validateSetup, type SetupFormValues } from './setupForm';
import { useFieldError } from './useFieldError';

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
  const errorOf = useFieldError(form.errors);

  const submit = form.onSubmit(
    async (values) => {
      setSaving(true);
      setFailure(undefined);
      const error = await setUpStation(values);
      setSaving(false);
      if (error !== undefined)
        setFailure(saveFailureText(t, error, (reason) => t('setup.failed', { reason })));
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
            <CenterSection
              form={form}
              stationCode={
                <TextInput
                  label={t('setup.stationCode')}
                  description={t('setup.stationCodeHint')}
                  withAsterisk
                  autoCapitalize="characters"
                  {...form.getInputProps('stationCode')}
                  error={errorOf('stationCode')}
                />
              }
            />
            <CalendarSection form={form} />
            <PolicySection form={form} />
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
