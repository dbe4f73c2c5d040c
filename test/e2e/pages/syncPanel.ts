import type { Locator, Page } from 'playwright';

/** The header's sync words (English), as the indicator shows them. */
export type SyncIndicatorWord = 'Synced' | 'Syncing' | 'Offline' | 'Sync stopped';

/** Settings → Sync (English) and the header's sync indicator. */
export class SyncPanel {
  constructor(
    private readonly page: Page,
    private readonly appUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.appUrl}#/settings`);
    await this.region.waitFor();
  }

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Sync', exact: true });
  }

  /** The header's link to Settings → Sync, named by the sync word it shows (then its details). */
  indicator(word: SyncIndicatorWord): Locator {
    return this.page.getByRole('banner').getByRole('link', { name: new RegExp(`^${word}:`) });
  }

  /**
   * Connects the station with `pairingCode`, keeping the server address the form proposes (the
   * page's own origin, which the sync server serves), and waits until the panel says it is online.
   */
  async connect(pairingCode: string): Promise<void> {
    await this.region.getByRole('textbox', { name: 'Pairing code' }).fill(pairingCode);
    await this.region.getByRole('button', { name: 'Connect' }).click();
    await this.region.getByText('Online', { exact: true }).waitFor();
  }
}
