import { join } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barcodesOnFirstPage, normalizeSpace, pdfText, scratchFolder } from '../documents/pdfTools';
import { openStationBrowser, startWebApp } from '../support/webApp';
import {
  authorize,
  inspect,
  intake,
  plans,
  receive,
  rmaNumber,
  type ClaimPlan,
} from './completeClaimPages';
import { newCenter, setUpThroughTheForm } from './setupPages';
import { expectNoSeriousAxeViolations, saveScreenshot, warmUp } from './workbenchPages';

/**
 * A center's first day, through the screens alone: from an empty browser profile, first-run
 * setup, then one claim per policy pack from intake to its decision (and quote, where the
 * customer pays), and the RMA slip, return label and device tag downloaded and read back.
 */
let app: Awaited<ReturnType<typeof startWebApp>>;
let folder: Awaited<ReturnType<typeof scratchFolder>>;

beforeAll(async () => {
  app = await startWebApp();
  folder = await scratchFolder('first-day');
  await warmUp(app.url);
}, 90_000);
afterAll(async () => {
  await app.stop();
  await folder.remove();
});

const documentNames = {
  'rma-slip': 'RMA slip',
  'return-label': 'Return label',
  'device-tag': 'Device tag',
} as const;

/** Downloads one of the claim's documents through its Documents card; returns the file's path. */
async function downloadDocument(
  page: Page,
  pack: ClaimPlan['pack'],
  kind: keyof typeof documentNames,
): Promise<string> {
  const card = page.getByRole('region', { name: 'Documents' });
  const downloaded = page.waitForEvent('download');
  await card.getByRole('button', { name: `Download PDF: ${documentNames[kind]}` }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe(`${rmaNumber} ${kind}.pdf`);
  const path = join(folder.path, `${pack}-${kind}.pdf`);
  await download.saveAs(path);
  await card.getByText(`Downloaded ${rmaNumber} ${kind}.pdf`).waitFor();
  return path;
}

describe('the first day at a new center', () => {
  for (const plan of plans) {
    it(`${plan.pack}: setup, intake, authorization, receiving, inspection, decision${plan.paid ? ', quote' : ''} and the documents read back`, async () => {
      const station = await openStationBrowser();
      try {
        const { page } = station;
        const shot = (step: string) => saveScreenshot(page, `first-day-${plan.pack}-${step}`);
        await page.goto(app.url);
        await setUpThroughTheForm(page, { withAddress: true });

        const walk = { page, url: app.url, shot };
        const claimId = await intake(walk, plan);
        await authorize(walk, plan);
        await receive(walk, plan);
        await inspect(walk, plan, claimId);

        const documents = page.getByRole('region', { name: 'Documents' });
        await documents.scrollIntoViewIfNeeded();
        expect(await documents.getByRole('link', { name: 'Add it in Settings' }).count()).toBe(0);
        const slip = normalizeSpace(
          await pdfText(await downloadDocument(page, plan.pack, 'rma-slip')),
        );
        const label = normalizeSpace(
          await pdfText(await downloadDocument(page, plan.pack, 'return-label')),
        );
        const tagPath = await downloadDocument(page, plan.pack, 'device-tag');
        const tag = normalizeSpace(await pdfText(tagPath));
        await shot('documents');
        await expectNoSeriousAxeViolations(page);

        for (const text of [slip, label]) {
          expect(text).toContain(rmaNumber);
          expect(text).toContain(plan.customer.name);
          expect(text).toContain(newCenter.street);
          expect(text).toContain(newCenter.city);
        }
        expect(slip).toContain(newCenter.phone);
        expect(tag).toContain(rmaNumber);
        expect(tag).toContain(plan.device.serial);
        for (const kind of ['rma-slip', 'return-label'] as const) {
          expect(
            await barcodesOnFirstPage(join(folder.path, `${plan.pack}-${kind}.pdf`), folder.path),
          ).toContain(`CODE-128:${rmaNumber}`);
        }
        expect(await barcodesOnFirstPage(tagPath, folder.path)).toContain(`CODE-128:${rmaNumber}`);
      } catch (error) {
        await saveScreenshot(station.page, `first-day-${plan.pack}-failed`);
        throw error;
      } finally {
        await station.close();
      }
    }, 180_000);
  }
});
