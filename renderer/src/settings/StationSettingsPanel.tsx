import { Alert, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useStationSettingsUpdate } from '../hooks/useStationSettingsUpdate';
import type { RepositoryError } from '../core';
import { saveFailureText } from '../i18n/saveFailureText';
import { CalendarSection } from '../setup/CalendarSection';
import { CenterSection } from '../setup/CenterSection';
import {
  centerFieldId,
  centerFormOf,
  validateCenter,
  type CenterFormValues,
} from '../setup/centerForm';
import { PolicySection } from '../setup/PolicySection';
import { useStationContext } from '../station/StationContext';
import { DeadlineRecalculationStatus } from './DeadlineRecalculationStatus';
import { StationFacts } from './StationFacts';

/** The search parameter of a link straight to one field (`#/settings?field=address.lines`). */
export const settingsFieldParameter = 'field';

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'failed'; readonly error: RepositoryError };

/**
 * The station as first run set it up, and every part of it a center changes later: the same
 * sections and checks as the setup screen. A link with `?field=` opens the editor at that field.
 */
export function StationSettingsPanel() {
  const { t } = useTranslation();
  const titleId = useId();
  const { station } = useStationContext();
  const [searchParams, setSearchParams] = useSearchParams();
  const linkedField = searchParams.get(settingsFieldParameter);
  const [editing, setEditing] = useState(linkedField !== null);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const updateSettings = useStationSettingsUpdate();
  const form = useForm<CenterFormValues>({
    mode: 'controlled',
    initialValues: centerFormOf(station),
    validate: validateCenter,
  });

  useEffect(() => {
    if (!editing || linkedField === null) return;
    const target = document.getElementById(centerFieldId(linkedField));
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  }, [editing, linkedField]);

  const startEditing = () => {
    form.setValues(centerFormOf(station));
    form.clearErrors();
    setOutcome({ kind: 'idle' });
    setEditing(true);
  };
  const stopEditing = () => {
    setEditing(false);
    if (linkedField !== null) setSearchParams({}, { replace: true });
  };
  const submit = form.onSubmit(
    async (values) => {
      setSaving(true);
      const error = await updateSettings(values);
      setSaving(false);
      if (error !== undefined) {
        setOutcome({ kind: 'failed', error });
        return;
      }
      setOutcome({ kind: 'saved' });
      stopEditing();
    },
    () => setOutcome({ kind: 'invalid' }),
  );

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h4" id={titleId}>
            {t('settings.station')}
          </Title>
          {editing ? null : (
            <Button variant="light" onClick={startEditing}>
              {t('centerSettings.edit')}
            </Button>
          )}
        </Group>
        <DeadlineRecalculationStatus />
        {outcome.kind === 'saved' ? (
          <Alert role="status" color="teal" variant="light">
            {t('centerSettings.saved')}
          </Alert>
        ) : null}
        {editing ? (
          <form noValidate onSubmit={submit} aria-label={t('centerSettings.formLabel')}>
            <Stack gap="lg">
              <CenterSection
                form={form}
                stationCode={
                  <TextInput
                    label={t('setup.stationCode')}
                    description={t('centerSettings.stationCodeFixed')}
                    value={station.stationCode}
                    readOnly
                    variant="filled"
                  />
                }
              />
              <CalendarSection form={form} />
              <PolicySection form={form} />
              {outcome.kind === 'invalid' ? (
                <Alert color="red" role="alert">
                  {t('setup.fixErrors')}
                </Alert>
              ) : outcome.kind === 'failed' ? (
                <Alert color="red" role="alert">
                  {saveFailureText(t, outcome.error, (reason) =>
                    t('centerSettings.failed', { reason }),
                  )}
                </Alert>
              ) : null}
              <Group justify="flex-end">
                <Button variant="default" onClick={stopEditing} disabled={saving}>
                  {t('centerSettings.cancel')}
                </Button>
                <Button type="submit" loading={saving}>
                  {t('centerSettings.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <StationFacts station={station} />
        )}
      </Stack>
    </Paper>
  );
}
