import type { Locator, Page } from 'playwright';
import { scanCode } from '../scannerPages';

/** The claim queue (English), the station's first screen. */
export class QueuePage {
  constructor(
    private readonly page: Page,
    private readonly appUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.appUrl}#/`);
    await this.page.getByRole('heading', { name: 'Queue' }).waitFor();
  }

  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Claims' });
  }

  /** The queue's row of the claim `rmaNumber`. */
  row(rmaNumber: string): Locator {
    return this.grid.getByRole('row', { name: new RegExp(`${rmaNumber}\\b`) });
  }

  /**
   * Opens the claim `rmaNumber` as a scanner at the queue does (its keys, then Enter) and waits
   * for the claim screen to show it.
   */
  async openClaimByRma(rmaNumber: string): Promise<void> {
    await scanCode(this.page, rmaNumber);
    await this.page.getByRole('heading', { name: rmaNumber }).waitFor();
  }
}
