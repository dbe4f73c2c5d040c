import PDFDocument from 'pdfkit';
import type { DocumentLayout } from '#shared/documents';
import { barcodeRectangles } from '#shared/documents/pdf';
import {
  documentFonts,
  fontNames,
  measureText,
  registerDocumentFonts,
} from '../../electron/documents/fonts';
import {
  layoutForPrinting,
  renderDocument,
  renderDocumentBatch,
} from '../../electron/documents/renderDocument';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';

/**
 * Document rendering: Fixline's renderer (layout, text measurement, barcode encoding, drawing)
 * beside raw pdfkit drawing the same page content (the same strings at the same places, the
 * same rectangles, bars included) from a list made before the clock starts. The ratio is what
 * the layout and the barcode encoding cost on top of pdfkit itself.
 */

/** One drawing call of the baseline, already placed. */
type Call =
  | { kind: 'text'; text: string; x: number; y: number; size: number; bold: boolean; color: string }
  | { kind: 'rectangle'; x: number; y: number; width: number; height: number; fill: boolean }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; thickness: number };

type Page = { width: number; height: number; calls: Call[] };

/** The page content of a layout, flattened to pdfkit calls (outside the timed part). */
function callsOf(layout: DocumentLayout): Page[] {
  // The resolutions the renderer snaps barcode modules to: thermal labels, office paper.
  const dotsPerInch = layout.size.name === 'A4' || layout.size.name === 'Letter' ? 300 : 203;
  return layout.pages.map((page) => ({
    width: layout.size.width,
    height: layout.size.height,
    calls: page.operations.flatMap((operation): Call[] => {
      switch (operation.kind) {
        case 'text':
          return operation.lines.map((line, index) => {
            const width = measureText(line, operation.fontSize, operation.bold);
            const offset =
              operation.align === 'left'
                ? 0
                : operation.align === 'center'
                  ? (operation.width - width) / 2
                  : operation.width - width;
            return {
              kind: 'text',
              text: line,
              x: operation.x + offset,
              y: operation.y + index * operation.lineHeight,
              size: operation.fontSize,
              bold: operation.bold,
              color: operation.color === 'white' ? '#ffffff' : '#000000',
            };
          });
        case 'rule': {
          const { x1, y1, x2, y2, thickness } = operation;
          return [{ kind: 'line', x1, y1, x2, y2, thickness }];
        }
        case 'rectangle': {
          const { x, y, width, height } = operation;
          return [{ kind: 'rectangle', x, y, width, height, fill: operation.fill !== undefined }];
        }
        case 'code128':
        case 'qr':
          return barcodeRectangles(operation, dotsPerInch).map((bar) => ({
            kind: 'rectangle',
            ...bar,
            fill: true,
          }));
      }
    }),
  }));
}

/** Raw pdfkit: the same fonts, pages and calls, no layout. */
function drawWithPdfkit(pages: readonly Page[]): Promise<Buffer> {
  const document = new PDFDocument({ autoFirstPage: false, font: '' });
  registerDocumentFonts(document, documentFonts());
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  for (const page of pages) {
    document.addPage({ size: [page.width, page.height], margin: 0 });
    for (const call of page.calls) {
      switch (call.kind) {
        case 'text':
          document
            .font(call.bold ? fontNames.bold : fontNames.regular)
            .fontSize(call.size)
            .fillColor(call.color)
            .text(call.text, call.x, call.y, { lineBreak: false });
          break;
        case 'rectangle':
          document.rect(call.x, call.y, call.width, call.height);
          if (call.fill) document.fill('#000000');
          else document.stroke();
          break;
        case 'line':
          document
            .moveTo(call.x1, call.y1)
            .lineTo(call.x2, call.y2)
            .lineWidth(call.thickness)
            .stroke();
          break;
      }
    }
  }
  document.end();
  return finished;
}

/** The median of `runs` timings of `task`, in milliseconds, after one warm-up run. */
async function medianMs(runs: number, task: () => Promise<unknown>): Promise<number> {
  await task();
  const timings: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await task();
    timings.push(performance.now() - started);
  }
  timings.sort((first, second) => first - second);
  return Math.round((timings[Math.floor(timings.length / 2)] ?? 0) * 100) / 100;
}

function comparison(
  fixlineMs: number,
  baselineMs: number,
): {
  fixlineMs: number;
  baselineMs: number;
  ratio: number;
} {
  return { fixlineMs, baselineMs, ratio: Math.round((fixlineMs / baselineMs) * 100) / 100 };
}

/**
 * Times one RMA slip and a batch of 500 return labels (one 500-page PDF), Fixline against raw
 * pdfkit, in the same run. Medians in milliseconds; `ratio` is Fixline's time over pdfkit's.
 */
export async function runDocumentsBenchmark(): Promise<{
  slip: { fixlineMs: number; baselineMs: number; ratio: number };
  labels500: { fixlineMs: number; baselineMs: number; ratio: number };
}> {
  const samples = sampleDocuments();
  const slip = samples['rma-slip'];
  const slipPages = callsOf(layoutForPrinting('rma-slip', slip));

  const labels = Array.from({ length: 500 }, (_, index) => ({
    ...samples['return-label'],
    claim: {
      ...samples['return-label'].claim,
      rmaNumber: `RMA-JKT1-${String(index + 1).padStart(6, '0')}`,
    },
  }));
  const labelPages = labels.flatMap((label) => callsOf(layoutForPrinting('return-label', label)));

  const slipFixline = await medianMs(15, () => renderDocument('rma-slip', slip));
  const slipBaseline = await medianMs(15, () => drawWithPdfkit(slipPages));
  const labelsFixline = await medianMs(3, () => renderDocumentBatch('return-label', labels));
  const labelsBaseline = await medianMs(3, () => drawWithPdfkit(labelPages));
  return {
    slip: comparison(slipFixline, slipBaseline),
    labels500: comparison(labelsFixline, labelsBaseline),
  };
}
