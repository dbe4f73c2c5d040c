import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, playwrightDisabledFeatures } from '../../tooling/chromium';

/** The string literals of Playwright's `disabledFeatures = [...]`, read from its bundled source. */
function playwrightsOwnDisabledFeatures(): string[] {
  const packageJson = createRequire(import.meta.url).resolve('playwright-core/package.json');
  const source = readFileSync(join(packageJson, '..', 'lib', 'coreBundle.js'), 'utf8');
  const list = /disabledFeatures = \[([^\]]*)\]/.exec(source)?.[1];
  if (list === undefined) throw new Error('Playwright’s disabledFeatures list was not found');
  return [...list.matchAll(/^\s*"([A-Za-z0-9]+)"/gm)].map((match) => match[1] ?? '');
}

describe('the Chromium flags of the tests and benchmarks', () => {
  it('switch off every feature Playwright does, since Chromium keeps only the last --disable-features', () => {
    const own = playwrightsOwnDisabledFeatures();
    expect(own.length).toBeGreaterThan(5);
    expect(playwrightDisabledFeatures).toEqual(own);
  });

  it('give one --disable-features, with Playwright’s features and the address bar’s popup', () => {
    const switches = chromiumArgs.filter((arg) => arg.startsWith('--disable-features='));
    expect(switches).toHaveLength(1);
    const features = (switches[0] ?? '').slice('--disable-features='.length).split(',');
    expect(features).toEqual(
      expect.arrayContaining([
        ...playwrightDisabledFeatures,
        'WebUIOmniboxPopup',
        'WebUIOmniboxAimPopup',
      ]),
    );
  });
});
