import { describe, expect } from 'vitest';
import { it } from './stationTest';
import { BenchHeader } from './pages/benchHeader';
import { ClaimPage } from './pages/claimPage';
import { QueuePage } from './pages/queuePage';
import { webAppUrl } from '../support/webApp';
import {
  expectNoSeriousAxeViolations,
  fakeDesktopBridge,
  openApp,
  saveScreenshot,
  seedClaims,
  seedPrinters,
  seedStation,
  secondTechnician,
  seededTechnician,
} from './workbenchPages';
import { scanCode, typeUnevenly } from './scannerPages';

/**
 * The workbench in the browser build, end to end: real Chromium, real IndexedDB, the setup a
 * station goes through once, the queue, the scanner, and the language switch.
 */
const appUrl = webAppUrl();

describe('the workbench', () => {
  it('refuses a bad station code at first run with a message, then sets the station up', async ({
    station,
  }) => {
    const { page } = station;
    await page.goto(appUrl);
    await page.getByRole('heading', { name: 'Set up this station' }).waitFor();
    await saveScreenshot(page, 'setup-first-run');
    await page.getByLabel('Center name').fill('Fixline Jakarta');
    await page.getByLabel('Station code').fill('jkt-1');
    await page.getByLabel('Currency').fill('IDR');
    await page.getByLabel('Name (Person 1)').fill(seededTechnician.name);
    await page.getByLabel('PIN (Person 1)').fill(seededTechnician.pin);
    await page.getByRole('button', { name: 'Set up the station' }).click();
    await page.getByText('Use 2 to 8 capital letters or digits').waitFor();
    await expect
      .poll(() => page.getByLabel('Station code').getAttribute('aria-invalid'))
      .toBe('true');
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel('Station code').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'setup-refused-station-code');

    await page.getByLabel('Station code').fill('JKT1');
    await page.getByRole('button', { name: 'Set up the station' }).click();
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page
      .getByRole('button', { name: /Signed in/ })
      .getByText(seededTechnician.name)
      .waitFor();
    await page.getByText('No claims yet').waitFor();
    await saveScreenshot(page, 'setup-done-empty-queue');
  });

  it('switches the screen to Bahasa Indonesia with the language switch', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.getByText('ID', { exact: true }).click();
    await page.getByRole('heading', { name: 'Antrean' }).waitFor();
    await page.getByRole('link', { name: 'Pengaturan' }).waitFor();
    await page.getByText('Belum ada klaim').waitFor();
    await saveScreenshot(page, 'language-indonesian');
  });

  it('names both languages in Settings in the screen’s language: the station’s default and the one shown now', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    await page.getByText('ID', { exact: true }).click();
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    await page.getByRole('heading', { name: 'Pengaturan', level: 2 }).waitFor();
    const facts = page.getByRole('region', { name: 'Stasiun ini' });
    await facts.getByText('Bahasa bawaan stasiun').waitFor();
    await facts.getByText('Inggris', { exact: true }).waitFor();
    await facts.getByText('Bahasa layar saat ini').waitFor();
    await facts.getByText('Indonesia', { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'settings-languages-indonesian');
  });

  it('lets the storage warning be hidden for the session, still shown in Settings, and serves a favicon', async ({
    station,
  }) => {
    const { page } = station;
    // A browser that will not promise to keep the data, as a plain web page may be.
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'storage', {
        value: { persisted: async () => false, persist: async () => false },
      });
    });
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    const warning = page.getByRole('alert').filter({ hasText: 'may delete Fixline’s data' });
    await warning.waitFor();
    await saveScreenshot(page, 'storage-warning');
    await warning.getByRole('button', { name: /Hide this warning/ }).click();
    await warning.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    expect(await warning.count()).toBe(0);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    await warning.waitFor();
    expect(await warning.getByRole('button').count()).toBe(0);

    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const served = await page.request.get(new URL(icon ?? '', appUrl).href);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/png');
  });

  it('lists seeded claims in the queue and opens the claim a scanner reads', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    await page.evaluate(seedClaims(40));
    await page.getByText('40 claims').waitFor();
    await page.getByRole('row', { name: /RMA-JKT1-000001/ }).waitFor();
    await saveScreenshot(page, 'queue-seeded');

    await new QueuePage(page, appUrl).openClaimByRma('RMA-JKT1-000007');
    await page.getByRole('heading', { name: 'What the policy allows' }).waitFor();
    expect(await page.getByText('Clause', { exact: false }).count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'claim-opened-by-scan');
  });

  it('opens the claim a scanner typed with uneven gaps of up to 80 ms between keys', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    await page.evaluate(seedClaims(12));
    await page.getByRole('row', { name: /RMA-JKT1-000001/ }).waitFor();
    await typeUnevenly(page, 'RMA-JKT1-000011', 1);
    await page.getByRole('heading', { name: 'RMA-JKT1-000011' }).waitFor();
    expect(page.url()).toMatch(/#\/claims\//);
    // The policy panel names the pack and what is missing in words, never by their keys.
    const policy = page.getByRole('region', { name: 'What the policy allows' });
    await policy.getByText(/^Pack iGPSPORT, version/).waitFor();
    await policy.getByText('A video that shows the fault').waitFor();
    expect(await policy.getByText(/evidence\.|igpsport/).count()).toBe(0);
  });

  it('moves through a long queue with the keyboard, rendering only the rows on screen', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    // One device for all, so seeding is one write per claim; 250 rows span two read windows.
    await page.evaluate(seedClaims(250, 250));
    await page.getByText('250 claims').waitFor();
    const grid = page.getByRole('grid', { name: 'Claims' });
    await grid.getByRole('row', { name: /RMA-JKT1-000001/ }).waitFor();
    expect(await grid.getByRole('row').count()).toBeLessThan(40);
    await grid.focus();
    await page.keyboard.press('End');
    await grid.getByRole('row', { name: /RMA-JKT1-000250/ }).waitFor();
    // At the end: the header, the rows on screen (one cut at the top) and four above them.
    const rowsOnScreen = await grid.evaluate((element) => {
      const rowHeight = element
        .querySelector('[role="rowgroup"] + [role="rowgroup"] [role="row"]')
        ?.getBoundingClientRect().height;
      if (!rowHeight) throw new Error('the grid has no drawn row to measure');
      return Math.ceil(element.clientHeight / rowHeight) + 1;
    });
    expect(await grid.getByRole('row').count()).toBeLessThanOrEqual(1 + rowsOnScreen + 4);
    await page.keyboard.press('ArrowUp');
    await saveScreenshot(page, 'queue-keyboard-end');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'RMA-JKT1-000249' }).waitFor();
  }, 60_000);

  it('switches the person at the bench only with their PIN', async ({ seededStation }) => {
    const { page } = seededStation;
    const bench = new BenchHeader(page);
    const benchButton = bench.person;
    await benchButton.getByText(seededTechnician.name).waitFor();
    const dialog = await bench.signInAs(secondTechnician.name, '0000');
    await dialog.getByText(`That is not ${secondTechnician.name}’s PIN`).waitFor();
    await saveScreenshot(page, 'technician-wrong-pin');
    await bench.typePin(secondTechnician.pin);
    await benchButton.getByText(secondTechnician.name).waitFor();
    await page.getByText(`${secondTechnician.name} is now signed in`).waitFor();
  });

  it('offers a short pick list when a scanned serial has several claims', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    await page.evaluate(seedClaims(3, 2));
    await page.getByText('3 claims').waitFor();
    await scanCode(page, 'KT3-SHARED-01');
    const dialog = page.getByRole('dialog', { name: 'Several claims match KT3-SHARED-01' });
    await dialog.waitFor();
    expect(await dialog.getByRole('button').filter({ hasText: 'RMA-JKT1-' }).count()).toBe(2);
    await saveScreenshot(page, 'scan-pick-list');
    await dialog.getByRole('button', { name: /RMA-JKT1-000003/ }).click();
    await page.getByRole('heading', { name: 'RMA-JKT1-000003' }).waitFor();
  });

  it('takes slow typing in a text field for a person, not a scanner', async ({ station }) => {
    const { page } = station;
    await openApp(page, appUrl);
    const centerName = page.getByLabel('Center name');
    await centerName.click();
    await page.keyboard.type('RMA-JKT1-000001', { delay: 80 });
    await page.keyboard.press('Enter');
    await page.getByText('Use 2 to 8 capital letters or digits').waitFor();
    expect(await centerName.inputValue()).toBe('RMA-JKT1-000001');
    expect(await page.getByText('No claim matches').count()).toBe(0);
  });

  it('says in the browser that choosing printers needs the desktop app, and prints through the browser on a claim', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    await page.evaluate(seedPrinters);
    const [claimId] = (await page.evaluate(seedClaims(1))) as string[];

    await page.goto(`${appUrl}#/settings`);
    const printers = page.getByRole('region', { name: 'Printers' });
    await printers
      .getByText('Printing straight to a chosen printer needs the Fixline desktop app')
      .waitFor();
    // No printer list or Save button pretends the browser could print.
    expect(await printers.getByRole('button', { name: 'Save printers' }).count()).toBe(0);
    await printers.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'settings-printers-browser');

    // On a claim the browser opens documents for its print dialog or downloads them instead
    // (test/e2e/documents.test.ts); it never offers the desktop's silent printing.
    await new ClaimPage(page, appUrl).open(claimId);
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByRole('button', { name: 'Open for printing: RMA slip' }).waitFor();
    expect(await documents.getByRole('button', { name: 'Print RMA slip' }).count()).toBe(0);
  });

  it('adds a label printer on the local network and chooses printers on the desktop', async ({
    station,
  }) => {
    const { page } = station;
    await page.addInitScript(fakeDesktopBridge);
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    const [claimId] = (await page.evaluate(seedClaims(1))) as string[];

    await page.goto(`${appUrl}#/settings`);
    const printers = page.getByRole('region', { name: 'Printers' });
    const labelPrinters = printers.getByRole('region', { name: 'Network label printers' });
    await labelPrinters.getByText('No label printer added yet.').waitFor();
    await labelPrinters.getByLabel('Name', { exact: true }).fill('Bench Zebra');
    await labelPrinters.getByLabel('Address (IP or host name)').fill('169.254.169.254');
    await labelPrinters.getByLabel('Port', { exact: true }).fill('70000');
    await labelPrinters.getByRole('button', { name: 'Add label printer' }).click();
    await labelPrinters.getByText('Enter a port from 1 to 65535').waitFor();
    await labelPrinters.getByLabel('Port', { exact: true }).fill('9100');
    await labelPrinters.getByRole('button', { name: 'Add label printer' }).click();
    await labelPrinters.getByText('169.254.169.254 is not on the local network').waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'settings-printers-refused');

    await labelPrinters.getByLabel('Address (IP or host name)').fill('192.168.1.50');
    await labelPrinters.getByRole('button', { name: 'Add label printer' }).click();
    await labelPrinters.getByText('Bench Zebra (192.168.1.50:9100)').waitFor();

    const slip = printers.getByRole('group', { name: 'RMA slip' });
    const label = printers.getByRole('group', { name: 'Return label' });
    await slip.getByLabel('Printer', { exact: true }).click();
    await page.getByRole('option', { name: 'Office laser (default)' }).click();
    await label.getByLabel('Printer', { exact: true }).click();
    await page.getByRole('option', { name: 'Bench Zebra (192.168.1.50:9100)' }).click();
    await printers.getByRole('button', { name: 'Save printers' }).click();
    await printers.getByText('Printers saved.').waitFor();
    await saveScreenshot(page, 'settings-printers');

    await new ClaimPage(page, appUrl).open(claimId);
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByRole('button', { name: 'Print RMA slip' }).click();
    await documents.getByText('RMA slip sent to the printer (job Office_Laser-17).').waitFor();
    await documents.getByRole('button', { name: 'Print return label' }).click();
    await documents.getByText('Return label sent to the printer.').waitFor();
    await documents.getByRole('button', { name: 'Save RMA slip as PDF' }).click();
    await documents.getByText('Saved as /home/dewi/RMA-JKT1-000001 rma-slip.pdf.').waitFor();
    await saveScreenshot(page, 'claim-documents-desktop');
  });

  it('has no serious or critical accessibility violations on any screen', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    const [claimId] = (await page.evaluate(seedClaims(3))) as string[];
    const screens = [
      '',
      'intake',
      'warehouse',
      'parts',
      'reports',
      'settings',
      `claims/${claimId}`,
    ];
    for (const screen of screens) {
      await page.goto(`${appUrl}#/${screen}`);
      await page.getByRole('navigation').waitFor();
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await expectNoSeriousAxeViolations(page);
    }
    await saveScreenshot(page, 'claim-screen');
    await page.goto(`${appUrl}#/intake`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await saveScreenshot(page, 'coming-later');
    await page.goto(`${appUrl}#/settings`);
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await saveScreenshot(page, 'settings');
  });
});
