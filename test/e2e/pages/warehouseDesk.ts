import type { Locator, Page } from 'playwright';
import { expect } from 'vitest';
import { scan } from '../warehousePages';

/** The desk's tabs, by their English names (and the print queue's Indonesian one). */
export type DeskTab = 'Receiving' | 'Print queue' | 'Outbound' | 'Antrean cetak';

/** The warehouse desk (English): its tabs, and a scanner at its focused field. */
export class WarehouseDesk {
  constructor(
    private readonly page: Page,
    private readonly appUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.appUrl}#/warehouse`);
    await this.page.getByRole('heading', { name: 'Warehouse desk' }).waitFor();
  }

  /** One tab of the desk; the others stay mounted but hidden. */
  tab(name: DeskTab): Locator {
    return this.page.getByRole('tabpanel', { name });
  }

  /** Waits until `field` has the focus, where a clerk's scanner types. */
  async expectFocused(field: Locator): Promise<void> {
    await expect.poll(() => field.evaluate((node) => node === document.activeElement)).toBe(true);
  }

  /** Scans `code` into the focused field, as the desk's scanner sends it (see `scan`). */
  async scan(code: string): Promise<void> {
    await scan(this.page, code);
  }
}
