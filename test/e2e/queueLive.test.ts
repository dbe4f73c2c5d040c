import { describe, expect } from 'vitest';
import { webAppUrl } from '../support/webApp';
import { chooseFilter, expectQueueCount } from './queuePages';
import { it } from './stationTest';
import { openApp, seedClaims, seedStation } from './workbenchPages';

/**
 * The open queue follows writes it did not make (another window, or sync later): through the
 * repositories, as those writers will, with no click on the queue.
 */
const appUrl = webAppUrl();
/** Far more than a live query takes to wake, even on a busy machine; less than the test's time. */
const liveUpdateMs = 15_000;

/** Moves the claim `claimId` to `status` through the repositories, as another writer would. */
const moveClaim = (claimId: string, status: string) => `(async () => {
  const { appDatabase, createRepositories } = await window.__fixlineTest;
  const moved = await createRepositories(appDatabase()).claims.transition(
    ${JSON.stringify(claimId)},
    ${JSON.stringify(status)},
    { actor: '00000000-0000-7000-8000-0000000000aa' },
  );
  if (!moved.ok) throw new Error(moved.error.message);
})()`;

describe('the open queue', () => {
  it('shows a claim written into the empty queue, then its new status, which changes no count', async ({
    station,
  }) => {
    const { page } = station;
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    await page.getByText('No claims yet').waitFor();
    const [claimId = ''] = (await page.evaluate(seedClaims(1))) as string[];
    const grid = page.getByRole('grid', { name: 'Claims' });
    await grid
      .getByRole('row', { name: /RMA-JKT1-000001\b.*Intake/ })
      .waitFor({ timeout: liveUpdateMs });

    await page.evaluate(moveClaim(claimId, 'awaiting-authorization'));
    await grid
      .getByRole('row', { name: /RMA-JKT1-000001\b.*Awaiting authorization/ })
      .waitFor({ timeout: liveUpdateMs });
  }, 60_000);

  it('shows the new status of a claim in a filtered queue, whose count stays the same', async ({
    station,
  }) => {
    const { page } = station;
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    // Claims alternate between the iGPSPORT and KOSPET packs: the first is iGPSPORT's.
    const [claimId = ''] = (await page.evaluate(seedClaims(3))) as string[];
    await page.goto(`${appUrl}#/?pack=igpsport`);
    await page.getByText('2 claims').waitFor();
    const grid = page.getByRole('grid', { name: 'Claims' });
    await grid.getByRole('row', { name: /RMA-JKT1-000001\b.*Intake/ }).waitFor();

    await page.evaluate(moveClaim(claimId, 'awaiting-authorization'));
    await grid
      .getByRole('row', { name: /RMA-JKT1-000001\b.*Awaiting authorization/ })
      .waitFor({ timeout: liveUpdateMs });
  }, 60_000);

  it('is kept behind other screens: back from a claim, it is as it was left and shows what changed meanwhile', async ({
    station,
  }) => {
    const { page } = station;
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    // Claims alternate between the iGPSPORT and KOSPET packs: the odd RMA numbers are iGPSPORT's.
    const claimIds = (await page.evaluate(seedClaims(60))) as string[];
    const grid = page.getByRole('grid', { name: 'Claims' });
    await grid.getByRole('row', { name: /RMA-JKT1-000001\b/ }).waitFor();
    await chooseFilter(page, 'Policy pack', /^iGPSPORT/);
    await expectQueueCount(page, 30);
    // Scrolled down the list with the wheel, one claim selected, the next one opened.
    await grid.hover();
    await page.mouse.wheel(0, 400);
    const opened = grid.getByRole('row', { name: /RMA-JKT1-000027\b/ });
    await opened.waitFor();
    await page.getByRole('checkbox', { name: /RMA-JKT1-000025\b/ }).click();
    await page.getByText('1 claim selected', { exact: true }).waitFor();
    const scrolledTo = await grid.evaluate((element) => element.scrollTop);
    expect(scrolledTo).toBeGreaterThan(0);
    await opened.getByText('RMA-JKT1-000027', { exact: true }).click();
    await page.getByRole('heading', { name: 'RMA-JKT1-000027' }).waitFor();

    // Another writer moves the selected claim on while the claim is open.
    await page.evaluate(moveClaim(claimIds[24] ?? '', 'awaiting-authorization'));
    await page.getByRole('link', { name: /Back to the queue/ }).click();
    await grid
      .getByRole('row', { name: /RMA-JKT1-000025\b.*Awaiting authorization/ })
      .waitFor({ timeout: liveUpdateMs });
    expect(new URL(page.url()).hash).toBe('#/?pack=igpsport');
    await expectQueueCount(page, 30);
    await page.getByText('1 claim selected', { exact: true }).waitFor();
    expect(await grid.evaluate((element) => element.scrollTop)).toBe(scrolledTo);
    await expect(opened.isVisible()).resolves.toBe(true);

    // The navigation's Queue link comes back to it the same way from another screen.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Queue', exact: true }).click();
    await opened.waitFor();
    expect(new URL(page.url()).hash).toBe('#/?pack=igpsport');
    expect(await grid.evaluate((element) => element.scrollTop)).toBe(scrolledTo);
    await page.getByText('1 claim selected', { exact: true }).waitFor();
  }, 90_000);
});
