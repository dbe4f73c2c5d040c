import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright';
import { describe, expect } from 'vitest';
import { it } from './stationTest';
import { webAppUrl } from '../support/webApp';
import { seedReportsStation } from './reportsPages';
import {
  expectNoSeriousAxeViolations,
  openApp,
  saveScreenshot,
  seedStation,
} from './workbenchPages';

/**
 * The Reports screen in the browser build: a station seeded with known claims through the
 * repositories, the figures read back from the tables, the date filter, and the CSV export.
 */
const appUrl = webAppUrl();

/** The rows of a report's table (header row first), as the screen shows them. */
async function tableRows(
  page: Page,
  report: string,
  figuresOf = 'Figures of',
): Promise<string[][]> {
  const table = page.getByRole('table', { name: `${figuresOf} “${report}”` });
  await table.waitFor();
  return table
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
      ),
    );
}

/** A table cell as the CSV writes it: numbers as numbers, percentages without the sign. */
function cellValue(text: string): string | number {
  const number = text.replace(/%$/, '').replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(number) ? Number(number) : text;
}

async function openReports(page: Page): Promise<void> {
  await openApp(page, appUrl);
  await page.evaluate(seedStation);
  await page.evaluate(seedReportsStation);
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('heading', { name: 'Reports', level: 2 }).waitFor();
  // Off the navbar, so its hover colour is not what axe sees.
  await page.mouse.move(700, 10);
}

describe('the Reports screen', () => {
  it('shows the seeded station’s figures in every report’s table', async ({ station }) => {
    const { page } = station;
    await openReports(page);
    await page.getByText('6 claims in this selection').waitFor();

    const byStatus = await tableRows(page, 'Claims by status');
    expect(byStatus[0]).toEqual(['Status', 'Claims']);
    expect(byStatus.slice(1)).toEqual([
      ['Intake', '1'],
      ['Awaiting authorization', '1'],
      ['Authorized', '0'],
      ['Received', '0'],
      ['Inspected', '1'],
      ['Quoted', '0'],
      ['Resolved', '2'],
      ['Closed', '1'],
      ['Refused', '0'],
      ['Cancelled', '0'],
    ]);
    // T3: 1 DOA of 3 inspected; iGS630: 1 of 1.
    expect(await tableRows(page, 'DOA rate by model')).toEqual([
      ['Brand', 'Model', 'Inspected', 'DOA', 'Rate (%)'],
      ['iGPSPORT', 'iGPSPORT iGS630', '1', '1', '100%'],
      ['KOSPET', 'KOSPET Tank T3', '3', '1', '33.3%'],
    ]);
    expect(await tableRows(page, 'Void reasons')).toEqual([
      ['Finding', 'Claims'],
      ['Liquid damage', '1'],
    ]);
    // 1 of 4 inspected overall; 1 of 3 for the T3; 0 of 1 for the iGS630.
    expect(await tableRows(page, 'No defect found')).toEqual([
      ['Brand', 'Model', 'Inspected', 'No defect', 'Rate (%)'],
      ['', 'All models', '4', '1', '25%'],
      ['KOSPET', 'KOSPET Tank T3', '3', '1', '33.3%'],
      ['iGPSPORT', 'iGPSPORT iGS630', '1', '0', '0%'],
    ]);
    // Five answered within the day; claim 5 never was and its day has passed. Decisions: the
    // remedies of claims 1 and 4 are offered until the warranty ends (2028 and 2027), and both
    // were resolved long before; claim 2 found no defect, so its remedy is not an option.
    expect(await tableRows(page, 'Deadline compliance')).toEqual([
      ['Deadline', 'Met', 'Missed', 'Pending', 'Met (%)'],
      ['First response', '5', '1', '0', '83.3%'],
      ['Decision within the remedy’s window', '2', '0', '0', '100%'],
    ]);
    // October: 4, 6 and 2 days.
    expect(await tableRows(page, 'Turnaround time')).toEqual([
      ['Month', 'Claims', 'Median (days)', 'P90 (days)'],
      ['Oct 2026', '3', '4.0', '6.0'],
    ]);
    await saveScreenshot(page, 'reports-all-claims');
    await page.getByRole('heading', { name: 'Deadline compliance' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'reports-all-claims-lower');
    await expectNoSeriousAxeViolations(page);
  }, 120_000);

  it('narrows the figures to the claims opened in the chosen days', async ({ station }) => {
    const { page } = station;
    await openReports(page);
    await page.getByText('6 claims in this selection').waitFor();
    await page.getByLabel('Opened from').fill('2026-10-01');
    await page.getByLabel('Opened to').fill('2026-10-31');
    await page.getByText('4 claims in this selection').waitFor();
    const byStatus = await tableRows(page, 'Claims by status');
    expect(byStatus.find((row) => row[0] === 'Intake')).toEqual(['Intake', '0']);
    expect(byStatus.find((row) => row[0] === 'Resolved')).toEqual(['Resolved', '2']);
    expect(await tableRows(page, 'Deadline compliance')).toEqual([
      ['Deadline', 'Met', 'Missed', 'Pending', 'Met (%)'],
      ['First response', '4', '0', '0', '100%'],
      ['Decision within the remedy’s window', '2', '0', '0', '100%'],
    ]);

    // A range that ends before it starts is refused with a message; the figures stay.
    await page.getByLabel('Opened to').fill('2026-09-01');
    await page.getByText('“Opened from” is after “Opened to”').waitFor();
    await saveScreenshot(page, 'reports-bad-range');
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel('Opened to').fill('2026-11-30');
    await page.getByLabel('Opened from').fill('2026-11-01');
    await page.getByText('2 claims in this selection').waitFor();
    expect(await page.getByText('No claim in this selection has been inspected yet.').count()).toBe(
      2,
    );
    await saveScreenshot(page, 'reports-november');

    // In Bahasa Indonesia, with the station's number format.
    await page.getByText('ID', { exact: true }).click();
    await page.getByRole('heading', { name: 'Laporan', level: 2 }).waitFor();
    await page.getByText('2 klaim dalam pilihan ini').waitFor();
    expect(await tableRows(page, 'Klaim per status', 'Angka')).toContainEqual([
      'Menunggu otorisasi',
      '1',
    ]);
    await saveScreenshot(page, 'reports-indonesian');
    await expectNoSeriousAxeViolations(page);
  }, 120_000);

  it('exports a report as a CSV file whose rows equal its table', async ({ station }) => {
    const { page } = station;
    await openReports(page);
    await page.getByText('6 claims in this selection').waitFor();
    for (const report of ['DOA rate by model', 'Turnaround time', 'Claims by status']) {
      const table = await tableRows(page, report);
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: `Export CSV: ${report}` }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^fixline-[a-z-]+-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile(await download.path(), 'utf8');
      const parsed = Papa.parse<(string | number)[]>(csv.trim(), { dynamicTyping: true });
      expect(parsed.errors).toEqual([]);
      const [header, ...rows] = parsed.data;
      expect(header).toEqual(table[0]);
      // Months are ISO in the file and spelled out on screen; everything else is the same.
      const shown = table
        .slice(1)
        .map((row) => row.map((text) => (text === 'Oct 2026' ? '2026-10' : cellValue(text))));
      expect(rows).toEqual(shown);
    }
    await saveScreenshot(page, 'reports-exported');
  }, 120_000);
});
