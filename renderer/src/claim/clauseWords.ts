import type { Language } from '#shared/domain/vocabulary';
import type { Decision } from '#shared/policy';
import { builtInPacks } from '#shared/policy';

/**
 * The rule a clause states, in `language`: from the decision when it used the clause, otherwise
 * from the built-in packs' catalogs (clause ids are unique across them: A iGPSPORT, B KOSPET
 * Warranty & Refund, C KOSPET official store). A workflow guard may cite a clause of another
 * pack than the claim's, such as B3 for any dead-on-arrival return.
 */
export function clauseRule(
  clause: string,
  language: Language,
  decision: Decision | undefined,
): string | undefined {
  const fromDecision = decision?.clauseTexts[clause];
  if (fromDecision !== undefined) return fromDecision.rule[language];
  for (const pack of Object.values(builtInPacks)) {
    const text = pack.clauses[clause];
    if (text !== undefined) return text.rule[language];
  }
  return undefined;
}
