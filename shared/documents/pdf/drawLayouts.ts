import { localeOf } from '../format';
import type {
  DocumentLayout,
  DrawOperation,
  InkColor,
  PageSize,
  TextMeasurer,
  TextOperation,
} from '../pageLayout';
import { barcodeRectangles } from './barcodes';
import { fontNames, registerDocumentFonts, type DocumentFonts } from './documentFonts';
import type { CreatePdfDocument, PdfCanvas } from './pdfCanvas';

/**
 * How to draw a page description. The platform brings its pdfkit build (`createDocument`), the
 * unpacked fonts and a way to let other work run during a long batch; the drawing is the same
 * in main and in the browser's worker.
 */
export type PdfRenderOptions = {
  readonly createDocument: CreatePdfDocument;
  readonly fonts: DocumentFonts;
  readonly measureText: TextMeasurer;
  /** Resolves after other queued work had its turn (`setImmediate` in Node, a timer in a worker). */
  readonly yieldToEventLoop: () => Promise<void>;
  /**
   * The printer's resolution, to which barcode modules are snapped; by default 203 dpi for
   * labels and tags (thermal printers) and 300 dpi for office paper.
   */
  readonly printerDotsPerInch?: number;
  /** Written into the file's metadata; the first layout's title by default. */
  readonly title?: string;
};

/** Whether a page size is thermal label stock, which prints black only. */
function isThermal(size: PageSize): boolean {
  return size.name === 'label-4x6in' || size.name === 'tag-2.25x1.25in';
}

/** The colour of an ink; thermal stock has no grey, and dithered grey text is hard to read. */
function colorOf(ink: InkColor, thermal: boolean): string {
  switch (ink) {
    case 'black':
      return '#000000';
    case 'gray':
      return thermal ? '#000000' : '#4d4d4d';
    case 'white':
      return '#ffffff';
  }
}

/** Pages drawn between two yields to the event loop. */
const pagesPerSlice = 20;

/**
 * Draws laid-out documents into one PDF, every page of each in order (a batch of labels is one
 * file, one label a page). Text is drawn line by line exactly as the layout broke it; barcodes
 * are vector rectangles. Resolves to the file's bytes. A long batch yields to the event loop
 * every few pages, so the main process keeps answering the windows while it draws.
 */
export async function renderLayoutsToPdf(
  layouts: readonly DocumentLayout[],
  options: PdfRenderOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const first = layouts[0];
  if (first === undefined) throw new Error('nothing to render: no document was given');
  const document = options.createDocument({
    autoFirstPage: false,
    font: '',
    pdfVersion: '1.7',
    lang: localeOf[first.language],
    info: { Title: options.title ?? first.title, Creator: 'Fixline', Producer: 'Fixline' },
    displayTitle: true,
  });
  registerDocumentFonts(document, options.fonts);
  const chunks: Uint8Array[] = [];
  const finished = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    document.on('data', (chunk) => chunks.push(chunk));
    document.on('end', () => resolve(concatenated(chunks)));
    document.on('error', reject);
  });

  let pagesDrawn = 0;
  for (const layout of layouts) {
    const thermal = isThermal(layout.size);
    const dotsPerInch = options.printerDotsPerInch ?? (thermal ? 203 : 300);
    for (const page of layout.pages) {
      pagesDrawn += 1;
      if (pagesDrawn % pagesPerSlice === 0) await options.yieldToEventLoop();
      document.addPage({ size: [layout.size.width, layout.size.height], margin: 0 });
      for (const operation of page.operations) {
        drawOperation(document, operation, {
          thermal,
          dotsPerInch,
          measureText: options.measureText,
        });
      }
    }
  }
  document.end();
  return finished;
}

type DrawContext = { thermal: boolean; dotsPerInch: number; measureText: TextMeasurer };

function drawOperation(document: PdfCanvas, operation: DrawOperation, context: DrawContext): void {
  switch (operation.kind) {
    case 'text':
      drawText(document, operation, context);
      return;
    case 'rule': {
      document
        .save()
        .moveTo(operation.x1, operation.y1)
        .lineTo(operation.x2, operation.y2)
        .lineWidth(operation.thickness)
        .strokeColor(colorOf(operation.color, context.thermal));
      if (operation.dash !== undefined)
        document.dash(operation.dash[0], { space: operation.dash[1] });
      document.stroke().restore();
      return;
    }
    case 'rectangle': {
      document.save().rect(operation.x, operation.y, operation.width, operation.height);
      const fill =
        operation.fill === undefined ? undefined : colorOf(operation.fill, context.thermal);
      if (operation.strokeWidth > 0)
        document.lineWidth(operation.strokeWidth).strokeColor('#000000');
      if (fill !== undefined && operation.strokeWidth > 0) document.fillAndStroke(fill, '#000000');
      else if (fill !== undefined) document.fill(fill);
      else document.stroke();
      document.restore();
      return;
    }
    case 'code128':
    case 'qr': {
      // One path of rectangles, filled once: a symbol is a single object, not hundreds.
      document.save();
      for (const bar of barcodeRectangles(operation, context.dotsPerInch)) {
        document.rect(bar.x, bar.y, bar.width, bar.height);
      }
      document.fill('#000000').restore();
      return;
    }
  }
}

function drawText(document: PdfCanvas, operation: TextOperation, context: DrawContext): void {
  document
    .font(operation.bold ? fontNames.bold : fontNames.regular)
    .fontSize(operation.fontSize)
    .fillColor(colorOf(operation.color, context.thermal));
  // Centre the glyphs' height (ascender to descender, 1.16 em in DejaVu Sans) in the line box.
  const lead = (operation.lineHeight - operation.fontSize * 1.164) / 2;
  operation.lines.forEach((line, index) => {
    if (line === '') return;
    // Only centred and right-aligned lines need their width; most lines are left-aligned.
    const offset =
      operation.align === 'left'
        ? 0
        : (operation.width - context.measureText(line, operation.fontSize, operation.bold)) /
          (operation.align === 'center' ? 2 : 1);
    document.text(line, operation.x + offset, operation.y + lead + index * operation.lineHeight, {
      lineBreak: false,
    });
  });
}

function concatenated(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
