import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStationBrowser, webAppUrl } from '../support/webApp';
import {
  chooseFilter,
  countGenerated,
  expectQueueCount,
  filterInput,
  restoreQueueStation,
  slowStepMs,
  type SeededQueue,
} from './queuePages';
import { expectNoSeriousAxeViolations, openApp, saveScreenshot } from './workbenchPages';

/**
 * The queue of a station with 100,000 claims, end to end in the browser build: real Chromium,
 * real IndexedDB. The station is restored once, as a backup would be, and the tests run in order
 * on it: the bulk change last, as it changes statuses.
 */
const claimCount = 100_000;
const dewi = '00000000-0000-7000-8000-0000000000aa';

const appUrl = webAppUrl();
let station: Awaited<ReturnType<typeof openStationBrowser>>;
let seeded: SeededQueue;

beforeAll(async () => {
  station = await openStationBrowser();
  // 100,000 claims are slow to restore on a busy machine; the steps after it are not timed.
  station.context.setDefaultTimeout(slowStepMs);
  await openApp(station.page, appUrl);
  seeded = (await station.page.evaluate(restoreQueueStation(claimCount))) as SeededQueue;
  await station.page.getByRole('heading', { name: 'Queue' }).waitFor();
}, 600_000);
afterAll(async () => {
  await station.close();
}, 180_000);

const grid = () => station.page.getByRole('grid', { name: 'Claims' });

/**
 * Each test starts on the whole queue as a window opens on it, whatever the one before left: the
 * queue is kept with its scroll position and selection while the window is open.
 */
beforeEach(async () => {
  await station.page.goto(`${appUrl}#/`);
  await station.page.reload();
  await grid()
    .getByRole('row', { name: /RMA-JKT1-000001\b/ })
    .waitFor();
}, 180_000);

describe('the queue with 100,000 claims', () => {
  it('renders only the rows on screen, and scrolls to the last claim and opens it', async () => {
    const { page } = station;
    await expectQueueCount(page, claimCount);
    await grid()
      .getByRole('row', { name: /RMA-JKT1-000001\b/ })
      .waitFor();
    expect(await grid().getByRole('row').count()).toBeLessThan(40);
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'queue-100k');

    await grid().evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));
    const last = grid().getByRole('row', { name: /RMA-JKT1-100000\b/ });
    await last.waitFor();
    expect(await grid().getByRole('row').count()).toBeLessThan(40);
    await saveScreenshot(page, 'queue-100k-end');
    await last.getByText('RMA-JKT1-100000').click();
    await page.getByRole('heading', { name: 'RMA-JKT1-100000' }).waitFor();
    await page.goBack();
    await expectQueueCount(page, claimCount);
  }, 300_000);

  it('filters by status, overdue, pack and assignee, with the counts that were seeded', async () => {
    const { page } = station;
    await chooseFilter(page, 'Status', /^Authorized \(/);
    await expectQueueCount(page, seeded.byStatus['authorized'] ?? -1);
    await grid()
      .getByRole('row', { name: /RMA-JKT1-000003\b/ })
      .waitFor();
    await saveScreenshot(page, 'queue-filter-status');

    await chooseFilter(page, 'Status', /^Any status/);
    await page.getByRole('switch', { name: /^Overdue only/ }).click();
    expect(seeded.overdue).toBeGreaterThan(0);
    await expectQueueCount(page, seeded.overdue);
    const firstOverdue = grid().getByRole('row').nth(1);
    await firstOverdue.getByText(/RMA-JKT1-/).waitFor();
    // The longest overdue come first, each deadline shown as passed.
    expect(await firstOverdue.locator('[data-urgency="passed"]').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'queue-filter-overdue');
    await page.getByRole('switch', { name: /^Overdue only/ }).click();

    await chooseFilter(page, 'Policy pack', /^iGPSPORT/);
    await expectQueueCount(page, seeded.byPack['igpsport'] ?? -1);
    await saveScreenshot(page, 'queue-filter-pack');

    await chooseFilter(page, 'Assignee', /^Dewi Lestari/);
    const packAndAssignee = (await page.evaluate(
      countGenerated(claimCount, { packId: 'igpsport', assigneeId: dewi }),
    )) as number;
    await expectQueueCount(page, packAndAssignee);
    await grid().getByRole('row').nth(1).getByText('Dewi Lestari').waitFor();
    await saveScreenshot(page, 'queue-filter-pack-assignee');

    await chooseFilter(page, 'Policy pack', /^Any pack/);
    await expectQueueCount(page, seeded.byAssignee[dewi] ?? -1);
    await chooseFilter(page, 'Status', /^Intake \(/);
    const intakeAndDewi = (await page.evaluate(
      countGenerated(claimCount, { status: 'intake', assigneeId: dewi }),
    )) as number;
    await expectQueueCount(page, intakeAndDewi);
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'queue-filter-status-assignee');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectQueueCount(page, claimCount);
  }, 300_000);

  it('saves the filters as a view, applies it again in a click, and deletes it', async () => {
    const { page } = station;
    await chooseFilter(page, 'Status', /^Received \(/);
    await chooseFilter(page, 'Assignee', /^Dewi Lestari/);
    const expected = (await page.evaluate(
      countGenerated(claimCount, { status: 'received', assigneeId: dewi }),
    )) as number;
    await expectQueueCount(page, expected);

    await page.getByRole('button', { name: 'Save view…' }).click();
    const form = page.getByRole('form', { name: 'Save these filters as a view' });
    await form.getByRole('button', { name: 'Save view' }).click();
    await form.getByText('name the view').waitFor();
    await form.getByLabel('View name').fill('Dewi’s received');
    await form.getByRole('button', { name: 'Save view' }).click();
    await page.getByText('View “Dewi’s received” saved.').waitFor();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectQueueCount(page, claimCount);
    await page.getByRole('button', { name: 'Apply view Dewi’s received' }).click();
    await expectQueueCount(page, expected);
    const firstRow = grid().getByRole('row').nth(1);
    await firstRow.getByText('Dewi Lestari').waitFor();
    await firstRow.getByText('Received', { exact: true }).waitFor();
    expect(await filterInput(page, 'Status').inputValue()).toMatch(/^Received/);
    await saveScreenshot(page, 'queue-saved-view');

    await page.reload();
    await page.getByRole('button', { name: 'Apply view Dewi’s received' }).waitFor();
    await page.getByRole('button', { name: 'Delete view Dewi’s received' }).click();
    await page.getByText('View “Dewi’s received” deleted.').waitFor();
    await page
      .getByRole('button', { name: 'Apply view Dewi’s received' })
      .waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: /^Apply view/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectQueueCount(page, claimCount);
  }, 300_000);

  it('moves through the queue and focuses the filters with the keyboard', async () => {
    const { page } = station;
    await grid()
      .getByRole('row', { name: /RMA-JKT1-000001\b/ })
      .waitFor();
    await grid().focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('x');
    await grid()
      .getByRole('row', { name: /RMA-JKT1-000002\b/ })
      .and(page.locator('[aria-selected="true"]'))
      .waitFor();
    await page.getByText('1 claim selected').waitFor();
    await page.keyboard.press('x');
    await page.getByText('1 claim selected').waitFor({ state: 'detached' });
    await page.keyboard.press('/');
    expect(
      await filterInput(page, 'Status').evaluate((input) => input === document.activeElement),
    ).toBe(true);
  }, 180_000);

  it('refuses to change more than 500 claims at once when the whole filter is selected', async () => {
    const { page } = station;
    await grid().focus();
    await page.keyboard.press('Control+a');
    await page.getByText('100,000 claims selected').waitFor();
    await page.getByRole('button', { name: 'Change status…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the status of 100,000 claims' });
    await dialog.getByText('Select at most 500 claims for one change').waitFor();
    expect(await dialog.getByRole('button', { name: 'Change 100,000 claims' }).isDisabled()).toBe(
      true,
    );
    await saveScreenshot(page, 'queue-bulk-too-many');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Clear selection' }).click();
  }, 180_000);

  it('changes the status of selected claims, reporting the one its guard refuses and why', async () => {
    const { page } = station;
    const checkbox = (rma: string) => grid().getByRole('checkbox', { name: `Select ${rma}` });
    // Claim 2 awaits authorization; claims 3 and 10 are authorized (statuses cycle every 7).
    await checkbox('RMA-JKT1-000002').click();
    await checkbox('RMA-JKT1-000003').click({ modifiers: ['Shift'] });
    await checkbox('RMA-JKT1-000010').click();
    await page.getByText('3 claims selected').waitFor();
    await saveScreenshot(page, 'queue-selected');
    await page.getByRole('button', { name: 'Change status…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Change the status of 3 claims' });
    for (const rma of ['RMA-JKT1-000002', 'RMA-JKT1-000003', 'RMA-JKT1-000010']) {
      await dialog.getByText(rma).waitFor();
    }
    await filterInput(page, 'New status').click();
    await page.getByRole('option', { name: 'Received', exact: true }).click();
    await saveScreenshot(page, 'queue-bulk-confirm');
    await dialog.getByRole('button', { name: 'Change 3 claims' }).click();

    await dialog.getByText('2 changed, 1 refused.').waitFor();
    const refused = dialog.getByRole('list', { name: 'Refused, with the reason:' });
    expect(await refused.getByRole('listitem').count()).toBe(1);
    await refused.getByText('RMA-JKT1-000002').waitFor();
    await refused.getByText(/no RMA authorization yet/).waitFor();
    await refused.getByText('Clauses B14').waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'queue-bulk-report');
    // The report's own Close button, below it (the dialog's corner × is named Close too).
    await dialog.getByRole('button', { name: 'Close' }).last().click();

    // The refused claim stays selected; the others moved.
    await page.getByText('1 claim selected').waitFor();
    await chooseFilter(page, 'Status', /^Received \(/);
    await expectQueueCount(page, (seeded.byStatus['received'] ?? 0) + 2);
  }, 300_000);
});
