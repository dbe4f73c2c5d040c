import { describe, expect, it, onTestFinished } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createStationCore, type StationCore } from '../../renderer/src/core';
import { setUpGeneratedStation } from '../../renderer/src/core/testing/queueStation';
import { IntakeScreen } from '../../renderer/src/intake/IntakeScreen';
import { benchTechnician, renderInStation, stationDatabase } from './stationScreen';

/**
 * The intake form's sections, Save and the decision beside them, in Chromium over a real
 * station (KOSPET's official store assigned a pack): which messages a field shows and when,
 * what Save asks for before it stores anything, and what the decision waits for.
 */

async function station(): Promise<{ core: StationCore; claimCount: () => Promise<number> }> {
  const db = stationDatabase();
  await setUpGeneratedStation(db);
  return { core: createStationCore(db), claimCount: () => db.claims.count() };
}

/** Matches a text that holds `text` (a field's description is its hint and its message). */
const containing = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

const form = () => page.getByRole('form', { name: 'New claim' });
const save = () => page.getByRole('button', { name: 'Save the claim' });
const fixErrors = 'Some fields need a fix: see the messages next to them.';

describe('the intake form', () => {
  it('marks the fields to fill in when an empty form is saved, and stores nothing', async () => {
    const { core, claimCount } = await station();
    await renderInStation(core, <IntakeScreen />, { benchPerson: benchTechnician });
    await userEvent.click(save());
    await expect.element(page.getByRole('alert').filter({ hasText: fixErrors })).toBeVisible();
    await expect
      .element(form().getByLabelText('Name'))
      .toHaveAccessibleDescription(/Fill this in\./);
    const fields: [string, string][] = [
      ['Phone', 'Type a phone number of 6 to 15 digits, e.g. +62 812 3456 7890.'],
      ['Model', 'Fill this in.'],
      ['Category', 'Choose one.'],
      ['Bought through', 'Choose one.'],
    ];
    for (const [label, message] of fields) {
      await expect
        .element(form().getByLabelText(label).first())
        .toHaveAccessibleDescription(containing(message));
    }
    expect(await claimCount()).toBe(0);
  });

  it('checks an email as soon as the field is left, before any save', async () => {
    const { core } = await station();
    await renderInStation(core, <IntakeScreen />, { benchPerson: benchTechnician });
    const message = 'Type an email address such as name@example.com, or leave it empty.';
    const email = form().getByLabelText('Email');
    await userEvent.fill(email, 'budi.example.com');
    expect(form().getByText(message).elements()).toEqual([]);
    await userEvent.tab();
    await expect.element(email).toHaveAccessibleDescription(message);
    expect(page.getByText(fixErrors).elements()).toEqual([]);

    await userEvent.fill(email, 'budi@example.com');
    await userEvent.tab();
    await expect.element(form().getByText(message)).not.toBeInTheDocument();
  });

  it('asks who is at the bench before it checks the fields, while nobody is', async () => {
    const { core, claimCount } = await station();
    await renderInStation(core, <IntakeScreen />);
    await userEvent.click(save());
    await expect
      .element(page.getByRole('alert').filter({ hasText: 'Choose who is at the bench' }))
      .toBeVisible();
    expect(form().getByText('Fill this in.').elements()).toEqual([]);
    expect(await claimCount()).toBe(0);
  });

  it('lists what the decision waits for, each a way to its field', async () => {
    const { core } = await station();
    await renderInStation(core, <IntakeScreen />, { benchPerson: benchTechnician });
    await expect
      .element(page.getByText('The decision appears once these are filled in:'))
      .toBeVisible();
    for (const need of ['Brand', 'Model', 'Category', 'Sales channel', 'Reason']) {
      await expect.element(page.getByRole('button', { name: need, exact: true })).toBeVisible();
    }
    await userEvent.fill(form().getByLabelText('Model'), 'Tank T3');
    await expect
      .element(page.getByRole('button', { name: 'Model', exact: true }))
      .not.toBeInTheDocument();
  });
});

describe('attaching files at intake', () => {
  it('lists the files of one drop together once their bytes are stored, not one by one', async () => {
    const { core } = await station();
    await renderInStation(core, <IntakeScreen />, { benchPerson: benchTechnician });
    const listed = () => document.querySelectorAll('ul[aria-label="Attached files"] > li').length;
    // Every number of listed files the screen ever shows, in order.
    const shown: number[] = [];
    const observer = new MutationObserver(() => {
      if (shown.at(-1) !== listed()) shown.push(listed());
    });
    observer.observe(document.body, { childList: true, subtree: true });
    onTestFinished(() => observer.disconnect());
    // Random bytes, so that no two files are one stored attachment. Each is stored in its own
    // task, so a screen that listed them one by one would show 1, 2, then 3; they are small so
    // that all three are stored within the listing window even on busy CI cores (at 2 MB each,
    // hashing took longer than the window there).
    const files = [1, 2, 3].map((receipt) => {
      const bytes = new Uint8Array(200_000);
      for (let offset = 0; offset < bytes.length; offset += 65_536) {
        crypto.getRandomValues(bytes.subarray(offset, offset + 65_536));
      }
      return new File([bytes], `receipt-${receipt}.pdf`, { type: 'application/pdf' });
    });
    const input = document.querySelector('#intake-evidence input[type=file]');
    if (input === null) throw new Error('the intake form has no file input');
    await userEvent.upload(page.elementLocator(input), files);

    const attached = page.getByRole('list', { name: 'Attached files' }).getByRole('listitem');
    await expect.poll(() => attached.elements().length).toBe(3);
    for (const file of files)
      await expect.element(attached.getByText(file.name)).toBeInTheDocument();
    expect(shown.filter((count) => count > 0)).toEqual([3]);
    expect(page.getByText(/^Storing/).elements()).toEqual([]);
  });
});
