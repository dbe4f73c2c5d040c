import { describe, expect } from 'vitest';
import { it } from './stationTest';
import { saveScreenshot } from './workbenchPages';

/** The parts CSV import in the browser build, with a file of 50,000 bad rows and one good one. */
describe('importing a parts CSV', () => {
  it('lists the first 200 problems, counts the rest, and imports the good rows', async ({
    seededStation,
  }) => {
    const { page } = seededStation;
    await page.getByRole('link', { name: 'Parts' }).click();
    const badRows = Array.from({ length: 50_000 }, (_, index) => `BAD-${index},,1.00,USD,`);
    const csv = [
      'sku,name,price,currency,compatibleModels',
      'KT3-BAT,Battery kit,26.00,USD,',
      ...badRows,
    ].join('\n');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'catalog.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });

    const preview = page.getByRole('dialog', { name: 'Import catalog.csv' });
    await preview.getByText('50,000 rows will be skipped:').waitFor();
    expect(await preview.getByRole('listitem').count()).toBe(200);
    await preview.getByText('…and 49,800 more rows will be skipped.').waitFor();
    await saveScreenshot(page, 'parts-import-preview');

    await preview.getByRole('button', { name: 'Import 1 part' }).click();
    await page.getByText('Imported 1 part.').waitFor();
    await page.getByText('50,000 rows of the file were skipped.').waitFor();
    await page.getByRole('cell', { name: 'KT3-BAT', exact: true }).waitFor();
  });

  it('shows how far a long import has come, then the parts', async ({ seededStation }) => {
    const { page } = seededStation;
    await page.getByRole('link', { name: 'Parts' }).click();
    const rows = Array.from(
      { length: 20_000 },
      (_, index) => `P-${String(index).padStart(5, '0')},Strap ${index},1.50,USD,KOSPET Tank T3`,
    );
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'straps.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['sku,name,price,currency,compatibleModels', ...rows].join('\n')),
    });

    const preview = page.getByRole('dialog', { name: 'Import straps.csv' });
    await preview.getByRole('button', { name: 'Import 20,000 parts' }).click();
    // Pages of 5,000: the bar moves while the one transaction is still open.
    const progress = preview.getByText(/^Importing… [\d,]+ of 20,000 parts written/);
    await progress.waitFor();
    await saveScreenshot(page, 'parts-import-progress');
    await page.getByText('Imported 20,000 parts.').waitFor();
    // The table is virtual: its first rows are drawn.
    await page.getByRole('cell', { name: 'P-00000', exact: true }).waitFor();
  });
});
