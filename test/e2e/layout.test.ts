import type { Locator, Page } from 'playwright';
import { describe, expect } from 'vitest';
import { join } from 'node:path';
import { screenshotFolder, webAppUrl } from '../support/webApp';
import { measureCutContent, seedQuoteLines } from './layoutPages';
import { seedInspectedMisuseClaim } from './quotePages';
import { it } from './stationTest';
import { expectNoSeriousAxeViolations, openApp, seedClaims, seedStation } from './workbenchPages';

/**
 * Every screen at the window sizes a center uses (a 1024×768 bench tablet, a 1366×768 laptop,
 * a 1920×1080 desk monitor), in English and Bahasa Indonesia: nothing in the main content is
 * cut off past the right edge or inside its box, no button or table cell truncates its text,
 * and axe finds nothing serious. One browser per language; the viewport is resized.
 */
const appUrl = webAppUrl();

const sizes = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

type Screen = {
  readonly name: string;
  readonly path: string;
  /** After the route shows, what else to do or wait for before measuring. */
  readonly settle?: (page: Page) => Promise<void>;
  /** Parts of the screen below the fold, screenshotted on their own. */
  readonly cards?: readonly { readonly name: string; readonly locate: (page: Page) => Locator }[];
};

/** The three warehouse tabs, by position (their names differ by language). */
const warehouseTab =
  (index: number): Screen['settle'] =>
  async (page) => {
    await page.getByRole('tab').nth(index).click();
    await page.getByRole('tabpanel').first().waitFor();
  };

function screensFor(claimId: string, rmaNumber: string): readonly Screen[] {
  return [
    {
      name: 'queue',
      path: '#/',
      settle: (page) => page.getByText('RMA-JKT1-000001', { exact: true }).first().waitFor(),
    },
    { name: 'intake', path: '#/intake' },
    {
      name: 'claim',
      path: `#/claims/${claimId}`,
      settle: async (page) => {
        await page.getByRole('heading', { name: rmaNumber }).waitFor();
        await page.getByRole('cell', { name: /^KT3-LCD-01/ }).waitFor();
      },
      cards: [
        {
          name: 'claim-quote',
          locate: (page) => page.getByRole('region', { name: /^(Quote|Penawaran)$/ }),
        },
        {
          name: 'claim-documents',
          locate: (page) => page.getByRole('region', { name: /^(Documents|Dokumen)$/ }),
        },
        {
          name: 'claim-timeline',
          locate: (page) => page.getByRole('region', { name: /^(Timeline|Riwayat)$/ }),
        },
      ],
    },
    { name: 'warehouse-receiving', path: '#/warehouse', settle: warehouseTab(0) },
    { name: 'warehouse-print-queue', path: '#/warehouse', settle: warehouseTab(1) },
    { name: 'warehouse-outbound', path: '#/warehouse', settle: warehouseTab(2) },
    { name: 'parts', path: '#/parts' },
    { name: 'reports', path: '#/reports' },
    { name: 'settings', path: '#/settings' },
  ];
}

/** Waits until the screen has drawn and stopped moving (fades, charts, loaders). */
async function settled(page: Page): Promise<void> {
  // The screen's own heading: the queue, once shown, stays in the page hidden behind the others.
  await page.locator('main h2').filter({ visible: true }).first().waitFor();
  await expect
    .poll(
      () =>
        page.evaluate(
          `document.getAnimations().filter((animation) => animation.playState === 'running' && animation.effect?.getTiming().iterations !== Infinity).length + document.querySelectorAll('main .mantine-Loader-root').length`,
        ),
      // A loaded machine takes a while to compute the reports.
      { timeout: 20_000 },
    )
    .toBe(0);
}

describe('the layout of every screen', () => {
  it.for(['en', 'id'] as const)(
    'cuts nothing off at 1024, 1366 and 1920 pixels wide, in %s',
    { timeout: 300_000 },
    async (language, { station }) => {
      const { page } = station;
      await openApp(page, appUrl);
      await page.evaluate(seedStation);
      await page.evaluate(seedClaims(5));
      const claimId = (await page.evaluate(seedInspectedMisuseClaim)) as string;
      await page.evaluate(seedQuoteLines(claimId));
      if (language === 'id') await page.getByText('ID', { exact: true }).click();
      const screens = screensFor(claimId, 'RMA-JKT1-000006');

      const cut: string[] = [];
      for (const size of sizes) {
        await page.setViewportSize(size);
        for (const screen of screens) {
          await page.goto(`${appUrl}${screen.path}`);
          await screen.settle?.(page);
          await settled(page);
          const shot = (name: string) =>
            join(screenshotFolder, `${name}-${size.width}-${language}.png`);
          await page.screenshot({ path: shot(screen.name) });
          // The claim's cards below the fold, each whole, to be looked at too.
          for (const card of screen.cards ?? []) {
            await card.locate(page).screenshot({ path: shot(card.name) });
          }
          const problems = (await page.evaluate(measureCutContent)) as string[];
          cut.push(...problems.map((problem) => `${screen.name} at ${size.width}: ${problem}`));
          await expectNoSeriousAxeViolations(page);
        }
      }
      expect(cut).toEqual([]);
    },
  );
});
