import type { Browser } from 'playwright';
import { test } from 'vitest';
import {
  launchStationsBrowser,
  openStationContext,
  webAppUrl,
  type StationBrowser,
} from '../support/webApp';
import { openApp, seedClaims, seedStation } from './workbenchPages';

/** A station browser with the app open on the seeded station (see `seedStation`), at the queue. */
export type SeededStation = StationBrowser;

/** A seeded station with one claim opened through the repositories (see `seedClaims`). */
export type StationWithClaim = SeededStation & { readonly claimId: string };

type StationFixtures = {
  /** The file's Chromium, launched at its first station and again if it has gone. */
  stationsBrowser: () => Promise<Browser>;
  station: StationBrowser;
  seededStation: SeededStation;
  stationWithClaim: StationWithClaim;
};

/**
 * `it` for end-to-end tests, with fixtures a test asks for by name, each closed after the test,
 * pass or fail:
 * - `station`: an empty station, in a browser context of its own (its own IndexedDB, in memory)
 *   of a Chromium the file's tests share, for tests that go through first-run setup or add init
 *   scripts before the app opens; a test that restarts the browser opens its own with
 *   `openStationBrowser`;
 * - `seededStation`: the same with the app open on a station set up through the test hook
 *   (`window.__fixlineTest`), Dewi Lestari at the bench;
 * - `stationWithClaim`: a seeded station with one claim, whose id it carries;
 * - `stationsBrowser`: the file's Chromium, for a second station beside the first
 *   (`openStationContext(await stationsBrowser())`, closed by the test).
 * `extraArgs` adds Chromium switches (a fake camera, for example).
 */
export function stationTest(extraArgs: readonly string[] = []) {
  return test.extend<StationFixtures>({
    stationsBrowser: [
      // Vitest reads a fixture's dependencies from its first parameter's pattern: none here.
      // eslint-disable-next-line no-empty-pattern
      async ({}, use) => {
        let browser: Browser | undefined;
        try {
          await use(async () => {
            if (browser?.isConnected() !== true) browser = await launchStationsBrowser(extraArgs);
            return browser;
          });
        } finally {
          await browser?.close();
        }
      },
      { scope: 'file' },
    ],
    station: async ({ stationsBrowser }, use) => {
      const station = await openStationContext(await stationsBrowser());
      try {
        await use(station);
      } finally {
        await station.close();
      }
    },
    seededStation: async ({ station }, use) => {
      await openApp(station.page, webAppUrl());
      await station.page.evaluate(seedStation);
      await station.page.getByRole('heading', { name: 'Queue' }).waitFor();
      await use(station);
    },
    stationWithClaim: async ({ seededStation }, use) => {
      const [claimId] = await seededStation.page.evaluate<string[]>(seedClaims(1));
      if (claimId === undefined) throw new Error('seedClaims(1) opened no claim');
      await use({ ...seededStation, claimId });
    },
  });
}

export const it = stationTest();
