import { describeFirstIssue } from '../domain/validation';
import type { Decision } from './decision';
import { evaluateClaim, type CenterCalendar } from './evaluateClaim';
import { builtInPacks } from './packs';
import type { PolicyPack } from './pack';
import { policyClaimSchema } from './policyClaim';

export type {
  Decision,
  DecisionOption,
  Charge,
  Deadline,
  MissingFact,
  MissingFactField,
  Exclusion,
} from './decision';
export { missingFactFields } from './decision';
export { evaluateClaim, type CenterCalendar } from './evaluateClaim';
export { builtInPacks } from './packs';
export {
  policyClaimSchema,
  policyIdSchema,
  type PolicyClaim,
  type PolicyClaimInput,
  type PolicyId,
} from './policyClaim';
export { policyPackSchema, type PolicyPack } from './pack';

/**
 * A decision, or the one-line reason it could not be made (English, for the CLI and logs) with
 * the path of the claim's field at fault (`['policy']` when no pack is loaded for it), from which
 * a screen says it in the user's language.
 */
export type EvaluationResult =
  { ok: true; value: Decision } | { ok: false; error: string; path: readonly PropertyKey[] };

/**
 * Validates untrusted input (a JSON value from a file, the CLI or another process) as a claim
 * and evaluates it against its built-in pack. `location` prefixes the field in the error
 * (`[2]` for the third claim of an array).
 */
export function evaluateUntrustedClaim(
  input: unknown,
  options: {
    location?: string;
    calendar?: CenterCalendar;
    packs?: Readonly<Record<string, PolicyPack>>;
  } = {},
): EvaluationResult {
  const parsed = policyClaimSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      error: describeFirstIssue(parsed.error, options.location),
      path: parsed.error.issues[0]?.path ?? [],
    };
  }
  const pack = (options.packs ?? builtInPacks)[parsed.data.policy];
  if (!pack)
    return {
      ok: false,
      error: `${options.location ? `${options.location}.` : ''}policy: no pack is loaded for "${parsed.data.policy}"`,
      path: ['policy'],
    };
  return { ok: true, value: evaluateClaim(parsed.data, pack, options.calendar) };
}
export { policyClaimFromRecords, type ClaimRecords } from './policyClaimFromRecords';
