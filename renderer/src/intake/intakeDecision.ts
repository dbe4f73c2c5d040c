import { evaluateUntrustedClaim, type PolicyId } from '#shared/policy';
import type { CurrencyCode, IsoDate } from '#shared/domain/primitives';
import type { KnownDevice, StoredCustomer } from '../core';
import type { DecisionPrerequisite, IntakeDecision } from './IntakeDecisionPanel';
import type { IntakeFormValues } from './intakeFormValues';
import { draftPolicyClaim } from './intakeRecords';

/** What the live decision is drawn from besides the form. */
export type IntakeDecisionContext = {
  /** The brand the pack is looked up by (the form's, or the known device's). */
  readonly brand: string;
  readonly packId: PolicyId | undefined;
  readonly knownDevice: KnownDevice | undefined;
  readonly customer: StoredCustomer | undefined;
  /** Today in the station's time zone. */
  readonly asOf: IsoDate;
  readonly currency: CurrencyCode;
  readonly holidays: readonly IsoDate[];
};

/**
 * The decision beside the form: what the form still needs before the policy can say anything
 * (a known device brings its own model and category), no pack for the brand and channel, or
 * what the pack says of the draft as it stands.
 */
export function intakeDecision(
  values: IntakeFormValues,
  context: IntakeDecisionContext,
): IntakeDecision {
  const { knownDevice, packId } = context;
  const needs: DecisionPrerequisite[] = [];
  if (context.brand.trim() === '') needs.push('brand');
  if (knownDevice === undefined && values.device.model.trim() === '') needs.push('model');
  if (knownDevice === undefined && values.device.category === '') needs.push('category');
  if (values.purchase.channel === '') needs.push('channel');
  if (values.claim.reason === '') needs.push('reason');
  if (needs.length > 0) return { kind: 'waiting', needs };
  if (packId === undefined) return { kind: 'no-pack' };
  const input = draftPolicyClaim(values, {
    packId,
    asOf: context.asOf,
    currency: context.currency,
    knownDevice: knownDevice?.device,
    customer: context.customer,
  });
  if (input === undefined) return { kind: 'no-pack' };
  return {
    kind: 'evaluated',
    result: evaluateUntrustedClaim(input, { calendar: { holidays: context.holidays } }),
  };
}

/**
 * Whether the claim just saved can go straight to authorization: the pack offers a remedy and
 * no fact is missing. Then the screen offers to submit it; otherwise it opens the claim.
 */
export function offersAuthorization(decision: IntakeDecision): boolean {
  return (
    decision.kind === 'evaluated' &&
    decision.result.ok &&
    decision.result.value.options.length > 0 &&
    decision.result.value.missingFacts.length === 0
  );
}
