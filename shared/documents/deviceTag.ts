import { ok, type Result } from '../domain/result';
import { documentText } from './dictionary';
import type { DeviceTagData, DocumentError, LayoutOptions } from './documentData';
import { placeText } from './layoutKit';
import { pageSizes, type DocumentLayout, type DrawOperation } from './pageLayout';

/**
 * Lays out the device tag (2.25 × 1.25 in, 162 × 90 pt) tied to a device on the bench: the RMA
 * number as Code128 and in words, the serial (or IMEI), the model and the fault in a few words.
 * The fault is the customer's own words, cut with "…" when it does not fit: the tag only has
 * to remind the technician, the claim holds the rest.
 */
export function layoutDeviceTag(
  data: DeviceTagData,
  options: LayoutOptions,
): Result<DocumentLayout, DocumentError> {
  const language = options.language ?? data.customer.preferredLanguage;
  const text = documentText[language];
  const measure = options.measureText;
  const size = pageSizes['tag-2.25x1.25in'];
  const { claim, device } = data;
  const margin = 5;
  const width = size.width - margin * 2;
  const operations: DrawOperation[] = [];

  const barcodeHeight = 30;
  operations.push({
    kind: 'code128',
    value: claim.rmaNumber,
    x: margin,
    y: 4,
    width,
    height: barcodeHeight,
  });
  const rmaWords = placeText(
    {
      text: claim.rmaNumber,
      maxWidth: width,
      fontSize: 8,
      minFontSize: 6,
      bold: true,
      maxLines: 1,
    },
    measure,
    { x: margin, y: 4 + barcodeHeight + 1, align: 'center' },
  );
  const identifier =
    device.serial === undefined
      ? `${text.imei} ${device.imei ?? ''}`
      : `${text.serialShort} ${device.serial}`;
  const serial = placeText(
    { text: identifier, maxWidth: width, fontSize: 7, minFontSize: 5, bold: true, maxLines: 1 },
    measure,
    { x: margin, y: rmaWords.y + rmaWords.height + 1 },
  );
  const model = placeText(
    { text: device.model, maxWidth: width, fontSize: 7, minFontSize: 5, maxLines: 1 },
    measure,
    { x: margin, y: serial.y + serial.height },
  );
  const faultTop = model.y + model.height;
  const fault = placeText(
    {
      text: `${text.fault}: ${claim.defect?.what ?? text.noFaultDescribed}`,
      maxWidth: width,
      fontSize: 6,
      minFontSize: 5,
      maxLines: 2,
      maxHeight: size.height - 3 - faultTop,
    },
    measure,
    { x: margin, y: faultTop },
  );
  operations.push(rmaWords, serial, model, fault);

  return ok({
    kind: 'device-tag',
    size,
    title: `${claim.rmaNumber} ${device.model}`,
    language,
    pages: [{ operations }],
  });
}
