import { describe, expect } from 'vitest';
import { it } from './stationTest';
import { webAppUrl } from '../support/webApp';
import {
  expectNoSeriousAxeViolations,
  openApp,
  saveScreenshot,
  seedStation,
} from './workbenchPages';

/**
 * Settings → Sync in the browser build, for a station working alone: the connect form, the
 * page's own address proposed as the server's (the sync server serves the browser build), a
 * typed address checked before anything is sent, and no sync indicator in the header.
 */
const appUrl = webAppUrl();

describe('Settings → Sync', () => {
  it('offers to connect a station working alone, proposing the page’s own server', async ({
    station,
  }) => {
    const { page } = station;
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    await page.goto(`${appUrl}#/settings`);

    const sync = page.getByRole('region', { name: 'Sync', exact: true });
    await sync.getByText(/Connect this station to your center’s sync server/).waitFor();
    const address = sync.getByRole('textbox', { name: 'Server address' });
    expect(await address.inputValue()).toBe(new URL(appUrl).origin);
    await expect
      .poll(() => page.getByRole('banner').getByRole('link', { name: /Sync/ }).count())
      .toBe(0);

    await address.fill('192.168.1.10:7411');
    await sync.getByRole('button', { name: 'Connect' }).click();
    await sync.getByText(/Enter the server’s address, starting with http:\/\//).waitFor();
    await sync.getByText('Enter the pairing code the server printed.').waitFor();
    await expectNoSeriousAxeViolations(page);
    await sync.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'settings-sync-standalone');
  });
});
