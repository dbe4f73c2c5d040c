import type { Page } from 'playwright';
import { describe, expect } from 'vitest';
import { it } from './stationTest';
import { ClaimPage } from './pages/claimPage';
import { webAppUrl } from '../support/webApp';
import { jakartaDay, photoFile, seedClaim } from './claimPages';
import { expectNoSeriousAxeViolations, saveScreenshot, seededTechnician } from './workbenchPages';

/**
 * The claim screen in the browser build, end to end: the workflow's guards as the bench meets
 * them, evidence, the inspection feeding the policy decision, notes, the timeline and the clocks.
 */
const appUrl = webAppUrl();

/** Axe on the page as a person leaves it: the mouse off the last button it pressed. */
async function checkAccessibility(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await expectNoSeriousAxeViolations(page);
}

/** A recent order, well inside every window of the KOSPET official-store pack. */
const recentOrder = jakartaDay(-10);

describe('the claim screen', () => {
  it('refuses to authorize a DOA return until its packaging photo is added, then authorizes it', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    const claimId = (await page.evaluate(
      seedClaim({
        reason: 'arrived-damaged',
        path: ['awaiting-authorization'],
        evidence: ['product-photo'],
        openedDaysAgo: 0,
        orderDate: recentOrder,
      }),
    )) as string;
    await new ClaimPage(page, appUrl).open(claimId);
    await page.getByRole('heading', { name: 'RMA-JKT1-000001' }).waitFor();
    const gallery = page.getByRole('region', { name: 'Evidence' });
    await gallery.getByRole('button', { name: /product-photo\.png/ }).waitFor();

    const workflow = page.getByRole('region', { name: 'Next step' });
    // The guard's reason stands beside the step before anyone tries it (B3).
    const refusal = workflow.getByRole('group', { name: 'Not yet: Authorize return' });
    await refusal.getByText('the shipping packaging (a photo)', { exact: false }).waitFor();
    expect(await workflow.getByRole('button', { name: 'Authorize return' }).isDisabled()).toBe(
      true,
    );
    await refusal.getByText('Clause B3').waitFor();
    await refusal.getByText('of the defective product and of the shipping packaging').waitFor();
    expect(await page.getByLabel('Status: Awaiting authorization').count()).toBe(1);
    await checkAccessibility(page);
    await saveScreenshot(page, 'claim-doa-refused');

    await refusal.getByRole('button', { name: 'Add a packaging photo' }).click();
    const picker = page.getByRole('dialog', { name: 'Add evidence to RMA-JKT1-000001' });
    const chooser = page.waitForEvent('filechooser');
    await picker.getByRole('button', { name: 'Choose files…' }).click();
    await (
      await chooser
    ).setFiles(await photoFile(page, 'box-dented.png', 'dented box', '#a61e4d'));
    // The kind the refusal asked for is already chosen for the file.
    expect(await picker.getByLabel('What box-dented.png shows').inputValue()).toBe(
      'Packaging photo',
    );
    await saveScreenshot(page, 'claim-add-evidence');
    await picker.getByRole('button', { name: 'Add 1 file' }).click();
    await picker.waitFor({ state: 'hidden' });
    await gallery.getByRole('button', { name: /box-dented\.png/ }).waitFor();
    await refusal.waitFor({ state: 'detached' });

    await workflow.getByRole('button', { name: 'Authorize return' }).click();
    await workflow.getByText('The claim is now Authorized.').waitFor();
    await page.getByLabel('Status: Authorized').waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(`${seededTechnician.name} moved the claim to Authorized`).waitFor();
    await timeline.getByText(`${seededTechnician.name} added a packaging photo`).waitFor();
    await saveScreenshot(page, 'claim-doa-authorized');

    // The photo opens in full.
    await gallery.getByRole('button', { name: /box-dented\.png/ }).click();
    const viewer = page.getByRole('dialog', { name: 'Packaging photo · box-dented.png' });
    await viewer.getByRole('img', { name: 'box-dented.png' }).waitFor();
    await saveScreenshot(page, 'claim-evidence-viewer');
    await viewer.getByRole('button', { name: 'Close' }).last().click();
    await viewer.waitFor({ state: 'hidden' });
  }, 60_000);

  it('turns the options into paid ones when the inspection records liquid damage', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    const claimId = (await page.evaluate(
      seedClaim({
        reason: 'defect',
        path: ['awaiting-authorization', 'authorized', 'received'],
        evidence: ['product-photo'],
        openedDaysAgo: 0,
        orderDate: recentOrder,
      }),
    )) as string;
    await new ClaimPage(page, appUrl).open(claimId);
    const decision = page.getByRole('region', { name: 'What the policy allows' });
    await decision.getByText('Warranty replacement').waitFor();
    expect(await decision.getByText('Customer pays').count()).toBe(0);

    // `i` jumps to the inspection from anywhere outside a field.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('i');
    const inspection = page.getByRole('region', { name: 'Inspection' });
    await expect
      .poll(() => inspection.evaluate((node) => node === document.activeElement))
      .toBe(true);
    await inspection.getByText('Confirmed', { exact: true }).click();
    await inspection.getByRole('checkbox', { name: 'Liquid damage' }).check();
    await inspection.getByLabel('Note on Liquid damage').fill('Corrosion under the back cover');
    await inspection.getByLabel('Evidence showing Liquid damage').click();
    await page.getByRole('option', { name: 'Product photo · product-photo.png' }).click();
    await page.keyboard.press('Escape');
    await inspection.getByRole('button', { name: 'Save inspection' }).click();
    await inspection.getByText('Inspection saved. The decision is updated.').waitFor();

    await decision.getByText('The warranty is void.').waitFor();
    await decision.getByText('WORRY FREE+ trade-in').waitFor();
    await decision.getByText('Customer pays').first().waitFor();
    expect(await decision.getByText('Warranty replacement').count()).toBe(0);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline
      .getByText(`${seededTechnician.name} found a sign of misuse: Liquid damage`)
      .waitFor();
    await checkAccessibility(page);
    await inspection.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'claim-inspection-liquid-damage');
    await decision.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'claim-decision-paid');

    // The finding is stored: after a reload the form and the decision still show it.
    await page.reload();
    await decision.getByText('WORRY FREE+ trade-in').waitFor();
    expect(await inspection.getByRole('checkbox', { name: 'Liquid damage' }).isChecked()).toBe(
      true,
    );
    expect(await inspection.getByLabel('Note on Liquid damage').inputValue()).toBe(
      'Corrosion under the back cover',
    );
  }, 60_000);

  it('asks for the device to be received before its inspection is saved (B14)', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    const claimId = (await page.evaluate(
      seedClaim({
        reason: 'defect',
        path: ['awaiting-authorization', 'authorized'],
        evidence: ['product-photo'],
        openedDaysAgo: 0,
        orderDate: recentOrder,
      }),
    )) as string;
    await new ClaimPage(page, appUrl).open(claimId);
    const inspection = page.getByRole('region', { name: 'Inspection' });
    await inspection
      .getByText('The device has not been received yet: receive it at the warehouse desk first')
      .waitFor();
    expect(await inspection.getByRole('button', { name: 'Save inspection' }).isDisabled()).toBe(
      true,
    );
    await checkAccessibility(page);
    await inspection.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'claim-inspection-not-received');
    await inspection.getByRole('link', { name: 'Open the warehouse desk' }).click();
    await page.getByRole('heading', { name: 'Warehouse desk' }).waitFor();
  }, 60_000);

  it('adds a note with Ctrl+Enter and shows it with the status change in the timeline', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    const claimId = (await page.evaluate(
      seedClaim({
        reason: 'defect',
        path: [],
        evidence: ['product-photo'],
        openedDaysAgo: 0,
        orderDate: recentOrder,
      }),
    )) as string;
    await new ClaimPage(page, appUrl).open(claimId);
    await page.getByRole('heading', { name: 'RMA-JKT1-000001' }).waitFor();

    await page.keyboard.press('n');
    const noteField = page.getByLabel('New note');
    await expect
      .poll(() => noteField.evaluate((node) => node === document.activeElement))
      .toBe(true);
    await page.keyboard.type('Customer says the watch died on the first charge.');
    await page.keyboard.press('Control+Enter');
    const notes = page.getByRole('region', { name: 'Notes' });
    await notes.getByText('Customer says the watch died on the first charge.').waitFor();
    await notes.getByText(`${seededTechnician.name} ·`, { exact: false }).waitFor();
    expect(await noteField.inputValue()).toBe('');

    const workflow = page.getByRole('region', { name: 'Next step' });
    await workflow.getByRole('button', { name: 'Submit for authorization' }).click();
    await page.getByLabel('Status: Awaiting authorization').waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const lines = timeline.getByText(seededTechnician.name, { exact: false });
    await timeline
      .getByText(`${seededTechnician.name} moved the claim to Awaiting authorization`)
      .waitFor();
    await timeline.getByText(`${seededTechnician.name} added a note`).waitFor();
    await timeline.getByText(`${seededTechnician.name} opened the claim`).waitFor();
    // Newest first: the move, then the note, and the opening last.
    // Each entry says what was done, then who (with their role) and when: keep the sentences.
    const texts = (await lines.allTextContents()).filter(
      (text) => !text.startsWith(`${seededTechnician.name} · `),
    );
    expect(
      texts.indexOf(`${seededTechnician.name} moved the claim to Awaiting authorization`),
    ).toBe(0);
    expect(texts.indexOf(`${seededTechnician.name} added a note`)).toBe(1);
    expect(texts.at(-1)).toBe(`${seededTechnician.name} opened the claim`);
    await checkAccessibility(page);
    await timeline.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'claim-note-timeline');

    // Cancelling asks first; keeping the claim changes nothing.
    await workflow.getByRole('button', { name: 'Cancel claim' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this claim?' });
    await confirm.getByRole('button', { name: 'Keep the claim' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('Status: Awaiting authorization').count()).toBe(1);

    await page.getByText('ID', { exact: true }).click();
    await page
      .getByRole('region', { name: 'Riwayat' })
      .getByText(`${seededTechnician.name} memindahkan klaim ke Menunggu otorisasi`)
      .waitFor();
    await page.getByRole('region', { name: 'Riwayat' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'claim-note-timeline-indonesian');
  }, 60_000);

  it('colours the first-response clock orange as it nears and red once it has passed', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    const seededOn = jakartaDay(0);
    const lateId = (await page.evaluate(
      seedClaim({
        reason: 'defect',
        path: [],
        evidence: ['product-photo'],
        openedDaysAgo: 5,
        orderDate: jakartaDay(-15),
      }),
    )) as string;
    const nearId = (await page.evaluate(
      seedClaim({
        reason: 'defect',
        path: [],
        evidence: ['product-photo'],
        openedDaysAgo: 0,
        orderDate: recentOrder,
      }),
    )) as string;
    const clocks = page.getByRole('list', { name: 'Deadlines' });
    const firstResponse = clocks.getByRole('listitem').filter({ hasText: 'First response' });

    await new ClaimPage(page, appUrl).open(lateId);
    const lateClock = clocks.locator('[data-tone="late"]').filter({ hasText: 'First response' });
    const lateness = await lateClock.getByText(/^\d+ days late$/).textContent();
    // Due a day after opening, 5 days ago: 4 days late. When midnight in Jakarta (17:00 UTC)
    // passed since the seed, the screen may already count a day more.
    const expected = jakartaDay(0) === seededOn ? ['4 days late'] : ['4 days late', '5 days late'];
    expect(expected).toContain(lateness);
    // The 24-month coverage is far away: running, not coloured as near.
    const coverage = clocks.getByRole('listitem').filter({ hasText: 'Coverage ends' });
    expect(await coverage.getAttribute('data-tone')).toBe('running');
    // A defect is not judged by the change-of-mind window: the header leaves it out.
    await clocks.getByRole('listitem').filter({ hasText: 'Quality return window' }).waitFor();
    expect(
      await clocks.getByRole('listitem').filter({ hasText: 'Change-of-mind window' }).count(),
    ).toBe(0);
    await checkAccessibility(page);
    await saveScreenshot(page, 'claim-clock-late');

    await new ClaimPage(page, appUrl).open(nearId);
    await page.getByRole('heading', { name: 'RMA-JKT1-000002' }).waitFor();
    await firstResponse.getByText('in 1 day').waitFor();
    expect(await firstResponse.getAttribute('data-tone')).toBe('near');
    await saveScreenshot(page, 'claim-clock-near');

    // Answering the customer (authorizing) meets the first-response clock.
    const workflow = page.getByRole('region', { name: 'Next step' });
    await workflow.getByRole('button', { name: 'Submit for authorization' }).click();
    await page.getByLabel('Status: Awaiting authorization').waitFor();
    await workflow.getByRole('button', { name: 'Authorize return' }).click();
    await firstResponse.getByText('answered').waitFor();
    expect(await firstResponse.getAttribute('data-tone')).toBe('met');
  }, 60_000);

  it('assigns the claim to a technician of the station', async ({ seededStation }) => {
    const { page } = seededStation;
    const claimId = (await page.evaluate(
      seedClaim({
        reason: 'defect',
        path: [],
        evidence: [],
        openedDaysAgo: 0,
        orderDate: recentOrder,
      }),
    )) as string;
    await new ClaimPage(page, appUrl).open(claimId);
    const assignee = page.getByRole('combobox', { name: 'Assignee', exact: true });
    expect(await assignee.inputValue()).toBe('Nobody yet');
    await assignee.click();
    await page.getByRole('option', { name: 'Agus Wijaya' }).click();
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText(`${seededTechnician.name} assigned the claim to Agus Wijaya`)
      .waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'RMA-JKT1-000001' }).waitFor();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Assignee', exact: true }).inputValue())
      .toBe('Agus Wijaya');
  }, 60_000);
});
