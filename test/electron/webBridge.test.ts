import { describe, expect, it } from 'vitest';
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
