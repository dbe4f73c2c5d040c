import type { Address, CountryCode } from '../domain/customer';
import type { Language } from '../domain/vocabulary';
import { fail, ok, type Result } from '../domain/result';
import { documentText } from './dictionary';
import type { DocumentError, LayoutOptions, ReturnLabelData } from './documentData';
import { addressLines } from './format';
import { horizontalRule, placeText } from './layoutKit';
import {
  pageSizes,
  type DocumentLayout,
  type DrawOperation,
  type TextMeasurer,
} from './pageLayout';

/** One party on a label: who, where, and how to reach them. */
type Party = { name: string; address?: Address; phone: string };

const margin = 14;

/**
 * Lays out a 4 × 6 in shipping label (288 × 432 pt): sender and recipient, the RMA number as
 * Code128 and in words, the claim's references (order number, carrier and tracking number) and
 * a handling note. Every block has a fixed region: text shrinks to fit it and, past its minimum
 * size, is cut with "…" rather than pushed off the label. Refuses an outbound label for a
 * customer without an address.
 */
export function layoutReturnLabel(
  data: ReturnLabelData,
  options: LayoutOptions,
): Result<DocumentLayout, DocumentError> {
  const language = options.language ?? data.customer.preferredLanguage;
  const text = documentText[language];
  const measure = options.measureText;
  const size = pageSizes['label-4x6in'];
  const { center, customer, claim } = data;

  if (data.direction === 'outbound' && customer.address === undefined) {
    return fail({
      kind: 'return-label',
      message: `${customer.name} has no address on file: add one before printing the label that ships ${claim.rmaNumber} back.`,
    });
  }
  const customerParty: Party = {
    name: customer.name,
    phone: customer.phone,
    ...(customer.address === undefined ? {} : { address: customer.address }),
  };
  const centerParty: Party = {
    name: center.name,
    address:
      data.direction === 'inbound' ? (center.returnAddress ?? center.address) : center.address,
    phone: center.phone,
  };
  const [sender, recipient] =
    data.direction === 'inbound' ? [customerParty, centerParty] : [centerParty, customerParty];
  const homeCountry = sender.address?.countryCode ?? center.address.countryCode;
  const width = size.width - margin * 2;
  const operations: DrawOperation[] = [];

  // Sender: small, at the top. Its region ends at the first thick rule.
  const senderBottom = 104;
  operations.push(
    ...party(
      sender,
      text.from,
      { top: margin, bottom: senderBottom - 6 },
      {
        caption: 7,
        name: 9,
        address: 8,
      },
      language,
      homeCountry,
      width,
      measure,
    ),
    horizontalRule(margin, size.width - margin, senderBottom, 2),
  );

  // Recipient: large, in the middle of the label, where a sorter looks first.
  const recipientBottom = 268;
  operations.push(
    ...party(
      recipient,
      text.to,
      { top: senderBottom + 8, bottom: recipientBottom - 6 },
      {
        caption: 8,
        name: 15,
        address: 12,
      },
      language,
      homeCountry,
      width,
      measure,
    ),
    horizontalRule(margin, size.width - margin, recipientBottom, 2),
  );

  // The RMA number: a barcode for the receiving dock's scanner, words for a person.
  const barcodeTop = recipientBottom + 10;
  const barcodeHeight = 64;
  operations.push({
    kind: 'code128',
    value: claim.rmaNumber,
    x: margin,
    y: barcodeTop,
    width,
    height: barcodeHeight,
  });
  const rmaWords = placeText(
    {
      text: claim.rmaNumber,
      maxWidth: width,
      fontSize: 16,
      minFontSize: 9,
      bold: true,
      maxLines: 1,
    },
    measure,
    { x: margin, y: barcodeTop + barcodeHeight + 4, align: 'center' },
  );
  operations.push(rmaWords);
  const references = [
    claim.purchase.orderNumber === undefined
      ? undefined
      : `${text.reference} ${text.orderNumber}: ${claim.purchase.orderNumber}`,
    data.leg === undefined
      ? undefined
      : [data.leg.carrier, data.leg.trackingNumber]
          .filter((part) => part !== undefined)
          .join(' · '),
  ].filter((line) => line !== undefined);

  // A black band with the handling note, the last thing on the label.
  const bandHeight = 20;
  const bandTop = size.height - margin - bandHeight;
  if (references.length > 0) {
    const top = rmaWords.y + rmaWords.height + 1;
    operations.push(
      placeText(
        {
          text: references.join('\n'),
          maxWidth: width,
          fontSize: 7.5,
          minFontSize: 5.5,
          maxHeight: bandTop - 4 - top,
        },
        measure,
        { x: margin, y: top, align: 'center' },
      ),
    );
  }
  operations.push(
    {
      kind: 'rectangle',
      x: margin,
      y: bandTop,
      width,
      height: bandHeight,
      strokeWidth: 0,
      fill: 'black',
    },
    placeText(
      {
        text: text.labelHandling.toUpperCase(),
        maxWidth: width - 12,
        fontSize: 9,
        minFontSize: 5.5,
        bold: true,
        maxLines: 1,
      },
      measure,
      { x: margin + 6, y: bandTop + 4, align: 'center', color: 'white' },
    ),
  );

  return ok({
    kind: 'return-label',
    size,
    title: `${claim.rmaNumber}: ${text.to} ${recipient.name}`,
    language,
    pages: [{ operations }],
  });
}

/**
 * A party's block in the region from `top` to `bottom`: a caption ("FROM"), the name (at most
 * two lines) and the address with the phone number, which gets the rest of the region.
 */
function party(
  who: Party,
  caption: string,
  region: { top: number; bottom: number },
  sizes: { caption: number; name: number; address: number },
  language: Language,
  homeCountry: CountryCode,
  width: number,
  measure: TextMeasurer,
): DrawOperation[] {
  const captionOperation = placeText(
    {
      text: caption.toUpperCase(),
      maxWidth: width,
      fontSize: sizes.caption,
      bold: true,
      maxLines: 1,
    },
    measure,
    { x: margin, y: region.top, color: 'gray' },
  );
  const nameTop = captionOperation.y + captionOperation.height + 1;
  const available = region.bottom - nameTop;
  const nameOperation = placeText(
    {
      text: who.name,
      maxWidth: width,
      fontSize: sizes.name,
      minFontSize: Math.min(sizes.name, 7),
      bold: true,
      maxLines: 2,
      // The name may take at most 40% of the region: the address must stay readable.
      maxHeight: available * 0.4,
    },
    measure,
    { x: margin, y: nameTop },
  );
  const addressTop = nameOperation.y + nameOperation.height + 2;
  const address = [
    ...(who.address === undefined ? [] : addressLines(who.address, language, homeCountry)),
    who.phone,
  ];
  const addressOperation = placeText(
    {
      text: address.join('\n'),
      maxWidth: width,
      fontSize: sizes.address,
      minFontSize: Math.min(sizes.address, 5.5),
      maxHeight: region.bottom - addressTop,
    },
    measure,
    { x: margin, y: addressTop },
  );
  return [captionOperation, nameOperation, addressOperation];
}
