import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Remedy } from '#shared/domain/vocabulary';
import { plusDays } from '#shared/policy/calendar';
import { builtInPacks, policyClaimSchema } from '#shared/policy';
import { claimArbitrary } from './claimArbitrary';
import { evaluate, remedies } from './evaluate.helpers';

/** Remedies the customer gets without paying for the remedy itself. */
const freeRemedies: readonly Remedy[] = [
  'doa-replacement',
  'doa-refund',
  'unconditional-refund',
  'quality-return-refund',
  'warranty-repair',
  'warranty-replacement',
];

/** Remedies that exist only inside a window of days. */
const windowedRemedies: readonly Remedy[] = [
  ...freeRemedies,
  'worry-free-trade-in',
  'depreciated-return',
];

const runs = { numRuns: 2_000 };

describe('policy engine properties', () => {
  it('accepts every generated claim, so the properties below cover real inputs', () => {
    fc.assert(
      fc.property(claimArbitrary, (claim) => policyClaimSchema.safeParse(claim).success),
      runs,
    );
  });

  it('never throws on a claim the schema accepts', () => {
    fc.assert(
      fc.property(claimArbitrary, (claim) => {
        expect(() => evaluate(claim)).not.toThrow();
      }),
      runs,
    );
  });

  it('never offers a free remedy when the warranty is void', () => {
    fc.assert(
      fc.property(claimArbitrary, (claim) => {
        const decision = evaluate(claim);
        if (decision.warrantyVoid) {
          expect(remedies(decision).filter((remedy) => freeRemedies.includes(remedy))).toEqual([]);
        }
      }),
      runs,
    );
  });

  it('never puts refer-to-seller beside another remedy', () => {
    fc.assert(
      fc.property(claimArbitrary, (claim) => {
        const offered = remedies(evaluate(claim));
        if (offered.includes('refer-to-seller')) expect(offered).toEqual(['refer-to-seller']);
      }),
      runs,
    );
  });

  it('never adds a windowed remedy when asOf moves later', () => {
    fc.assert(
      fc.property(claimArbitrary, fc.integer({ min: 1, max: 800 }), (claim, laterByDays) => {
        const windowed = (asOf: string) =>
          remedies(evaluate({ ...claim, asOf })).filter((remedy) =>
            windowedRemedies.includes(remedy),
          );
        const before = windowed(claim.asOf);
        const after = windowed(plusDays(claim.asOf, laterByDays));
        expect(after.filter((remedy) => !before.includes(remedy))).toEqual([]);
      }),
      runs,
    );
  });

  it('offers only remedies its pack lists, in the pack’s order', () => {
    fc.assert(
      fc.property(claimArbitrary, (claim) => {
        const decision = evaluate(claim);
        const listed = builtInPacks[decision.policy].remedies;
        const positions = remedies(decision).map((remedy) => listed.indexOf(remedy));
        expect(positions.every((position) => position >= 0)).toBe(true);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
      runs,
    );
  });

  it('names every clause it uses in the decision’s clause list, with its text', () => {
    fc.assert(
      fc.property(claimArbitrary, (claim) => {
        const decision = evaluate(claim);
        const named = new Set(decision.clauses);
        for (const option of decision.options) {
          for (const clause of option.clauses) expect(named.has(clause)).toBe(true);
        }
        for (const clause of decision.clauses) expect(decision.clauseTexts[clause]).toBeDefined();
      }),
      runs,
    );
  });

  it('reports missing facts only as dotted claim paths', () => {
    fc.assert(
      fc.property(claimArbitrary, (claim) => {
        for (const field of evaluate(claim).missing) {
          expect(field).toMatch(/^(product|purchase|request|customer|evidence)\.[a-zA-Z]+$/);
        }
      }),
      runs,
    );
  });
});
