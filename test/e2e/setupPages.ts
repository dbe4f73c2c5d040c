import type { Page } from 'playwright';
import { seededTechnician } from './workbenchPages';

/**
 * The first-run setup screen's page model: a center as a new user types it in, and the form
 * filled and sent through the screen.
 */

/** The center a new station is set up for, as typed into the setup form. */
export const newCenter = {
  name: 'Fixline Jakarta',
  stationCode: 'JKT1',
  phone: '+62 21 5890 1234',
  email: 'service@fixline.example',
  street: 'Jl. Panjang No. 88',
  district: 'Kebon Jeruk',
  city: 'Jakarta Barat',
  postalCode: '11530',
  countryCode: 'ID',
  currency: 'IDR',
  timeZone: 'Asia/Jakarta',
};

/** Fills a station's address fields; `label` names the address ("Center address"). */
export async function fillAddress(page: Page, label: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(`${newCenter.street}\n${newCenter.district}`);
  await page.getByLabel(`${label}: City`).fill(newCenter.city);
  await page.getByLabel(`${label}: Postal code`).fill(newCenter.postalCode);
  await page.getByLabel(`${label}: Country`).fill(newCenter.countryCode);
}

/**
 * Sets a new station up through the first-run form, with the default policy rules and the
 * seeded technician at the bench; `withAddress: false` leaves the address and phone for later.
 */
export async function setUpThroughTheForm(
  page: Page,
  { withAddress }: { withAddress: boolean },
): Promise<void> {
  await page.getByRole('heading', { name: 'Set up this station' }).waitFor();
  await page.getByLabel('Center name').fill(newCenter.name);
  await page.getByLabel('Station code').fill(newCenter.stationCode);
  if (withAddress) {
    await page.getByLabel('Phone', { exact: true }).fill(newCenter.phone);
    await page.getByLabel('Email', { exact: true }).fill(newCenter.email);
    await fillAddress(page, 'Center address');
  }
  await page.getByLabel('Currency').fill(newCenter.currency);
  // The select's input, not its list of options, which has the same name.
  await page.locator('input').and(page.getByLabel('Time zone')).fill(newCenter.timeZone);
  await page.getByRole('option', { name: newCenter.timeZone, exact: true }).click();
  await page.getByLabel('Name (Person 1)').fill(seededTechnician.name);
  await page.getByLabel('PIN (Person 1)').fill(seededTechnician.pin);
  // The first person is a technician and the manager already; at a small center they also
  // receive and ship, so the one person here walks every claim from the counter to outbound.
  await page.getByRole('checkbox', { name: 'Warehouse clerk' }).check();
  await page.getByRole('button', { name: 'Set up the station' }).click();
  await page.getByRole('heading', { name: 'Queue' }).waitFor();
}
