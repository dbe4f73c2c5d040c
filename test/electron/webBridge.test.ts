import { describe, expect, it } from 'vitest';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import {
  chromeVersionFrom,
  createWebBridge,
  type WebEnvironment,
} from '../../renderer/src/bridge/webBridge';

const chromeUserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

/** A browser stand-in that records downloads instead of starting them. */
function webEnvironment(overrides: Partial<WebEnvironment> = {}) {
  const downloads: { blob: Blob; fileName: string }[] = [];
  const reports: string[] = [];
  const environment: WebEnvironment = {
    version: '0.1.0',
    userAgent: chromeUserAgent,
    userAgentData: undefined,
    download: (blob, fileName) => downloads.push({ blob, fileName }),
    report: (message) => reports.push(message),
    ...overrides,
  };
  return { bridge: createWebBridge(environment), downloads, reports };
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

  it('refuses to open a local path, explaining why', async () => {
    const answer = await webEnvironment().bridge.files.openWithSystem({ path: '/tmp/RMA-7.pdf' });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'not-allowed', message: expect.stringContaining('browser') },
    });
  });

  it('saves by downloading the bytes under the suggested name', async () => {
    const { bridge, downloads } = webEnvironment();
    const answer = await bridge.files.saveWithDialog({
      suggestedName: 'RMA-7.pdf',
      bytes: new Uint8Array([37, 80, 68, 70]),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(answer).toEqual({ ok: true, value: { outcome: 'saved', path: 'RMA-7.pdf' } });
    expect(downloads.map((download) => download.fileName)).toEqual(['RMA-7.pdf']);
    expect(await downloads[0]?.blob.text()).toBe('%PDF');
  });

  it('refuses the same bad input as the desktop, naming the field', async () => {
    const { bridge, downloads } = webEnvironment();
    const answer = await bridge.files.saveWithDialog({
      suggestedName: 'folder/RMA-7.pdf',
      bytes: new Uint8Array(1),
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
    const answer = await bridge.files.saveWithDialog({
      suggestedName: 'RMA-7.pdf',
      bytes: new Uint8Array(1),
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'failed', message: 'downloads are blocked' },
    });
    expect(reports).toHaveLength(1);
  });

  it('refuses to render a document, saying to use the desktop app', async () => {
    const answer = await webEnvironment().bridge.documents.render({
      kind: 'device-tag',
      data: sampleDocuments()['device-tag'],
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'not-supported', message: expect.stringContaining('desktop app') },
    });
  });

  it('lists no printers', async () => {
    expect(await webEnvironment().bridge.printing.listPrinters()).toEqual({ ok: true, value: [] });
  });

  it('refuses to print, saying what to do instead', async () => {
    const { bridge } = webEnvironment();
    const tag = { kind: 'device-tag', data: sampleDocuments()['device-tag'] } as const;
    const target = { type: 'system', printer: 'Office' } as const;
    for (const answer of [
      await bridge.printing.print({ ...tag, target }),
      await bridge.printing.printBatch({ jobs: [tag], target }),
    ]) {
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'not-supported',
          message: expect.stringMatching(/cannot print silently.*desktop app/),
        },
      });
    }
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

  it('never delivers events, and unsubscribing is harmless', () => {
    const unsubscribe = webEnvironment().bridge.on('fixline:printing:progress', () => {
      throw new Error('no event was expected');
    });
    expect(() => unsubscribe()).not.toThrow();
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
