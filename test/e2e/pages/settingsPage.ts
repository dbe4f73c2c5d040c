import type { Locator, Page } from 'playwright';

/** A person as the Settings screen's "Add a person" form takes them. */
export type NewPerson = { name: string; roles: readonly string[]; pin: string };

/** The Settings screen (English): its People panel and the form that adds a person. */
export class SettingsPage {
  constructor(
    private readonly page: Page,
    private readonly appUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.appUrl}#/settings`);
    await this.page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
  }

  get people(): Locator {
    return this.page.getByRole('region', { name: 'People' });
  }

  get addPersonForm(): Locator {
    return this.page.getByRole('dialog', { name: 'Add a person' });
  }

  /**
   * Opens "Add a person" and fills it in: the name, exactly `roles` ticked (by their names, e.g.
   * 'Warehouse clerk') and the PIN. Leaves the form open, unsaved.
   */
  async fillNewPerson(person: NewPerson): Promise<Locator> {
    await this.people.getByRole('button', { name: 'Add a person' }).click();
    const form = this.addPersonForm;
    await form.getByRole('textbox', { name: 'Name' }).fill(person.name);
    for (const role of ['Technician', 'Warehouse clerk', 'Manager']) {
      await form.getByRole('checkbox', { name: role }).setChecked(person.roles.includes(role));
    }
    await form.getByLabel('PIN').fill(person.pin);
    return form;
  }
}
