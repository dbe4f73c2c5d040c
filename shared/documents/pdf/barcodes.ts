// The generic build: no canvas, no Node Buffer; the same encoder in main and in a browser worker.
import bwipjs from 'bwip-js/generic';
import type { BarcodeOperation } from '../pageLayout';

/** A filled rectangle in points: one bar of a Code128 symbol or a run of dark QR modules. */
export type BarcodeRectangle = { x: number; y: number; width: number; height: number };

/**
 * Quiet zones, in modules, on each side: Code128 needs 10 (ISO/IEC 15417), QR 4 (ISO/IEC 18004).
 * A scanner finds a symbol's edge by this blank margin, so nothing may be drawn in it.
 */
const quietZoneModules = { code128: 10, qr: 4 } as const;

/** A Code128 symbol as bwip-js encodes it: bar and space widths in modules, starting with a bar. */
export function encodeCode128(value: string): number[] {
  const [symbol] = bwipjs.raw('code128', value, '');
  if (symbol === undefined || !('sbs' in symbol))
    throw new Error(`cannot encode "${value}" as Code128`);
  return symbol.sbs;
}

/** A QR symbol (error correction M: survives a scuffed label) as rows of dark (1) and light (0) modules. */
export function encodeQr(value: string): boolean[][] {
  const [symbol] = bwipjs.raw('qrcode', value, 'eclevel=M');
  if (symbol === undefined || !('pixs' in symbol))
    throw new Error(`cannot encode "${value}" as QR`);
  return Array.from({ length: symbol.pixy }, (_, row) =>
    symbol.pixs.slice(row * symbol.pixx, (row + 1) * symbol.pixx).map((pixel) => pixel === 1),
  );
}

/**
 * The module size for `modules` modules (quiet zones included) in `available` points, snapped
 * down to whole printer dots: a bar that is 2.4 dots wide prints as 2 or 3 at random, which
 * makes bars uneven and the symbol hard to read on a thermal printer.
 */
export function moduleSize(available: number, modules: number, dotsPerInch: number): number {
  const exact = available / modules;
  const dot = 72 / dotsPerInch;
  return exact >= dot ? Math.floor(exact / dot + 1e-9) * dot : exact;
}

/**
 * The bars of a Code128 operation: as wide as the box allows (quiet zones inside the box),
 * centred, with modules of whole printer dots, as tall as the box.
 */
export function code128Rectangles(
  operation: BarcodeOperation,
  dotsPerInch: number,
): BarcodeRectangle[] {
  const widths = encodeCode128(operation.value);
  const symbolModules = widths.reduce((sum, width) => sum + width, 0);
  const module = moduleSize(
    operation.width,
    symbolModules + quietZoneModules.code128 * 2,
    dotsPerInch,
  );
  let x = operation.x + (operation.width - symbolModules * module) / 2;
  const bars: BarcodeRectangle[] = [];
  widths.forEach((width, index) => {
    // Even positions are bars, odd ones the spaces between them.
    if (index % 2 === 0)
      bars.push({ x, y: operation.y, width: width * module, height: operation.height });
    x += width * module;
  });
  return bars;
}

/**
 * The dark modules of a QR operation, each row's runs merged into one rectangle: square,
 * centred in the box, quiet zone inside the box, modules of whole printer dots.
 */
export function qrRectangles(operation: BarcodeOperation, dotsPerInch: number): BarcodeRectangle[] {
  const rows = encodeQr(operation.value);
  const size = rows.length;
  const module = moduleSize(
    Math.min(operation.width, operation.height),
    size + quietZoneModules.qr * 2,
    dotsPerInch,
  );
  const left = operation.x + (operation.width - size * module) / 2;
  const top = operation.y + (operation.height - size * module) / 2;
  const rectangles: BarcodeRectangle[] = [];
  rows.forEach((row, rowIndex) => {
    let runStart = -1;
    row.forEach((dark, column) => {
      if (dark && runStart < 0) runStart = column;
      const runEnds = runStart >= 0 && (!dark || column === row.length - 1);
      if (runEnds) {
        const end = dark ? column + 1 : column;
        rectangles.push({
          x: left + runStart * module,
          y: top + rowIndex * module,
          width: (end - runStart) * module,
          height: module,
        });
        runStart = -1;
      }
    });
  });
  return rectangles;
}

/** The rectangles of any barcode operation. */
export function barcodeRectangles(
  operation: BarcodeOperation,
  dotsPerInch: number,
): BarcodeRectangle[] {
  switch (operation.kind) {
    case 'code128':
      return code128Rectangles(operation, dotsPerInch);
    case 'qr':
      return qrRectangles(operation, dotsPerInch);
  }
}
