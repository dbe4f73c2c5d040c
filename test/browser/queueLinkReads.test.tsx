import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { createStationCore, warmQueriesOf } from '../../renderer/src/core';
import { restoreQueueStation } from '../../renderer/src/core/testing/queueStation';
import { QueueScreen } from '../../renderer/src/queue/QueueScreen';
import { AppLayout } from '../../renderer/src/shell/AppLayout';
import { renderInStation, stationDatabase } from './stationScreen';

/**
 * The navigation's Queue link starts reading the queue's count and first rows at the click, so
 * IndexedDB answers while the queue's screen is drawn (the screen takes these reads over, see
 * `core/warmQueries.ts`); in Chromium, in the app's frame, over a real station.
 */

async function stationOnTheQueue() {
  const db = stationDatabase();
  await restoreQueueStation(db, 7);
  const core = createStationCore(db);
  const warm = warmQueriesOf(core);
  const started: string[] = [];
  const start = warm.start.bind(warm);
  warm.start = (query, unclaimedMs) => {
    started.push(JSON.parse(query.key)[0] as string);
    start(query, unclaimedMs);
  };
  await renderInStation(
    core,
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<QueueScreen />} />
        <Route path="settings" element={<h2>Settings here</h2>} />
      </Route>
    </Routes>,
  );
  await expect.element(page.getByText('7 claims', { exact: true })).toBeVisible();
  return { started };
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
    const { started } = await stationOnTheQueue();
    clickLink('Settings');
    await expect.element(page.getByRole('heading', { name: 'Settings here' })).toBeVisible();
    expect(started).toEqual([]);

    clickLink('Queue');
    expect(started).toEqual(['queueCount', 'queueWindow']);
    expect(page.getByText('7 claims', { exact: true }).elements()).toEqual([]);

    await expect.element(page.getByText('7 claims', { exact: true })).toBeVisible();
    await expect.element(page.getByRole('row', { name: /RMA-JKT1-000007/ })).toBeVisible();
  });

  it('starts nothing when the queue is already shown', async () => {
    const { started } = await stationOnTheQueue();
    clickLink('Queue');
    expect(started).toEqual([]);
  });
});
