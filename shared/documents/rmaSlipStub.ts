import type { DocumentText } from './dictionary';
import type { RmaSlipData } from './documentData';
import { horizontalRule, placeText, textOperation, shiftDown, type PageFlow } from './layoutKit';
import { officeType, stack } from './officeDocument';
import type { DrawOperation, TextMeasurer } from './pageLayout';
import { fitText } from './textFit';

/** The stub's measures, in points. */
const stubMeasures = {
  /** The box the carrier's receipt is stapled into, at the right. */
  receiptBoxWidth: 190,
  /** Between the written fields and the receipt box. */
  columnGap: 16,
  /** Between the two fields of a row. */
  fieldGap: 14,
  /** One row of fields: a label and room to write above its line. */
  fieldRowHeight: 22,
  /** How far above the row's foot the writing line runs. */
  writingLineRise: 3,
  barcodeWidth: 190,
  barcodeHeight: 30,
  barcodeGap: 5,
  explanationGap: 6,
  /** From the cut line to the stub's first line. */
  cutLineGap: 12,
  /** Left free between the stub and the foot of the page. */
  bottomGap: 4,
  /** The receipt box caption's margin on each side. */
  captionInset: 12,
  receiptBoxStroke: 0.75,
  writingLineStroke: 0.5,
  /** The stub's title, then the RMA number under it. */
  titleFont: 11,
  numberFont: 12,
  headingMinFont: 8,
  headingGapAfter: 3,
  /** The stub's small print (explanation, field labels, box caption) shrinks no further. */
  smallPrintMinFont: 6,
} as const;

/**
 * The return-receipt stub at the foot of the first page, below a cut line: the RMA number in
 * words and as Code128, where to write the carrier, tracking number, date and amount, and a box
 * for the carrier's receipt. Returns its operations and the y of its cut line.
 */
export function receiptStub(
  data: RmaSlipData,
  text: DocumentText,
  flow: PageFlow,
  measure: TextMeasurer,
): { operations: DrawOperation[]; top: number } {
  const columnWidth = flow.width - stubMeasures.receiptBoxWidth - stubMeasures.columnGap;
  const fieldWidth = (columnWidth - stubMeasures.fieldGap) / 2;
  const heading = stack(
    [
      {
        text: text.stubTitle,
        fontSize: stubMeasures.titleFont,
        minFontSize: stubMeasures.headingMinFont,
        bold: true,
        maxLines: 2,
      },
      {
        text: data.claim.rmaNumber,
        fontSize: stubMeasures.numberFont,
        minFontSize: stubMeasures.headingMinFont,
        bold: true,
        maxLines: 1,
        spaceAfter: stubMeasures.headingGapAfter,
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
      minFontSize: stubMeasures.smallPrintMinFont,
      maxLines: 4,
    },
    measure,
  );
  const { barcodeHeight, barcodeGap, explanationGap, fieldRowHeight, cutLineGap } = stubMeasures;
  const contentHeight =
    heading.height +
    barcodeHeight +
    barcodeGap +
    explanation.height +
    explanationGap +
    fieldRowHeight * 2;
  const top = flow.fullPageLimit - contentHeight - cutLineGap - stubMeasures.bottomGap;

  const operations: DrawOperation[] = cutLine(flow, text, measure, top);

  let y = top + cutLineGap;
  operations.push(...heading.operations.map((operation) => shiftDown(operation, y)));
  y += heading.height;
  operations.push({
    kind: 'code128',
    value: data.claim.rmaNumber,
    x: flow.left,
    y,
    width: stubMeasures.barcodeWidth,
    height: barcodeHeight,
  });
  y += barcodeHeight + barcodeGap;
  operations.push(textOperation(explanation, columnWidth, { x: flow.left, y }));
  y += explanation.height + explanationGap;
  operations.push(...writtenFields(flow, text, measure, y, fieldWidth));
  y += fieldRowHeight * 2;

  const boxTop = top + cutLineGap;
  operations.push(...receiptBox(flow, text, measure, boxTop, y - boxTop));
  return { operations, top };
}

/** The dashed cut line at `top`, with "✂ cut here" at its left end. */
function cutLine(
  flow: PageFlow,
  text: DocumentText,
  measure: TextMeasurer,
  top: number,
): DrawOperation[] {
  const cutLabel = fitText(
    { text: `✂ ${text.cutHere}`, maxWidth: 120, fontSize: officeType.caption, maxLines: 1 },
    measure,
  );
  const cutLabelWidth = Math.max(
    ...cutLabel.lines.map((line) => measure(line, cutLabel.fontSize, false)),
  );
  return [
    textOperation(cutLabel, cutLabelWidth, {
      x: flow.left,
      y: top - cutLabel.height / 2,
      color: 'gray',
    }),
    horizontalRule(flow.left + cutLabelWidth + 6, flow.right, top, 0.75, {
      dash: [4, 3],
      color: 'gray',
    }),
  ];
}

/** Two rows of two labelled lines to write on: carrier, tracking number, date, amount paid. */
function writtenFields(
  flow: PageFlow,
  text: DocumentText,
  measure: TextMeasurer,
  top: number,
  fieldWidth: number,
): DrawOperation[] {
  const { fieldGap, fieldRowHeight, writingLineRise, writingLineStroke } = stubMeasures;
  const rows = [
    [text.carrier, text.trackingNumber],
    [text.dateShipped, text.amountPaid],
  ];
  return rows.flatMap((row, rowIndex) => {
    const y = top + rowIndex * fieldRowHeight;
    return row.flatMap((label, column) => {
      const x = flow.left + column * (fieldWidth + fieldGap);
      return [
        placeText(
          {
            text: label,
            maxWidth: fieldWidth,
            fontSize: officeType.caption,
            minFontSize: stubMeasures.smallPrintMinFont,
            maxLines: 1,
          },
          measure,
          { x, y, color: 'gray' },
        ),
        horizontalRule(x, x + fieldWidth, y + fieldRowHeight - writingLineRise, writingLineStroke),
      ];
    });
  });
}

/** The box at the right of the stub where the carrier's receipt is stapled, with its caption. */
function receiptBox(
  flow: PageFlow,
  text: DocumentText,
  measure: TextMeasurer,
  top: number,
  height: number,
): DrawOperation[] {
  const { receiptBoxWidth, captionInset, receiptBoxStroke } = stubMeasures;
  const left = flow.right - receiptBoxWidth;
  const caption = fitText(
    {
      text: text.attachReceipt,
      maxWidth: receiptBoxWidth - captionInset * 2,
      fontSize: officeType.small,
      minFontSize: stubMeasures.smallPrintMinFont,
      maxLines: 3,
    },
    measure,
  );
  return [
    {
      kind: 'rectangle',
      x: left,
      y: top,
      width: receiptBoxWidth,
      height,
      strokeWidth: receiptBoxStroke,
    },
    textOperation(caption, receiptBoxWidth - captionInset * 2, {
      x: left + captionInset,
      y: top + (height - caption.height) / 2,
      align: 'center',
      color: 'gray',
    }),
  ];
}
