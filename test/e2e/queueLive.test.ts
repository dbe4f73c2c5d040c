import { describe } from 'vitest';
import { webAppUrl } from '../support/webApp';
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
});
