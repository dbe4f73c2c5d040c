import type { RecordId } from '../domain/primitives';
import type { Result } from '../domain/result';
import { fail } from '../domain/result';
import type { Rejection, SyncTable } from './protocol';

/**
 * Why a row change or intent breaks a rule both the station and the server run (see ./rules and
 * ./rowSchemas). The station maps each to its own refusal; the server sends it back as the
 * mutation's {@link Rejection}.
 * - `invalid-row`: the row the change would leave breaks the table's domain schema;
 * - `unknown-field`: the change names a field the table does not have;
 * - `insert-only`: the row exists and its table never changes a written row;
 * - `quote-sent`: a quote (or its lines) was sent and no longer changes but for the answer;
 * - `quote-not-latest`: a new revision of a quote that is not the claim's latest;
 * - `not-author`: only a note's author changes or deletes it;
 * - `sku-taken`: another live part has the SKU;
 * - `rma-number-taken`: another claim of the center already has the RMA number;
 * - `transition-not-allowed`: the claim cannot move to the status from where it stands.
 */
export const syncRuleCodes = [
  'invalid-row',
  'unknown-field',
  'insert-only',
  'quote-sent',
  'quote-not-latest',
  'not-author',
  'sku-taken',
  'rma-number-taken',
  'transition-not-allowed',
] as const;
export type SyncRuleCode = (typeof syncRuleCodes)[number];

/** A broken rule, in the shape the protocol reports a rejected mutation in. */
export type SyncRuleRejection = Rejection & { readonly code: SyncRuleCode };

/** The outcome of a rule: nothing to say, or the rejection. */
export type RuleResult = Result<undefined, SyncRuleRejection>;

/** The result of a rule that holds. */
export const rulePasses: RuleResult = { ok: true, value: undefined };

/** The result of a broken rule, naming the row and field at fault when there are. */
export function ruleRejects(
  code: SyncRuleCode,
  message: string,
  where: { readonly table?: SyncTable; readonly id?: RecordId; readonly field?: string } = {},
): { readonly ok: false; readonly error: SyncRuleRejection } {
  return fail({ code, message, ...where });
}
