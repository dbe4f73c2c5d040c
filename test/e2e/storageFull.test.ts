import type { Page } from 'playwright';
import { describe, expect } from 'vitest';
import { it } from './stationTest';
import { webAppUrl } from '../support/webApp';
import { choose, field, openIntake, readStoredIntake, type StoredIntake } from './intakePages';
import { saveScreenshot } from './workbenchPages';

/**
 * The intake when IndexedDB refuses a write for want of space, and when a date is in the future:
 * real Chromium, real IndexedDB, the seeded station.
 */
const appUrl = webAppUrl();

/**
 * Makes every write to the outbox (which each repository write makes, in its transaction) fail as
 * Chromium fails a write on a full disk, until `window.fixlineDiskFull` is set to false.
 */
const fillTheDisk = `(() => {
  window.fixlineDiskFull = true;
  for (const method of ['add', 'put']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      if (window.fixlineDiskFull && this.name === 'outbox') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.apply(this, args);
    };
  }
})()`;

async function fillIntake(page: Page): Promise<void> {
  await field(page, 'customer.name').fill('Budi Santoso');
  await field(page, 'customer.phone').fill('+62 813 1111 2222');
  await field(page, 'device.serial').fill('KT3-2026-000901');
  await field(page, 'device.brand').fill('KOSPET');
  await field(page, 'device.model').fill('Tank T3');
  await choose(page, 'device.category', 'Smartwatch');
  await choose(page, 'purchase.channel', 'Official store');
  await field(page, 'purchase.orderDate').fill('2026-11-10');
  await choose(page, 'claim.reason', 'Defect');
  await field(page, 'claim.defectWhat').fill('The screen stays black after charging');
}

const countRecords = async (page: Page) =>
  ((await page.evaluate(readStoredIntake)) as StoredIntake).claimCount;

describe('the intake when storage is full', () => {
  it('says storage is full, keeps what was typed, and saves once there is space again', async ({
    station,
  }) => {
    const { page } = station;
    await openIntake(page, appUrl);
    await fillIntake(page);
    await page.evaluate(fillTheDisk);

    await page.getByRole('button', { name: 'Save the claim' }).click();
    await page
      .getByRole('alert')
      .getByText(
        'Storage is full: free space on this computer or remove old videos, then save again.',
      )
      .waitFor();
    await saveScreenshot(page, 'intake-storage-full');
    expect(await field(page, 'customer.name').inputValue()).toBe('Budi Santoso');
    expect(await field(page, 'device.serial').inputValue()).toBe('KT3-2026-000901');
    expect(await field(page, 'claim.defectWhat').inputValue()).toBe(
      'The screen stays black after charging',
    );
    expect(await countRecords(page)).toBe(0);

    await page.evaluate('window.fixlineDiskFull = false');
    await page.getByRole('button', { name: 'Save the claim' }).click();
    await expect.poll(() => countRecords(page), { timeout: 10_000 }).toBe(1);
  }, 90_000);

  it('refuses a purchase dated after today on its field', async ({ station }) => {
    const { page } = station;
    await openIntake(page, appUrl);
    await fillIntake(page);
    const nextYear = new Date().getFullYear() + 1;
    await field(page, 'purchase.orderDate').fill(`${nextYear}-01-15`);
    await page.getByRole('button', { name: 'Save the claim' }).click();
    await page.getByText('This date is after today: check the day, month and year.').waitFor();
    expect(await field(page, 'purchase.orderDate').getAttribute('aria-invalid')).toBe('true');
    expect(await countRecords(page)).toBe(0);
  }, 90_000);
});
