import { expect } from 'vitest';
import {
  operationBox,
  type DocumentLayout,
  type DrawOperation,
  type TextMeasurer,
  type TextOperation,
} from '#shared/documents';

/** Rounding slack, in points: layouts add fractions, and a hundredth of a point is invisible. */
const slack = 0.01;

type Box = ReturnType<typeof operationBox>;

function describe(operation: DrawOperation): string {
  return operation.kind === 'text'
    ? `text "${operation.lines.join(' / ').slice(0, 60)}"`
    : `${operation.kind} ${JSON.stringify(operationBox(operation))}`;
}

/** Every operation's box lies on its page. */
export function expectInsidePage(layout: DocumentLayout): void {
  layout.pages.forEach((page, pageIndex) => {
    for (const operation of page.operations) {
      const box = operationBox(operation);
      const inside =
        box.x >= -slack &&
        box.y >= -slack &&
        box.x + box.width <= layout.size.width + slack &&
        box.y + box.height <= layout.size.height + slack;
      expect(
        inside,
        `${layout.kind} page ${pageIndex + 1}: ${describe(operation)} leaves the page`,
      ).toBe(true);
    }
  });
}

/** Every line of every text operation measures no wider than its box. */
export function expectLinesFit(layout: DocumentLayout, measure: TextMeasurer): void {
  for (const page of layout.pages) {
    for (const operation of page.operations) {
      if (operation.kind !== 'text') continue;
      for (const line of operation.lines) {
        const width = measure(line, operation.fontSize, operation.bold);
        expect(width, `${layout.kind}: "${line}" is wider than its box`).toBeLessThanOrEqual(
          operation.width + slack,
        );
      }
    }
  }
}

function overlaps(first: Box, second: Box): boolean {
  return (
    first.x < second.x + second.width - slack &&
    second.x < first.x + first.width - slack &&
    first.y < second.y + second.height - slack &&
    second.y < first.y + first.height - slack
  );
}

/** No two pieces of text, and no text and barcode, share any part of the page. */
export function expectNoOverlaps(layout: DocumentLayout): void {
  layout.pages.forEach((page, pageIndex) => {
    const solid = page.operations.filter(
      (
        operation,
      ): operation is TextOperation | Extract<DrawOperation, { kind: 'code128' | 'qr' }> =>
        operation.kind === 'text' || operation.kind === 'code128' || operation.kind === 'qr',
    );
    solid.forEach((operation, index) => {
      for (const other of solid.slice(index + 1)) {
        expect(
          overlaps(operationBox(operation), operationBox(other)),
          `${layout.kind} page ${pageIndex + 1}: ${describe(operation)} overlaps ${describe(other)}`,
        ).toBe(false);
      }
    });
  });
}

/** All the text of a layout, line by line, page after page. */
export function layoutText(layout: DocumentLayout): string {
  return layout.pages
    .flatMap((page) =>
      page.operations.flatMap((operation) => (operation.kind === 'text' ? operation.lines : [])),
    )
    .join('\n');
}

/** The text operations whose lines, joined by spaces, equal `text`. */
export function textOperationsSaying(layout: DocumentLayout, text: string): TextOperation[] {
  return layout.pages.flatMap((page) =>
    page.operations.filter(
      (operation): operation is TextOperation =>
        operation.kind === 'text' && operation.lines.join(' ').replace(/\s+/g, ' ') === text,
    ),
  );
}
