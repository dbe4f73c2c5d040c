import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { it } from './stationTest';
import { ClaimPage } from './pages/claimPage';
import { screenshotFolder, webAppUrl } from '../support/webApp';
import {
  barcodesOnFirstPage,
  normalizeSpace,
  pdfInfo,
  pdfText,
  scratchFolder,
} from '../documents/pdfTools';
import {
  expectNoSeriousAxeViolations,
  openApp,
  saveScreenshot,
  seedClaims,
  seedStation,
  recordPrintCalls,
} from './workbenchPages';

/**
 * Documents in the browser build, end to end: the PDF is drawn in a Web Worker (pdfkit's browser
 * build, the DejaVu fonts unpacked with DecompressionStream, bwip-js barcodes), downloaded
 * through the claim screen, and read back with poppler and zbar as a person's tools would.
 */
const appUrl = webAppUrl();
let folder: Awaited<ReturnType<typeof scratchFolder>>;

beforeAll(async () => {
  folder = await scratchFolder('web-documents');
}, 60_000);
afterAll(async () => {
  await folder.remove();
});

describe('documents in the browser build', () => {
  it('downloads an RMA slip drawn in the worker, with its text and barcodes readable', async ({
    stationWithClaim,
  }) => {
    const { page, claimId } = stationWithClaim;
    await new ClaimPage(page, appUrl).open(claimId);
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByText('opens in the print dialog').waitFor();
    await page.getByRole('heading', { name: 'What the policy allows' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    const rmaNumber = (await page.getByRole('heading', { level: 2 }).innerText()).trim();
    const downloaded = page.waitForEvent('download');
    await documents.getByRole('button', { name: 'Download PDF: RMA slip' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`${rmaNumber} rma-slip.pdf`);
    const pdfPath = join(folder.path, download.suggestedFilename());
    await download.saveAs(pdfPath);
    await download.saveAs(join(screenshotFolder, 'browser-rma-slip.pdf'));
    await documents.getByText(`Downloaded ${rmaNumber} rma-slip.pdf`).waitFor();
    // The button's loader fades out: let it finish so the screenshot shows the settled card.
    await expect.poll(() => page.evaluate('document.getAnimations().length')).toBe(0);
    await documents.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'claim-documents-browser');

    // The seeded customer prefers Bahasa Indonesia; the claim was never authorized.
    // Every option the policy offers is listed (no remedy chosen yet), so it may run to two pages.
    expect(await pdfInfo(pdfPath)).toMatchObject({ width: 595.28, height: 841.89 });
    const text = normalizeSpace(await pdfText(pdfPath));
    expect(text).toContain(rmaNumber);
    expect(text).toContain('Siti Rahmawati 1');
    expect(text).toContain('Belum disetujui');
    expect(text).toContain('Jangan kirim dulu');
    expect(await barcodesOnFirstPage(pdfPath, folder.path)).toEqual([
      `CODE-128:${rmaNumber}`,
      `QR-Code:${rmaNumber}`,
    ]);
    // The first document also waits for the dev server to bundle pdfkit for the worker.
  }, 120_000);

  it('opens a return label in the print dialog, and says so in Bahasa Indonesia too', async ({
    station,
  }) => {
    const { page } = station;
    // Headless Chromium has no print dialog (printing there crashes the page), so each frame's
    // print() is recorded on the page instead: the edge of the browser, not Fixline's code.
    await page.addInitScript(recordPrintCalls);
    await openApp(page, appUrl);
    await page.evaluate(seedStation);
    const [claimId] = (await page.evaluate(seedClaims(1))) as string[];
    await new ClaimPage(page, appUrl).open(claimId);
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByRole('button', { name: 'Open for printing: Return label' }).click();
    await documents.getByText('Return label opened in the print dialog.').waitFor();
    // The PDF is in a hidden frame of the page, which the browser's print dialog prints.
    const frame = page.locator('iframe[data-fixline-print]');
    await frame.waitFor({ state: 'attached' });
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    expect(await frame.getAttribute('title')).toMatch(/^RMA-JKT1-\d{6} return-label$/);
    await expect.poll(() => page.evaluate('window.top.fixlinePrintCalls')).toBe(1);

    await page.getByText('ID', { exact: true }).click();
    const dokumen = page.getByRole('region', { name: 'Dokumen' });
    await dokumen.getByRole('button', { name: 'Buka untuk dicetak: Tag perangkat' }).click();
    await dokumen.getByText('Tag perangkat dibuka di dialog cetak.').waitFor();
    await expect.poll(() => page.evaluate('document.getAnimations().length')).toBe(0);
    await dokumen.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'claim-documents-browser-indonesian');
  }, 120_000);
});
