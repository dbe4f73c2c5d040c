import { describe, expect } from 'vitest';
import { webAppUrl } from '../support/webApp';
import {
  authorize,
  type FinishedClaim,
  inspect,
  intake,
  plans,
  readFinishedClaim,
  receive,
  resolveAndShip,
  seedStationForEveryPack,
} from './completeClaimPages';
import {
  expectNoSeriousAxeViolations,
  openApp,
  saveScreenshot,
  seededTechnician,
} from './workbenchPages';
import { it } from './stationTest';

/**
 * One complete claim per policy pack, through the real screens from the counter to the closed
 * claim: intake with evidence and the live decision, authorization on the claim screen, receiving
 * and outbound on the warehouse desk, the inspection, the decision (with a quote where the
 * customer pays), the chosen remedy and the timeline that tells it all.
 */
const appUrl = webAppUrl();

describe('one complete claim per policy pack', () => {
  for (const plan of plans) {
    it(`${plan.pack}: intake, authorization, receiving, inspection, ${plan.paid ? 'a paid quote' : 'a free remedy'}, outbound and close`, async ({
      station,
    }) => {
      try {
        const { page } = station;
        const shot = (step: string) => saveScreenshot(page, `complete-${plan.pack}-${step}`);
        await openApp(page, appUrl);
        await page.evaluate(seedStationForEveryPack);

        const walk = { page, url: appUrl, shot };
        const claimId = await intake(walk, plan);
        await authorize(walk, plan);
        await receive(walk, plan);
        await inspect(walk, plan, claimId);
        const tracking = await resolveAndShip(walk, plan);

        const stored = (await page.evaluate(readFinishedClaim(claimId))) as FinishedClaim;
        expect(stored).toMatchObject({
          status: 'closed',
          remedy: plan.remedyId,
          policyPackId: plan.pack,
          inspections: 1,
          misuse: plan.inspection.misuse === undefined ? [] : ['liquid-damage'],
          quotes: plan.paid ? [{ status: 'approved', lines: 2 }] : [],
          legs: [{ direction: 'outbound', trackingNumber: tracking }],
          conditionOnArrival: expect.objectContaining({
            originalPackaging: true,
            accessoriesReceived: ['charging cable'],
          }),
        });
        expect(stored.evidenceKinds).toEqual(
          plan.needsPackagingPhoto ? ['packaging-photo', 'product-photo'] : ['product-photo'],
        );

        // The claim screen at the end: final, and its timeline tells every step.
        await page.goto(`${appUrl}#/claims/${claimId}`);
        await page.getByLabel('Status: Closed').waitFor();
        const timeline = page.getByRole('region', { name: 'Timeline' });
        const by = seededTechnician.name;
        const steps = [
          `${by} opened the claim`,
          `${by} moved the claim to Awaiting authorization`,
          `${by} moved the claim to Authorized`,
          `${by} moved the claim to Received`,
          `${by} recorded the inspection: fault confirmed`,
          `${by} moved the claim to Inspected`,
          `${by} chose the remedy: ${plan.remedy}`,
          `${by} moved the claim to Resolved`,
          `${by} recorded a shipment`,
          `${by} moved the claim to Closed`,
          ...(plan.paid
            ? [
                `${by} found a sign of misuse: Liquid damage`,
                `${by} marked quote revision 1 sent`,
                `${by} moved the claim to Quoted`,
                `${by} marked quote revision 1 approved`,
              ]
            : []),
          ...(plan.needsPackagingPhoto ? [`${by} added a packaging photo`] : []),
        ];
        for (const step of steps) await timeline.getByText(step, { exact: true }).first().waitFor();
        // Each entry says what was done, then who (with their role) and when: keep the sentences.
        const texts = (await timeline.getByText(by, { exact: false }).allTextContents()).filter(
          (text) => !text.startsWith(`${by} · `),
        );
        expect(texts[0]).toBe(`${by} moved the claim to Closed`);
        expect(texts.at(-1)).toBe(`${by} opened the claim`);
        await page.mouse.move(0, 0);
        await expectNoSeriousAxeViolations(page);
        await shot('closed');
        await timeline.scrollIntoViewIfNeeded();
        await shot('timeline');
      } catch (error) {
        // The page as the failure left it, to see what the screen said.
        await saveScreenshot(station.page, `complete-${plan.pack}-failed`);
        throw error;
      }
    }, 180_000);
  }
});
