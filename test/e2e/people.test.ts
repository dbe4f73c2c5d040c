import { describe, expect } from 'vitest';
import { it } from './stationTest';
import { webAppUrl } from '../support/webApp';
import {
  expectNoSeriousAxeViolations,
  openApp,
  saveScreenshot,
  seedClaims,
  seedStation,
  seededTechnician,
} from './workbenchPages';

/**
 * People and roles in the browser build, end to end: a manager adds a warehouse clerk in
 * Settings, the clerk signs in with a PIN, is refused the parts catalog with words that say who
 * may, writes a note the timeline names with the clerk's role, and the station locks.
 */
const appUrl = webAppUrl();

const clerk = { name: 'Budi Santoso', pin: '2468' };

describe('people and roles', () => {
  it('lets a manager add a clerk, who signs in with a PIN and is refused the parts catalog', async ({
    station,
  }) => {
    const { page } = station;
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    const [claimId] = (await page.evaluate(seedClaims(1))) as string[];

    await page.goto(`${appUrl}#/settings`);
    const people = page.getByRole('region', { name: 'People' });
    await people.getByRole('cell', { name: seededTechnician.name, exact: true }).waitFor();
    await people.getByRole('button', { name: 'Add a person' }).click();
    const form = page.getByRole('dialog', { name: 'Add a person' });
    await form.getByRole('textbox', { name: 'Name' }).fill(clerk.name);
    await form.getByRole('checkbox', { name: 'Technician' }).uncheck();
    await form.getByRole('checkbox', { name: 'Warehouse clerk' }).check();
    await form.getByLabel('PIN').fill('12');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Use 4 to 6 digits, e.g. 4821.').waitFor();
    await form.getByLabel('PIN').fill(clerk.pin);
    await form.getByRole('button', { name: 'Save' }).click();
    const clerkRow = people.getByRole('row', { name: new RegExp(clerk.name) });
    await clerkRow.getByText('Warehouse clerk').waitFor();
    await expectNoSeriousAxeViolations(page);
    await people.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'people-panel');

    const header = page.getByRole('button', { name: /Signed in/ });
    await header.getByText('Technician, Warehouse clerk, Manager').waitFor();
    await header.click();
    await page.getByRole('menuitem', { name: clerk.name }).click();
    const pinDialog = page.getByRole('dialog', { name: 'Who is at the bench?' });
    await pinDialog.getByLabel('PIN').fill(clerk.pin);
    await pinDialog.getByRole('button', { name: 'Sign in' }).click();
    await header.getByText(clerk.name).waitFor();
    await header.getByText('Warehouse clerk').waitFor();
    await expect.poll(() => people.getByText('Only a manager can change people.').count()).toBe(1);
    await saveScreenshot(page, 'people-header-clerk');

    await page.goto(`${appUrl}#/parts`);
    await page.getByRole('button', { name: 'Add a part' }).click();
    const part = page.getByRole('dialog', { name: 'Add a part' });
    await part.getByRole('textbox', { name: 'SKU', exact: true }).fill('KT3-GLS-01');
    await part.getByRole('textbox', { name: 'Name', exact: true }).fill('Screen protector');
    await part.getByRole('textbox', { name: 'Price', exact: true }).fill('15000');
    await part.getByRole('button', { name: 'Save part' }).click();
    await part
      .getByText(
        'Only a manager can edit the parts catalog. Switch to a manager (header) to do it.',
      )
      .waitFor();
    await saveScreenshot(page, 'people-clerk-refused-parts');
    await part.getByRole('button', { name: 'Cancel' }).first().click();

    await page.goto(`${appUrl}#/claims/${claimId}`);
    await page.getByRole('textbox', { name: 'New note' }).fill('Parcel arrived with a torn box.');
    await page.getByRole('button', { name: 'Add note' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(`${clerk.name} added a note`).waitFor();
    await timeline.getByText(`${clerk.name} · Warehouse clerk`).waitFor();
    await timeline.getByText(`${seededTechnician.name} · Technician`).first().waitFor();
  }, 90_000);

  it('locks the station until a PIN is typed, and makes wrong PINs wait', async ({ station }) => {
    const { page } = station;
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    await page.getByRole('button', { name: /Signed in/ }).click();
    await page.getByRole('menuitem', { name: 'Lock the station now' }).click();
    const lock = page.getByRole('dialog', { name: 'Station locked' });
    await lock.getByText(`${seededTechnician.name}, type your PIN to go on.`).waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'people-lock-screen');

    // A reload does not unlock it.
    await page.reload();
    await lock.waitFor();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await lock.getByLabel('PIN').fill('0000');
      await lock.getByRole('button', { name: 'Unlock' }).click();
      await lock.getByText(`That is not ${seededTechnician.name}’s PIN`).waitFor();
    }
    await lock.getByText(/Too many wrong PINs for Dewi Lestari\. Try again in \d+ s\./).waitFor();
    expect(await lock.getByRole('button', { name: 'Unlock' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'people-lock-screen-wait');
  }, 90_000);

  it('says all of it in Bahasa Indonesia', async ({ station }) => {
    const { page } = station;
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    await page.getByText('ID', { exact: true }).click();
    await page.goto(`${appUrl}#/settings`);
    const people = page.getByRole('region', { name: 'Orang' });
    await people.getByText('Petugas gudang').first().waitFor();
    await page
      .getByRole('button', { name: /Masuk/ })
      .getByText('Teknisi, Petugas gudang, Manajer')
      .waitFor();
    await people.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'people-panel-id');

    await page.getByRole('button', { name: /Masuk/ }).click();
    await page.getByRole('menuitem', { name: 'Kunci stasiun sekarang' }).click();
    const lock = page.getByRole('dialog', { name: 'Stasiun terkunci' });
    await lock.getByText(`${seededTechnician.name}, ketik PIN Anda untuk melanjutkan.`).waitFor();
    await saveScreenshot(page, 'people-lock-screen-id');
    await lock.getByLabel('PIN').fill(seededTechnician.pin);
    await lock.getByRole('button', { name: 'Buka kunci' }).click();
    await lock.waitFor({ state: 'detached' });
  }, 90_000);
});
