import type { TextMeasurer } from './pageLayout';

/** Line height as a multiple of the font size: room for ascenders and descenders of accented text. */
export const lineHeightRatio = 1.2;

/** How much a font size drops per attempt when text is shrunk to fit, in points. */
const shrinkStep = 0.5;

const ellipsis = '…';

/**
 * Wraps `text` into lines no wider than `maxWidth` at `fontSize`: greedy, at spaces, keeping the
 * line breaks the text already has. A word wider than a whole line (a long e-mail address, a
 * serial number) is broken between characters rather than allowed to run past the edge.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  bold: boolean,
  measure: TextMeasurer,
): string[] {
  const fits = (candidate: string): boolean => measure(candidate, fontSize, bold) <= maxWidth;
  const widthOf = characterWidths((character) => measure(character, fontSize, bold));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter((word) => word !== '');
    let line = '';
    for (const word of words) {
      // A word far longer than a line is broken before it is measured whole: measuring a
      // 10,000-character word costs as much as laying out a page.
      const overlong = isFarWiderThan(word, maxWidth, widthOf);
      const candidate = line === '' ? word : `${line} ${word}`;
      if (!overlong && fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      if (!overlong && fits(word)) {
        line = word;
        continue;
      }
      const pieces = breakWord(word, maxWidth, widthOf, fits);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
    }
    lines.push(line);
  }
  return lines;
}

/** A character's width, each distinct character measured once. */
function characterWidths(measureCharacter: (character: string) => number) {
  const widths = new Map<string, number>();
  return (character: string): number => {
    let width = widths.get(character);
    if (width === undefined) {
      width = measureCharacter(character);
      widths.set(character, width);
    }
    return width;
  };
}

/** Words of up to this many characters are cheap to measure whole. */
const cheapWordLength = 64;

/**
 * Whether `word` is at least twice as wide as `maxWidth` even if every character were as narrow
 * as its narrowest one: no kerning brings such a word back within the line, whatever the font.
 */
function isFarWiderThan(
  word: string,
  maxWidth: number,
  widthOf: (character: string) => number,
): boolean {
  const characters = Array.from(word);
  if (characters.length <= cheapWordLength) return false;
  const narrowest = Math.min(...[...new Set(characters)].map(widthOf));
  return characters.length * narrowest > 2 * maxWidth;
}

/**
 * Splits a word into pieces that each fit, by code points so no character is cut in half. Each
 * piece ends where its characters' widths use up the line, and is then measured whole, giving
 * characters back while kerning makes it wider: a 10,000-character word costs one measurement
 * per distinct character and per line, not one per character per line.
 */
function breakWord(
  word: string,
  maxWidth: number,
  widthOf: (character: string) => number,
  fits: (candidate: string) => boolean,
): string[] {
  const characters = Array.from(word);
  const pieces: string[] = [];
  let start = 0;
  while (start < characters.length) {
    let end = start + 1;
    let width = widthOf(characters[start] ?? '');
    for (; end < characters.length; end += 1) {
      const next = width + widthOf(characters[end] ?? '');
      if (next > maxWidth) break;
      width = next;
    }
    while (end - start > 1 && !fits(characters.slice(start, end).join(''))) end -= 1;
    pieces.push(characters.slice(start, end).join(''));
    start = end;
  }
  return pieces;
}

/** What {@link fitText} needs: the text, its box, and how far it may shrink. */
export type FitRequest = {
  readonly text: string;
  readonly maxWidth: number;
  /** The size to use when the text fits; also the largest. */
  readonly fontSize: number;
  /** The smallest size it may shrink to; defaults to `fontSize` (wrap only, never shrink). */
  readonly minFontSize?: number;
  readonly bold?: boolean;
  readonly maxLines?: number;
  /** The height available, in points; unbounded when absent (a flowing document pages instead). */
  readonly maxHeight?: number;
};

/** Text fitted into a box: its lines at the chosen size. */
export type FittedText = {
  readonly lines: readonly string[];
  readonly fontSize: number;
  readonly lineHeight: number;
  /** `lines.length × lineHeight`. */
  readonly height: number;
  readonly bold: boolean;
  /** True when the text did not fit at the minimum size and its end was replaced by "…". */
  readonly truncated: boolean;
};

/**
 * Fits text into a box: the largest size from `fontSize` down to `minFontSize` at which the
 * wrapped text stays within `maxLines` and `maxHeight`. When even the minimum size is too big,
 * it keeps as many lines as fit and ends the last with "…", so text never leaves its box: a
 * label has no second page to flow onto.
 */
export function fitText(request: FitRequest, measure: TextMeasurer): FittedText {
  const bold = request.bold ?? false;
  const minFontSize = Math.min(request.minFontSize ?? request.fontSize, request.fontSize);
  const maxLines = request.maxLines ?? Number.POSITIVE_INFINITY;
  const maxHeight = request.maxHeight ?? Number.POSITIVE_INFINITY;
  const fitted = (lines: readonly string[], fontSize: number, truncated: boolean): FittedText => {
    const lineHeight = fontSize * lineHeightRatio;
    return { lines, fontSize, lineHeight, height: lines.length * lineHeight, bold, truncated };
  };

  for (let fontSize = request.fontSize; fontSize >= minFontSize; fontSize -= shrinkStep) {
    const lines = wrapText(request.text, request.maxWidth, fontSize, bold, measure);
    if (lines.length <= maxLines && lines.length * fontSize * lineHeightRatio <= maxHeight) {
      return fitted(lines, fontSize, false);
    }
    // Steps of 0.5 pt from a whole or half size land exactly on the minimum; this catches any other.
    if (fontSize > minFontSize && fontSize - shrinkStep < minFontSize)
      fontSize = minFontSize + shrinkStep;
  }

  const lines = wrapText(request.text, request.maxWidth, minFontSize, bold, measure);
  const capacity = Math.max(
    1,
    Math.min(maxLines, Math.floor(maxHeight / (minFontSize * lineHeightRatio) + 1e-9)),
  );
  const kept = lines.slice(0, capacity);
  const last = kept.pop() ?? '';
  kept.push(withEllipsis(last, request.maxWidth, minFontSize, bold, measure));
  return fitted(kept, minFontSize, true);
}

/** `line` shortened until it fits with "…" after it. */
function withEllipsis(
  line: string,
  maxWidth: number,
  fontSize: number,
  bold: boolean,
  measure: TextMeasurer,
): string {
  const characters = Array.from(line);
  while (characters.length > 0) {
    const candidate = `${characters.join('').trimEnd()}${ellipsis}`;
    if (measure(candidate, fontSize, bold) <= maxWidth) return candidate;
    characters.pop();
  }
  return ellipsis;
}
