import type { CountryCode, Customer } from '../domain/customer';
import type { Device } from '../domain/device';
import type { Language } from '../domain/vocabulary';
import type { DocumentText } from './dictionary';
import type { ClaimDocumentData, RepairCenter } from './documentData';
import { addressLines } from './format';
import { horizontalRule, PageFlow, placeText, shiftDown } from './layoutKit';
import type { DrawOperation, InkColor, PageSize, TextMeasurer, TextOperation } from './pageLayout';
import { fitText, type FitRequest } from './textFit';

/**
 * What the office documents (RMA slip, quote, packing slip) have in common: the letterhead, the
 * running header of later pages, the footer, section headings and stacked blocks of text.
 */

/** Page margin of the office documents, in points (14 mm: inside every printer's unprintable edge). */
export const officeMargin = 40;

const footerHeight = 20;

/** Sizes of the office documents' text, in points. */
export const officeType = {
  body: 9,
  small: 8,
  caption: 7.5,
  heading: 11,
  title: 18,
  minimum: 6.5,
} as const;

/** One piece of text in a {@link stack}: what to fit, its colour, and the space after it. */
export type StackItem = FitRequest & {
  readonly color?: InkColor;
  readonly align?: TextOperation['align'];
  readonly spaceBefore?: number;
  readonly spaceAfter?: number;
};

/** A {@link StackItem} whose width the column gives. */
export type StackEntry = Omit<StackItem, 'maxWidth'>;

/**
 * Stacks pieces of text top-down in a column of `width` at (`x`, `top`), each fitted to the
 * column; returns the operations and the height used.
 */
export function stack(
  items: readonly StackEntry[],
  x: number,
  top: number,
  width: number,
  measure: TextMeasurer,
): { operations: DrawOperation[]; height: number } {
  const operations: DrawOperation[] = [];
  let y = top;
  for (const item of items) {
    y += item.spaceBefore ?? 0;
    const operation = placeText({ ...item, maxWidth: width }, measure, {
      x,
      y,
      ...(item.color === undefined ? {} : { color: item.color }),
      ...(item.align === undefined ? {} : { align: item.align }),
    });
    operations.push(operation);
    y += operation.height + (item.spaceAfter ?? 0);
  }
  return { operations, height: y - top };
}

/** A flow for an office document whose later pages carry `title` and the RMA number on top. */
export function createOfficeFlow(
  size: PageSize,
  data: ClaimDocumentData,
  title: string,
  measure: TextMeasurer,
): PageFlow {
  return new PageFlow(size, officeMargin, footerHeight, (operations, top) => {
    const width = size.width - officeMargin * 2;
    const rmaWidth = 150;
    operations.push(
      placeText(
        {
          text: `${data.center.name} · ${title}`,
          maxWidth: width - rmaWidth - 10,
          fontSize: officeType.small,
          minFontSize: officeType.minimum,
          maxLines: 1,
        },
        measure,
        { x: officeMargin, y: top, color: 'gray' },
      ),
      placeText(
        { text: data.claim.rmaNumber, maxWidth: rmaWidth, fontSize: 9, bold: true, maxLines: 1 },
        measure,
        { x: size.width - officeMargin - rmaWidth, y: top, align: 'right' },
      ),
      horizontalRule(officeMargin, size.width - officeMargin, top + 15, 0.5, { color: 'gray' }),
    );
    return 24;
  });
}

/** Draws the footer of page `page` of `pages`: the center on the left, RMA and page on the right. */
export function drawOfficeFooter(
  operations: DrawOperation[],
  size: PageSize,
  data: ClaimDocumentData,
  text: DocumentText,
  measure: TextMeasurer,
  page: number,
  pages: number,
): void {
  const top = size.height - officeMargin - officeType.caption * 1.2;
  const width = size.width - officeMargin * 2;
  const pageWidth = 170;
  operations.push(
    horizontalRule(officeMargin, size.width - officeMargin, top - 5, 0.5, { color: 'gray' }),
    placeText(
      {
        text: [data.center.name, data.center.phone, data.center.email].filter(Boolean).join(' · '),
        maxWidth: width - pageWidth - 10,
        fontSize: officeType.caption,
        minFontSize: 5.5,
        maxLines: 1,
      },
      measure,
      { x: officeMargin, y: top, color: 'gray' },
    ),
    placeText(
      {
        text: `${data.claim.rmaNumber} · ${text.pageOf(page, pages)}`,
        maxWidth: pageWidth,
        fontSize: officeType.caption,
        maxLines: 1,
      },
      measure,
      { x: size.width - officeMargin - pageWidth, y: top, align: 'right', color: 'gray' },
    ),
  );
}

/**
 * The letterhead: the center's name, address and contact at the top left, in `width`; the
 * country is left out when it is the reader's (`readerCountry`). Returns operations and height.
 */
export function letterhead(
  center: RepairCenter,
  language: Language,
  x: number,
  top: number,
  width: number,
  measure: TextMeasurer,
  readerCountry?: CountryCode,
): { operations: DrawOperation[]; height: number } {
  return stack(
    [
      { text: center.name, fontSize: 14, minFontSize: 9, bold: true, maxLines: 2, spaceAfter: 2 },
      {
        text: addressLines(center.address, language, readerCountry).join(', '),
        fontSize: officeType.small,
        minFontSize: officeType.minimum,
        maxLines: 3,
        color: 'gray',
      },
      {
        text: [center.phone, center.email].filter(Boolean).join(' · '),
        fontSize: officeType.small,
        minFontSize: officeType.minimum,
        maxLines: 2,
        color: 'gray',
      },
    ],
    x,
    top,
    width,
    measure,
  );
}

/** A section heading with a thin rule under it, kept on the page with `keepWith` points after it. */
export function sectionHeading(
  flow: PageFlow,
  heading: string,
  measure: TextMeasurer,
  keepWith: number,
): void {
  const fitted = fitText(
    {
      text: heading,
      maxWidth: flow.width,
      fontSize: officeType.heading,
      minFontSize: 8,
      bold: true,
      maxLines: 2,
    },
    measure,
  );
  const height = fitted.height + 6;
  flow.ensureRoom(height + keepWith);
  flow.block(height, (top) => [
    placeText(
      {
        text: heading,
        maxWidth: flow.width,
        fontSize: officeType.heading,
        minFontSize: 8,
        bold: true,
        maxLines: 2,
      },
      measure,
      { x: flow.left, y: top },
    ),
    horizontalRule(flow.left, flow.right, top + fitted.height + 2, 0.5),
  ]);
}

/** The customer's block: name, then contact details and address. */
export function customerItems(
  customer: Customer,
  text: DocumentText,
  language: Language,
  homeCountry: RepairCenter['address']['countryCode'],
): StackEntry[] {
  const detail = { fontSize: officeType.body, minFontSize: 7 };
  return [
    { text: text.customer, fontSize: officeType.caption, bold: true, color: 'gray', spaceAfter: 1 },
    { text: customer.name, fontSize: 11, minFontSize: 7, bold: true, maxLines: 3, spaceAfter: 1 },
    { ...detail, text: customer.phone, maxLines: 1 },
    ...(customer.email === undefined ? [] : [{ ...detail, text: customer.email, maxLines: 2 }]),
    ...(customer.address === undefined
      ? []
      : [
          {
            ...detail,
            text: addressLines(customer.address, language, homeCountry).join('\n'),
            maxLines: 12,
          },
        ]),
  ];
}

/** The device's block: model, then serial, IMEI and SKU. */
export function deviceItems(device: Device, text: DocumentText): StackEntry[] {
  const identifiers = [
    device.serial === undefined ? undefined : `${text.serial}: ${device.serial}`,
    device.imei === undefined ? undefined : `${text.imei}: ${device.imei}`,
    device.sku === undefined ? undefined : `${text.sku}: ${device.sku}`,
  ].filter((line) => line !== undefined);
  return [
    { text: text.device, fontSize: officeType.caption, bold: true, color: 'gray', spaceAfter: 1 },
    { text: device.model, fontSize: 11, minFontSize: 7, bold: true, maxLines: 2, spaceAfter: 1 },
    {
      text: identifiers.join('\n'),
      fontSize: officeType.body,
      minFontSize: officeType.minimum,
      maxLines: 6,
    },
  ];
}

/**
 * Two stacks side by side as one block (kept on one page): `left` and `right` in columns of
 * equal width with `gap` between them.
 */
export function twoColumns(
  flow: PageFlow,
  left: readonly StackEntry[],
  right: readonly StackEntry[],
  measure: TextMeasurer,
  gap = 24,
): void {
  const columnWidth = (flow.width - gap) / 2;
  const leftStack = stack(left, flow.left, 0, columnWidth, measure);
  const rightStack = stack(right, flow.left + columnWidth + gap, 0, columnWidth, measure);
  const height = Math.max(leftStack.height, rightStack.height);
  flow.block(height, (top) =>
    [...leftStack.operations, ...rightStack.operations].map((operation) =>
      shiftDown(operation, top),
    ),
  );
}

/**
 * The RMA number as a caption, the number in large type and any `below` lines on the left, with
 * its Code128 on the right: how the quote and the packing slip name the claim they belong to.
 */
export function rmaNumberBand(
  flow: PageFlow,
  text: DocumentText,
  rmaNumber: string,
  below: readonly StackEntry[],
  measure: TextMeasurer,
): void {
  const barcodeWidth = 200;
  const barcodeHeight = 34;
  const number = stack(
    [
      {
        text: text.rmaNumber,
        fontSize: officeType.caption,
        bold: true,
        color: 'gray',
        maxLines: 1,
        spaceAfter: 1,
      },
      {
        text: rmaNumber,
        fontSize: 16,
        minFontSize: 10,
        bold: true,
        maxLines: 1,
        ...(below.length > 0 ? { spaceAfter: 2 } : {}),
      },
      ...below,
    ],
    flow.left,
    0,
    flow.width - barcodeWidth - 16,
    measure,
  );
  flow.block(Math.max(number.height, barcodeHeight), (top) => [
    ...number.operations.map((operation) => shiftDown(operation, top)),
    {
      kind: 'code128',
      value: rmaNumber,
      x: flow.right - barcodeWidth,
      y: top,
      width: barcodeWidth,
      height: barcodeHeight,
    },
  ]);
}

/** Each clause id in a narrow column, its words beside it. */
export function drawClauseList(
  flow: PageFlow,
  clauses: readonly string[],
  wordsOf: (clause: string) => string | undefined,
  measure: TextMeasurer,
): void {
  const idWidth = 30;
  for (const clause of clauses) {
    const words = fitText(
      { text: wordsOf(clause) ?? '—', maxWidth: flow.width - idWidth, fontSize: officeType.body },
      measure,
    );
    // A clause stays on one page when it can; one longer than a page flows on, its id on top.
    flow.ensureRoom(Math.min(words.height, flow.capacity));
    flow.page.push(
      placeText(
        { text: clause, maxWidth: idWidth - 4, fontSize: officeType.body, bold: true, maxLines: 1 },
        measure,
        { x: flow.left, y: flow.cursor },
      ),
    );
    flow.paragraph(words, flow.left + idWidth, flow.width - idWidth);
    flow.space(5);
  }
}
