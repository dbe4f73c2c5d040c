import {
  builtInPacks,
  evaluateClaim,
  policyClaimSchema,
  type CenterCalendar,
  type Decision,
  type DecisionOption,
  type PolicyClaimInput,
  type PolicyPack,
} from '#shared/policy';
import type { Remedy } from '#shared/domain/vocabulary';

/** Parses a test claim like the CLI does, then evaluates it against its built-in pack (or `pack`). */
export function evaluate(
  input: PolicyClaimInput,
  pack?: PolicyPack,
  calendar?: CenterCalendar,
): Decision {
  const claim = policyClaimSchema.parse(input);
  return evaluateClaim(claim, pack ?? builtInPacks[claim.policy], calendar);
}

export function remedies(decision: Decision): Remedy[] {
  return decision.options.map((option) => option.remedy);
}

export function option(decision: Decision, remedy: Remedy): DecisionOption {
  const found = decision.options.find((candidate) => candidate.remedy === remedy);
  if (!found)
    throw new Error(`no ${remedy} option; options: ${remedies(decision).join(', ') || 'none'}`);
  return found;
}

export function deadline(decision: Decision, kind: string): string | undefined {
  return decision.deadlines.find((candidate) => candidate.kind === kind)?.date;
}
