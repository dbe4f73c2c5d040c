import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { it } from './stationTest';
import { webAppUrl } from '../support/webApp';
import {
  checkPrintRequests,
  readStoredLegs,
  readStoredParts,
  readStoredQuotes,
  recordPrintRequests,
  seedCatalogParts,
  seedInspectedMisuseClaim,
  seedQuotePrinter,
} from './quotePages';
import {
  expectNoSeriousAxeViolations,
  fakeDesktopBridge,
  openApp,
  saveScreenshot,
  seedStation,
} from './workbenchPages';

/**
 * The quote and shipments of a claim and the parts catalog, end to end in the browser build:
 * real Chromium, real IndexedDB, records checked as stored.
 */
const projectRoot = join(import.meta.dirname, '../..');
const appUrl = webAppUrl();

describe('the quote of a claim', () => {
  it('builds a quote from a catalog part, labour, a pack charge and shipping, sends it, records the answer and revises it', async ({
    station,
  }) => {
    const { page } = station;
    await page.addInitScript(fakeDesktopBridge);
    await page.addInitScript(recordPrintRequests);
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    await page.evaluate(seedQuotePrinter);
    await page.evaluate(seedCatalogParts);
    const claimId = (await page.evaluate(seedInspectedMisuseClaim)) as string;

    await page.goto(`${appUrl}#/claims/${claimId}`);
    const quote = page.getByRole('region', { name: 'Quote', exact: true });
    await quote.getByRole('button', { name: 'Start a quote' }).click();
    await quote.getByText('Draft', { exact: true }).waitFor();

    // A part: only the parts that fit a Tank T3 (or any model) are offered, however the
    // catalog writes the model.
    const partField = quote.getByRole('combobox', { name: 'Part from the catalog' });
    await partField.click();
    await partField.fill('LCD');
    await page.getByRole('option', { name: /KT3-LCD-01/ }).waitFor();
    expect(await page.getByRole('option', { name: /M2-LCD-01/ }).count()).toBe(0);
    await page.getByRole('option', { name: /KT3-LCD-01/ }).click();
    await quote.getByRole('textbox', { name: 'Quantity', exact: true }).fill('2');
    await quote.getByRole('textbox', { name: 'Quantity', exact: true }).press('Control+Enter');
    await quote.getByRole('cell', { name: 'KT3-LCD-01 Display assembly', exact: true }).waitFor();

    // Labour by the hour; a malformed rate is refused with what to type instead.
    await quote.getByText('Labour', { exact: true }).click();
    await quote.getByRole('textbox', { name: 'Hours', exact: true }).fill('1.5');
    await quote.getByRole('textbox', { name: 'Rate per hour (IDR)', exact: true }).fill('12,5x');
    await quote.getByRole('button', { name: 'Add line' }).click();
    await quote.getByText('“12,5x” is not a number — use digits and a dot, e.g. 25000').waitFor();
    await quote.getByRole('textbox', { name: 'Rate per hour (IDR)', exact: true }).fill('100000.5');
    await quote.getByRole('button', { name: 'Add line' }).click();
    await quote.getByText('IDR is counted in whole units').waitFor();
    await saveScreenshot(page, 'quote-money-refused');
    await quote.getByRole('textbox', { name: 'Rate per hour (IDR)', exact: true }).fill('100000');
    await quote.getByRole('button', { name: 'Add line' }).click();
    await quote.getByRole('cell', { name: /^Labour \(1\.5 h ×/ }).waitFor();

    // The pack's own charge, with its clause: C9 states US$10–30, so on this rupiah station the
    // technician types the US$ amount within the range and the day's rate.
    await quote.getByText('Policy charge', { exact: true }).click();
    await quote.getByText('The policy states US$10.00 to US$30.00, set case by case.').waitFor();
    await quote.getByText('Clause C9', { exact: false }).first().waitFor();
    const usdAmount = quote.getByRole('textbox', { name: 'Amount (USD)', exact: true });
    const rate = quote.getByRole('textbox', { name: 'Rate (IDR per 1 USD)', exact: true });
    const addDifference = quote.getByRole('button', { name: 'Add Price difference' });
    await usdAmount.fill('35');
    await rate.fill('16250');
    await addDifference.click();
    await quote
      .getByText('Enter an amount from US$10.00 to US$30.00, as the policy states.')
      .waitFor();
    await usdAmount.fill('20');
    await rate.fill('16,250');
    await addDifference.click();
    await quote.getByText('Enter the rate above zero with digits', { exact: false }).waitFor();
    await rate.fill('16250');
    await quote.getByText('= IDR 325,000').waitFor();
    await saveScreenshot(page, 'quote-policy-charge');
    await addDifference.click();
    await quote.getByRole('cell', { name: /^Price difference/ }).waitFor();
    await quote.getByText('US$20.00 at 16,250 IDR per USD', { exact: true }).waitFor();

    // The customer pays the inbound leg under WORRY FREE+ (C11).
    await quote.getByText('Shipping', { exact: true }).click();
    await quote.getByText('The policy has the customer pay this leg.').waitFor();
    await quote.getByRole('textbox', { name: 'Cost (IDR)', exact: true }).fill('25000');
    await quote.getByRole('textbox', { name: 'Cost (IDR)', exact: true }).press('Control+Enter');
    await quote.getByRole('cell', { name: 'Shipping to the center', exact: true }).waitFor();

    const totals = quote.getByRole('group', { name: 'Totals' });
    // 2 × 450,000 + 150,000 + 20 × 16,250 + 25,000
    await expect.poll(() => totals.textContent()).toMatch(/Customer pays.*1,400,000/);
    await expectNoSeriousAxeViolations(page);
    await quote.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'quote-draft');

    // Sent, the quote is read-only.
    await quote.getByRole('button', { name: 'Send to customer' }).click();
    await quote.getByText('Sent', { exact: true }).waitFor();
    await quote.getByText('Sent quotes never change.', { exact: false }).waitFor();
    expect(await quote.getByRole('button', { name: 'Add line' }).count()).toBe(0);
    expect(await quote.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await quote.getByRole('combobox', { name: 'Part from the catalog' }).count()).toBe(0);

    await quote.getByRole('button', { name: 'Print quote' }).click();
    await quote.getByText('Quote sent to the printer (job Office_Laser-17).').waitFor();
    expect(await page.evaluate(checkPrintRequests)).toEqual([{ kind: 'quote', ok: true }]);

    // The paid remedy is chosen, but resolving waits for the customer's approval: the step
    // says so beside it rather than failing when clicked.
    const decision = page.getByRole('region', { name: 'What the policy allows' });
    await decision
      .getByRole('button', { name: 'Choose this remedy: WORRY FREE+ trade-in' })
      .click();
    await decision.getByText('Chosen remedy').waitFor();
    const workflow = page.getByRole('region', { name: 'Next step' });
    const resolve = workflow.getByRole('button', { name: 'Resolve', exact: true });
    await workflow
      .getByRole('group', { name: 'Not yet: Resolve' })
      .getByText('get the latest quote approved before resolving', { exact: false })
      .waitFor();
    expect(await resolve.isDisabled()).toBe(true);
    await saveScreenshot(page, 'quote-resolve-waits');

    // The required answer is flagged as the technician goes, before any attempt to record it.
    await quote.getByRole('button', { name: 'Customer approved' }).click();
    const record = quote.getByRole('button', { name: 'Record answer' });
    const said = quote.getByRole('textbox', { name: 'What the customer said' });
    await quote.getByText('Write down what the customer said.').waitFor();
    expect(await record.isDisabled()).toBe(true);
    await said.fill('Approved');
    await said.fill('');
    await said.blur();
    await expect.poll(() => said.getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(page, 'quote-answer-required');
    await said.fill('Approved by phone, pays on pickup');
    await expect.poll(() => record.isEnabled()).toBe(true);
    await record.click();
    await quote.getByText('Approved', { exact: true }).waitFor();
    await quote.getByText(/“Approved by phone, pays on pickup”/).waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'quote-approved');
    await expect.poll(() => resolve.isEnabled()).toBe(true);
    expect(await workflow.getByRole('group', { name: 'Not yet: Resolve' }).count()).toBe(0);

    await quote.getByRole('button', { name: 'New revision' }).click();
    await quote.getByText('Revision 2', { exact: true }).waitFor();
    await quote.getByText('Draft', { exact: true }).waitFor();
    await quote.getByRole('button', { name: 'Add line' }).first().waitFor();
    await saveScreenshot(page, 'quote-revision-2');
    await quote.getByRole('combobox', { name: 'Revision shown' }).click();
    await page.getByRole('option', { name: 'Revision 1 · Approved' }).click();
    await quote
      .getByText('This is revision 1, kept as the customer saw it.', { exact: false })
      .waitFor();
    await saveScreenshot(page, 'quote-revision-1-viewed');

    await page.getByText('ID', { exact: true }).click();
    const penawaran = page.getByRole('region', { name: 'Penawaran' });
    await penawaran.getByText('Pelanggan membayar', { exact: true }).waitFor();
    // Generated lines are worded in the screen's language, not the one they were made in.
    await penawaran
      .getByRole('cell', { name: 'Ongkos kirim ke pusat servis', exact: true })
      .waitFor();
    await penawaran.getByRole('cell', { name: /^Jasa servis \(1,5 jam × Rp/ }).waitFor();
    await penawaran.getByText('US$20,00 dengan kurs 16.250 IDR per USD', { exact: true }).waitFor();
    await saveScreenshot(page, 'quote-indonesian');

    const lines = [
      {
        kind: 'part',
        description: 'KT3-LCD-01 Display assembly',
        quantity: 2,
        unitPrice: 450000,
        currency: 'IDR',
        clauseIds: [],
      },
      {
        kind: 'labour',
        wording: {
          code: 'labour-hourly',
          hundredthsOfHour: 150,
          rate: { amount: 100000, currency: 'IDR' },
        },
        quantity: 1,
        unitPrice: 150000,
        currency: 'IDR',
        clauseIds: [],
      },
      {
        kind: 'fee',
        description: 'Price difference',
        wording: { code: 'charge', charge: 'price-difference' },
        quantity: 1,
        unitPrice: 325000,
        currency: 'IDR',
        conversion: { source: { amount: 2000, currency: 'USD' }, rate: '16250' },
        clauseIds: ['C9'],
      },
      {
        kind: 'shipping-inbound',
        description: 'Shipping to the center',
        wording: { code: 'shipping-inbound' },
        quantity: 1,
        unitPrice: 25000,
        currency: 'IDR',
      },
    ];
    const stored = (await page.evaluate(readStoredQuotes(claimId))) as unknown[];
    expect(stored).toMatchObject([
      {
        revision: 1,
        status: 'approved',
        currency: 'IDR',
        sent: true,
        answered: true,
        customerAnswer: 'Approved by phone, pays on pickup',
        lines,
      },
      { revision: 2, status: 'draft', sent: false, answered: false, lines },
    ]);
  }, 180_000);

  it('records shipment legs with a carrier, tracking, who pays, the cost and a receipt', async ({
    station,
  }) => {
    const { page } = station;
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    const claimId = (await page.evaluate(seedInspectedMisuseClaim)) as string;
    await page.goto(`${appUrl}#/claims/${claimId}`);
    const shipments = page.getByRole('region', { name: 'Shipments', exact: true });
    await shipments.getByRole('button', { name: 'Add a leg' }).click();
    await shipments
      .getByText('The policy (WORRY FREE+ trade-in) has the customer pay this leg.')
      .waitFor();
    await shipments.getByRole('textbox', { name: 'Cost (IDR)', exact: true }).fill('-18000');
    await shipments.getByRole('button', { name: 'Save leg' }).click();
    await shipments.getByText('Fill this in.').waitFor();
    await shipments.getByText('“-18000” is negative', { exact: false }).waitFor();
    await shipments.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'shipments-refused');

    await shipments.getByRole('textbox', { name: 'Carrier', exact: true }).fill('JNE');
    await shipments
      .getByRole('textbox', { name: 'Tracking number', exact: true })
      .fill('JNE0123456789');
    await shipments.getByRole('textbox', { name: 'Cost (IDR)', exact: true }).fill('18000');
    await shipments.locator('input[type=file]').setInputFiles({
      name: 'jne-receipt.png',
      mimeType: 'image/png',
      buffer: await readFile(join(projectRoot, 'build', 'icon.png')),
    });
    await shipments.getByText('To attach: jne-receipt.png').waitFor();
    await shipments.getByRole('button', { name: 'Save leg' }).click();
    await shipments.getByRole('cell', { name: 'JNE0123456789', exact: true }).waitFor();
    await shipments.getByRole('button', { name: /Open the receipt: jne-receipt\.png/ }).waitFor();

    // Edit: the center pays the way back.
    await shipments.getByRole('button', { name: 'Edit leg JNE' }).click();
    await shipments.getByText('Center', { exact: true }).click();
    await shipments.getByRole('button', { name: 'Save leg' }).click();
    await shipments.getByRole('cell', { name: 'Center', exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'shipments-recorded');

    expect(await page.evaluate(readStoredLegs(claimId))).toEqual([
      {
        direction: 'inbound',
        carrier: 'JNE',
        trackingNumber: 'JNE0123456789',
        paidBy: 'company',
        cost: { amount: 18000, currency: 'IDR' },
        receipt: { kind: 'receipt', fileName: 'jne-receipt.png', stored: true },
      },
    ]);
  }, 180_000);
});

describe('the parts catalog', () => {
  it('imports the good rows of a CSV after a preview naming the bad one, and exports the same rows', async ({
    station,
  }) => {
    const { page } = station;
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    await page.goto(`${appUrl}#/parts`);
    await page.getByRole('heading', { name: 'Parts catalog' }).waitFor();
    await page.getByText('No parts yet.', { exact: false }).waitFor();

    const header = 'sku,name,price,currency,compatibleModels';
    const goodRows = [
      'IGS-MNT-01,"Out-front mount, aluminium",150000,IDR,',
      'KT3-BAT-01,Battery kit,26.00,USD,KOSPET Tank T3|KOSPET Tank M2',
      'KT3-LCD-01,Display assembly,450000,IDR,KOSPET Tank T3',
    ];
    const csv = [
      header,
      goodRows[1],
      goodRows[2],
      'KT3-STRAP-01,Strap,"12,5x",USD,',
      goodRows[0],
    ].join('\n');
    await page.locator('input[type=file]').setInputFiles({
      name: 'parts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    const preview = page.getByRole('dialog', { name: 'Import parts.csv' });
    await preview
      .getByText('3 rows are ready to import: 3 new, 0 updating a part with the same SKU.')
      .waitFor();
    await preview
      .getByText('row 4: price "12,5x" is not a number — use digits and a dot, e.g. 12.50')
      .waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'parts-import-preview');
    await preview.getByRole('button', { name: 'Import 3 parts' }).click();
    // Wait until the dialog has faded out: axe would read its half-transparent text as faint.
    await preview.waitFor({ state: 'hidden' });
    await page.getByText('Imported 3 parts.').waitFor();
    await page.getByText('1 row of the file was skipped.').waitFor();
    await page.getByRole('cell', { name: 'Battery kit', exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'parts-imported');

    expect(await page.evaluate(readStoredParts)).toEqual([
      {
        sku: 'IGS-MNT-01',
        name: 'Out-front mount, aluminium',
        unitPrice: { amount: 150000, currency: 'IDR' },
        compatibleModels: [],
      },
      {
        sku: 'KT3-BAT-01',
        name: 'Battery kit',
        unitPrice: { amount: 2600, currency: 'USD' },
        compatibleModels: ['KOSPET Tank T3', 'KOSPET Tank M2'],
      },
      {
        sku: 'KT3-LCD-01',
        name: 'Display assembly',
        unitPrice: { amount: 450000, currency: 'IDR' },
        compatibleModels: ['KOSPET Tank T3'],
      },
    ]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^fixline-parts-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = await readFile(await download.path(), 'utf8');
    expect(exported).toBe([header, ...goodRows].join('\n') + '\n');
  }, 180_000);

  it('adds, searches, edits and deletes a part, refusing a bad price with a message', async ({
    station,
  }) => {
    const { page } = station;
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    await page.evaluate(seedCatalogParts);
    await page.goto(`${appUrl}#/parts`);
    await page.getByRole('cell', { name: 'KT3-LCD-01', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Add a part' }).click();
    const form = page.getByRole('dialog', { name: 'Add a part' });
    await form.getByRole('textbox', { name: 'SKU', exact: true }).fill('KT3-GLS-01');
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Screen protector');
    await form.getByRole('textbox', { name: 'Price', exact: true }).fill('1,5');
    await form.getByRole('button', { name: 'Save part' }).click();
    await form.getByText('“1,5” has a comma — use digits and a dot, e.g. 25000').waitFor();
    await saveScreenshot(page, 'parts-form-refused');
    await form.getByRole('textbox', { name: 'Price', exact: true }).fill('15000');
    await form.getByLabel('Fits these models', { exact: true }).fill('KOSPET Tank T3');
    await form.getByLabel('Fits these models', { exact: true }).press('Enter');
    await form.getByRole('textbox', { name: 'Price', exact: true }).press('Control+Enter');
    await page.getByRole('cell', { name: 'Screen protector', exact: true }).waitFor();

    await page.getByRole('searchbox', { name: 'Search parts' }).fill('protector');
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: 'Edit KT3-GLS-01' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit KT3-GLS-01' });
    await edit.getByRole('textbox', { name: 'Price', exact: true }).fill('17500');
    await edit.getByRole('button', { name: 'Save part' }).click();
    await page.getByRole('cell', { name: /17,500/ }).waitFor();

    await page.getByRole('button', { name: 'Delete KT3-GLS-01' }).click();
    await page
      .getByRole('dialog', { name: 'Delete KT3-GLS-01?' })
      .getByRole('button', { name: 'Delete part' })
      .click();
    await page.getByText('KT3-GLS-01 was deleted.').waitFor();
    expect((await page.evaluate(readStoredParts)) as { sku: string }[]).not.toContainEqual(
      expect.objectContaining({ sku: 'KT3-GLS-01' }),
    );
    const tombstone = await page.evaluate(`(async () => {
      const { appDatabase } = await window.__fixlineTest;
      const part = await appDatabase().partsCatalog.where('sku').equals('KT3-GLS-01').first();
      return { deleted: part?.deletedAt !== undefined, price: part?.unitPrice.amount, models: part?.compatibleModels };
    })()`);
    expect(tombstone).toEqual({ deleted: true, price: 17500, models: ['KOSPET Tank T3'] });
  }, 180_000);
});
