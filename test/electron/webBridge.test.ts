import { describe, expect, it } from 'vitest';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import { createNodePdfDocument, documentFonts, measureText } from '../../electron/documents/fonts';
import { layoutDocument, type DocumentRequest } from '#shared/documents';
import { renderLayoutsToPdf } from '#shared/documents/pdf';
import { saveFile } from '../../renderer/src/bridge/saveFile';
import {
  chromeVersionFrom,
  createWebBridge,
  type WebEnvironment,
} from '../../renderer/src/bridge/webBridge';

const chromeUserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

/**
 * The worker's work, done in this process by the same shared layout and drawing code (Node has
 * no Web Worker; test/e2e/documents.test.ts drives the real one in Chromium).
 */
async function renderHere(requests: readonly DocumentRequest[]) {
  const layouts = [];
  for (const request of requests) {
    const layout = layoutDocument(request.kind, request.data, { measureText, ...request.options });
    if (!layout.ok) return { ok: false, invalid: true, message: layout.error.message } as const;
    layouts.push(layout.value);
  }
  const pdf = await renderLayoutsToPdf(layouts, {
    createDocument: createNodePdfDocument,
    fonts: documentFonts(),
    measureText,
    yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
  });
  return { ok: true, pdf } as const;
}

/** A browser stand-in that records downloads and print dialogs instead of starting them. */
function webEnvironment(overrides: Partial<WebEnvironment> = {}) {
  const downloads: { blob: Blob; fileName: string }[] = [];
  const printDialogs: { pdf: Uint8Array; title: string }[] = [];
  const tabs: Blob[] = [];
  const reports: string[] = [];
  const environment: WebEnvironment = {
    version: '0.1.0',
    userAgent: chromeUserAgent,
    userAgentData: undefined,
    download: (blob, fileName) => downloads.push({ blob, fileName }),
    report: (message) => reports.push(message),
    renderDocuments: renderHere,
    openForPrinting: (pdf, title) => printDialogs.push({ pdf, title }),
    openInNewTab: (blob) => tabs.push(blob),
    ...overrides,
  };
  return { bridge: createWebBridge(environment), downloads, printDialogs, tabs, reports };
}

/** The text of a PDF's first bytes and its page count, enough to tell a real PDF. */
function pdfSummary(pdf: Uint8Array): { header: string; pages: number } {
  const text = new TextDecoder('latin1').decode(pdf);
  return { header: text.slice(0, 8), pages: text.match(/\/Type \/Page\b/g)?.length ?? 0 };
}

describe('createWebBridge', () => {
  it('says it is the web bridge', () => {
    expect(webEnvironment().bridge.kind).toBe('web');
  });

  it('describes the app as running on the web, without Electron', async () => {
    expect(await webEnvironment().bridge.app.info()).toEqual({
      ok: true,
      value: {
        name: 'Fixline',
        version: '0.1.0',
        platform: 'web',
        electronVersion: null,
        chromeVersion: '140.0.0.0',
      },
    });
  });

  it('names browser storage as the data folder', async () => {
    expect(await webEnvironment().bridge.station.dataFolder()).toEqual({
      ok: true,
      value: { path: 'browser storage' },
    });
  });

  it('opens a document in a new tab, as its type', async () => {
    const { bridge, tabs } = webEnvironment();
    const answer = await bridge.files.openDocument({
      name: 'receipt.jpg',
      type: 'jpeg',
      bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
    });
    expect(answer).toEqual({ ok: true, value: null });
    expect(tabs.map((blob) => blob.type)).toEqual(['image/jpeg']);
  });

  it('saves by downloading the pieces as one file under the suggested name', async () => {
    const { bridge, downloads } = webEnvironment();
    const answer = await saveFile(bridge, {
      documentType: 'pdf',
      suggestedName: 'RMA-7.pdf',
      content: new Blob(['%PDF']),
    });
    expect(answer).toEqual({ ok: true, value: { outcome: 'saved', path: 'RMA-7.pdf' } });
    expect(downloads.map((download) => download.fileName)).toEqual(['RMA-7.pdf']);
    expect(await downloads[0]?.blob.text()).toBe('%PDF');
  });

  it("names a download with its type's extension, whatever the page suggests", async () => {
    const { bridge, downloads } = webEnvironment();
    await saveFile(bridge, {
      documentType: 'csv',
      suggestedName: 'fixline-parts.exe',
      content: new Blob(['sku']),
    });
    expect(downloads.map((download) => download.fileName)).toEqual(['fixline-parts.exe.csv']);
  });

  it('refuses the same bad input as the desktop, naming the field', async () => {
    const { bridge, downloads } = webEnvironment();
    const answer = await bridge.files.beginSave({
      documentType: 'pdf',
      suggestedName: 'folder/RMA-7.pdf',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('suggestedName') },
    });
    expect(downloads).toEqual([]);
  });

  it('answers a failed download as a failure instead of rejecting', async () => {
    const { bridge, reports } = webEnvironment({
      download: () => {
        throw new Error('downloads are blocked');
      },
    });
    const answer = await saveFile(bridge, {
      documentType: 'pdf',
      suggestedName: 'RMA-7.pdf',
      content: new Blob(['%PDF']),
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'failed', message: 'downloads are blocked' },
    });
    expect(reports).toHaveLength(1);
  });

  it('renders a document to PDF bytes', async () => {
    const answer = await webEnvironment().bridge.documents.render({
      kind: 'device-tag',
      data: sampleDocuments()['device-tag'],
    });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(pdfSummary(answer.value.pdf)).toEqual({ header: '%PDF-1.7', pages: 1 });
  });

  it('refuses a document the data cannot make as invalid input, with the layout reason', async () => {
    const slip = sampleDocuments()['rma-slip'];
    const answer = await webEnvironment().bridge.documents.render({
      kind: 'rma-slip',
      data: { ...slip, claim: { ...slip.claim, remedy: 'spare-parts-sale' } },
    });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringContaining('no longer among the options'),
      },
    });
  });

  it('reports a failing renderer as failed', async () => {
    const { bridge } = webEnvironment({
      renderDocuments: () =>
        Promise.resolve({ ok: false, invalid: false, message: 'the worker failed' }),
    });
    const answer = await bridge.documents.render({
      kind: 'device-tag',
      data: sampleDocuments()['device-tag'],
    });
    expect(answer).toEqual({ ok: false, error: { code: 'failed', message: 'the worker failed' } });
  });

  it('lists no printers', async () => {
    expect(await webEnvironment().bridge.printing.listPrinters()).toEqual({ ok: true, value: [] });
  });

  it('prints by opening the PDF in the print dialog, named after the RMA and the kind', async () => {
    const { bridge, printDialogs } = webEnvironment();
    const tag = sampleDocuments()['device-tag'];
    const answer = await bridge.printing.print({
      kind: 'device-tag',
      data: tag,
      target: { type: 'system', printer: 'Office' },
    });
    expect(answer).toEqual({ ok: true, value: {} });
    expect(printDialogs.map((dialog) => dialog.title)).toEqual([
      `${tag.claim.rmaNumber} device-tag`,
    ]);
    expect(pdfSummary(printDialogs[0]?.pdf ?? new Uint8Array())).toEqual({
      header: '%PDF-1.7',
      pages: 1,
    });
  });

  it('prints a batch as one PDF in one print dialog and reports it finished', async () => {
    const { bridge, printDialogs } = webEnvironment();
    const progress: unknown[] = [];
    const finished = new Promise<void>((resolve) => {
      bridge.on('fixline:printing:progress', (event) => {
        progress.push(event);
        if (event.finished) resolve();
      });
    });
    const label = { kind: 'return-label', data: sampleDocuments()['return-label'] } as const;
    const answer = await bridge.printing.printBatch({
      jobs: [label, label, label],
      target: { type: 'zpl', printerId: '0196f0a2-7c3e-7000-8000-000000000001' },
    });
    if (!answer.ok) throw new Error(answer.error.message);
    await finished;
    expect(progress).toEqual([
      {
        batchId: answer.value.batchId,
        done: 3,
        total: 3,
        failed: [],
        finished: true,
        cancelled: false,
      },
    ]);
    expect(printDialogs).toHaveLength(1);
    expect(pdfSummary(printDialogs[0]?.pdf ?? new Uint8Array()).pages).toBe(3);
  });

  it('has no batch to cancel, since a batch goes to the print dialog at once', async () => {
    expect(await webEnvironment().bridge.printing.cancelBatch({ batchId: 'web-1' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('still refuses bad document data first, naming the field', async () => {
    const tag = sampleDocuments()['device-tag'];
    const answer = await webEnvironment().bridge.printing.print({
      kind: 'device-tag',
      data: { ...tag, customer: { ...tag.customer, phone: 'call me' } },
      target: { type: 'system', printer: 'Office' },
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('data.customer.phone') },
    });
  });

  it('stops delivering progress once unsubscribed', async () => {
    const { bridge } = webEnvironment();
    const unsubscribe = bridge.on('fixline:printing:progress', () => {
      throw new Error('no event was expected');
    });
    unsubscribe();
    const tag = { kind: 'device-tag', data: sampleDocuments()['device-tag'] } as const;
    const answer = await bridge.printing.printBatch({
      jobs: [tag],
      target: { type: 'system', printer: 'Office' },
    });
    expect(answer.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});

describe('chromeVersionFrom', () => {
  it('prefers the Chromium brand of the client hints', () => {
    const hints = {
      brands: [
        { brand: 'Not)A;Brand', version: '8' },
        { brand: 'Chromium', version: '140' },
        { brand: 'Google Chrome', version: '140' },
      ],
    };
    expect(chromeVersionFrom(hints, chromeUserAgent)).toBe('140');
  });

  it('falls back to the user-agent string', () => {
    expect(chromeVersionFrom(undefined, chromeUserAgent)).toBe('140.0.0.0');
  });

  it('is null in a browser that is not Chromium', () => {
    const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
    expect(chromeVersionFrom(undefined, firefox)).toBeNull();
  });
});
