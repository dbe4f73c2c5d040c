import type { TextMeasurer } from '../pageLayout';
import type { CreatePdfDocument, PdfCanvas } from './pdfCanvas';

/**
 * The documents' typeface: DejaVu Sans, regular and bold, from the @fontsource/dejavu-sans
 * package, so the app carries its font instead of hoping the system has one. Its "latin" files
 * hold the whole font (Latin with every accent, Greek, Cyrillic, symbols such as ✂), which is
 * what names and addresses from anywhere need. The files are WOFF; each platform loads them and
 * unpacks them to TrueType (`woffToSfnt`), because fontkit would otherwise inflate them in
 * JavaScript for every document (about 0.4 s each).
 */
export const documentFontFiles = {
  regular: '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff',
  bold: '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff',
} as const;

/** The font files, as TrueType, ready to hand to pdfkit. */
export type DocumentFonts = { readonly regular: Uint8Array; readonly bold: Uint8Array };

/** The names the fonts are registered under in every document. */
export const fontNames = { regular: 'fixline-regular', bold: 'fixline-bold' } as const;

/** Registers the document fonts in a document. */
export function registerDocumentFonts(document: PdfCanvas, fonts: DocumentFonts): void {
  document.registerFont(fontNames.regular, fonts.regular);
  document.registerFont(fontNames.bold, fonts.bold);
}

/**
 * A text measurer that uses the same font objects pdfkit draws with (kerning included), so a
 * line the layout wrapped to fit is exactly as wide when drawn. It keeps one document that is
 * never written, made on first use.
 */
export function createTextMeasurer(
  createDocument: CreatePdfDocument,
  fonts: () => DocumentFonts,
): TextMeasurer {
  let measuringDocument: PdfCanvas | undefined;
  return (text, fontSize, bold) => {
    if (measuringDocument === undefined) {
      measuringDocument = createDocument({ autoFirstPage: false, font: '' });
      registerDocumentFonts(measuringDocument, fonts());
    }
    return measuringDocument
      .font(bold ? fontNames.bold : fontNames.regular)
      .fontSize(fontSize)
      .widthOfString(text);
  };
}
