/**
 * Small statistics over plain numbers, for the reports. Each takes the values in any order and
 * does not change them.
 */

/** `part ÷ whole`, or null when `whole` is 0 (no rate rather than a made-up 0 %). */
export function rateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The median: the middle value, or the mean of the two middle values; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/**
 * The `fraction` percentile by the nearest-rank method: the smallest value with at least that
 * share of the values at or below it (p90 of 1..10 is 9; of 1..5 is 5). Null for no values.
 */
export function percentile(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] as number;
}
