import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { chromiumArgs, findChromium } from './chromium';

const projectRoot = join(import.meta.dirname, '../..');

/**
 * The renderer served as `npm run web` serves it, on 127.0.0.1 and a free port, but deaf to file
 * changes: an edit elsewhere in the tree must not reload a page in the middle of a test.
 */
export async function startWebApp(): Promise<{ url: string; stop: () => Promise<void> }> {
  // A dependency cache of its own: test files run side by side, and two servers re-bundling
  // into one cache folder would reload each other's pages mid-test.
  const cacheDir = await mkdtemp(join(tmpdir(), 'fixline-vite-'));
  const server: ViteDevServer = await createServer({
    configFile: join(projectRoot, 'vite.web.config.ts'),
    cacheDir,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', watch: null, hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (typeof address !== 'object' || address === null)
    throw new Error('the web server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    stop: async () => {
      await server.close();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}

/**
 * A Chromium with a profile of its own (so IndexedDB persists across reloads), as a station's
 * browser would be. `extraArgs` adds command-line switches (a fake camera, for example).
 * `close` removes the profile.
 */
export async function openStationBrowser(extraArgs: readonly string[] = []): Promise<{
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}> {
  const profile = await mkdtemp(join(tmpdir(), 'fixline-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: [...chromiumArgs, ...extraArgs],
    headless: true,
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Where end-to-end tests leave their screenshots, to be looked at. */
export const screenshotFolder = join(projectRoot, 'test-results', 'screenshots');
