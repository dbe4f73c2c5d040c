import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  createAppProtocolHandler,
  resolveAppFile,
} from '../../electron/main/appProtocol';
import { contentSecurityPolicy } from '../../electron/main/contentSecurityPolicy';

const root = resolve(tmpdir(), 'fixline-renderer');

/** Whether `file` is strictly below `folder`. */
function isBelow(folder: string, file: string): boolean {
  const fromFolder = relative(folder, file);
  return fromFolder !== '' && !fromFolder.startsWith(`..${sep}`) && fromFolder !== '..';
}

describe('resolveAppFile', () => {
  it('serves index.html for the root', () => {
    expect(resolveAppFile(root, 'app://fixline/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://fixline')).toBe(join(root, 'index.html'));
  });

  it('serves the entry URL the window loads', () => {
    expect(resolveAppFile(root, appEntryUrl)).toBe(join(root, 'index.html'));
  });

  it('maps a path to the file below the root, ignoring the query and fragment', () => {
    expect(resolveAppFile(root, 'app://fixline/assets/index-abc.js?v=1#top')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
  });

  it.each([
    'app://fixline/../../etc/passwd',
    'app://fixline/%2e%2e/%2e%2e/etc/passwd',
    'app://fixline/assets/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
    'app://fixline//etc/passwd',
  ])('keeps %s inside the root', (url) => {
    const file = resolveAppFile(root, url);
    // The URL parser collapses dot segments, so these name a (missing) file under the root.
    expect(file === null || isBelow(root, file)).toBe(true);
    expect(file).not.toBe('/etc/passwd');
  });

  it.each([
    ['an encoded slash', 'app://fixline/..%2f..%2fetc/passwd'],
    ['an encoded backslash', 'app://fixline/assets/..%5c..%5cwindows%5cwin.ini'],
    ['a NUL byte', 'app://fixline/index.html%00.png'],
    ['a broken escape', 'app://fixline/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['something that is not a URL', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('never names a file outside the root, whatever the path', () => {
    const segment = fc.constantFrom(
      '..',
      '.',
      '',
      '%2e%2e',
      '%2E.',
      '.%2e',
      '%2f',
      '%5c',
      '%00',
      '..%2f',
      'assets',
      'index.html',
      'C:',
      '%252e%252e',
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const file = resolveAppFile(root, `app://fixline/${segments.join('/')}`);
        return file === null || isBelow(root, file);
      }),
    );
  });
});

describe('createAppProtocolHandler', () => {
  let workspace: string;
  let rendererFolder: string;

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'fixline-protocol-'));
    rendererFolder = join(workspace, 'renderer');
    await mkdir(join(rendererFolder, 'assets'), { recursive: true });
    await writeFile(join(rendererFolder, 'index.html'), '<!doctype html><title>Fixline</title>');
    await writeFile(join(rendererFolder, 'assets', 'app.js'), 'export {};');
    // A file next to the renderer folder that no URL may reach.
    await writeFile(join(workspace, 'secret.txt'), 'station token');
  });

  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  it('serves index.html for the root with the CSP header and no MIME sniffing', async () => {
    const response = await createAppProtocolHandler(rendererFolder)(new Request('app://fixline/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Fixline</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await createAppProtocolHandler(rendererFolder)(
      new Request('app://fixline/assets/app.js'),
    );
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
  });

  it.each(['app://fixline/..%2fsecret.txt', 'app://fixline/%2e%2e/secret.txt'])(
    'answers 404 without reading outside the folder for %s',
    async (url) => {
      const read: string[] = [];
      const handler = createAppProtocolHandler(rendererFolder, async (file) => {
        read.push(file);
        throw new Error('missing');
      });
      const response = await handler(new Request(url));
      expect(response.status).toBe(404);
      expect(read.every((file) => isBelow(rendererFolder, file))).toBe(true);
    },
  );

  it('answers 404 for a missing file, still with the CSP header', async () => {
    const response = await createAppProtocolHandler(rendererFolder)(
      new Request('app://fixline/missing.js'),
    );
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    const response = await createAppProtocolHandler(rendererFolder)(
      new Request('app://fixline/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });
});
