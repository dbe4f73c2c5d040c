import type { Locator, Page } from 'playwright';

/** A file as a file chooser takes it. */
type FilePayload = { name: string; mimeType: string; buffer: Buffer };

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

  /** Adds `file` to the claim's evidence through the Evidence card's picker, as it is. */
  async addEvidence(file: FilePayload): Promise<void> {
    await this.card('Evidence').getByRole('button', { name: 'Add evidence' }).click();
    const picker = this.page.getByRole('dialog', { name: /^Add evidence to / });
    const chooser = this.page.waitForEvent('filechooser');
    await picker.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles(file);
    await picker.getByRole('button', { name: 'Add 1 file' }).click();
    await picker.waitFor({ state: 'hidden' });
  }

  /** Writes `text` in the notes card and adds it. */
  async addNote(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'New note' }).fill(text);
    await this.page.getByRole('button', { name: 'Add note' }).click();
  }
}
