import { fail, ok, type Result } from '../domain/result';
import type { Language } from '../domain/vocabulary';
import type { DecisionOption } from '../policy/decision';
import { documentText, type DocumentText } from './dictionary';
import type { DocumentError, LayoutOptions, RmaSlipData } from './documentData';
import { addressLines, formatDate } from './format';
import { shiftDown, type PageFlow } from './layoutKit';
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
  twoColumns,
} from './officeDocument';
import { pageSizes, type DocumentLayout, type TextMeasurer } from './pageLayout';
import { drawAuthorizedAndPreparation, slipSectionGap } from './rmaSlipOptions';
import { receiptStub } from './rmaSlipStub';
import { fitText } from './textFit';

/** The share of the designed spacing a slip keeps when that fits it on one page. */
const tightSpaceScale = 0.4;

/** The measures of the slip's head, number row, ship-by box and clauses, in points. */
const slipMeasures = {
  /** The title (shrunk to `titleMinFont` before it wraps) and the line under it that says why. */
  title: { titleMinFont: 12, introFont: 9.5, gapBeforeIntro: 2, gapAfterIntro: 10 },
  /** The RMA number's row: its words, then Code128, then QR, at the right. */
  numberRow: {
    qrSize: 74,
    code128Width: 220,
    gap: 16,
    code128Inset: 6,
    /** The number in words: large enough to read across the bench, one line. */
    numberFont: 20,
    numberMinFont: 10,
  },
  /** The ship-by box: the date (left, this share of the room) beside the address to send to. */
  shipBy: {
    padding: 10,
    gap: 20,
    dateShare: 0.55,
    frameStroke: 1.5,
    dateFont: 14,
    dateMinFont: 9,
    centerNameFont: 10,
    centerNameMinFont: 7,
  },
  /** The clauses' heading moves to the next page unless this much room follows it. */
  clausesHeadingKeep: 30,
  /** Room kept between the slip's content and the receipt stub's cut line. */
  stubClearance: 10,
} as const;

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
    if (stub !== undefined) flow.limit = stub.top - slipMeasures.stubClearance;

    drawTitle(flow, data, language, text, measure);
    drawRmaNumber(flow, data, language, text, measure);
    drawCustomerAndDevice(flow, data, language, text, measure);
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

/** The center's letterhead, the slip's title and the line that says what the slip is for. */
function drawTitle(
  flow: PageFlow,
  data: RmaSlipData,
  language: Language,
  text: DocumentText,
  measure: TextMeasurer,
): void {
  const { titleMinFont, introFont, gapBeforeIntro, gapAfterIntro } = slipMeasures.title;
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
  flow.space(slipSectionGap);

  const title = fitText(
    {
      text: text.rmaSlipTitle,
      maxWidth: flow.width,
      fontSize: officeType.title,
      minFontSize: titleMinFont,
      bold: true,
      maxLines: 2,
    },
    measure,
  );
  flow.paragraph(title, flow.left, flow.width);
  flow.space(gapBeforeIntro);
  flow.paragraph(
    fitText(
      {
        text: data.authorizedOn === undefined ? text.rmaSlipIntroPending : text.rmaSlipIntro,
        maxWidth: flow.width,
        fontSize: introFont,
      },
      measure,
    ),
    flow.left,
    flow.width,
  );
  flow.space(gapAfterIntro);
}

/** The RMA number three ways: in words for a person, Code128 for the dock's scanner, QR for a phone. */
function drawRmaNumber(
  flow: PageFlow,
  data: RmaSlipData,
  language: Language,
  text: DocumentText,
  measure: TextMeasurer,
): void {
  const { qrSize, code128Width, gap, code128Inset, numberFont, numberMinFont } =
    slipMeasures.numberRow;
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
        fontSize: numberFont,
        minFontSize: numberMinFont,
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
      y: top + code128Inset,
      width: code128Width,
      height: qrSize - code128Inset * 2,
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
  flow.space(slipSectionGap);
}

/** The customer (left) and the device with its order number and reported fault (right). */
function drawCustomerAndDevice(
  flow: PageFlow,
  data: RmaSlipData,
  language: Language,
  text: DocumentText,
  measure: TextMeasurer,
): void {
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
  flow.space(slipSectionGap);
}

/** A box with the day to ship by (or after authorization) beside the address to send to. */
function drawShipBy(
  flow: PageFlow,
  data: RmaSlipData,
  language: Language,
  text: DocumentText,
  measure: TextMeasurer,
): void {
  const {
    padding,
    gap,
    dateShare,
    frameStroke,
    dateFont,
    dateMinFont,
    centerNameFont,
    centerNameMinFont,
  } = slipMeasures.shipBy;
  const leftWidth = (flow.width - padding * 2 - gap) * dateShare;
  const rightWidth = flow.width - padding * 2 - gap - leftWidth;
  const left = stack(
    [
      {
        text:
          data.shipBy === undefined
            ? text.shipAfterAuthorization
            : text.shipBy(formatDate(data.shipBy, language)),
        fontSize: dateFont,
        minFontSize: dateMinFont,
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
      {
        text: data.center.name,
        fontSize: centerNameFont,
        minFontSize: centerNameMinFont,
        bold: true,
        maxLines: 2,
      },
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
    {
      kind: 'rectangle',
      x: flow.left,
      y: top,
      width: flow.width,
      height,
      strokeWidth: frameStroke,
    },
    ...[...left.operations, ...right.operations].map((operation) =>
      shiftDown(operation, top + padding),
    ),
  ]);
  flow.space(slipSectionGap);
}

/** The clauses behind the options shown, in the catalog's order, in the slip's language. */
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
  sectionHeading(flow, text.whyTitle, measure, slipMeasures.clausesHeadingKeep);
  drawClauseList(
    flow,
    clauses,
    (clause) => data.decision.clauseTexts[clause]?.rule[language],
    measure,
  );
}
