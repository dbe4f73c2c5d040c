import { Box, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import { calendarDayIn, stationTimeZone } from '#shared/domain/calendar';
import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../core';
import { useBarcodeScanner } from '../hooks/useBarcodeScanner';
import { useLanguage } from '../hooks/useStationFormat';
import { useNow } from '../hooks/useNow';
import { useStationContext } from '../station/StationContext';
import { AuthorizeModal } from './AuthorizeModal';
import { ClaimSection } from './ClaimSection';
import { CustomerSection } from './CustomerSection';
import { DeviceSection } from './DeviceSection';
import { DraftNotices } from './DraftNotices';
import { EvidenceSection } from './EvidenceSection';
import { focusField } from './fieldTargets';
import { IntakeDecisionPanel } from './IntakeDecisionPanel';
import type { IntakeDecisionContext } from './intakeDecision';
import { IntakeHeader } from './IntakeHeader';
import { assignedBrands, policyPackFor } from './intakeRecords';
import classes from './IntakeScreen.module.css';
import { PurchaseSection } from './PurchaseSection';
import { SaveAction } from './SaveAction';
import { useAttachFiles } from './useAttachFiles';
import { useIntakeDraft } from './useIntakeDraft';
import { useIntakeForm } from './useIntakeForm';
import { useIntakeSave } from './useIntakeSave';
import type { CaptureMode } from './WebcamCapture';
import { WebcamCapture } from './WebcamCapture';

/**
 * The parts of the form, each watched as a whole (typing a customer's name changes `customer`); a
 * fixed list, so the same watchers are set up at every render.
 */
const intakeParts = ['customer', 'device', 'purchase', 'claim', 'evidence'] as const;

/** The scanned text is already in the focused field; nothing more to do with it. */
function ignoreScan(): void {
  return;
}

/**
 * Intake: a new claim from what the customer brought or sent, with the live policy decision
 * beside the form. What is typed is kept as a draft until the claim is saved. The form and its
 * validation are `useIntakeForm`, saving is `useIntakeSave`, the decision is `intakeDecision`.
 */
export function IntakeScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { station, benchPerson } = useStationContext();
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
  const [captureMode, setCaptureMode] = useState<CaptureMode | undefined>();

  const intake = useIntakeForm({ language, currency, today: asOf, brands });
  const { form, fields, brand, knownDevice, errorOf } = intake;

  const draftKey = `intake/${benchPerson?.id ?? 'nobody'}`;
  const draft = useIntakeDraft(draftKey, form.setValues);
  const { schedule } = draft;
  // Every change is kept once typing pauses; watching the form renders nothing again.
  const keepDraft = useCallback(() => schedule(fields.getValues()), [schedule, fields]);
  for (const part of intakeParts) form.watch(part, keepDraft);

  const files = useAttachFiles(fields);
  const existingCustomerId = form.useWatchValue('customer.existingId');
  const pickedCustomer =
    useCoreQuery(
      async ({ queries }) =>
        existingCustomerId === '' ? null : queries.customer(existingCustomerId),
      [existingCustomerId],
    ) ?? undefined;

  const channel = form.useWatchValue('purchase.channel');
  const packId = policyPackFor(assignments, brand, channel);
  const holidays = station.holidays;
  const decisionContext = useMemo<IntakeDecisionContext>(
    () => ({
      brand,
      packId,
      knownDevice,
      customer: pickedCustomer,
      asOf,
      currency,
      holidays: holidays ?? [],
    }),
    [brand, knownDevice, packId, asOf, currency, pickedCustomer, holidays],
  );

  const jumpTo = useCallback((path: string) => {
    // A picked customer shows no email field: the search is where another customer is chosen.
    focusField(path, path.startsWith('customer.') ? 'customer.search' : undefined);
  }, []);

  const saveFlow = useIntakeSave({
    intake,
    draft,
    draftKey,
    files,
    language,
    currency,
    decisionContext,
    jumpTo,
  });

  useHotkeys(
    [
      ['mod+s', () => void saveFlow.save()],
      ['mod+shift+f', () => focusField('customer.search')],
    ],
    // Both work while typing in a field, where they are needed most.
    [],
  );

  return (
    <Stack gap="sm" className={classes.screen}>
      <IntakeHeader />
      <DraftNotices
        draft={draft}
        timeZone={timeZone}
        language={language}
        onDiscard={() => void saveFlow.discardDraft()}
      />
      <div className={classes.columns}>
        <Box
          component="form"
          aria-label={t('intake.formLabel')}
          className={classes.form}
          onSubmit={(event) => event.preventDefault()}
          noValidate
        >
          <Stack gap="md">
            <CustomerSection form={fields} errorOf={errorOf} pickedCustomer={pickedCustomer} />
            <DeviceSection
              form={fields}
              errorOf={errorOf}
              brands={brands}
              knownDevice={knownDevice}
            />
            <PurchaseSection
              form={fields}
              errorOf={errorOf}
              currency={currency}
              packId={packId}
              brand={brand}
            />
            <ClaimSection form={fields} errorOf={errorOf} />
            <EvidenceSection
              form={fields}
              files={files}
              error={errorOf('evidence')}
              onCapture={setCaptureMode}
            />
          </Stack>
        </Box>
        <div className={classes.side}>
          <SaveAction
            saving={saveFlow.saving}
            failure={saveFlow.failure}
            unexpected={saveFlow.unexpected}
            onSave={() => void saveFlow.save()}
          />
          <IntakeDecisionPanel form={fields} context={decisionContext} onJump={jumpTo} />
        </div>
      </div>
      <WebcamCapture
        key={captureMode ?? 'closed'}
        mode={captureMode}
        onClose={() => setCaptureMode(undefined)}
        onCaptured={(file) => void files.attach([file])}
      />
      <AuthorizeModal
        claim={saveFlow.savedClaim}
        onOpenClaim={saveFlow.openClaim}
        onAuthorize={(claim) => void saveFlow.submitForAuthorization(claim)}
      />
    </Stack>
  );
}
