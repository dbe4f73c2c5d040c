import type { Locator, Page } from 'playwright';
import { waitForMenusClosed } from '../workbenchPages';

/**
 * The header's person at the bench (English screens): who is signed in, the menu to switch to
 * someone else with their PIN, and locking the station.
 */
export class BenchHeader {
  constructor(private readonly page: Page) {}

  /** The button that names the person at the bench and their roles. */
  get person(): Locator {
    return this.page.getByRole('button', { name: /Signed in/ });
  }

  /** The dialog that asks the chosen person for their PIN. */
  get signInDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Who is at the bench?' });
  }

  /** Chooses `item` in the person menu and waits until the menu has closed. */
  async choose(item: string): Promise<void> {
    await this.person.click();
    await this.page.getByRole('menuitem', { name: item }).click();
    await waitForMenusClosed(this.page);
  }

  /** Chooses `name` in the person menu and types `pin`; answers the sign-in dialog. */
  async signInAs(name: string, pin: string): Promise<Locator> {
    await this.choose(name);
    await this.typePin(pin);
    return this.signInDialog;
  }

  /** Types `pin` in the open sign-in dialog and sends it. */
  async typePin(pin: string): Promise<void> {
    await this.signInDialog.getByLabel('PIN').fill(pin);
    await this.signInDialog.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Locks the station from the person menu; answers the lock screen. */
  async lockStation(): Promise<Locator> {
    await this.choose('Lock the station now');
    const lock = this.page.getByRole('dialog', { name: 'Station locked' });
    await lock.waitFor();
    return lock;
  }
}
