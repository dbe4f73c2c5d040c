import { useMemo } from 'react';
import type { IntakeDecision } from './IntakeDecisionPanel';
import { intakeDecision, type IntakeDecisionContext } from './intakeDecision';
import type { IntakeFields } from './useIntakeForm';

/**
 * The live decision on the form as it stands, judged again at every change of the form: the
 * component that shows it renders again, not the form's sections.
 */
export function useIntakeDecision(
  form: IntakeFields,
  context: IntakeDecisionContext,
): IntakeDecision {
  const customer = form.useWatchValue('customer');
  const device = form.useWatchValue('device');
  const purchase = form.useWatchValue('purchase');
  const claim = form.useWatchValue('claim');
  const evidence = form.useWatchValue('evidence');
  return useMemo(
    () => intakeDecision({ customer, device, purchase, claim, evidence }, context),
    [customer, device, purchase, claim, evidence, context],
  );
}
