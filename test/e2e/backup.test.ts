import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { openStationBrowser, screenshotFolder, startWebApp } from '../support/webApp';

/**
 * The station backup in the browser build, end to end: real Chromium, real IndexedDB, the file
 * the user downloads restored on another station's browser.
 */
let app: Awaited<ReturnType<typeof startWebApp>>;
let folder: string;

beforeAll(async () => {
  app = await startWebApp();
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

describe('station backup in the browser', () => {
  it('exports a station to a file and restores it on a new station', async () => {
    const first = await openStationBrowser();
    let backupPath: string;
    try {
      await first.page.goto(app.url);
      await first.page.evaluate(recordCustomer('Siti Rahmawati'));
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
    expect(backupPath).toMatch(/fixline-backup-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);

    const second = await openStationBrowser();
    try {
      await second.page.goto(app.url);
      await second.page.getByLabel('Restore a backup:').setInputFiles(backupPath);
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
      await station.page.goto(app.url);
      await station.page.evaluate(recordCustomer('Budi Santoso'));
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
      await station.page.goto(app.url);
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
