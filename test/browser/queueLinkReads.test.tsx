import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createStationCore, warmQueriesOf } from '../../renderer/src/core';
import { restoreQueueStation } from '../../renderer/src/core/testing/queueStation';
import { AppLayout } from '../../renderer/src/shell/AppLayout';
import { renderInStation, stationDatabase } from './stationScreen';

/**
 * The navigation's Queue link starts reading the queue's count and first rows at the click, so
 * IndexedDB answers while the queue's screen is drawn (the screen takes these reads over, see
 * `core/warmQueries.ts`); once shown, the queue is kept behind other screens and reads them
 * itself. In Chromium, in the app's frame, over a real station.
 */

async function stationAt(path: string) {
  const db = stationDatabase();
  await restoreQueueStation(db, 7);
  const core = createStationCore(db);
  const counted = { filterCounts: 0 };
  const queueCounts = core.queries.queueCounts;
  Object.assign(core.queries, {
    queueCounts: (...args: Parameters<typeof queueCounts>) => {
      counted.filterCounts += 1;
      return queueCounts(...args);
    },
  });
  const warm = warmQueriesOf(core);
  const started: string[] = [];
  const start = warm.start.bind(warm);
  warm.start = (query, unclaimedMs) => {
    started.push(JSON.parse(query.key)[0] as string);
    start(query, unclaimedMs);
  };
  await renderInStation(
    core,
    // As the app's routes: the layout draws the queue and keeps it.
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={null} />
        <Route path="settings" element={<h2>Settings here</h2>} />
      </Route>
    </Routes>,
    { path },
  );
  return { started, counted };
}

const queueCount = () => page.getByText('7 claims', { exact: true });

/** Focuses the status filter's field, as a person reaching for the filters does. */
function reachFilters(): void {
  // The label names the field and its list of options: the field is the input.
  const field = page
    .getByLabelText('Status', { exact: true })
    .elements()
    .find((element) => element instanceof HTMLInputElement);
  if (field === undefined) throw new Error('no status filter on screen');
  field.focus();
}

/**
 * Clicks the navigation's link to `name` as a DOM click: React runs its handler at once and draws
 * the new screen later. (The test's frame is a phone's width, where the navigation is folded.)
 */
function clickLink(name: string): void {
  const link = page.getByRole('link', { name, exact: true }).element();
  link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
}

describe('the Queue link', () => {
  it("starts reading the queue's count and first rows as it is clicked, before the queue is drawn", async () => {
    const { started } = await stationAt('/settings');
    await expect.element(page.getByRole('heading', { name: 'Settings here' })).toBeVisible();
    expect(started).toEqual([]);

    clickLink('Queue');
    expect(started).toEqual(['queueCount', 'queueWindow']);
    expect(queueCount().elements()).toEqual([]);

    await expect.element(queueCount()).toBeVisible();
    await expect.element(page.getByRole('row', { name: /RMA-JKT1-000007/ })).toBeVisible();
  });

  it('starts nothing when the queue is already shown', async () => {
    const { started } = await stationAt('/');
    await expect.element(queueCount()).toBeVisible();
    clickLink('Queue');
    expect(started).toEqual([]);
  });

  it('finds the queue kept behind another screen: shown again with its rows at once, nothing started', async () => {
    const { started } = await stationAt('/');
    await expect.element(page.getByRole('row', { name: /RMA-JKT1-000007/ })).toBeVisible();
    clickLink('Settings');
    await expect.element(page.getByRole('heading', { name: 'Settings here' })).toBeVisible();
    // Hidden, not gone: its rows stay in the page, out of sight and of the accessibility tree.
    const row = page.getByRole('row', { name: /RMA-JKT1-000007/, includeHidden: true });
    expect(row.elements()).toHaveLength(1);
    expect(row.element().checkVisibility()).toBe(false);

    clickLink('Queue');
    expect(started).toEqual([]);
    await expect.element(page.getByRole('row', { name: /RMA-JKT1-000007/ })).toBeVisible();
    expect(page.getByRole('heading', { name: 'Settings here' }).elements()).toEqual([]);
  });

  it('counts the filters again only once they are reached on the next visit', async () => {
    const { counted } = await stationAt('/');
    await expect.element(queueCount()).toBeVisible();
    // Reaching for the filters counts each choice, kept current while the queue is shown.
    reachFilters();
    await expect.poll(() => counted.filterCounts).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reached = counted.filterCounts;

    clickLink('Settings');
    const settings = page.getByRole('heading', { name: 'Settings here' });
    await expect.element(settings).toBeVisible();
    // The pointer rests on the heading, where the queue's title comes back: passing over the
    // filters would reach for them too.
    await userEvent.hover(settings);
    clickLink('Queue');
    await expect.element(page.getByRole('row', { name: /RMA-JKT1-000007/ })).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(counted.filterCounts).toBe(reached);
    reachFilters();
    await expect.poll(() => counted.filterCounts).toBe(reached + 1);
  });
});
