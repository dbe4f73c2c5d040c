/**
 * Telling a barcode scanner from a person, from the keys alone. A scanner is a keyboard that
 * types a whole code in a burst and ends it with Enter. On a loaded machine, or through
 * Bluetooth, some of its keys arrive late, so one slow gap must not split a scan; a person, even
 * a fast typist, leaves most gaps far longer than a scanner's.
 */

/** One character key as it arrived: the character and the event's time stamp. */
export type Keystroke = { readonly key: string; readonly atMs: number };

/** The thresholds of {@link scannedText}. */
export type ScanTiming = {
  /** A scan has at least this many characters. */
  readonly minimumLength: number;
  /**
   * The fastest three quarters of a scan's gaps average at most this. The slowest quarter is left
   * out, so a few keys that came late do not count; no person keeps the rest under 75 ms a key
   * (160 words a minute), while a scanner's keys on a loaded machine stay well below it.
   */
  readonly usualGapMs: number;
  /** No gap in a scan, Enter's included, is longer than this: a longer one starts a new burst. */
  readonly longestGapMs: number;
};

export const scannerTiming: ScanTiming = { minimumLength: 6, usualGapMs: 75, longestGapMs: 200 };

/** Longest a burst is kept; no barcode the desk reads is near this. */
const longestBurst = 64;

/** The burst after `keystroke`: it restarts after a gap no scanner leaves. */
export function extendBurst(
  burst: readonly Keystroke[],
  keystroke: Keystroke,
  timing: ScanTiming = scannerTiming,
): Keystroke[] {
  const last = burst.at(-1);
  if (last === undefined || keystroke.atMs - last.atMs > timing.longestGapMs) return [keystroke];
  return [...burst.slice(1 - longestBurst), keystroke];
}

/** The mean of the fastest three quarters of `gaps`. */
function usualGap(gaps: readonly number[]): number {
  const fastest = [...gaps].sort((a, b) => a - b).slice(0, Math.ceil(gaps.length * 0.75));
  return fastest.reduce((sum, gap) => sum + gap, 0) / fastest.length;
}

/**
 * What a scanner typed before the Enter at `enterAtMs`: the burst, when it reads as a scan (long
 * enough, its usual gap short), or undefined when the keys were a person's.
 */
export function scannedText(
  burst: readonly Keystroke[],
  enterAtMs: number,
  timing: ScanTiming = scannerTiming,
): string | undefined {
  const last = burst.at(-1);
  if (last === undefined || enterAtMs - last.atMs > timing.longestGapMs) return undefined;
  if (burst.length < timing.minimumLength) return undefined;
  const gaps = burst.slice(1).map((keystroke, index) => keystroke.atMs - (burst[index]?.atMs ?? 0));
  if (usualGap(gaps) > timing.usualGapMs) return undefined;
  return burst.map((keystroke) => keystroke.key).join('');
}

/**
 * The code to act on when a scan ends in a focused text field. The field shows everything typed
 * into it, while the burst may have caught only its tail (a key that came very late restarts
 * it): the field's value wins when it ends with what was scanned. Keys that did not reach the
 * field (sent straight to the page) leave the scanned text as it is.
 */
export function scannedCode(scanned: string, fieldValue: string | undefined): string {
  const shown = fieldValue?.trim() ?? '';
  return shown.endsWith(scanned) ? shown : scanned;
}
