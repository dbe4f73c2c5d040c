import type { Locator, Page } from 'playwright';

/** The claim screen (English): opened by the claim's id, its cards by their names. */
export class ClaimPage {
  constructor(
    private readonly page: Page,
    private readonly appUrl: string,
  ) {}

  /**
   * Opens the claim `claimId` and waits for its header (the RMA number). Takes what a seed
   * answered as is: a seed that opened no claim fails here, by name.
   */
  async open(claimId: string | undefined): Promise<void> {
    if (claimId === undefined) throw new Error('no claim to open: the seed opened none');
    await this.page.goto(`${this.appUrl}#/claims/${claimId}`);
    await this.page.getByRole('heading', { level: 2, name: /^RMA-/ }).waitFor();
  }

  /** A card of the screen by its name ('Documents', 'Next step', 'What the policy allows' …). */
  card(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  get timeline(): Locator {
    return this.card('Timeline');
  }

  /** Writes `text` in the notes card and adds it. */
  async addNote(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'New note' }).fill(text);
    await this.page.getByRole('button', { name: 'Add note' }).click();
  }
}
