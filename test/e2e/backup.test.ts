import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { it } from './stationTest';
import type { Page } from 'playwright';
import { openStationContext, screenshotFolder, webAppUrl } from '../support/webApp';
import { fakeDesktopBridge, seedClaims, seedStation } from './workbenchPages';

/**
 * The station backup in the browser build, end to end: real Chromium, real IndexedDB, the file
 * the user downloads restored on another station's browser.
 */
const appUrl = webAppUrl();
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'fixline-backup-e2e-'));
}, 60_000);
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/**
 * Page scripts, as text: they import the app's own modules from the dev server, which a function
 * passed to page.evaluate could not (the test runner rewrites its imports).
 */
const recordCustomer = (name: string) => `(async () => {
  const { appDatabase, createRepositories } = await window.__fixlineTest;
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
  const { appDatabase } = await window.__fixlineTest;
  return (await appDatabase().customers.toArray()).map((customer) => customer.name);
})()`;

/** Breaks claim `id` in the database as a bad restore of the old app could: a status that is none. */
const breakClaim = (id: string) => `(async () => {
  const { appDatabase, runRestore } = await window.__fixlineTest;
  const db = appDatabase();
  await runRestore(db, () => db.transaction('rw', db.tables, () =>
    db.claims.update(${JSON.stringify(id)}, { status: 'bogus' })));
})()`;

const backupPanel = (page: Page) => page.getByRole('region', { name: 'Backup' });

/** Opens the app and waits for its first screen (station setup, or the workbench once set up). */
async function openApp(page: Page) {
  await page.goto(appUrl);
  await page.locator('#root h1').first().waitFor();
}

/** The backup lives in Settings once the station is set up. */
const openSettings = (page: Page) => page.getByRole('link', { name: 'Settings' }).click();

/** Exports from Settings, with `passphrase` or none, and saves the download as `fileName`. */
async function exportBackup(page: Page, passphrase: string | null, fileName?: string) {
  const panel = backupPanel(page);
  if (passphrase === null) await panel.getByLabel('No encryption').check();
  else {
    await panel.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await panel.getByLabel('Repeat the passphrase').fill(passphrase);
  }
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export a backup…' }).click();
  const path = join(folder, fileName ?? (await download).suggestedFilename());
  await (await download).saveAs(path);
  await expect.poll(() => panel.getByRole('status').textContent()).toContain('and checked');
  return path;
}

describe('station backup in the browser', () => {
  it('exports an encrypted backup and restores it on a new station with its passphrase', async ({
    station: first,
    stationsBrowser,
  }) => {
    let backupPath: string;
    try {
      await openApp(first.page);
      await first.page.evaluate(recordCustomer('Siti Rahmawati'));
      await openSettings(first.page);
      backupPath = await exportBackup(first.page, 'kopi susu 42');
      await first.page.screenshot({ path: join(screenshotFolder, 'backup-exported.png') });
    } finally {
      await first.close();
    }
    expect(backupPath).toMatch(/fixline-backup-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/);

    const second = await openStationContext(await stationsBrowser());
    try {
      // A new station offers the restore on its setup screen; an encrypted backup asks for its
      // passphrase, refuses a wrong one, and the restored station opens the workbench.
      await openApp(second.page);
      await second.page.getByLabel('Restore a backup:').setInputFiles(backupPath);
      const panel = backupPanel(second.page);
      await expect.poll(() => panel.getByRole('alert').textContent()).toContain('encrypted');
      await panel.getByLabel('Passphrase of this backup').fill('kopi susu');
      await panel.getByRole('button', { name: 'Restore with this passphrase' }).click();
      await expect
        .poll(() => panel.getByRole('alert').textContent())
        .toContain('does not open the backup');
      await second.page.screenshot({ path: join(screenshotFolder, 'backup-wrong-passphrase.png') });
      await panel.getByLabel('Passphrase of this backup').fill('kopi susu 42');
      await panel.getByRole('button', { name: 'Restore with this passphrase' }).click();
      await openSettings(second.page);
      await expect
        .poll(() => backupPanel(second.page).getByRole('status').textContent())
        .toContain('Backup restored');
      expect(await second.page.evaluate(customerNames)).toEqual(['Siti Rahmawati']);
    } finally {
      await second.close();
    }
  }, 90_000);

  it('refuses a backup cut in half, says so, and leaves the new station as it was', async ({
    station,
    stationsBrowser,
  }) => {
    await openApp(station.page);
    await station.page.evaluate(recordCustomer('Budi Santoso'));
    await openSettings(station.page);
    const whole = await exportBackup(station.page, null, 'whole.zip');
    const bytes = await readFile(whole);
    const half = join(folder, 'half.zip');
    await writeFile(half, bytes.subarray(0, bytes.length / 2));

    const fresh = await openStationContext(await stationsBrowser());
    try {
      await openApp(fresh.page);
      await fresh.page.getByLabel('Restore a backup:').setInputFiles(half);
      await expect
        .poll(() => backupPanel(fresh.page).getByRole('alert').textContent())
        .toContain('damaged or cut short');
      expect(await fresh.page.evaluate(customerNames)).toEqual([]);
      await fresh.page.getByLabel('Restore a backup:').setInputFiles(whole);
      await fresh.page.getByRole('link', { name: 'Settings' }).waitFor();
      expect(await fresh.page.evaluate(customerNames)).toEqual(['Budi Santoso']);
    } finally {
      await fresh.close();
    }
  }, 90_000);

  it('refuses to restore over a station that already holds data, and keeps its data', async ({
    station,
  }) => {
    await openApp(station.page);
    await station.page.evaluate(recordCustomer('Budi Santoso'));
    await openSettings(station.page);
    const backupPath = await exportBackup(station.page, null, 'own-backup.zip');
    await station.page.getByLabel('Restore a backup:').setInputFiles(backupPath);
    await expect
      .poll(() => backupPanel(station.page).getByRole('alert').textContent())
      .toContain('already holds data');
    expect(await station.page.evaluate(customerNames)).toEqual(['Budi Santoso']);
  });

  it('says a file that is not a backup is not one', async ({ station }) => {
    const notABackup = join(folder, 'notes.json');
    await writeFile(notABackup, '{"hello": "world"}');
    await openApp(station.page);
    await station.page.getByLabel('Restore a backup:').setInputFiles(notABackup);
    await expect
      .poll(() => backupPanel(station.page).getByRole('alert').textContent())
      .toContain('not a Fixline backup');
    await station.page.screenshot({ path: join(screenshotFolder, 'backup-refused.png') });
  });

  it('on the desktop, hands the backup to main in pieces and says where it was saved', async ({
    station,
  }) => {
    await station.page.addInitScript(fakeDesktopBridge);
    await openApp(station.page);
    await station.page.evaluate(recordCustomer('Rina Kurnia'));
    await openSettings(station.page);
    const panel = backupPanel(station.page);
    await panel.getByLabel('No encryption').check();
    await panel.getByRole('button', { name: 'Export a backup…' }).click();
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toMatch(/Backup saved to \/home\/dewi\/fixline-backup-[\d-]+\.zip and checked/);
    // A backup this small is one piece; test/electron/fileSaves.test.ts sends 300 MB in many.
    expect(await station.page.evaluate('window.finishedSaves')).toEqual([
      {
        path: expect.stringMatching(/^\/home\/dewi\/fixline-backup-/),
        pieces: [expect.any(Number)],
      },
    ]);
  });

  it('says an export that fails failed, instead of working forever', async ({ station }) => {
    await openApp(station.page);
    await station.page.evaluate(recordCustomer('Ayu Lestari'));
    await openSettings(station.page);
    // The key derivation fails, as it would in a browser without WebCrypto's PBKDF2.
    await station.page.evaluate(() => {
      crypto.subtle.deriveBits = () => Promise.reject(new Error('PBKDF2 is not available'));
    });
    const panel = backupPanel(station.page);
    await panel.getByLabel('Passphrase', { exact: true }).fill('kopi susu 42');
    await panel.getByLabel('Repeat the passphrase').fill('kopi susu 42');
    await panel.getByRole('button', { name: 'Export a backup…' }).click();
    // The sentence is the screen's own; what the browser said is a separate details line.
    const alert = panel.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toContain('The backup was not saved: Something went wrong that Fixline did not expect');
    await alert.getByText('Details (for support): PBKDF2 is not available').waitFor();
  });

  it('resets the station behind its typed code, back to first-run setup', async ({ station }) => {
    await openApp(station.page);
    await station.page.evaluate(recordCustomer('Made Putra'));
    await openSettings(station.page);
    await station.page.getByRole('button', { name: 'Reset this station…' }).click();
    const dialog = station.page.getByRole('dialog');
    // The dialog offers the backup first.
    await dialog.getByLabel('No encryption').check();
    const download = station.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export a backup…' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.zip$/);
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('and checked');
    const confirm = dialog.getByRole('button', { name: 'Delete everything and reset' });
    await dialog.getByLabel('Type the station code JKT1 to confirm').fill('JKT');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type the station code JKT1 to confirm').fill('JKT1');
    await station.page.screenshot({ path: join(screenshotFolder, 'backup-reset.png') });
    await confirm.click();
    await expect
      .poll(() => backupPanel(station.page).getByRole('status').textContent())
      .toContain('The station was reset');
    expect(await station.page.evaluate(customerNames)).toEqual([]);
    await station.page.getByLabel('Restore a backup:').waitFor();
  });

  it('shows what failed when a screen cannot draw a broken record, and the app stays', async ({
    station,
  }) => {
    await openApp(station.page);
    await station.page.evaluate(seedStation);
    const [claimId] = await station.page.evaluate<string[]>(seedClaims(1));
    await station.page.evaluate(breakClaim(claimId ?? ''));
    await station.page.goto(`${appUrl}/#/claims/${claimId ?? ''}`);
    const failure = station.page.getByRole('alert').filter({ hasText: 'could not be shown' });
    await failure.waitFor();
    await station.page.screenshot({ path: join(screenshotFolder, 'route-error.png') });
    await failure.getByRole('button', { name: 'Open the queue' }).click();
    await station.page.getByText('1 claim', { exact: true }).waitFor();
  });
});
