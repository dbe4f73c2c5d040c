import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { chromiumArgs, findChromium } from '../../tooling/chromium.ts';

/**
 * A station's browser for the benchmark: Chromium on a profile of its own that outlives the
 * browser, so a cold start is a new browser on the same station data (IndexedDB on disk).
 */
export type BenchStation = {
  readonly page: () => Page;
  /** Closes the browser and opens a new one on the same profile; returns its first page. */
  readonly relaunch: () => Promise<Page>;
  readonly close: () => Promise<void>;
};

async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: chromiumArgs,
    headless: true,
    viewport: { width: 1366, height: 768 },
    // The app as the desktop runs it, which has no service worker. The web build's worker also
    // answers every navigation of its origin itself (its fallback is the app's page), so a raw
    // baseline page routed by Playwright would never be asked for: the app would load instead.
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(120_000);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  return { context, page };
}

export async function openBenchStation(): Promise<BenchStation> {
  const profile = await mkdtemp(join(tmpdir(), 'fixline-bench-'));
  let current = await launch(profile);
  return {
    page: () => current.page,
    relaunch: async () => {
      await current.context.close();
      current = await launch(profile);
      return current.page;
    },
    close: async () => {
      await current.context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `body` in the page with `hook` bound to the test hook (renderer/src/core/testHook.ts);
 * `body` is the text of an async function body.
 */
export function inPage<Value>(page: Page, body: string): Promise<Value> {
  return page.evaluate<Value>(`(async () => {
    const hook = await window.__fixlineTest;
    ${body}
  })()`);
}

/** Starts Chromium's sampling profiler on `page`; `stopInto` writes the profile as JSON. */
export async function startCpuProfile(
  page: Page,
): Promise<{ stopInto: (path: string) => Promise<void> }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return {
    stopInto: async (path) => {
      const { profile } = await session.send('Profiler.stop');
      await writeFile(path, JSON.stringify(profile));
      await session.detach();
    },
  };
}
