import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { openStationBrowser, screenshotFolder, startWebApp } from '../support/webApp';
import { warmUp } from './workbenchPages';

/**
 * The station backup in the browser build, end to end: real Chromium, real IndexedDB, the file
 * the user downloads restored on another station's browser.
 */
let app: Awaited<ReturnType<typeof startWebApp>>;
let folder: string;

beforeAll(async () => {
  app = await startWebApp();
  await warmUp(app.url);
  folder = await mkdtemp(join(tmpdir(), 'fixline-backup-e2e-'));
}, 60_000);
afterAll(async () => {
  await app.stop();
  await rm(folder, { recursive: true, force: true });
});

/**
 * Page scripts, as text: they import the app's own modules from the dev server, which a function
 * passed to page.evaluate could not (the test runner rewrites its imports).
 */
const recordCustomer = (name: string) => `(async () => {
  const { appDatabase } = await import('/src/db/appDatabase.ts');
  const { createRepositories } = await import('/src/db/index.ts');
  const repositories = createRepositories(appDatabase());
  const actor = { actor: '00000000-0000-7000-8000-0000000000aa' };
  const station = await repositories.station.setUp({ stationCode: 'JKT1', center: { name: 'Fixline Jakarta' } });
  if (!station.ok) throw new Error(station.error.message);
  const created = await repositories.customers.create(
    { name: ${JSON.stringify(name)}, phone: '+62 812 3456 7890', preferredLanguage: 'id' },
    actor,
  );
  if (!created.ok) throw new Error(created.error.message);
})()`;

const customerNames = `(async () => {
  const { appDatabase } = await import('/src/db/appDatabase.ts');
  return (await appDatabase().customers.toArray()).map((customer) => customer.name);
})()`;

const backupPanel = (page: Page) => page.getByRole('region', { name: 'Backup' });

/** Opens the app and waits for its first screen (station setup, or the workbench once set up). */
async function openApp(page: Page) {
  await page.goto(app.url);
  await page.locator('#root h1').first().waitFor();
}

/** The backup lives in Settings once the station is set up. */
const openSettings = (page: Page) => page.getByRole('link', { name: 'Settings' }).click();

describe('station backup in the browser', () => {
  it('exports a station to a file and restores it on a new station', async () => {
    const first = await openStationBrowser();
    let backupPath: string;
    try {
      await openApp(first.page);
      await first.page.evaluate(recordCustomer('Siti Rahmawati'));
      await openSettings(first.page);
      const download = first.page.waitForEvent('download');
      await first.page.getByRole('button', { name: 'Export a backup…' }).click();
      backupPath = join(folder, (await download).suggestedFilename());
      await (await download).saveAs(backupPath);
      await expect
        .poll(() => backupPanel(first.page).getByRole('status').textContent())
        .toContain('Backup saved');
      await first.page.screenshot({ path: join(screenshotFolder, 'backup-exported.png') });
    } finally {
      await first.close();
    }
    expect(backupPath).toMatch(/fixline-backup-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/);

    const second = await openStationBrowser();
    try {
      // A new station offers the restore on its setup screen; the restored station opens the
      // workbench, and Settings still says how the restore went.
      await openApp(second.page);
      await second.page.getByLabel('Restore a backup:').setInputFiles(backupPath);
      await openSettings(second.page);
      await expect
        .poll(() => backupPanel(second.page).getByRole('status').textContent())
        .toContain('Backup restored');
      expect(await second.page.evaluate(customerNames)).toEqual(['Siti Rahmawati']);
    } finally {
      await second.close();
    }
  });

  it('refuses to restore over a station that already holds data, and keeps its data', async () => {
    const station = await openStationBrowser();
    try {
      await openApp(station.page);
      await station.page.evaluate(recordCustomer('Budi Santoso'));
      await openSettings(station.page);
      const download = station.page.waitForEvent('download');
      await station.page.getByRole('button', { name: 'Export a backup…' }).click();
      const backupPath = join(folder, 'own-backup.json');
      await (await download).saveAs(backupPath);
      await station.page.getByLabel('Restore a backup:').setInputFiles(backupPath);
      await expect
        .poll(() => backupPanel(station.page).getByRole('alert').textContent())
        .toContain('already holds data');
      expect(await station.page.evaluate(customerNames)).toEqual(['Budi Santoso']);
    } finally {
      await station.close();
    }
  });

  it('says a file that is not a backup is not one', async () => {
    const station = await openStationBrowser();
    try {
      const notABackup = join(folder, 'notes.json');
      await writeFile(notABackup, '{"hello": "world"}');
      await openApp(station.page);
      await station.page.getByLabel('Restore a backup:').setInputFiles(notABackup);
      await expect
        .poll(() => backupPanel(station.page).getByRole('alert').textContent())
        .toContain('not a Fixline backup');
      await station.page.screenshot({ path: join(screenshotFolder, 'backup-refused.png') });
    } finally {
      await station.close();
    }
  });
});
