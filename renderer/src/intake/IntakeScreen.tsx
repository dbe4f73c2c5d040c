import { Alert, Box, Button, Group, Kbd, Modal, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { evaluateUntrustedClaim } from '#shared/policy';
import { calendarDayIn, stationTimeZone } from '#shared/domain/calendar';
import type { StoredClaim } from '../core';
import { useCoreQuery, useStationCore } from '../core';
import { useBarcodeScanner } from '../hooks/useBarcodeScanner';
import { useLanguage } from '../hooks/useStationFormat';
import { useNow } from '../hooks/useNow';
import { useWriteContext } from '../hooks/useWriteContext';
import { useStationContext } from '../station/StationContext';
import { ClaimSection } from './ClaimSection';
import { CustomerSection } from './CustomerSection';
import { DeviceSection } from './DeviceSection';
import { EvidenceSection } from './EvidenceSection';
import { fieldId, focusField } from './fieldTargets';
import type { DecisionPrerequisite, IntakeDecision } from './IntakeDecisionPanel';
import { IntakeDecisionPanel } from './IntakeDecisionPanel';
import type { FieldProblem } from './intakeProblems';
import type { IntakeFormValues } from './intakeFormValues';
import {
  assignedBrands,
  draftPolicyClaim,
  intakeInputFromForm,
  policyPackFor,
  splitModelName,
} from './intakeRecords';
import { emptyIntakeForm } from './intakeFormValues';
import { formFieldOfSaveError, intakeProblems } from './intakeProblems';
import classes from './IntakeScreen.module.css';
import { PurchaseSection } from './PurchaseSection';
import { saveIntake } from './saveIntake';
import { useAttachFiles } from './useAttachFiles';
import { useIntakeDraft } from './useIntakeDraft';
import {
  failureText,
  repositoryErrorText,
  unexpectedFailure,
  type Failure,
} from '../i18n/errorText';
import { saveFailureText } from '../i18n/saveFailureText';
import { FailureDetails } from '../shell/FailureDetails';
import { useKnownDevice } from './useKnownDevice';
import type { CaptureMode } from './WebcamCapture';
import { WebcamCapture } from './WebcamCapture';

/** Fields whose format is checked as soon as they are left, not only on save. */
const checkedOnBlur = [
  'customer.phone',
  'customer.email',
  'customer.countryCode',
  'device.imei',
  'purchase.shopLink',
  'purchase.deliveredDate',
  'purchase.maxEstimatedDeliveryDate',
  'purchase.price',
];

/** A stand-in id for validating records that have none yet. */
const placeholderId = '00000000-0000-7000-8000-000000000000';

/**
 * Intake: a new claim from what the customer brought or sent, with the live policy decision
 * beside the form. What is typed is kept as a draft until the claim is saved.
 */
/** The scanned text is already in the focused field; nothing more to do with it. */
function ignoreScan(): void {
  return;
}

export function IntakeScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { station, benchPerson } = useStationContext();
  const writeContext = useWriteContext();
  const { commands: repositories } = useStationCore();
  // At intake a scanner types a serial, IMEI or order number into the focused field, as a
  // keyboard does: this screen takes the scans so the app-wide listener does not open another
  // claim of a known serial in the middle of the form.
  useBarcodeScanner(ignoreScan, { exclusive: true });
  const currency = station.currency ?? 'USD';
  // Memoised on the zone alone: called inline, the React Compiler takes `station` as possibly
  // changed by the call and gives up on this component's memoisation.
  const configuredZone = station.timeZone;
  const timeZone = useMemo(() => stationTimeZone(configuredZone), [configuredZone]);
  const assignments = useMemo(() => station.policyAssignments ?? [], [station.policyAssignments]);
  const brands = useMemo(() => assignedBrands(assignments), [assignments]);
  const nowMs = useNow();
  const asOf = calendarDayIn(timeZone, nowMs);

  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  // A failure nobody foresaw, whose technical details go under the message.
  const [unexpected, setUnexpected] = useState<Failure | undefined>();
  const [captureMode, setCaptureMode] = useState<CaptureMode | undefined>();
  const [savedClaim, setSavedClaim] = useState<StoredClaim | undefined>();

  // Read by the validation rules, which the form keeps from its first render.
  const validationOptions = useRef({ deviceIsKnown: false, today: asOf });
  useEffect(() => {
    validationOptions.current.today = asOf;
  }, [asOf]);
  const messageOf = useCallback(
    (problem: FieldProblem) => t(`intake.errors.${problem.key ?? 'invalid'}`),
    [t],
  );
  const problemsOf = useCallback(
    (values: IntakeFormValues) =>
      intakeProblems(values, {
        currency,
        customerIsNew: values.customer.existingId === '',
        deviceIsKnown: validationOptions.current.deviceIsKnown,
        today: validationOptions.current.today,
        placeholderId,
      }),
    [currency],
  );

  const form = useForm<IntakeFormValues>({
    mode: 'controlled',
    initialValues: emptyIntakeForm(language),
    validate: (values) =>
      Object.fromEntries(problemsOf(values).map((problem) => [problem.field, messageOf(problem)])),
    validateInputOnBlur: checkedOnBlur,
  });
  const { values } = form;

  const draftKey = `intake/${benchPerson?.id ?? 'nobody'}`;
  const draft = useIntakeDraft(draftKey, form.setValues);
  const { schedule } = draft;
  useEffect(() => {
    schedule(values);
  }, [values, schedule]);

  const files = useAttachFiles(form);
  const knownDevice = useKnownDevice(values.device.serial, values.device.imei);
  useEffect(() => {
    validationOptions.current.deviceIsKnown = knownDevice !== undefined;
  }, [knownDevice]);
  const pickedCustomer =
    useCoreQuery(
      async ({ queries }) => {
        const id = values.customer.existingId;
        if (id === '') return null;
        return queries.customer(id);
      },
      [values.customer.existingId],
    ) ?? undefined;

  // A known device names its brand in its model; the pack needs the brand on its own.
  const knownBrand =
    knownDevice === undefined ? '' : splitModelName(brands, knownDevice.device.model).brand;
  const { setFieldValue } = form;
  useEffect(() => {
    if (knownBrand !== '' && values.device.brand.trim() === '') {
      setFieldValue('device.brand', knownBrand);
    }
  }, [knownBrand, values.device.brand, setFieldValue]);

  const brand = values.device.brand;
  const packId = policyPackFor(assignments, brand, values.purchase.channel);

  const decision = useMemo((): IntakeDecision => {
    const needs: DecisionPrerequisite[] = [];
    if (brand.trim() === '') needs.push('brand');
    if (knownDevice === undefined && values.device.model.trim() === '') needs.push('model');
    if (knownDevice === undefined && values.device.category === '') needs.push('category');
    if (values.purchase.channel === '') needs.push('channel');
    if (values.claim.reason === '') needs.push('reason');
    if (needs.length > 0) return { kind: 'waiting', needs };
    if (packId === undefined) return { kind: 'no-pack' };
    const input = draftPolicyClaim(values, {
      packId,
      asOf,
      currency,
      knownDevice: knownDevice?.device,
      customer: pickedCustomer,
    });
    if (input === undefined) return { kind: 'no-pack' };
    return {
      kind: 'evaluated',
      result: evaluateUntrustedClaim(input, { calendar: { holidays: station.holidays ?? [] } }),
    };
  }, [values, brand, knownDevice, packId, asOf, currency, pickedCustomer, station.holidays]);

  const jumpTo = useCallback((path: string) => {
    // A picked customer shows no email field: the search is where another customer is chosen.
    focusField(path, path.startsWith('customer.') ? 'customer.search' : undefined);
  }, []);

  const errorOf = (path: string): string | undefined => {
    const error = form.errors[path];
    return typeof error === 'string' ? error : undefined;
  };

  const save = async () => {
    if (saving) return;
    setFailure(undefined);
    setUnexpected(undefined);
    if (writeContext === undefined) {
      setFailure(t('intake.save.noTechnician'));
      return;
    }
    if (files.storing.length > 0) {
      setFailure(t('intake.save.fileStill'));
      return;
    }
    const checked = form.validate();
    if (checked.hasErrors) {
      setFailure(t('intake.save.fixErrors'));
      const first = problemsOf(values)[0];
      if (first !== undefined) jumpTo(first.field);
      return;
    }
    if (packId === undefined) {
      setFailure(t('intake.save.noPack'));
      jumpTo(brand.trim() === '' ? 'device.brand' : 'purchase.channel');
      return;
    }
    setSaving(true);
    draft.hold();
    try {
      const input = intakeInputFromForm(values, {
        currency,
        packId,
        knownDeviceId: knownDevice?.device.id,
        draftKey,
      });
      const saved = await saveIntake(repositories, input, writeContext);
      if (!saved.ok) {
        // Nothing was stored: the form and its draft stay, to fix or to save again.
        draft.release();
        draft.schedule(values);
        const { error } = saved;
        const path =
          error.step === undefined ? undefined : formFieldOfSaveError(error.step, error.field);
        if (path !== undefined) {
          form.setFieldError(
            path,
            error.code === 'invalid-input'
              ? t('intake.errors.invalid')
              : repositoryErrorText(t, error),
          );
          jumpTo(path);
        }
        setFailure(saveFailureText(t, error, (reason) => t('intake.save.failed', { reason })));
        return;
      }
      const { claim } = saved.value;
      const authorizable =
        decision.kind === 'evaluated' &&
        decision.result.ok &&
        decision.result.value.options.length > 0 &&
        decision.result.value.missingFacts.length === 0;
      if (authorizable) {
        setSavedClaim(claim);
      } else {
        notifications.show({
          closeButtonProps: { 'aria-label': t('notification.close') },
          color: 'teal',
          message: t('intake.save.saved', { rma: claim.rmaNumber }),
        });
        void navigate(`/claims/${claim.id}`);
      }
    } catch (error) {
      // A failure nobody foresaw: the transaction stored nothing, and what was typed stays.
      draft.release();
      draft.schedule(values);
      const thrown = unexpectedFailure(error);
      setUnexpected(thrown);
      setFailure(t('intake.save.failed', { reason: failureText(t, thrown) }));
    } finally {
      setSaving(false);
    }
  };

  const submitForAuthorization = async (claim: StoredClaim) => {
    if (writeContext === undefined) return;
    const moved = await repositories.claims.transition(
      claim.id,
      'awaiting-authorization',
      writeContext,
    );
    notifications.show({
      closeButtonProps: { 'aria-label': t('notification.close') },
      ...(moved.ok
        ? { color: 'teal', message: t('intake.save.authorized', { rma: claim.rmaNumber }) }
        : {
            color: 'orange',
            message: t('intake.save.authorizeFailed', {
              reason: repositoryErrorText(t, moved.error),
            }),
          }),
    });
    void navigate(`/claims/${claim.id}`);
  };

  useHotkeys(
    [
      ['mod+s', () => void save()],
      ['mod+shift+f', () => focusField('customer.search')],
    ],
    // Both work while typing in a field, where they are needed most.
    [],
  );

  const discardDraft = async () => {
    await draft.discard();
    form.setValues(emptyIntakeForm(language));
    form.clearErrors();
    setFailure(undefined);
    notifications.show({
      closeButtonProps: { 'aria-label': t('notification.close') },
      message: t('intake.draft.discarded'),
    });
  };

  const restoredTime =
    draft.restoredAt === undefined
      ? undefined
      : new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
          hour: '2-digit',
          minute: '2-digit',
          timeZone,
        }).format(new Date(draft.restoredAt));

  return (
    <Stack gap="sm" className={classes.screen}>
      <Group justify="space-between" align="center" wrap="nowrap">
        <Stack gap={0}>
          <Title order={2}>{t('intake.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('intake.intro')}
          </Text>
        </Stack>
        <Group gap="md" c="dimmed">
          <Text size="xs">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">S</Kbd> {t('intake.shortcuts.saveAction')}
          </Text>
          <Text size="xs">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Shift</Kbd> + <Kbd size="xs">F</Kbd>{' '}
            {t('intake.shortcuts.searchAction')}
          </Text>
        </Group>
      </Group>
      {restoredTime === undefined ? null : (
        <Alert color="blue" py={6} role="status" className={classes.notice}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('intake.draft.restored', { time: restoredTime })}</Text>
            <Button size="compact-sm" variant="default" onClick={() => void discardDraft()}>
              {t('intake.draft.discard')}
            </Button>
          </Group>
        </Alert>
      )}
      {draft.keepError === undefined ? null : (
        <Alert color="red" py={6} role="alert" className={classes.notice}>
          {saveFailureText(t, draft.keepError, (reason) =>
            t('intake.draft.keepFailed', { reason }),
          )}
        </Alert>
      )}
      <div className={classes.columns}>
        <Box
          component="form"
          aria-label={t('intake.formLabel')}
          className={classes.form}
          onSubmit={(event) => event.preventDefault()}
          noValidate
        >
          <Stack gap="md">
            <CustomerSection form={form} errorOf={errorOf} pickedCustomer={pickedCustomer} />
            <DeviceSection
              form={form}
              errorOf={errorOf}
              brands={brands}
              knownDevice={knownDevice}
            />
            <PurchaseSection
              form={form}
              errorOf={errorOf}
              currency={currency}
              packId={packId}
              brand={brand}
            />
            <ClaimSection form={form} errorOf={errorOf} />
            <EvidenceSection
              form={form}
              files={files}
              error={errorOf('evidence')}
              onCapture={setCaptureMode}
            />
          </Stack>
        </Box>
        <div className={classes.side}>
          <Stack gap="xs">
            <Tooltip label={`Ctrl+S ${t('intake.shortcuts.saveAction')}`}>
              <Button
                id={fieldId('save')}
                size="md"
                fullWidth
                loading={saving}
                onClick={() => void save()}
                aria-keyshortcuts="Control+S"
              >
                {t('intake.save.button')}
              </Button>
            </Tooltip>
            {failure === undefined ? null : (
              <Alert color="red" role="alert" py="xs">
                {failure}
                {unexpected === undefined ? null : <FailureDetails failure={unexpected} />}
              </Alert>
            )}
          </Stack>
          <IntakeDecisionPanel decision={decision} onJump={jumpTo} />
        </div>
      </div>
      <WebcamCapture
        key={captureMode ?? 'closed'}
        mode={captureMode}
        onClose={() => setCaptureMode(undefined)}
        onCaptured={(file) => void files.attach([file])}
      />
      <Modal
        opened={savedClaim !== undefined}
        onClose={() => {
          if (savedClaim !== undefined) void navigate(`/claims/${savedClaim.id}`);
        }}
        title={
          savedClaim === undefined
            ? ''
            : t('intake.save.authorizeTitle', { rma: savedClaim.rmaNumber })
        }
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('intake.save.authorizeBody')}</Text>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                if (savedClaim !== undefined) void navigate(`/claims/${savedClaim.id}`);
              }}
            >
              {t('intake.save.openClaim')}
            </Button>
            <Button
              data-autofocus
              onClick={() => {
                if (savedClaim !== undefined) void submitForAuthorization(savedClaim);
              }}
            >
              {t('intake.save.authorize')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
