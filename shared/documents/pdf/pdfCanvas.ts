/**
 * The part of a pdfkit document the renderer draws with, as a structural type: main passes
 * pdfkit's Node build, the browser worker its browser build, and both satisfy it. The drawing
 * code never imports pdfkit itself, because @types/pdfkit pulls Node's types in with it, and
 * this folder is as pure as the rest of shared/.
 */
export interface PdfCanvas {
  addPage(options: { size: [number, number]; margin: number }): this;
  registerFont(name: string, source: Uint8Array): this;
  font(name: string): this;
  fontSize(size: number): this;
  widthOfString(text: string): number;
  fillColor(color: string): this;
  strokeColor(color: string): this;
  text(text: string, x: number, y: number, options: { lineBreak: boolean }): this;
  save(): this;
  restore(): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  lineWidth(width: number): this;
  dash(length: number, options: { space: number }): this;
  stroke(): this;
  rect(x: number, y: number, width: number, height: number): this;
  fill(color: string): this;
  fillAndStroke(fill: string, stroke: string): this;
  /** `data` hands out the file's bytes in chunks, `end` follows the last, `error` a failure. */
  on(event: 'data' | 'end' | 'error', listener: (chunk: Uint8Array) => void): this;
  end(): void;
}

/** What a new document is made with (pdfkit's constructor options that Fixline sets). */
export type PdfDocumentOptions = {
  /** Fixline adds every page itself, each at its layout's size. */
  readonly autoFirstPage: false;
  /** An empty name skips loading Helvetica's metrics, which the documents never use. */
  readonly font: '';
  readonly pdfVersion?: '1.7';
  readonly lang?: string;
  readonly info?: { Title?: string; Creator?: string; Producer?: string };
  readonly displayTitle?: boolean;
};

/** Makes a new, empty document: `new PDFDocument(options)` of the platform's pdfkit build. */
export type CreatePdfDocument = (options: PdfDocumentOptions) => PdfCanvas;
