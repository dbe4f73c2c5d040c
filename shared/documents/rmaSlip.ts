import { fail, ok, type Result } from '../domain/result';
import type { Language } from '../domain/vocabulary';
import type { Charge, DecisionOption } from '../policy/decision';
import { documentText, type DocumentText } from './dictionary';
import type { DocumentError, LayoutOptions, RmaSlipData } from './documentData';
import { addressLines, formatDate, formatMoney } from './format';
import { horizontalRule, placeText, shiftDown, textOperation, type PageFlow } from './layoutKit';
import {
  createOfficeFlow,
  drawClauseList,
  customerItems,
  deviceItems,
  drawOfficeFooter,
  letterhead,
  officeType,
  sectionHeading,
  stack,
  type StackEntry,
  twoColumns,
} from './officeDocument';
import {
  pageSizes,
  type DocumentLayout,
  type DrawOperation,
  type TextMeasurer,
} from './pageLayout';
import { fitText } from './textFit';

const qrSize = 74;
const code128Width = 220;
/** The share of the designed spacing a slip keeps when that fits it on one page. */
const tightSpaceScale = 0.4;
const receiptBoxWidth = 190;

/**
 * Lays out the RMA slip the customer puts in the parcel: the RMA number as Code128 and QR, the
 * center's return address, customer and device, what was authorized and the clauses behind it,
 * who pays each shipping leg, the day to ship by, the preparation before shipping (C14), and,
 * when the center reimburses the return shipping, a cut-off stub for the carrier's receipt
 * (B5, B7). Refuses a claim whose chosen remedy the decision no longer allows.
 */
export function layoutRmaSlip(
  data: RmaSlipData,
  options: LayoutOptions,
): Result<DocumentLayout, DocumentError> {
  const { claim, decision } = data;
  const language = options.language ?? data.customer.preferredLanguage;
  const text = documentText[language];
  const measure = options.measureText;
  const size = pageSizes[options.paper ?? 'A4'];

  const shown =
    claim.remedy === undefined
      ? decision.options
      : decision.options.filter((option) => option.remedy === claim.remedy);
  if (shown.length === 0) {
    return fail({
      kind: 'rma-slip',
      message:
        claim.remedy === undefined
          ? `The policy offers no remedy for ${claim.rmaNumber}: there is nothing to authorize.`
          : `The chosen remedy "${claim.remedy}" is no longer among the options the policy allows for ${claim.rmaNumber}: evaluate the claim again and choose an allowed remedy.`,
    });
  }

  // Set as designed; when that spills over (Letter is 50 pt shorter than A4), set the spacing
  // tighter, and keep the tighter setting only if it brings the slip onto one page.
  const layoutPages = (spaceScale: number) => {
    const flow = createOfficeFlow(size, data, text.rmaSlipTitle, measure);
    flow.spaceScale = spaceScale;
    const reimbursesReturn = shown.some((option) => option.inboundShippingPaidBy === 'company');
    const stub = reimbursesReturn ? receiptStub(data, text, flow, measure) : undefined;
    if (stub !== undefined) flow.limit = stub.top - 10;

    drawHeader(flow, data, language, text, measure);
    drawShipBy(flow, data, language, text, measure);
    drawAuthorizedAndPreparation(flow, shown, data, language, text, measure);
    drawClauses(flow, shown, data, language, text, measure);

    const firstPage = flow.pages[0];
    if (stub !== undefined && firstPage !== undefined) firstPage.push(...stub.operations);
    return flow.finish((operations, page, count) =>
      drawOfficeFooter(operations, size, data, text, measure, page, count),
    );
  };
  const designed = layoutPages(1);
  const tight = designed.length > 1 ? layoutPages(tightSpaceScale) : undefined;
  const pages = tight !== undefined && tight.length === 1 ? tight : designed;
  return ok({
    kind: 'rma-slip',
    size,
    title: `${text.rmaSlipTitle} ${claim.rmaNumber}`,
    language,
    pages,
  });
}

function drawHeader(
  flow: PageFlow,
  data: RmaSlipData,
  language: Language,
  text: DocumentText,
  measure: TextMeasurer,
): void {
  const head = letterhead(
    data.center,
    language,
    flow.left,
    0,
    flow.width,
    measure,
    data.customer.address?.countryCode,
  );
  flow.block(head.height, (top) => head.operations.map((operation) => shiftDown(operation, top)));
  flow.space(12);

  const title = fitText(
    {
      text: text.rmaSlipTitle,
      maxWidth: flow.width,
      fontSize: officeType.title,
      minFontSize: 12,
      bold: true,
      maxLines: 2,
    },
    measure,
  );
  flow.paragraph(title, flow.left, flow.width);
  flow.space(2);
  flow.paragraph(
    fitText(
      {
        text: data.authorizedOn === undefined ? text.rmaSlipIntroPending : text.rmaSlipIntro,
        maxWidth: flow.width,
        fontSize: 9.5,
      },
      measure,
    ),
    flow.left,
    flow.width,
  );
  flow.space(10);

  // The RMA number three ways: in words for a person, Code128 for the dock's scanner, QR for a phone.
  const gap = 16;
  const numberWidth = flow.width - code128Width - qrSize - gap * 2;
  const numberStack = stack(
    [
      {
        text: text.rmaNumber,
        fontSize: officeType.caption,
        bold: true,
        color: 'gray',
        spaceAfter: 1,
      },
      {
        text: data.claim.rmaNumber,
        fontSize: 20,
        minFontSize: 10,
        bold: true,
        maxLines: 1,
        spaceAfter: 2,
      },
      {
        text:
          data.authorizedOn === undefined
            ? text.notYetAuthorized
            : text.authorizedOn(formatDate(data.authorizedOn, language)),
        fontSize: officeType.small,
        color: 'gray',
        maxLines: 2,
      },
    ],
    flow.left,
    0,
    numberWidth,
    measure,
  );
  const rowHeight = Math.max(numberStack.height, qrSize);
  flow.block(rowHeight, (top) => [
    ...numberStack.operations.map((operation) =>
      shiftDown(operation, top + (rowHeight - numberStack.height) / 2),
    ),
    {
      kind: 'code128',
      value: data.claim.rmaNumber,
      x: flow.left + numberWidth + gap,
      y: top + 6,
      width: code128Width,
      height: qrSize - 12,
    },
    {
      kind: 'qr',
      value: data.claim.rmaNumber,
      x: flow.right - qrSize,
      y: top,
      width: qrSize,
      height: qrSize,
    },
  ]);
  flow.space(12);

  const { claim } = data;
  const deviceColumn = [
    ...deviceItems(data.device, text),
    ...(claim.purchase.orderNumber === undefined
      ? []
      : [
          {
            text: `${text.orderNumber}: ${claim.purchase.orderNumber}`,
            fontSize: officeType.body,
            minFontSize: officeType.minimum,
            maxLines: 2,
          },
        ]),
    ...(claim.defect === undefined
      ? []
      : [
          {
            text: text.reportedFault,
            spaceBefore: 4,
            fontSize: officeType.caption,
            bold: true,
            color: 'gray' as const,
            spaceAfter: 1,
          },
          {
            text: claim.defect.what,
            fontSize: officeType.body,
            minFontSize: officeType.minimum,
            maxLines: 4,
          },
        ]),
  ];
  const customerColumn = customerItems(
    data.customer,
    text,
    language,
    data.center.address.countryCode,
  );
  twoColumns(flow, customerColumn, deviceColumn, measure);
  flow.space(12);
}

function drawShipBy(
  flow: PageFlow,
  data: RmaSlipData,
  language: Language,
  text: DocumentText,
  measure: TextMeasurer,
): void {
  const padding = 10;
  const gap = 20;
  const leftWidth = (flow.width - padding * 2 - gap) * 0.55;
  const rightWidth = flow.width - padding * 2 - gap - leftWidth;
  const left = stack(
    [
      {
        text:
          data.shipBy === undefined
            ? text.shipAfterAuthorization
            : text.shipBy(formatDate(data.shipBy, language)),
        fontSize: 14,
        minFontSize: 9,
        bold: true,
        maxLines: 2,
        spaceAfter: 4,
      },
      {
        text: data.shipBy === undefined ? text.shipAfterAuthorizationNote : text.shipByNote,
        fontSize: officeType.small,
        minFontSize: officeType.minimum,
        maxLines: 4,
      },
    ],
    flow.left + padding,
    0,
    leftWidth,
    measure,
  );
  const returnAddress = data.center.returnAddress ?? data.center.address;
  const right = stack(
    [
      { text: text.sendTo, fontSize: officeType.caption, bold: true, color: 'gray', spaceAfter: 1 },
      { text: data.center.name, fontSize: 10, minFontSize: 7, bold: true, maxLines: 2 },
      {
        text: [
          ...addressLines(returnAddress, language, data.customer.address?.countryCode),
          data.center.phone,
        ].join('\n'),
        fontSize: officeType.body,
        minFontSize: officeType.minimum,
        maxLines: 8,
      },
    ],
    flow.left + padding + leftWidth + gap,
    0,
    rightWidth,
    measure,
  );
  const height = Math.max(left.height, right.height) + padding * 2;
  flow.block(height, (top) => [
    { kind: 'rectangle', x: flow.left, y: top, width: flow.width, height, strokeWidth: 1.5 },
    ...[...left.operations, ...right.operations].map((operation) =>
      shiftDown(operation, top + padding),
    ),
  ]);
  flow.space(12);
}

/**
 * What was authorized (left) beside what to do before shipping (right), as one block: both are
 * short lists, and side by side they leave the first page room for the clauses and the stub.
 * When the pair does not fit in the room left on the page, they follow one another instead,
 * one option at a time, so the page is filled rather than left half empty.
 */
function drawAuthorizedAndPreparation(
  flow: PageFlow,
  shown: readonly DecisionOption[],
  data: RmaSlipData,
  language: Language,
  text: DocumentText,
  measure: TextMeasurer,
): void {
  const heading = data.claim.remedy === undefined ? text.optionsTitle : text.authorizedTitle;
  const optionStacks = shown.map((option) => optionItems(option, language, text));
  const gap = 24;
  const columnWidth = (flow.width - gap) / 2;
  const authorized = headedColumn(
    heading,
    optionStacks.flatMap((items, optionIndex) =>
      items.map((item, index) =>
        optionIndex > 0 && index === 0 ? { ...item, spaceBefore: 8 } : item,
      ),
    ),
    flow.left,
    columnWidth,
    measure,
  );
  const preparation = preparationColumn(
    data,
    text,
    flow.left + columnWidth + gap,
    columnWidth,
    measure,
  );
  const height = Math.max(authorized.height, preparation.height);
  if (flow.cursor + height <= flow.limit) {
    flow.block(height, (top) =>
      [...authorized.operations, ...preparation.operations].map((operation) =>
        shiftDown(operation, top),
      ),
    );
  } else {
    const stacks = optionStacks.map((items) => stack(items, flow.left, 0, flow.width, measure));
    sectionHeading(flow, heading, measure, (stacks[0]?.height ?? 0) + 8);
    for (const option of stacks) {
      flow.block(option.height + 8, (top) =>
        option.operations.map((operation) => shiftDown(operation, top)),
      );
    }
    flow.space(6);
    const fullWidth = preparationColumn(data, text, flow.left, flow.width, measure);
    flow.block(fullWidth.height, (top) =>
      fullWidth.operations.map((operation) => shiftDown(operation, top)),
    );
  }
  flow.space(12);
}

/** One option in words: the remedy, who pays each leg, its charges and its caveats. */
function optionItems(option: DecisionOption, language: Language, text: DocumentText): StackEntry[] {
  const payer = (paidBy: DecisionOption['inboundShippingPaidBy']): string =>
    paidBy === null ? text.nothingShipped : text.payers[paidBy];
  return [
    {
      text: text.remedies[option.remedy],
      fontSize: 10.5,
      minFontSize: 8,
      bold: true,
      maxLines: 2,
      spaceAfter: 2,
    },
    {
      text: `${text.shippingToCenter}: ${payer(option.inboundShippingPaidBy)}`,
      fontSize: officeType.body,
      minFontSize: officeType.minimum,
      maxLines: 2,
    },
    {
      text: `${text.shippingToCustomer}: ${payer(option.outboundShippingPaidBy)}`,
      fontSize: officeType.body,
      minFontSize: officeType.minimum,
      maxLines: 2,
    },
    ...option.charges.map((charge) => ({
      text: `${text.chargesTitle}: ${describeCharge(charge, language, text)} (${charge.clauses.join(', ')})`,
      fontSize: officeType.body,
      minFontSize: officeType.minimum,
      maxLines: 3,
    })),
    ...(option.pendingInspection
      ? [
          {
            text: text.pendingInspection,
            fontSize: officeType.small,
            color: 'gray' as const,
            maxLines: 2,
          },
        ]
      : []),
    ...(option.manualDecision
      ? [
          {
            text: text.manualDecision,
            fontSize: officeType.small,
            color: 'gray' as const,
            maxLines: 2,
          },
        ]
      : []),
  ];
}

/** A charge in words: its kind, its amount or range, and whether it comes off the refund. */
function describeCharge(charge: Charge, language: Language, text: DocumentText): string {
  const amount =
    charge.amount !== null
      ? formatMoney(charge.amount, language)
      : charge.range === undefined
        ? text.chargeSetPerCase
        : text.chargeRange(
            formatMoney(charge.range.min, language),
            formatMoney(charge.range.max, language),
          );
  return [
    text.charges[charge.kind],
    amount,
    charge.deductedFromRefund ? text.deductedFromRefund : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
}

/**
 * The checklist before shipping (C14 when the pack says so), with a box to tick for each step,
 * then the pack's other standing instructions with their clauses.
 */
function preparationColumn(
  data: RmaSlipData,
  text: DocumentText,
  x: number,
  width: number,
  measure: TextMeasurer,
): { operations: DrawOperation[]; height: number } {
  const preparation = data.decision.instructions.find(
    (instruction) => instruction.kind === 'prepare-device',
  );
  const heading =
    preparation === undefined || preparation.clauses.length === 0
      ? text.beforeShippingTitle
      : `${text.beforeShippingTitle} (${preparation.clauses.join(', ')})`;
  const column = headedColumn(heading, [], x, width, measure);
  const operations = [...column.operations];
  let y = column.height;
  const boxSize = 8;
  const indent = 15;
  const checklist = [
    text.backUpData,
    text.removeSim,
    text.factoryReset,
    text.slipInParcel,
    text.rmaOnParcel,
  ];
  for (const item of checklist) {
    const fitted = fitText(
      {
        text: item,
        maxWidth: width - indent,
        fontSize: officeType.body + 0.5,
        minFontSize: 7,
        maxLines: 3,
      },
      measure,
    );
    operations.push(
      { kind: 'rectangle', x: x + 1, y: y + 2, width: boxSize, height: boxSize, strokeWidth: 0.8 },
      textOperation(fitted, width - indent, { x: x + indent, y }),
    );
    y += fitted.height + 3;
  }
  const others = data.decision.instructions.filter(
    (instruction) => instruction.kind !== 'prepare-device',
  );
  if (others.length > 0) y += 4;
  for (const instruction of others) {
    const clauses = instruction.clauses.length > 0 ? ` (${instruction.clauses.join(', ')})` : '';
    const fitted = fitText(
      {
        text: `${text.instructions[instruction.kind]}${clauses}`,
        maxWidth: width - indent,
        fontSize: officeType.small,
        minFontSize: officeType.minimum,
        maxLines: 4,
      },
      measure,
    );
    operations.push(
      placeText(
        { text: '•', maxWidth: indent - 4, fontSize: officeType.small, bold: true, maxLines: 1 },
        measure,
        {
          x: x + 2,
          y,
        },
      ),
      textOperation(fitted, width - indent, { x: x + indent, y }),
    );
    y += fitted.height + 2;
  }
  return { operations, height: y };
}

/** A column with a heading and a rule under it, then `items`; placed at the top (y = 0). */
function headedColumn(
  heading: string,
  items: readonly StackEntry[],
  x: number,
  width: number,
  measure: TextMeasurer,
): { operations: DrawOperation[]; height: number } {
  const title = placeText(
    {
      text: heading,
      maxWidth: width,
      fontSize: officeType.heading,
      minFontSize: 8,
      bold: true,
      maxLines: 2,
    },
    measure,
    { x, y: 0 },
  );
  const ruleY = title.height + 2;
  const body = stack(items, x, ruleY + 5, width, measure);
  return {
    operations: [title, horizontalRule(x, x + width, ruleY, 0.5), ...body.operations],
    height: ruleY + 5 + body.height,
  };
}

function drawClauses(
  flow: PageFlow,
  shown: readonly DecisionOption[],
  data: RmaSlipData,
  language: Language,
  text: DocumentText,
  measure: TextMeasurer,
): void {
  const cited = new Set(
    shown.flatMap((option) => [
      ...option.clauses,
      ...option.charges.flatMap((charge) => charge.clauses),
    ]),
  );
  // The decision lists its clauses in catalog order; keep that order on paper.
  const clauses = [
    ...data.decision.clauses.filter((clause) => cited.has(clause)),
    ...[...cited].filter((clause) => !data.decision.clauses.includes(clause)),
  ];
  if (clauses.length === 0) return;
  sectionHeading(flow, text.whyTitle, measure, 30);
  drawClauseList(
    flow,
    clauses,
    (clause) => data.decision.clauseTexts[clause]?.rule[language],
    measure,
  );
}

/**
 * The return-receipt stub at the foot of the first page, below a cut line: the RMA number in
 * words and as Code128, where to write the carrier, tracking number, date and amount, and a box
 * for the carrier's receipt. Returns its operations and the y of its cut line.
 */
function receiptStub(
  data: RmaSlipData,
  text: DocumentText,
  flow: PageFlow,
  measure: TextMeasurer,
): { operations: DrawOperation[]; top: number } {
  const gap = 16;
  const columnWidth = flow.width - receiptBoxWidth - gap;
  const fieldGap = 14;
  const fieldWidth = (columnWidth - fieldGap) / 2;
  const barcodeHeight = 30;
  const heading = stack(
    [
      { text: text.stubTitle, fontSize: 11, minFontSize: 8, bold: true, maxLines: 2 },
      {
        text: data.claim.rmaNumber,
        fontSize: 12,
        minFontSize: 8,
        bold: true,
        maxLines: 1,
        spaceAfter: 3,
      },
    ],
    flow.left,
    0,
    columnWidth,
    measure,
  );
  const explanation = fitText(
    {
      text: text.stubExplanation,
      maxWidth: columnWidth,
      fontSize: officeType.caption,
      minFontSize: 6,
      maxLines: 4,
    },
    measure,
  );
  const fieldRowHeight = 22;
  const contentHeight =
    heading.height + barcodeHeight + 5 + explanation.height + 6 + fieldRowHeight * 2;
  const cutLineGap = 12;
  const top = flow.fullPageLimit - contentHeight - cutLineGap - 4;

  const operations: DrawOperation[] = [];
  const cutLabel = fitText(
    { text: `✂ ${text.cutHere}`, maxWidth: 120, fontSize: officeType.caption, maxLines: 1 },
    measure,
  );
  const cutLabelWidth = Math.max(
    ...cutLabel.lines.map((line) => measure(line, cutLabel.fontSize, false)),
  );
  operations.push(
    textOperation(cutLabel, cutLabelWidth, {
      x: flow.left,
      y: top - cutLabel.height / 2,
      color: 'gray',
    }),
    horizontalRule(flow.left + cutLabelWidth + 6, flow.right, top, 0.75, {
      dash: [4, 3],
      color: 'gray',
    }),
  );

  let y = top + cutLineGap;
  operations.push(...heading.operations.map((operation) => shiftDown(operation, y)));
  y += heading.height;
  operations.push({
    kind: 'code128',
    value: data.claim.rmaNumber,
    x: flow.left,
    y,
    width: 190,
    height: barcodeHeight,
  });
  y += barcodeHeight + 5;
  operations.push(textOperation(explanation, columnWidth, { x: flow.left, y }));
  y += explanation.height + 6;
  const fields = [
    [text.carrier, text.trackingNumber],
    [text.dateShipped, text.amountPaid],
  ];
  for (const row of fields) {
    row.forEach((label, column) => {
      const x = flow.left + column * (fieldWidth + fieldGap);
      operations.push(
        placeText(
          {
            text: label,
            maxWidth: fieldWidth,
            fontSize: officeType.caption,
            minFontSize: 6,
            maxLines: 1,
          },
          measure,
          {
            x,
            y,
            color: 'gray',
          },
        ),
        horizontalRule(x, x + fieldWidth, y + fieldRowHeight - 3, 0.5),
      );
    });
    y += fieldRowHeight;
  }

  const boxTop = top + cutLineGap;
  const boxHeight = y - boxTop;
  const boxLeft = flow.right - receiptBoxWidth;
  const caption = fitText(
    {
      text: text.attachReceipt,
      maxWidth: receiptBoxWidth - 24,
      fontSize: officeType.small,
      minFontSize: 6,
      maxLines: 3,
    },
    measure,
  );
  operations.push(
    {
      kind: 'rectangle',
      x: boxLeft,
      y: boxTop,
      width: receiptBoxWidth,
      height: boxHeight,
      strokeWidth: 0.75,
    },
    textOperation(caption, receiptBoxWidth - 24, {
      x: boxLeft + 12,
      y: boxTop + (boxHeight - caption.height) / 2,
      align: 'center',
      color: 'gray',
    }),
  );
  return { operations, top };
}
