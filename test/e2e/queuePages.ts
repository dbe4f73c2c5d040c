import type { Page } from 'playwright';

/**
 * Page scripts and page helpers of the queue's end-to-end test. Page scripts reach the app through
 * the test build's hook (see workbenchPages.ts); the station generator
 * (renderer/src/core/testing/queueStation.ts) is the one the benchmarks restore too.
 */

/** What the generator reports it made (see `QueueStationSummary`). */
export type SeededQueue = {
  readonly claims: number;
  readonly byStatus: Record<string, number>;
  readonly byPack: Record<string, number>;
  readonly byAssignee: Record<string, number>;
  readonly overdue: number;
  readonly nowIso: string;
};

/** Restores a station of `count` claims into the app's empty database, the way a backup is restored. */
export const restoreQueueStation = (count: number) => `(async () => {
  const { appDatabase, restoreQueueStation } = await window.__fixlineTest;
  return restoreQueueStation(appDatabase(), ${count});
})()`;

/**
 * How many generated claims match `filter`, tallied from the generator's own rule claim by claim,
 * not through the app's indexes.
 */
export const countGenerated = (
  count: number,
  filter: { status?: string; packId?: string; assigneeId?: string },
) => `(async () => {
  const { generatedClaim } = await window.__fixlineTest;
  const filter = ${JSON.stringify(filter)};
  let matches = 0;
  for (let index = 0; index < ${count}; index += 1) {
    const claim = generatedClaim(index);
    if (Object.entries(filter).every(([field, value]) => claim[field] === value)) matches += 1;
  }
  return matches;
})()`;

/** Chooses `option` (matched from the start of its label) in the queue filter labelled `label`. */
export async function chooseFilter(page: Page, label: string, option: RegExp): Promise<void> {
  await filterInput(page, label).click();
  await page.getByRole('option', { name: option }).click();
}

/** The count the queue's header shows ("14,286 claims"). */
export function queueCountText(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'claim' : 'claims'}`;
}

/** Waits until the queue's header says it holds `count` claims. */
export async function expectQueueCount(page: Page, count: number): Promise<void> {
  await page.getByText(queueCountText(count), { exact: true }).waitFor();
}

/** The input of the select labelled `label` (not its list of options, which shares the label). */
export function filterInput(page: Page, label: string) {
  return page.locator('input').and(page.getByLabel(label, { exact: true }));
}

/** How long a step may take on a loaded machine before the test gives up on it. */
export const slowStepMs = 120_000;
