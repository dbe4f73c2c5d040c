// pdfkit's browser build, as the document worker uses it. renderer/tsconfig.json maps `pdfkit`
// here instead of to @types/pdfkit, whose Node types would leak into the whole renderer.
import type { PdfCanvas, PdfDocumentOptions } from '#shared/documents/pdf';

declare const PDFDocument: new (options: PdfDocumentOptions) => PdfCanvas;
export default PDFDocument;
