import type { Money } from '../domain/primitives';
import { money } from '../domain/primitives';
import { quoteTotals, type QuoteLine, type QuoteLineKind } from '../domain/quote';
import { fail, ok, type Result } from '../domain/result';
import type { Language } from '../domain/vocabulary';
import { documentText, type DocumentText } from './dictionary';
import type { DocumentError, LayoutOptions, QuoteDocumentData } from './documentData';
import { formatDate, formatMoney } from './format';
import { horizontalRule, placeText, shiftDown, textOperation, type PageFlow } from './layoutKit';
import {
  createOfficeFlow,
  customerItems,
  deviceItems,
  drawClauseList,
  drawOfficeFooter,
  letterhead,
  officeType,
  rmaNumberBand,
  sectionHeading,
  stack,
  twoColumns,
} from './officeDocument';
import {
  pageSizes,
  type DocumentLayout,
  type DrawOperation,
  type TextMeasurer,
} from './pageLayout';
import { quoteLineConversionText, quoteLineText } from './quoteLineText';
import { fitText } from './textFit';

/** How a line's amount counts towards the total, from the customer's side (see `quoteTotals`). */
function signOf(kind: QuoteLineKind): 1 | -1 {
  return kind === 'refund' ? -1 : 1;
}

/**
 * Lays out a quote (A4 or Letter): its lines with quantities, unit prices and amounts, the
 * subtotal, deductions and total in the station's currency, the day it is valid until, and the
 * words of every clause a line cites. Refuses a quote in another currency than the station's
 * and lines that `quoteTotals` refuses (mixed currencies, a deduction without a refund).
 */
export function layoutQuote(
  data: QuoteDocumentData,
  options: LayoutOptions,
): Result<DocumentLayout, DocumentError> {
  const { quote, lines, center, claim } = data;
  if (quote.currency !== center.currency) {
    return fail({
      kind: 'quote',
      message: `Quote revision ${quote.revision} for ${claim.rmaNumber} is in ${quote.currency} but this station quotes in ${center.currency}: revise the quote in ${center.currency}.`,
    });
  }
  const totals = quoteTotals(lines, quote.currency);
  if (!totals.ok) return fail({ kind: 'quote', message: totals.error.message });

  const language = options.language ?? data.customer.preferredLanguage;
  const text = documentText[language];
  const measure = options.measureText;
  const size = pageSizes[options.paper ?? 'A4'];
  const flow = createOfficeFlow(size, data, text.quoteTitle, measure);

  drawQuoteHeader(flow, data, language, text, measure);
  drawLines(flow, lines, language, text, measure);
  drawTotals(flow, totals.value, language, text, measure);

  const cited = new Set(lines.flatMap((line) => line.clauseIds));
  if (cited.size > 0) {
    sectionHeading(flow, text.quoteClausesTitle, measure, 30);
    drawClauseList(
      flow,
      [...cited].sort(compareClauseIds),
      (clause) => data.clauseTexts[clause]?.rule[language],
      measure,
    );
  }

  const pages = flow.finish((operations, page, count) =>
    drawOfficeFooter(operations, size, data, text, measure, page, count),
  );
  return ok({
    kind: 'quote',
    size,
    title: `${text.quoteTitle} ${claim.rmaNumber} ${text.revision(quote.revision)}`,
    language,
    pages,
  });
}

/** Clause ids in catalog order: by letter, then by number (B2 before B10). */
function compareClauseIds(first: string, second: string): number {
  const letters = first.slice(0, 1).localeCompare(second.slice(0, 1));
  return letters !== 0 ? letters : Number(first.slice(1)) - Number(second.slice(1));
}

function drawQuoteHeader(
  flow: PageFlow,
  data: QuoteDocumentData,
  language: Language,
  text: DocumentText,
  measure: TextMeasurer,
): void {
  const rightWidth = 200;
  const head = letterhead(
    data.center,
    language,
    flow.left,
    0,
    flow.width - rightWidth - 20,
    measure,
    data.customer.address?.countryCode,
  );
  const right = stack(
    [
      {
        text: text.quoteTitle,
        fontSize: officeType.title,
        minFontSize: 12,
        bold: true,
        maxLines: 1,
        align: 'right',
      },
      {
        text: text.revision(data.quote.revision),
        fontSize: officeType.body,
        maxLines: 1,
        align: 'right',
      },
      {
        text: text.issuedOn(formatDate(data.issuedOn, language)),
        fontSize: officeType.body,
        maxLines: 1,
        align: 'right',
      },
      {
        text: text.validUntil(formatDate(data.quote.validUntil, language)),
        fontSize: officeType.body,
        bold: true,
        maxLines: 2,
        align: 'right',
      },
    ],
    flow.right - rightWidth,
    0,
    rightWidth,
    measure,
  );
  flow.block(Math.max(head.height, right.height), (top) =>
    [...head.operations, ...right.operations].map((operation) => shiftDown(operation, top)),
  );
  flow.space(14);

  rmaNumberBand(flow, text, data.claim.rmaNumber, [], measure);
  flow.space(14);
  twoColumns(
    flow,
    customerItems(data.customer, text, language, data.center.address.countryCode),
    deviceItems(data.device, text),
    measure,
  );
  flow.space(16);
}

/** The columns of the line table, as x offsets and widths within the content area. */
function tableColumns(
  contentWidth: number,
): Record<
  'description' | 'quantity' | 'unitPrice' | 'amount' | 'clauses',
  { x: number; width: number }
> {
  const quantity = 34;
  const unitPrice = 92;
  const amount = 98;
  const clauses = 56;
  const gap = 8;
  const description = contentWidth - quantity - unitPrice - amount - clauses - gap * 4;
  let x = 0;
  const column = (width: number): { x: number; width: number } => {
    const placed = { x, width };
    x += width + gap;
    return placed;
  };
  return {
    description: column(description),
    quantity: column(quantity),
    unitPrice: column(unitPrice),
    amount: column(amount),
    clauses: column(clauses),
  };
}

function drawLines(
  flow: PageFlow,
  lines: readonly QuoteLine[],
  language: Language,
  text: DocumentText,
  measure: TextMeasurer,
): void {
  const columns = tableColumns(flow.width);
  const headerCells: [keyof typeof columns, string, 'left' | 'right'][] = [
    ['description', text.description, 'left'],
    ['quantity', text.quantity, 'right'],
    ['unitPrice', text.unitPrice, 'right'],
    ['amount', text.amount, 'right'],
    ['clauses', text.clauses, 'left'],
  ];
  const header = (top: number): DrawOperation[] => [
    ...headerCells.map(([column, label, align]) =>
      placeText(
        {
          text: label,
          maxWidth: columns[column].width,
          fontSize: officeType.small,
          minFontSize: 6,
          bold: true,
          maxLines: 1,
        },
        measure,
        { x: flow.left + columns[column].x, y: top, align, color: 'gray' },
      ),
    ),
    horizontalRule(flow.left, flow.right, top + 13, 0.75),
  ];
  flow.block(17, header);

  for (const line of lines) {
    const description = fitText(
      {
        text: quoteLineText(line, text.quoteLineWords, language),
        maxWidth: columns.description.width,
        fontSize: officeType.body,
        minFontSize: 7,
        maxLines: 4,
      },
      measure,
    );
    const kind = fitText(
      {
        text:
          line.conversion === undefined
            ? text.lineKinds[line.kind]
            : `${text.lineKinds[line.kind]} · ${quoteLineConversionText(line.conversion, line.unitPrice.currency, text.quoteLineWords, language)}`,
        maxWidth: columns.description.width,
        fontSize: officeType.caption,
        maxLines: 2,
        minFontSize: 6,
      },
      measure,
    );
    const lineAmount = money(
      signOf(line.kind) * line.quantity * line.unitPrice.amount,
      line.unitPrice.currency,
    );
    const cell = (
      column: keyof typeof columns,
      value: string,
      align: 'left' | 'right',
    ): DrawOperation =>
      placeText(
        {
          text: value,
          maxWidth: columns[column].width,
          fontSize: officeType.body,
          minFontSize: 6,
          maxLines: 2,
        },
        measure,
        { x: flow.left + columns[column].x, y: 0, align },
      );
    const cells = [
      cell('quantity', String(line.quantity), 'right'),
      cell('unitPrice', formatMoney(line.unitPrice, language), 'right'),
      cell('amount', formatMoney(lineAmount, language), 'right'),
      cell('clauses', line.clauseIds.join(', '), 'left'),
    ];
    const height = Math.max(
      description.height + kind.height,
      ...cells.map((operation) => (operation.kind === 'text' ? operation.height : 0)),
    );
    flow.block(height + 9, (top) => [
      textOperation(description, columns.description.width, { x: flow.left, y: top + 4 }),
      textOperation(kind, columns.description.width, {
        x: flow.left,
        y: top + 4 + description.height,
        color: 'gray',
      }),
      ...cells.map((operation) => shiftDown(operation, top + 4)),
      horizontalRule(flow.left, flow.right, top + height + 8, 0.25, { color: 'gray' }),
    ]);
  }
  flow.space(8);
}

function drawTotals(
  flow: PageFlow,
  totals: { subtotal: Money; deductions: Money; total: Money },
  language: Language,
  text: DocumentText,
  measure: TextMeasurer,
): void {
  const columns = tableColumns(flow.width);
  const labelWidth = 200;
  const amountX = flow.left + columns.amount.x;
  const labelX = amountX - 8 - labelWidth;
  const rows: { label: string; amount: Money; bold: boolean }[] = [
    { label: text.subtotal, amount: totals.subtotal, bold: false },
    ...(totals.deductions.amount > 0
      ? [{ label: text.deductions, amount: totals.deductions, bold: false }]
      : []),
    {
      label: totals.total.amount < 0 ? text.totalToReceive : text.totalToPay,
      amount:
        totals.total.amount < 0 ? money(-totals.total.amount, totals.total.currency) : totals.total,
      bold: true,
    },
  ];
  for (const row of rows) {
    const size = row.bold ? 11 : officeType.body;
    const label = fitText(
      {
        text: row.label,
        maxWidth: labelWidth,
        fontSize: size,
        minFontSize: 6,
        bold: row.bold,
        maxLines: 2,
      },
      measure,
    );
    const amount = fitText(
      {
        text: formatMoney(row.amount, language),
        maxWidth: columns.amount.width,
        fontSize: size,
        minFontSize: 6,
        bold: row.bold,
        maxLines: 2,
      },
      measure,
    );
    const height = Math.max(label.height, amount.height);
    flow.block(height + 5, (top) => [
      ...(row.bold ? [horizontalRule(labelX, amountX + columns.amount.width, top - 1, 1)] : []),
      textOperation(label, labelWidth, { x: labelX, y: top + (row.bold ? 2 : 0), align: 'right' }),
      textOperation(amount, columns.amount.width, {
        x: amountX,
        y: top + (row.bold ? 2 : 0),
        align: 'right',
      }),
    ]);
  }
  flow.space(10);
  flow.paragraph(
    fitText(
      { text: text.quoteAcceptance, maxWidth: flow.width, fontSize: officeType.body },
      measure,
    ),
    flow.left,
    flow.width,
  );
  flow.space(14);
}
