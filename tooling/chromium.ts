import { existsSync } from 'node:fs';

/**
 * The system Chromium the browser tests drive. Playwright cannot download its own browser here,
 * so the tests use Debian's `chromium` (or the path in FIXLINE_CHROMIUM).
 */
export function findChromium(): string {
  const candidates = [
    process.env['FIXLINE_CHROMIUM'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        'or set FIXLINE_CHROMIUM to a Chromium or Chrome executable.',
    );
  }
  return found;
}

/**
 * Playwright's own `--disable-features` list (playwright-core's chromiumSwitches.ts, at the
 * pinned version): Chromium keeps only the last `--disable-features` it is given, so ours must
 * name these again. test/tooling/chromiumArgs.test.ts fails when Playwright's list changes.
 */
export const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Features no test or benchmark needs that cost every launch: Chromium 156 loads its address
 * bar's popup, a web page of its own in a renderer, even headless and never shown. That renderer
 * took 1.4 s of CPU, and a launch 3.9 s of CPU in all its processes against 1.8 s without it
 * (measured here with /proc's counters).
 */
const unusedFeatures = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** Flags for a headless Chromium on a machine with no GPU and a closed network. */
export const chromiumArgs = [
  `--disable-features=${[...playwrightDisabledFeatures, ...unusedFeatures].join(',')}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
