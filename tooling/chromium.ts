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

/** Flags for a headless Chromium on a machine with no GPU and a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
