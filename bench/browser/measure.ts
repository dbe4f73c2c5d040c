/** Latency percentiles of repeated runs, in milliseconds. */
export type Percentiles = { p50: number; p95: number };

/** p50 and p95 of `samples` (milliseconds), rounded to 0.001 ms. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { p50: round(at(0.5)), p95: round(at(0.95)) };
}

/**
 * Times `fixline` and `baseline` on the same inputs, interleaved so that both see the same
 * machine state (caches, other load), after `warmup` untimed rounds.
 */
export async function measureSideBySide<Input>(
  inputs: readonly Input[],
  fixline: (input: Input) => Promise<unknown>,
  baseline: (input: Input) => Promise<unknown>,
  warmup = 50,
): Promise<{ fixline: Percentiles; baseline: Percentiles; ratio: { p50: number; p95: number } }> {
  for (const input of inputs.slice(0, warmup)) {
    await fixline(input);
    await baseline(input);
  }
  const fixlineSamples: number[] = [];
  const baselineSamples: number[] = [];
  for (const [index, input] of inputs.entries()) {
    // Alternate which goes first so neither always benefits from the other's warm cache.
    const order = index % 2 === 0 ? [fixline, baseline] : [baseline, fixline];
    for (const run of order) {
      const started = performance.now();
      await run(input);
      (run === fixline ? fixlineSamples : baselineSamples).push(performance.now() - started);
    }
  }
  const fixlineFigures = percentiles(fixlineSamples);
  const baselineFigures = percentiles(baselineSamples);
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    fixline: fixlineFigures,
    baseline: baselineFigures,
    ratio: {
      p50: ratio(fixlineFigures.p50, baselineFigures.p50),
      p95: ratio(fixlineFigures.p95, baselineFigures.p95),
    },
  };
}
