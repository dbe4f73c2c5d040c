import {
  layoutDocument,
  type DocumentDataByKind,
  type DocumentKind,
  type DocumentLayout,
  type PaperSize,
} from '#shared/documents';
import type { Language } from '#shared/domain/vocabulary';
import { renderLayoutsToPdf } from '#shared/documents/pdf';
import { createNodePdfDocument, documentFonts, measureText } from './fonts';

/** How to render a document. */
export type RenderOptions = {
  /** Paper for the RMA slip, quote and packing slip; A4 by default. */
  readonly paper?: PaperSize;
  /** The language to print in; the customer's preferred language by default. */
  readonly language?: Language;
  /** The printer's resolution, for barcode modules of whole dots (see `renderLayoutsToPdf`). */
  readonly printerDotsPerInch?: number;
};

/** A document that could not be laid out; `message` says what to fix. */
export class DocumentRenderError extends Error {
  override readonly name = 'DocumentRenderError';
  constructor(
    readonly kind: DocumentKind,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Lays out a document with the renderer's font metrics. Throws {@link DocumentRenderError}
 * when the data cannot make the document (a remedy the policy no longer allows, a quote in
 * another currency, a missing address).
 */
export function layoutForPrinting<Kind extends DocumentKind>(
  kind: Kind,
  data: DocumentDataByKind[Kind],
  options: RenderOptions = {},
): DocumentLayout {
  const layout = layoutDocument(kind, data, {
    measureText,
    ...(options.paper === undefined ? {} : { paper: options.paper }),
    ...(options.language === undefined ? {} : { language: options.language }),
  });
  if (!layout.ok) throw new DocumentRenderError(layout.error.kind, layout.error.message);
  return layout.value;
}

/**
 * Renders a document to PDF bytes in the main process, never on the UI thread: the renderer
 * asks for it over IPC. Rejects with {@link DocumentRenderError} when the data cannot make the
 * document.
 */
export async function renderDocument<Kind extends DocumentKind>(
  kind: Kind,
  data: DocumentDataByKind[Kind],
  options: RenderOptions = {},
): Promise<Buffer> {
  return renderDocumentBatch(kind, [data], options);
}

/**
 * Renders several documents of one kind into one PDF, in order (500 return labels on a roll:
 * one print job instead of 500). Rejects as {@link renderDocument} does.
 */
export async function renderDocumentBatch<Kind extends DocumentKind>(
  kind: Kind,
  items: readonly DocumentDataByKind[Kind][],
  options: RenderOptions = {},
): Promise<Buffer> {
  const layouts = items.map((data) => layoutForPrinting(kind, data, options));
  const pdf = await renderLayoutsToPdf(layouts, {
    createDocument: createNodePdfDocument,
    fonts: documentFonts(),
    measureText,
    yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
    ...(options.printerDotsPerInch === undefined
      ? {}
      : { printerDotsPerInch: options.printerDotsPerInch }),
  });
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
