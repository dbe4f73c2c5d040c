import type {
  DrawOperation,
  InkColor,
  PageLayout,
  PageSize,
  RuleOperation,
  TextMeasurer,
  TextOperation,
} from './pageLayout';
import { fitText, type FitRequest, type FittedText } from './textFit';

/** Where and how to place fitted text. */
export type Placement = {
  readonly x: number;
  readonly y: number;
  readonly align?: TextOperation['align'];
  readonly color?: InkColor;
};

/** A text operation from text already fitted to `width`. */
export function textOperation(
  fitted: FittedText,
  width: number,
  placement: Placement,
): TextOperation {
  return {
    kind: 'text',
    x: placement.x,
    y: placement.y,
    width,
    height: fitted.height,
    lines: fitted.lines,
    fontSize: fitted.fontSize,
    lineHeight: fitted.lineHeight,
    bold: fitted.bold,
    align: placement.align ?? 'left',
    color: placement.color ?? 'black',
    truncated: fitted.truncated,
  };
}

/** Fits `request` and places it: the usual way a layout writes a piece of text. */
export function placeText(
  request: FitRequest,
  measure: TextMeasurer,
  placement: Placement,
): TextOperation {
  return textOperation(fitText(request, measure), request.maxWidth, placement);
}

/** A horizontal rule from `x1` to `x2` at `y`. */
export function horizontalRule(
  x1: number,
  x2: number,
  y: number,
  thickness: number,
  options: { color?: InkColor; dash?: readonly [number, number] } = {},
): RuleOperation {
  return {
    kind: 'rule',
    x1,
    y1: y,
    x2,
    y2: y,
    thickness,
    color: options.color ?? 'black',
    ...(options.dash === undefined ? {} : { dash: options.dash }),
  };
}

/**
 * A document that flows over as many pages as it needs (RMA slip, quote, packing slip): a
 * cursor moves down the content area, and a block that does not fit starts a new page, which
 * opens with the running header. Only the lines of a long paragraph are split across pages.
 */
export class PageFlow {
  readonly pages: DrawOperation[][] = [[]];
  /** The top of the next block on the current page. */
  cursor: number;
  /** The lowest y the current page's content may reach. */
  limit: number;
  /**
   * The share of every {@link space} that is kept: 1 sets a page as designed, less sets it
   * tighter, which a layout does to keep a document that barely spills over on one page.
   */
  spaceScale = 1;
  /** Where content starts on a page after the first, below the running header. */
  private readonly continuationTop: number;

  /**
   * @param size the page size
   * @param margin the page margin on every side, in points
   * @param footerHeight room kept above the bottom margin for the footer
   * @param runningHeader draws the header of a continuation page at `top`; returns its height
   */
  constructor(
    readonly size: PageSize,
    readonly margin: number,
    private readonly footerHeight: number,
    private readonly runningHeader: (operations: DrawOperation[], top: number) => number,
  ) {
    this.cursor = margin;
    this.limit = this.fullPageLimit;
    this.continuationTop = margin + runningHeader([], margin);
  }

  /** The height a block may have and still fit on a fresh page. */
  get capacity(): number {
    return this.fullPageLimit - this.continuationTop;
  }

  /** The left edge of the content area. */
  get left(): number {
    return this.margin;
  }

  /** The right edge of the content area. */
  get right(): number {
    return this.size.width - this.margin;
  }

  /** The width of the content area. */
  get width(): number {
    return this.size.width - this.margin * 2;
  }

  /** The content limit of a page with nothing reserved at its foot. */
  get fullPageLimit(): number {
    return this.size.height - this.margin - this.footerHeight;
  }

  /** The operations of the current page. */
  get page(): DrawOperation[] {
    const page = this.pages[this.pages.length - 1];
    if (page === undefined) throw new Error('a page flow always has a page');
    return page;
  }

  /** Starts a new page below its running header. */
  newPage(): void {
    this.pages.push([]);
    this.limit = this.fullPageLimit;
    this.runningHeader(this.page, this.margin);
    this.cursor = this.continuationTop;
  }

  /** Makes sure `height` points fit below the cursor, starting a new page when they do not. */
  ensureRoom(height: number): void {
    if (this.cursor + height > this.limit) this.newPage();
  }

  /**
   * Adds a block of `height` points drawn by `draw` at the block's top, moving to a new page
   * first when it does not fit on this one. A block taller than a page is placed anyway at the
   * top of a fresh page; the layouts keep their blocks smaller than that.
   */
  block(height: number, draw: (top: number) => readonly DrawOperation[]): void {
    this.ensureRoom(height);
    this.page.push(...draw(this.cursor));
    this.cursor += height;
  }

  /** Adds vertical space, never past the page's limit. */
  space(height: number): void {
    this.cursor = Math.min(this.cursor + height * this.spaceScale, this.limit);
  }

  /**
   * Adds fitted text at `x` with `width`, splitting its lines over pages when it is taller than
   * the room left on this one.
   */
  paragraph(
    fitted: FittedText,
    x: number,
    width: number,
    placement: Omit<Placement, 'x' | 'y'> = {},
  ): void {
    let remaining = fitted.lines;
    while (remaining.length > 0) {
      let room = Math.floor((this.limit - this.cursor) / fitted.lineHeight + 1e-9);
      if (room < 1) {
        this.newPage();
        room = Math.max(1, Math.floor((this.limit - this.cursor) / fitted.lineHeight + 1e-9));
      }
      const lines = remaining.slice(0, room);
      remaining = remaining.slice(room);
      const part: FittedText = { ...fitted, lines, height: lines.length * fitted.lineHeight };
      this.page.push(textOperation(part, width, { ...placement, x, y: this.cursor }));
      this.cursor += part.height;
    }
  }

  /** The pages, each with its footer drawn by `footer` (1-based page number, page count). */
  finish(footer: (operations: DrawOperation[], page: number, pages: number) => void): PageLayout[] {
    return this.pages.map((operations, index) => {
      const page = [...operations];
      footer(page, index + 1, this.pages.length);
      return { operations: page };
    });
  }
}

/** `operation` moved down by `distance` points. */
export function shiftDown(operation: DrawOperation, distance: number): DrawOperation {
  switch (operation.kind) {
    case 'rule':
      return { ...operation, y1: operation.y1 + distance, y2: operation.y2 + distance };
    case 'text':
    case 'rectangle':
    case 'code128':
    case 'qr':
      return { ...operation, y: operation.y + distance };
  }
}
