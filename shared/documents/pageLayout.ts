import type { Language } from '../domain/vocabulary';

/**
 * The page description every document layout produces and every renderer (PDF, ZPL) draws.
 * Units are PDF points (1/72 inch); the origin is the top-left corner of the page and y grows
 * downwards, as in pdfkit and ZPL. A layout has already decided everything a renderer could
 * disagree about (line breaks, font sizes, positions), so two renderers draw the same page.
 */

/** The named page sizes Fixline prints on. */
export type PageSizeName = 'A4' | 'Letter' | 'label-4x6in' | 'tag-2.25x1.25in';

/** A page size in points. */
export type PageSize = {
  readonly name: PageSizeName;
  readonly width: number;
  readonly height: number;
};

/** Office paper for the RMA slip, the quote and the packing slip. */
export type PaperSize = 'A4' | 'Letter';

/** Every page size, in points: ISO A4 (210 × 297 mm), US Letter, a 4 × 6 in label, a 2.25 × 1.25 in tag. */
export const pageSizes = {
  A4: { name: 'A4', width: 595.28, height: 841.89 },
  Letter: { name: 'Letter', width: 612, height: 792 },
  'label-4x6in': { name: 'label-4x6in', width: 288, height: 432 },
  'tag-2.25x1.25in': { name: 'tag-2.25x1.25in', width: 162, height: 90 },
} as const satisfies Record<PageSizeName, PageSize>;

/**
 * Measures a single line of text: its advance width in points at `fontSize` in the regular or
 * bold face. Injected by the renderer (which owns the font files) so that the layout stays pure
 * and wraps text with the very metrics the renderer will draw it with.
 */
export type TextMeasurer = (text: string, fontSize: number, bold: boolean) => number;

/** The ink colours a label printer and an office printer both have. */
export type InkColor = 'black' | 'gray' | 'white';

/**
 * A block of already wrapped text. Its box is `x`, `y`, `width` and `height`
 * (= `lines.length × lineHeight`); every line measures at most `width` at `fontSize`.
 * `y` is the top of the first line box; each line is aligned inside `width`.
 */
export type TextOperation = {
  readonly kind: 'text';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly string[];
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly bold: boolean;
  readonly align: 'left' | 'center' | 'right';
  readonly color: InkColor;
  /** True when the text did not fit even at its minimum size and was cut with an ellipsis. */
  readonly truncated: boolean;
};

/** A straight line; `dash` (on, off lengths) makes it dashed, e.g. a cut line. */
export type RuleOperation = {
  readonly kind: 'rule';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly thickness: number;
  readonly color: InkColor;
  readonly dash?: readonly [number, number];
};

/** A rectangle: stroked when `strokeWidth` > 0, filled when `fill` is set. */
export type RectangleOperation = {
  readonly kind: 'rectangle';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly strokeWidth: number;
  readonly fill?: InkColor;
};

/**
 * A barcode, as data: the renderer encodes `value` and draws it as vectors inside the box,
 * quiet zones included, so the layout never depends on an encoder.
 */
export type BarcodeOperation = {
  readonly kind: 'code128' | 'qr';
  readonly value: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
};

/** One drawing operation on a page. */
export type DrawOperation = TextOperation | RuleOperation | RectangleOperation | BarcodeOperation;

/** One page: its operations in drawing order. */
export type PageLayout = { readonly operations: readonly DrawOperation[] };

/** The document kinds Fixline prints. */
export type DocumentKind = 'rma-slip' | 'return-label' | 'device-tag' | 'quote' | 'packing-slip';

/** A laid-out document: every page has `size`. `title` goes into the file's metadata. */
export type DocumentLayout = {
  readonly kind: DocumentKind;
  readonly size: PageSize;
  readonly title: string;
  readonly language: Language;
  readonly pages: readonly PageLayout[];
};

/** The box an operation covers on its page, for overlap and bounds checks. */
export function operationBox(operation: DrawOperation): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  switch (operation.kind) {
    case 'rectangle': {
      const half = operation.strokeWidth / 2;
      return {
        x: operation.x - half,
        y: operation.y - half,
        width: operation.width + operation.strokeWidth,
        height: operation.height + operation.strokeWidth,
      };
    }
    case 'text':
    case 'code128':
    case 'qr':
      return { x: operation.x, y: operation.y, width: operation.width, height: operation.height };
    case 'rule': {
      // A stroke spreads half its thickness on each side of the line it follows.
      const half = operation.thickness / 2;
      const padX = operation.x1 === operation.x2 || operation.y1 !== operation.y2 ? half : 0;
      const padY = operation.y1 === operation.y2 || operation.x1 !== operation.x2 ? half : 0;
      return {
        x: Math.min(operation.x1, operation.x2) - padX,
        y: Math.min(operation.y1, operation.y2) - padY,
        width: Math.abs(operation.x2 - operation.x1) + padX * 2,
        height: Math.abs(operation.y2 - operation.y1) + padY * 2,
      };
    }
  }
}
