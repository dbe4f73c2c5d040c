import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { build, preview } from 'vite';
import { inject } from 'vitest';
import { chromiumArgs, findChromium } from './chromium';

const projectRoot = join(import.meta.dirname, '../..');
const webConfig = join(projectRoot, 'vite.web.config.ts');

/**
 * The renderer as a user's browser gets it: a production build (`vite build`, minified, React's
 * production build) served as static files on 127.0.0.1 and a free port. The build carries the test
 * hook (`window.__fixlineTest`, see renderer/src/core/testHook.ts), which a user's build leaves out.
 * Built once per run: a few seconds, where each dev server took tens of seconds to bundle.
 */
export async function startWebApp(): Promise<{ url: string; stop: () => Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'fixline-web-'));
  await build({
    configFile: webConfig,
    logLevel: 'warn',
    // What `VITE_FIXLINE_TEST_HOOK=1 vite build` sets, without touching this process's environment.
    define: { 'import.meta.env.VITE_FIXLINE_TEST_HOOK': JSON.stringify('1') },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
  const server = await preview({
    configFile: webConfig,
    logLevel: 'error',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (typeof address !== 'object' || address === null)
    throw new Error('the web server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    stop: async () => {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** The address of the web app the e2e project's global setup serves (test/e2e/globalSetup.ts). */
export function webAppUrl(): string {
  return inject('webAppUrl');
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The e2e tier's one web app, built and served once for every test file. */
    webAppUrl: string;
  }
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

/** A station's browser: its context, its first page, and `close`, which removes its profile. */
export type StationBrowser = Awaited<ReturnType<typeof openStationBrowser>>;

/** Where end-to-end tests leave their screenshots, to be looked at. */
export const screenshotFolder = join(projectRoot, 'test-results', 'screenshots');
