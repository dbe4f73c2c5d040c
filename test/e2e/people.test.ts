import { describe, expect } from 'vitest';
import { it } from './stationTest';
import { webAppUrl } from '../support/webApp';
import { BenchHeader } from './pages/benchHeader';
import { ClaimPage } from './pages/claimPage';
import { SettingsPage } from './pages/settingsPage';
import { expectNoSeriousAxeViolations, saveScreenshot, seededTechnician } from './workbenchPages';

/**
 * People and roles in the browser build, end to end: a manager adds a warehouse clerk in
 * Settings, the clerk signs in with a PIN, is refused the parts catalog with words that say who
 * may, writes a note the timeline names with the clerk's role, and the station locks.
 */
const appUrl = webAppUrl();

const clerk = { name: 'Budi Santoso', pin: '2468' };

describe('people and roles', () => {
  it('lets a manager add a clerk, who signs in with a PIN and is refused the parts catalog', async ({
    stationWithClaim,
  }) => {
    const { page, claimId } = stationWithClaim;
    const settings = new SettingsPage(page, appUrl);
    await settings.open();
    const people = settings.people;
    await people.getByRole('cell', { name: seededTechnician.name, exact: true }).waitFor();
    const form = await settings.fillNewPerson({ ...clerk, roles: ['Warehouse clerk'], pin: '12' });
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Use 4 to 6 digits, e.g. 4821.').waitFor();
    await form.getByLabel('PIN').fill(clerk.pin);
    await form.getByRole('button', { name: 'Save' }).click();
    const clerkRow = people.getByRole('row', { name: new RegExp(clerk.name) });
    await clerkRow.getByText('Warehouse clerk').waitFor();
    // The form fades out after saving: axe reads a half-faded dialog's text as faint.
    await form.waitFor({ state: 'hidden' });
    await expectNoSeriousAxeViolations(page);
    await people.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'people-panel');

    const bench = new BenchHeader(page);
    const header = bench.person;
    await header.getByText('Technician, Warehouse clerk, Manager').waitFor();
    await bench.signInAs(clerk.name, clerk.pin);
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

    const claim = new ClaimPage(page, appUrl);
    await claim.open(claimId);
    await claim.addNote('Parcel arrived with a torn box.');
    const timeline = claim.timeline;
    await timeline.getByText(`${clerk.name} added a note`).waitFor();
    await timeline.getByText(`${clerk.name} · Warehouse clerk`).waitFor();
    await timeline.getByText(`${seededTechnician.name} · Technician`).first().waitFor();
  }, 90_000);

  it('locks the station until a PIN is typed, and makes wrong PINs wait', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    // The menu closes before the check: axe caught it mid-fade found a menu without its items.
    const lock = await new BenchHeader(page).lockStation();
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

  it('says all of it in Bahasa Indonesia', async ({ seededStation }) => {
    const { page } = seededStation;
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
