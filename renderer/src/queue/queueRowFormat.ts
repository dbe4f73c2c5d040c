import type { IsoDateTime } from '#shared/domain/primitives';
import { builtInPacks } from '#shared/policy';

/** How close a deadline is: missed, within {@link soonMs}, or later. */
export type DeadlineUrgency = 'passed' | 'soon' | 'later';

/** A deadline this close is shown in orange: it falls today or tomorrow. */
export const soonMs = 48 * 60 * 60 * 1000;

/** How urgent a deadline that is missed at `passesAt` is at `nowMs`. */
export function deadlineUrgency(passesAt: IsoDateTime | undefined, nowMs: number): DeadlineUrgency {
  if (passesAt === undefined) return 'later';
  const leftMs = Date.parse(passesAt) - nowMs;
  if (leftMs <= 0) return 'passed';
  return leftMs <= soonMs ? 'soon' : 'later';
}

/**
 * A device as the bench names it, brand then model ("KOSPET Tank T3"); the brand comes from the
 * claim's policy pack and is not repeated when the model already starts with it.
 */
export function deviceLabel(packId: string, model: string | undefined): string | undefined {
  if (model === undefined) return undefined;
  const brand = Object.values(builtInPacks).find((pack) => pack.id === packId)?.brand;
  if (brand === undefined || model.toLowerCase().startsWith(brand.toLowerCase())) return model;
  return `${brand} ${model}`;
}
