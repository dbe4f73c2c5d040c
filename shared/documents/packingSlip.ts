import { fail, ok, type Result } from '../domain/result';
import { documentText } from './dictionary';
import type { DocumentError, LayoutOptions, PackingItem, PackingSlipData } from './documentData';
import { addressLines, formatDate } from './format';
import { horizontalRule, placeText, shiftDown, textOperation } from './layoutKit';
import {
  createOfficeFlow,
  drawOfficeFooter,
  letterhead,
  officeType,
  rmaNumberBand,
  sectionHeading,
  stack,
  twoColumns,
} from './officeDocument';
import { pageSizes, type DocumentLayout, type DrawOperation } from './pageLayout';
import { fitText } from './textFit';

/** What is in the parcel when no list is given: the device and what arrived with it. */
export function defaultPackingItems(data: PackingSlipData): PackingItem[] {
  const { device, claim } = data;
  const identifier = device.serial ?? device.imei;
  return [
    {
      description: device.model,
      quantity: 1,
      ...(identifier === undefined ? {} : { identifier }),
    },
    ...(claim.conditionOnArrival?.accessoriesReceived ?? []).map((accessory) => ({
      description: accessory,
      quantity: 1,
    })),
  ];
}

/**
 * Lays out the packing slip that goes in the parcel the center sends back (A4 or Letter): who
 * it is for, the RMA number in words and as Code128, the service done, and what is in the
 * parcel. It never shows a price: a parcel's contents are seen by carriers and customs, and
 * what the repair cost is on the quote. Refuses a customer without an address.
 */
export function layoutPackingSlip(
  data: PackingSlipData,
  options: LayoutOptions,
): Result<DocumentLayout, DocumentError> {
  const { center, claim, customer } = data;
  if (customer.address === undefined) {
    return fail({
      kind: 'packing-slip',
      message: `${customer.name} has no address on file: add one before packing ${claim.rmaNumber} to ship back.`,
    });
  }
  const language = options.language ?? customer.preferredLanguage;
  const text = documentText[language];
  const measure = options.measureText;
  const size = pageSizes[options.paper ?? 'A4'];
  const flow = createOfficeFlow(size, data, text.packingSlipTitle, measure);

  const rightWidth = 200;
  const head = letterhead(
    center,
    language,
    flow.left,
    0,
    flow.width - rightWidth - 20,
    measure,
    customer.address?.countryCode,
  );
  const title = stack(
    [
      {
        text: text.packingSlipTitle,
        fontSize: officeType.title,
        minFontSize: 12,
        bold: true,
        maxLines: 2,
        align: 'right',
      },
      {
        text: text.issuedOn(formatDate(data.issuedOn, language)),
        fontSize: officeType.body,
        maxLines: 1,
        align: 'right',
      },
    ],
    flow.right - rightWidth,
    0,
    rightWidth,
    measure,
  );
  flow.block(Math.max(head.height, title.height), (top) =>
    [...head.operations, ...title.operations].map((operation) => shiftDown(operation, top)),
  );
  flow.space(14);

  rmaNumberBand(
    flow,
    text,
    claim.rmaNumber,
    claim.remedy === undefined
      ? []
      : [
          {
            text: text.service(text.remedies[claim.remedy]),
            fontSize: officeType.body,
            maxLines: 2,
          },
        ],
    measure,
  );
  flow.space(14);

  const leg = data.leg;
  twoColumns(
    flow,
    [
      { text: text.shipTo, fontSize: officeType.caption, bold: true, color: 'gray', spaceAfter: 1 },
      { text: customer.name, fontSize: 11, minFontSize: 7, bold: true, maxLines: 3, spaceAfter: 1 },
      {
        text: [
          ...addressLines(customer.address, language, center.address.countryCode),
          customer.phone,
        ].join('\n'),
        fontSize: officeType.body,
        minFontSize: 7,
        maxLines: 13,
      },
    ],
    [
      { text: text.from, fontSize: officeType.caption, bold: true, color: 'gray', spaceAfter: 1 },
      { text: center.name, fontSize: 11, minFontSize: 7, bold: true, maxLines: 2, spaceAfter: 1 },
      {
        text: [
          ...addressLines(center.address, language, customer.address.countryCode),
          center.phone,
        ].join('\n'),
        fontSize: officeType.body,
        minFontSize: officeType.minimum,
        maxLines: 8,
        spaceAfter: 4,
      },
      ...(leg === undefined
        ? []
        : [
            {
              text: [
                `${text.carrier}: ${leg.carrier}`,
                ...(leg.trackingNumber === undefined
                  ? []
                  : [`${text.trackingNumber}: ${leg.trackingNumber}`]),
              ].join('\n'),
              fontSize: officeType.body,
              minFontSize: officeType.minimum,
              maxLines: 4,
            },
          ]),
    ],
    measure,
  );
  flow.space(16);

  sectionHeading(flow, text.contents, measure, 40);
  flow.space(6);
  const quantityWidth = 50;
  const identifierWidth = 170;
  const gap = 10;
  const itemWidth = flow.width - quantityWidth - identifierWidth - gap * 2;
  const quantityX = flow.left + itemWidth + gap;
  const identifierX = quantityX + quantityWidth + gap;
  flow.block(17, (top) => [
    placeText(
      { text: text.item, maxWidth: itemWidth, fontSize: officeType.small, bold: true, maxLines: 1 },
      measure,
      { x: flow.left, y: top, color: 'gray' },
    ),
    placeText(
      {
        text: text.quantity,
        maxWidth: quantityWidth,
        fontSize: officeType.small,
        bold: true,
        maxLines: 1,
      },
      measure,
      { x: quantityX, y: top, align: 'right', color: 'gray' },
    ),
    placeText(
      {
        text: text.identifier,
        maxWidth: identifierWidth,
        fontSize: officeType.small,
        bold: true,
        maxLines: 1,
      },
      measure,
      { x: identifierX, y: top, color: 'gray' },
    ),
    horizontalRule(flow.left, flow.right, top + 13, 0.75),
  ]);
  for (const item of data.items ?? defaultPackingItems(data)) {
    const description = fitText(
      {
        text: item.description,
        maxWidth: itemWidth,
        fontSize: officeType.body + 0.5,
        minFontSize: 7,
        maxLines: 3,
      },
      measure,
    );
    const identifier = fitText(
      {
        text: item.identifier ?? '',
        maxWidth: identifierWidth,
        fontSize: officeType.body + 0.5,
        minFontSize: 6,
        maxLines: 2,
      },
      measure,
    );
    const height = Math.max(description.height, identifier.height);
    flow.block(height + 9, (top): DrawOperation[] => [
      textOperation(description, itemWidth, { x: flow.left, y: top + 4 }),
      placeText(
        {
          text: String(item.quantity),
          maxWidth: quantityWidth,
          fontSize: officeType.body + 0.5,
          maxLines: 1,
        },
        measure,
        {
          x: quantityX,
          y: top + 4,
          align: 'right',
        },
      ),
      ...(item.identifier === undefined
        ? []
        : [textOperation(identifier, identifierWidth, { x: identifierX, y: top + 4 })]),
      horizontalRule(flow.left, flow.right, top + height + 8, 0.25, { color: 'gray' }),
    ]);
  }
  flow.space(40);

  // Two signature lines: who packed the parcel, and the customer's receipt of it.
  const signatureGap = 30;
  const signatureWidth = (flow.width - signatureGap) / 2;
  flow.block(40, (top) =>
    [text.packedBy, text.receivedBy].flatMap((label, column) => {
      const x = flow.left + column * (signatureWidth + signatureGap);
      return [
        horizontalRule(x, x + signatureWidth, top + 22, 0.75),
        placeText(
          {
            text: label,
            maxWidth: signatureWidth,
            fontSize: officeType.small,
            minFontSize: 6,
            maxLines: 1,
          },
          measure,
          {
            x,
            y: top + 26,
            color: 'gray',
          },
        ),
      ];
    }),
  );

  const pages = flow.finish((operations, page, count) =>
    drawOfficeFooter(operations, size, data, text, measure, page, count),
  );
  return ok({
    kind: 'packing-slip',
    size,
    title: `${text.packingSlipTitle} ${claim.rmaNumber}`,
    language,
    pages,
  });
}
