import { test } from 'vitest';
import { openStationBrowser, type StationBrowser } from '../support/webApp';

/**
 * `it` for end-to-end tests, with a `station` fixture: a Chromium with a profile of its own
 * (an empty station), opened when a test asks for it and closed after the test, pass or fail.
 * `extraArgs` adds Chromium switches (a fake camera, for example).
 */
export function stationTest(extraArgs: readonly string[] = []) {
  return test.extend<{ station: StationBrowser }>({
    // Vitest reads a fixture's dependencies from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    station: async ({}, use) => {
      const station = await openStationBrowser(extraArgs);
      try {
        await use(station);
      } finally {
        await station.close();
      }
    },
  });
}

export const it = stationTest();
