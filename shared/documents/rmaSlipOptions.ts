import type { Language } from '../domain/vocabulary';
import type { Charge, DecisionOption } from '../policy/decision';
import type { DocumentText } from './dictionary';
import type { RmaSlipData } from './documentData';
import { formatMoney } from './format';
import { horizontalRule, placeText, shiftDown, textOperation, type PageFlow } from './layoutKit';
import { officeType, sectionHeading, stack, type StackEntry } from './officeDocument';
import type { DrawOperation, TextMeasurer } from './pageLayout';
import { fitText } from './textFit';

/** The space after each of the slip's blocks, in points. */
export const slipSectionGap = 12;

/** The measures of the authorized options and the checklist, in points. */
const optionMeasures = {
  /** Between the options column and the checklist column. */
  columnGap: 24,
  /** Between two options. */
  optionGap: 8,
  /** Before the checklist, when it follows the options at full width. */
  preparationGap: 6,
  /** A checklist step: the box to tick (nudged onto the first line's x-height) and the text beside it. */
  checklist: {
    boxSize: 8,
    indent: 15,
    boxOffset: { x: 1, y: 2 },
    boxStroke: 0.8,
    stepFontIncrease: 0.5,
    stepMinFont: 7,
    stepGap: 3,
  },
  /** The pack's other instructions under the checklist: a bullet, then the instruction. */
  instructions: { gapBefore: 4, bulletInset: 2, bulletRoom: 4, itemGap: 2 },
  /** An option's remedy, the line that heads it. */
  remedy: { font: 10.5, minFont: 8, gapAfter: 2 },
  /** A column's heading, the rule under it and the room before its items. */
  columnHeading: { minFont: 8, ruleGap: 2, ruleStroke: 0.5, bodyGap: 5 },
} as const;

/**
 * What was authorized (left) beside what to do before shipping (right), as one block: both are
 * short lists, and side by side they leave the first page room for the clauses and the stub.
 * When the pair does not fit in the room left on the page, they follow one another instead,
 * one option at a time, so the page is filled rather than left half empty.
 */
export function drawAuthorizedAndPreparation(
  flow: PageFlow,
  shown: readonly DecisionOption[],
  data: RmaSlipData,
  language: Language,
  text: DocumentText,
  measure: TextMeasurer,
): void {
  const heading = data.claim.remedy === undefined ? text.optionsTitle : text.authorizedTitle;
  const optionStacks = shown.map((option) => optionItems(option, language, text));
  const { columnGap, optionGap } = optionMeasures;
  const columnWidth = (flow.width - columnGap) / 2;
  const authorized = headedColumn(
    heading,
    optionStacks.flatMap((items, optionIndex) =>
      items.map((item, index) =>
        optionIndex > 0 && index === 0 ? { ...item, spaceBefore: optionGap } : item,
      ),
    ),
    flow.left,
    columnWidth,
    measure,
  );
  const preparation = preparationColumn(
    data,
    text,
    flow.left + columnWidth + columnGap,
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
    sectionHeading(flow, heading, measure, (stacks[0]?.height ?? 0) + optionGap);
    for (const option of stacks) {
      flow.block(option.height + optionGap, (top) =>
        option.operations.map((operation) => shiftDown(operation, top)),
      );
    }
    flow.space(optionMeasures.preparationGap);
    const fullWidth = preparationColumn(data, text, flow.left, flow.width, measure);
    flow.block(fullWidth.height, (top) =>
      fullWidth.operations.map((operation) => shiftDown(operation, top)),
    );
  }
  flow.space(slipSectionGap);
}

/** One option in words: the remedy, who pays each leg, its charges and its caveats. */
function optionItems(option: DecisionOption, language: Language, text: DocumentText): StackEntry[] {
  const payer = (paidBy: DecisionOption['inboundShippingPaidBy']): string =>
    paidBy === null ? text.nothingShipped : text.payers[paidBy];
  return [
    {
      text: text.remedies[option.remedy],
      fontSize: optionMeasures.remedy.font,
      minFontSize: optionMeasures.remedy.minFont,
      bold: true,
      maxLines: 2,
      spaceAfter: optionMeasures.remedy.gapAfter,
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
  const { boxSize, indent, boxOffset, boxStroke, stepFontIncrease, stepMinFont, stepGap } =
    optionMeasures.checklist;
  const { gapBefore, bulletInset, bulletRoom, itemGap } = optionMeasures.instructions;
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
        fontSize: officeType.body + stepFontIncrease,
        minFontSize: stepMinFont,
        maxLines: 3,
      },
      measure,
    );
    operations.push(
      {
        kind: 'rectangle',
        x: x + boxOffset.x,
        y: y + boxOffset.y,
        width: boxSize,
        height: boxSize,
        strokeWidth: boxStroke,
      },
      textOperation(fitted, width - indent, { x: x + indent, y }),
    );
    y += fitted.height + stepGap;
  }
  const others = data.decision.instructions.filter(
    (instruction) => instruction.kind !== 'prepare-device',
  );
  if (others.length > 0) y += gapBefore;
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
        {
          text: '•',
          maxWidth: indent - bulletRoom,
          fontSize: officeType.small,
          bold: true,
          maxLines: 1,
        },
        measure,
        { x: x + bulletInset, y },
      ),
      textOperation(fitted, width - indent, { x: x + indent, y }),
    );
    y += fitted.height + itemGap;
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
  const { minFont, ruleGap, ruleStroke, bodyGap } = optionMeasures.columnHeading;
  const title = placeText(
    {
      text: heading,
      maxWidth: width,
      fontSize: officeType.heading,
      minFontSize: minFont,
      bold: true,
      maxLines: 2,
    },
    measure,
    { x, y: 0 },
  );
  const ruleY = title.height + ruleGap;
  const body = stack(items, x, ruleY + bodyGap, width, measure);
  return {
    operations: [title, horizontalRule(x, x + width, ruleY, ruleStroke), ...body.operations],
    height: ruleY + bodyGap + body.height,
  };
}
