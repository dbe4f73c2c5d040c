// The browser build's document renderer: a Web Worker, so drawing a batch never blocks the page.
// It lays out and draws with the same shared code as the desktop's main process.
import PDFDocument from 'pdfkit';
import regularFontUrl from '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff?url';
import boldFontUrl from '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff?url';
import { layoutDocument, type DocumentLayout } from '#shared/documents';
import {
  createTextMeasurer,
  renderLayoutsToPdf,
  woffToSfntAsync,
  type CreatePdfDocument,
  type DocumentFonts,
} from '#shared/documents/pdf';
import type { DocumentWorkerAnswer, DocumentWorkerRequest } from './documentWorkerProtocol';

const createDocument: CreatePdfDocument = (options) => new PDFDocument(options);

/** Inflates zlib data with the browser's own DecompressionStream ("deflate" is zlib-wrapped). */
async function inflate(compressed: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([compressed.slice()])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function loadFont(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`the document font ${url} could not be loaded (${response.status})`);
  return woffToSfntAsync(new Uint8Array(await response.arrayBuffer()), inflate);
}

let fonts: DocumentFonts | undefined;
const fontsLoaded: Promise<DocumentFonts> = Promise.all([
  loadFont(regularFontUrl),
  loadFont(boldFontUrl),
]).then(([regular, bold]) => (fonts = { regular, bold }));

const measureText = createTextMeasurer(createDocument, () => {
  if (fonts === undefined) throw new Error('the document fonts are not loaded yet');
  return fonts;
});

/** A document the data cannot make; its message says what to fix. */
class InvalidDocument extends Error {}

async function render(request: DocumentWorkerRequest): Promise<Uint8Array<ArrayBuffer>> {
  await fontsLoaded;
  const layouts = request.requests.map((document): DocumentLayout => {
    const layout = layoutDocument(document.kind, document.data, {
      measureText,
      ...document.options,
    });
    if (!layout.ok) throw new InvalidDocument(layout.error.message);
    return layout.value;
  });
  return renderLayoutsToPdf(layouts, {
    createDocument,
    fonts: await fontsLoaded,
    measureText,
    yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
  });
}

self.addEventListener('message', (event: MessageEvent<DocumentWorkerRequest>) => {
  const { id } = event.data;
  const answer = (message: DocumentWorkerAnswer, transfer: Transferable[] = []) =>
    self.postMessage(message, { transfer });
  render(event.data).then(
    (pdf) => answer({ id, ok: true, pdf }, [pdf.buffer]),
    (error: unknown) =>
      answer({
        id,
        ok: false,
        invalid: error instanceof InvalidDocument,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
