import type { Result } from '../domain/result';
import { layoutDeviceTag } from './deviceTag';
import type { DocumentDataByKind, DocumentError, LayoutOptions } from './documentData';
import { layoutPackingSlip } from './packingSlip';
import type { DocumentKind, DocumentLayout } from './pageLayout';
import { layoutQuote } from './quoteDocument';
import { layoutReturnLabel } from './returnLabel';
import { layoutRmaSlip } from './rmaSlip';

export * from './pageLayout';
export * from './documentData';
export * from './claimDocuments';
export { documentText, type DocumentText } from './dictionary';
export { addressLines, formatDate, formatMoney, localeOf, minorUnitDigitsOf } from './format';
export { fitText, wrapText, lineHeightRatio, type FitRequest, type FittedText } from './textFit';
export { layoutRmaSlip } from './rmaSlip';
export { layoutReturnLabel } from './returnLabel';
export { layoutDeviceTag } from './deviceTag';
export { layoutQuote } from './quoteDocument';
export { layoutPackingSlip, defaultPackingItems } from './packingSlip';

/** Every document kind, in the order a claim usually needs them. */
export const documentKinds = [
  'rma-slip',
  'return-label',
  'device-tag',
  'quote',
  'packing-slip',
] as const satisfies readonly DocumentKind[];

/** The layout function of each kind of document. */
const layouts: {
  readonly [Kind in DocumentKind]: (
    data: DocumentDataByKind[Kind],
    options: LayoutOptions,
  ) => Result<DocumentLayout, DocumentError>;
} = {
  'rma-slip': layoutRmaSlip,
  'return-label': layoutReturnLabel,
  'device-tag': layoutDeviceTag,
  quote: layoutQuote,
  'packing-slip': layoutPackingSlip,
};

/** Lays out a document of `kind` from its data. Pure: the fonts' metrics come in `options`. */
export function layoutDocument<Kind extends DocumentKind>(
  kind: Kind,
  data: DocumentDataByKind[Kind],
  options: LayoutOptions,
): Result<DocumentLayout, DocumentError> {
  // Indexing the mapped type with the same `Kind` keeps `data` and its layout together.
  const layout: (
    data: DocumentDataByKind[Kind],
    options: LayoutOptions,
  ) => Result<DocumentLayout, DocumentError> = layouts[kind];
  return layout(data, options);
}
export * from './documentSchemas';
