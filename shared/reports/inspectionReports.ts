import type { Claim } from '../domain/claim';
import type { MisuseKind } from '../domain/vocabulary';
import type { PolicyPack } from '../policy/pack';
import { compareModels, groupByModel, type ClaimIndex, type ModelKey } from './claimIndex';
import { rateOf } from './statistics';

/**
 * The inspection reports read each claim's latest inspection (an earlier one was superseded) and
 * its misuse findings. A claim counts as inspected when it has an inspection.
 */

/** DOA rate of one brand and model: claims with a DOA verdict ÷ inspected claims. */
export type DoaRateRow = ModelKey & {
  readonly inspected: number;
  readonly doa: number;
  /** doa ÷ inspected, between 0 and 1. */
  readonly rate: number;
};

/**
 * Dead-on-arrival rate by brand and model: of the inspected claims of each model, the share whose
 * latest inspection gave the verdict `doa`. Models with no inspected claim are left out. Highest
 * rate first; equal rates by brand and model.
 */
export function doaRateByModel(
  claims: readonly Claim[],
  index: ClaimIndex,
  packs: Readonly<Record<string, PolicyPack>>,
): DoaRateRow[] {
  const inspectedClaims = claims.filter((claim) => index.latestInspection.has(claim.id));
  return groupByModel(inspectedClaims, index, packs)
    .map(({ key, claims: group }) => {
      const doa = group.filter(
        (claim) => index.latestInspection.get(claim.id)?.doaVerdict === 'doa',
      ).length;
      return { ...key, inspected: group.length, doa, rate: doa / group.length };
    })
    .sort((a, b) => b.rate - a.rate || compareModels(a, b));
}

/** One kind of misuse finding and how many claims it voided the warranty of. */
export type VoidReasonRow = { readonly kind: MisuseKind; readonly claims: number };

/**
 * Why warranties were voided: for each kind of misuse finding, the number of claims whose latest
 * inspection found it and whose pack lists it as voiding (so "wear and tear", which a pack may
 * only leave uncovered, does not count). A claim with two voiding kinds counts once under each.
 * Most frequent first; equal counts by kind.
 */
export function voidReasonsRanked(
  claims: readonly Claim[],
  index: ClaimIndex,
  packs: Readonly<Record<string, PolicyPack>>,
): VoidReasonRow[] {
  const counts = new Map<MisuseKind, number>();
  for (const claim of claims) {
    const inspection = index.latestInspection.get(claim.id);
    const voiding = packs[claim.policyPackId]?.exclusions.voiding;
    if (inspection === undefined || voiding === undefined) continue;
    const kinds = new Set(
      (index.findingsByInspection.get(inspection.id) ?? []).map((finding) => finding.kind),
    );
    for (const kind of kinds) {
      if (voiding.includes(kind)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([kind, count]) => ({ kind, claims: count }))
    .sort((a, b) => b.claims - a.claims || a.kind.localeCompare(b.kind));
}

/** No-defect-found figures of a group of claims. */
export type NoDefectFoundFigures = {
  readonly inspected: number;
  readonly noDefectFound: number;
  /** noDefectFound ÷ inspected, between 0 and 1; null when nothing was inspected. */
  readonly rate: number | null;
};

export type NoDefectFoundRow = ModelKey & NoDefectFoundFigures & { readonly rate: number };

/** The no-defect-found rate overall and by brand and model (highest rate first). */
export type NoDefectFoundReport = {
  readonly overall: NoDefectFoundFigures;
  readonly byModel: readonly NoDefectFoundRow[];
};

/**
 * No defect found (C7: tested, and the fault the customer reported was not there): of the
 * inspected claims, the share whose latest inspection recorded "no defect found".
 */
export function noDefectFoundRate(
  claims: readonly Claim[],
  index: ClaimIndex,
  packs: Readonly<Record<string, PolicyPack>>,
): NoDefectFoundReport {
  const inspectedClaims = claims.filter((claim) => index.latestInspection.has(claim.id));
  const countNoDefect = (group: readonly Claim[]) =>
    group.filter((claim) => index.latestInspection.get(claim.id)?.noDefectFound === true).length;
  const noDefectFound = countNoDefect(inspectedClaims);
  return {
    overall: {
      inspected: inspectedClaims.length,
      noDefectFound,
      rate: rateOf(noDefectFound, inspectedClaims.length),
    },
    byModel: groupByModel(inspectedClaims, index, packs)
      .map(({ key, claims: group }) => {
        const found = countNoDefect(group);
        return {
          ...key,
          inspected: group.length,
          noDefectFound: found,
          rate: found / group.length,
        };
      })
      .sort((a, b) => b.rate - a.rate || compareModels(a, b)),
  };
}
