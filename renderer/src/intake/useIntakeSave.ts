import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CurrencyCode } from '#shared/domain/primitives';
import type { Language } from '#shared/domain/vocabulary';
import { useStationCore, type StoredClaim } from '../core';
import { useWriteContext } from '../hooks/useWriteContext';
import {
  failureText,
  repositoryErrorText,
  unexpectedFailure,
  type Failure,
} from '../i18n/errorText';
import { saveFailureText } from '../i18n/saveFailureText';
import { intakeDecision, offersAuthorization, type IntakeDecisionContext } from './intakeDecision';
import { emptyIntakeForm } from './intakeFormValues';
import { formFieldOfSaveError } from './intakeProblems';
import { intakeInputFromForm } from './intakeRecords';
import { saveIntake } from './saveIntake';
import type { AttachFiles } from './useAttachFiles';
import type { IntakeDraft } from './useIntakeDraft';
import type { IntakeForm } from './useIntakeForm';

type IntakeSaveOptions = {
  readonly intake: IntakeForm;
  readonly draft: IntakeDraft;
  readonly draftKey: string;
  readonly files: AttachFiles;
  readonly language: Language;
  readonly currency: CurrencyCode;
  /**
   * What the decision is drawn from besides the form (the brand, its pack, the known device): a
   * claim the decision offers a remedy for is offered for authorization at once.
   */
  readonly decisionContext: IntakeDecisionContext;
  /** Takes the technician to a form field, by its path. */
  readonly jumpTo: (path: string) => void;
};

/**
 * Saving the intake: the checks before (a technician, files stored, the form valid, a pack),
 * the one transaction that stores the claim, and what follows: the claim opens, or, when the
 * decision offers a remedy, the offer to submit it for authorization. Whatever fails, what was
 * typed stays in the form and its draft.
 */
export function useIntakeSave({
  intake,
  draft,
  draftKey,
  files,
  language,
  currency,
  decisionContext,
  jumpTo,
}: IntakeSaveOptions) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const writeContext = useWriteContext();
  const { commands: repositories } = useStationCore();
  const { form, problemsOf } = intake;
  const { brand, packId, knownDevice } = decisionContext;
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  // A failure nobody foresaw, whose technical details go under the message.
  const [unexpected, setUnexpected] = useState<Failure | undefined>();
  const [savedClaim, setSavedClaim] = useState<StoredClaim | undefined>();

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
    const values = form.getValues();
    const first = problemsOf(values)[0];
    // Validating sets the form's errors anew, and every section shows them: it is done only when
    // there is a message to show or an earlier one to take away, not before every save.
    if (first !== undefined || Object.keys(form.errors).length > 0) form.validate();
    if (first !== undefined) {
      setFailure(t('intake.save.fixErrors'));
      jumpTo(first.field);
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
      if (offersAuthorization(intakeDecision(values, decisionContext))) {
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

  const openClaim = (claim: StoredClaim) => void navigate(`/claims/${claim.id}`);

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
    openClaim(claim);
  };

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

  return {
    save,
    saving,
    failure,
    unexpected,
    savedClaim,
    openClaim,
    submitForAuthorization,
    discardDraft,
  };
}
