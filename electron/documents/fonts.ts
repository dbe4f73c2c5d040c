import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import {
  createTextMeasurer,
  documentFontFiles,
  woffToSfnt,
  type CreatePdfDocument,
  type DocumentFonts,
} from '#shared/documents/pdf';

export { fontNames, registerDocumentFonts, type DocumentFonts } from '#shared/documents/pdf';

/** pdfkit's Node build, as the shared drawing code makes documents. */
export const createNodePdfDocument: CreatePdfDocument = (options) => new PDFDocument(options);

let loadedFonts: DocumentFonts | undefined;

/** Loads the fonts once per process, unpacked from WOFF with Node's zlib. */
export function documentFonts(): DocumentFonts {
  if (loadedFonts === undefined) {
    const require = createRequire(import.meta.url);
    const load = (file: string) => woffToSfnt(readFileSync(require.resolve(file)), inflateSync);
    loadedFonts = {
      regular: load(documentFontFiles.regular),
      bold: load(documentFontFiles.bold),
    };
  }
  return loadedFonts;
}

/** Measures text with the fonts pdfkit draws with, in this process. */
export const measureText = createTextMeasurer(createNodePdfDocument, documentFonts);
