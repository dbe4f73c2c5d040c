import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { inject } from 'vitest';
import { chromiumArgs, findChromium } from '../../tooling/chromium';

const projectRoot = join(import.meta.dirname, '../..');
/**
 * The address of the web app the e2e project's global setup serves (test/e2e/globalSetup.ts, with
 * tooling/webApp.ts).
 */
export function webAppUrl(): string {
  return inject('webAppUrl');
}

/** The folder of that web app's build, for the sync server's `--web-root`. */
export function webAppDir(): string {
  return inject('webAppDir');
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The e2e tier's one web app, built and served once for every test file. */
    webAppUrl: string;
    /** Where that web app was built to. */
    webAppDir: string;
  }
}

/** How a station's browser is opened beside its profile. */
export type StationBrowserOptions = {
  /** Command-line switches added to the usual (a fake camera, for example). */
  readonly extraArgs?: readonly string[];
  /**
   * Lets the browser build's service worker install. Off unless a test is about working offline:
   * installing it copies every file of the build (a few MB of fonts and PDF code) into a new
   * profile's cache, about 1.9 s of Chromium's CPU a station, which the other tests never use.
   */
  readonly serviceWorker?: boolean;
};

/** How a station's Chromium starts, whether it has a profile of its own or a file shares it. */
function chromiumLaunchOptions(extraArgs: readonly string[]) {
  return {
    executablePath: findChromium(),
    args: [...chromiumArgs, ...extraArgs],
    headless: true,
  };
}

/** How a station's pages open, whether in a Chromium of their own or in one the file shares. */
function stationContextOptions(serviceWorker: boolean) {
  return {
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    serviceWorkers: serviceWorker ? ('allow' as const) : ('block' as const),
  };
}

/**
 * A Chromium with a profile of its own (so IndexedDB persists across reloads and a browser's
 * restart), as a station's browser would be. `close` removes the profile. A test that does not
 * restart its browser takes a context of a shared one instead ({@link openStationContext}): a
 * launch of its own costs about a second more.
 */
export async function openStationBrowser({
  extraArgs = [],
  serviceWorker = false,
}: StationBrowserOptions = {}): Promise<StationBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'fixline-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions(extraArgs),
    ...stationContextOptions(serviceWorker),
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

/** A Chromium for {@link openStationContext}: one a test file shares between its stations. */
export function launchStationsBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions(extraArgs));
}

/**
 * A station in a context of its own in `browser`: its IndexedDB, cookies and caches are its own
 * (Chromium keeps them in memory, for the context's life), so a station never sees another's
 * data, and it survives reloads. `close` drops it all. Its service worker is blocked: a test
 * that works offline opens `openStationBrowser({ serviceWorker: true })`.
 */
export async function openStationContext(browser: Browser): Promise<StationBrowser> {
  const context = await browser.newContext(stationContextOptions(false));
  const page = await context.newPage();
  return { context, page, close: () => context.close() };
}

/**
 * A station's browser: its context, its first page, and `close`, which closes the context and
 * removes its profile, if it has one.
 */
export type StationBrowser = {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly close: () => Promise<void>;
};

/** Where end-to-end tests leave their screenshots, to be looked at. */
export const screenshotFolder = join(projectRoot, 'test-results', 'screenshots');
