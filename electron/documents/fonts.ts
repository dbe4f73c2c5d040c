import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { TextMeasurer } from '../../shared/documents';

/**
 * The documents' typeface: DejaVu Sans, regular and bold, from the @fontsource/dejavu-sans
 * package, so the packaged app carries its font instead of hoping the system has one. Its
 * "latin" files hold the whole font (Latin with every accent, Greek, Cyrillic, symbols such
 * as ✂), which is what names and addresses from anywhere need.
 */
const fontFiles = {
  regular: '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff',
  bold: '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff',
} as const;

/** The font files, as TrueType, ready to hand to pdfkit. */
export type DocumentFonts = { readonly regular: Buffer; readonly bold: Buffer };

/** The names the fonts are registered under in every pdfkit document. */
export const fontNames = { regular: 'fixline-regular', bold: 'fixline-bold' } as const;

let loadedFonts: DocumentFonts | undefined;

/**
 * Loads the fonts once per process. The files are WOFF; they are unpacked to plain TrueType
 * here, with Node's zlib, because fontkit would otherwise inflate them in JavaScript for every
 * document (about 0.4 s each).
 */
export function documentFonts(): DocumentFonts {
  if (loadedFonts === undefined) {
    const require = createRequire(import.meta.url);
    loadedFonts = {
      regular: woffToSfnt(readFileSync(require.resolve(fontFiles.regular))),
      bold: woffToSfnt(readFileSync(require.resolve(fontFiles.bold))),
    };
  }
  return loadedFonts;
}

/** Registers the document fonts in a pdfkit document. */
export function registerDocumentFonts(document: PDFKit.PDFDocument, fonts: DocumentFonts): void {
  document.registerFont(fontNames.regular, fonts.regular);
  document.registerFont(fontNames.bold, fonts.bold);
}

let measuringDocument: PDFKit.PDFDocument | undefined;

/**
 * Measures text with the same font objects pdfkit draws with (kerning included), so a line the
 * layout wrapped to fit is exactly as wide when drawn. Uses one document that is never written.
 */
export const measureText: TextMeasurer = (text, fontSize, bold) => {
  if (measuringDocument === undefined) {
    // An empty `font` skips loading Helvetica's metrics, which the documents never use.
    measuringDocument = new PDFDocument({ autoFirstPage: false, font: '' });
    registerDocumentFonts(measuringDocument, documentFonts());
  }
  return measuringDocument
    .font(bold ? fontNames.bold : fontNames.regular)
    .fontSize(fontSize)
    .widthOfString(text);
};

/**
 * Unpacks a WOFF 1.0 file into the TrueType/OpenType file it wraps (W3C WOFF, section 3-5):
 * each table is zlib-compressed unless compression did not help, and the sfnt header and
 * table directory are rebuilt around the same tables in the same (sorted) order.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF file (no "wOFF" signature)');
  const flavor = woff.readUInt32BE(4);
  const tableCount = woff.readUInt16BE(12);
  const tables = Array.from({ length: tableCount }, (_, index) => {
    const entry = 44 + index * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compressedLength = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compressedLength);
    const data = compressedLength < length ? inflateSync(stored) : stored;
    if (data.length !== length)
      throw new Error('a WOFF table does not unpack to its stated length');
    return { tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), data };
  });

  const padded = (length: number): number => (length + 3) & ~3;
  const headerLength = 12 + tableCount * 16;
  const sfnt = Buffer.alloc(
    headerLength + tables.reduce((sum, table) => sum + padded(table.data.length), 0),
  );
  const searchPower = 2 ** Math.floor(Math.log2(tableCount));
  sfnt.writeUInt32BE(flavor, 0);
  sfnt.writeUInt16BE(tableCount, 4);
  sfnt.writeUInt16BE(searchPower * 16, 6);
  sfnt.writeUInt16BE(Math.log2(searchPower), 8);
  sfnt.writeUInt16BE(tableCount * 16 - searchPower * 16, 10);
  let offset = headerLength;
  tables.forEach((table, index) => {
    const record = 12 + index * 16;
    sfnt.writeUInt32BE(table.tag, record);
    sfnt.writeUInt32BE(table.checksum, record + 4);
    sfnt.writeUInt32BE(offset, record + 8);
    sfnt.writeUInt32BE(table.data.length, record + 12);
    table.data.copy(sfnt, offset);
    offset += padded(table.data.length);
  });
  return sfnt;
}
