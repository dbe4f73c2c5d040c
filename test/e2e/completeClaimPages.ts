import type { Locator, Page } from 'playwright';
import { expect } from 'vitest';
import { jakartaDay, photoFile } from './claimPages';
import { choose, decisionPanel, dropPhoto, field } from './intakePages';
import { seedStationWith } from './workbenchPages';

/**
 * The complete-claim tests' page model: one claim per pack walked through the real screens from
 * intake to the closed claim (completeClaim.test after a seeded station, firstDay.test after the
 * setup screen), a station whose policy assignments reach all three packs, and the claim as
 * stored at the end.
 */

/** Where a walk through the screens happens, and how it leaves a screenshot of a step. */
export type ClaimWalk = {
  readonly page: Page;
  /** The web app's address. */
  readonly url: string;
  readonly shot: (step: string) => Promise<void>;
};

/** The first claim a station JKT1 opens. */
export const rmaNumber = 'RMA-JKT1-000001';

/** What one pack's claim is like, from the counter to the remedy. */
export type ClaimPlan = {
  readonly pack: 'kospet-official-store' | 'kospet-warranty-refund' | 'igpsport';
  readonly customer: { name: string; phone: string; email: string };
  readonly device: {
    serial: string;
    brand: string;
    model: string;
    category: string;
    sku: string;
    itemCode?: string;
  };
  readonly channel: string;
  readonly packName: string;
  readonly dates: {
    order: string;
    invoice: string;
    delivered: string;
    /** The shop's latest estimated delivery, which the official store's return window needs (C2). */
    estimatedDelivery?: string;
  };
  readonly reason: 'Defect' | 'Arrived damaged or not working';
  readonly symptom: string;
  readonly defect: string;
  /** The option the live decision shows once the intake is complete. */
  readonly intakeOption: string;
  /** Whether intake offers to submit at once (nothing missing) or the claim screen does. */
  readonly offeredAtIntake: boolean;
  /** A DOA return: authorization is refused until a packaging photo is added. */
  readonly needsPackagingPhoto: boolean;
  readonly inspection: { doa: boolean; misuse?: string };
  readonly remedy: string;
  readonly remedyId: string;
  readonly paid: boolean;
};

export const plans: readonly ClaimPlan[] = [
  {
    // Bought seven weeks ago: past the 30-day quality return, inside the 24-month warranty and
    // WORRY FREE+. Liquid damage voids the warranty, leaving the paid trade-in.
    pack: 'kospet-official-store',
    customer: { name: 'Siti Rahmawati', phone: '+62 812 3456 7890', email: 'siti@example.com' },
    device: {
      serial: 'KT3-2026-000501',
      brand: 'KOSPET',
      model: 'Tank T3',
      category: 'Smartwatch',
      sku: 'KT3-BLK',
    },
    channel: 'Official store',
    packName: 'KOSPET official store (WORRY FREE+)',
    dates: {
      order: jakartaDay(-50),
      invoice: jakartaDay(-50),
      delivered: jakartaDay(-45),
      estimatedDelivery: jakartaDay(-44),
    },
    reason: 'Defect',
    symptom: 'Malfunction',
    defect: 'The screen stays black after a swim',
    intakeOption: 'Warranty replacement',
    offeredAtIntake: true,
    needsPackagingPhoto: false,
    inspection: { doa: false, misuse: 'Liquid damage' },
    remedy: 'WORRY FREE+ trade-in',
    remedyId: 'worry-free-trade-in',
    paid: true,
  },
  {
    // Delivered three days ago, dead in its box: inside the 7-day DOA window (B2), so a free
    // DOA replacement once the packaging photo is there (B3).
    pack: 'kospet-warranty-refund',
    customer: { name: 'Budi Santoso', phone: '+62 813 1111 2222', email: 'budi@example.com' },
    device: {
      serial: 'KM2-2026-001177',
      brand: 'KOSPET',
      model: 'Tank M2',
      category: 'Smartwatch',
      sku: 'KM2-GRN',
      itemCode: 'IC-88120',
    },
    channel: 'Amazon',
    packName: 'KOSPET Warranty & Refund',
    dates: { order: jakartaDay(-8), invoice: jakartaDay(-8), delivered: jakartaDay(-3) },
    reason: 'Arrived damaged or not working',
    symptom: 'Malfunction',
    defect: 'Does not switch on out of the box',
    intakeOption: 'Dead-on-arrival replacement',
    offeredAtIntake: false,
    needsPackagingPhoto: true,
    inspection: { doa: true },
    remedy: 'Dead-on-arrival replacement',
    remedyId: 'doa-replacement',
    paid: false,
  },
  {
    // Invoiced four months ago: inside the 12-month warranty from the invoice (A1, A2); a
    // confirmed fault is repaired free (A5).
    pack: 'igpsport',
    customer: { name: 'Rina Kurnia', phone: '+62 815 7777 1234', email: 'rina@example.com' },
    device: {
      serial: 'IGS630-2026-004417',
      brand: 'iGPSPORT',
      model: 'iGS630',
      category: 'Bike computer',
      sku: 'IGS630-BLK',
    },
    channel: 'Shop (offline)',
    packName: 'iGPSPORT',
    dates: { order: jakartaDay(-122), invoice: jakartaDay(-120), delivered: jakartaDay(-118) },
    reason: 'Defect',
    // Visible damage is shown by a photo (A7); a malfunction would need a video.
    symptom: 'Visible damage',
    defect: 'A column of dead pixels down the display',
    intakeOption: 'Warranty repair',
    offeredAtIntake: true,
    needsPackagingPhoto: false,
    inspection: { doa: false },
    remedy: 'Warranty repair',
    remedyId: 'warranty-repair',
    paid: false,
  },
];

/** Waits until the field has the focus, where a scanner types. */
export async function expectFocused(target: Locator): Promise<void> {
  await expect.poll(() => target.evaluate((node) => node === document.activeElement)).toBe(true);
}

/**
 * Types a code into the desk's field and presses Enter, as a clerk does by hand. The scanner's
 * own path (a burst of keys, some of them late) is warehouse.test's; here the keys' timing would
 * make this test about the scanner rather than the claim.
 */
export async function typeAndEnter(target: Locator, code: string): Promise<void> {
  await target.fill(code);
  await target.press('Enter');
}

/** Intake at the counter: customer, device, purchase, claim, a dropped photo; saved. */
export async function intake({ page, url, shot }: ClaimWalk, plan: ClaimPlan): Promise<string> {
  await page.goto(`${url}#/intake`);
  await page.getByRole('heading', { name: 'Intake', level: 2 }).waitFor();
  const decision = decisionPanel(page);
  await field(page, 'customer.name').fill(plan.customer.name);
  await field(page, 'customer.phone').fill(plan.customer.phone);
  await field(page, 'customer.email').fill(plan.customer.email);
  await field(page, 'device.serial').fill(plan.device.serial);
  await field(page, 'device.brand').fill(plan.device.brand);
  await field(page, 'device.model').fill(plan.device.model);
  await choose(page, 'device.category', plan.device.category);
  await field(page, 'device.sku').fill(plan.device.sku);
  if (plan.device.itemCode !== undefined) {
    await field(page, 'device.itemCode').fill(plan.device.itemCode);
  }
  await choose(page, 'purchase.channel', plan.channel);
  await page.getByText(`Policy pack: ${plan.packName}`).waitFor();
  await field(page, 'purchase.shopLink').fill(`https://shop.example/order/${plan.device.sku}`);
  await field(page, 'purchase.orderNumber').fill(`ORD-${plan.device.sku}`);
  await field(page, 'purchase.orderDate').fill(plan.dates.order);
  await field(page, 'purchase.invoiceDate').fill(plan.dates.invoice);
  await field(page, 'purchase.deliveredDate').fill(plan.dates.delivered);
  if (plan.dates.estimatedDelivery !== undefined) {
    await field(page, 'purchase.maxEstimatedDeliveryDate').fill(plan.dates.estimatedDelivery);
  }
  await field(page, 'purchase.price').fill('1899000');
  await choose(page, 'claim.reason', plan.reason);
  await choose(page, 'claim.symptom', plan.symptom);
  await field(page, 'claim.defectWhat').fill(plan.defect);
  await field(page, 'claim.defectHowItArose').fill('In normal use');
  await field(page, 'claim.defectSince').fill('since last week');
  await field(page, 'claim.stepsTried').fill('Charged it overnight and restarted it');
  await page.getByLabel('Data backed up').check();

  await page.evaluate(dropPhoto('device-front.png'));
  const files = page.getByRole('list', { name: 'Attached files' });
  // Hashing and the thumbnail take more than expect.poll's one second on a loaded machine.
  await files.getByRole('img', { name: 'device-front.png' }).waitFor();
  await page.getByRole('combobox', { name: 'What device-front.png shows' }).click();
  await page.getByRole('option', { name: 'Product photo' }).click();

  await decision.getByText(plan.intakeOption).first().waitFor();
  if (plan.offeredAtIntake) {
    await decision.getByText('Nothing is missing.').waitFor();
  } else {
    // The DOA return still lacks its packaging photo (B3): the decision names it.
    await decision
      .getByRole('button', { name: /packaging/i })
      .first()
      .waitFor();
  }
  await field(page, 'evidence').scrollIntoViewIfNeeded();
  await shot('intake');

  await page.getByRole('button', { name: 'Save the claim' }).click();
  if (plan.offeredAtIntake) {
    const offer = page.getByRole('dialog', { name: `Claim ${rmaNumber} saved` });
    await offer.waitFor();
    await offer.getByRole('button', { name: 'Submit for authorization' }).click();
  }
  await page.getByRole('heading', { name: rmaNumber, exact: true }).waitFor();
  const claimId = /#\/claims\/([^/?]+)/.exec(page.url())?.[1];
  if (claimId === undefined) throw new Error(`not on a claim screen: ${page.url()}`);
  if (!plan.offeredAtIntake) {
    await page
      .getByRole('region', { name: 'Next step' })
      .getByRole('button', { name: 'Submit for authorization' })
      .click();
  }
  await page.getByLabel('Status: Awaiting authorization').waitFor();
  return claimId;
}

/** The bench authorizes the return, adding the packaging photo a DOA return is refused without. */
export async function authorize({ page, shot }: ClaimWalk, plan: ClaimPlan): Promise<void> {
  const workflow = page.getByRole('region', { name: 'Next step' });
  if (plan.needsPackagingPhoto) {
    // The step waits for the packaging photo, and says so beside it (B3).
    const refusal = workflow.getByRole('group', { name: 'Not yet: Authorize return' });
    await refusal.getByText('Clause B3').waitFor();
    expect(await workflow.getByRole('button', { name: 'Authorize return' }).isDisabled()).toBe(
      true,
    );
    expect(await page.getByLabel('Status: Awaiting authorization').count()).toBe(1);
    await shot('authorization-refused');
    await refusal.getByRole('button', { name: 'Add a packaging photo' }).click();
    const picker = page.getByRole('dialog', { name: `Add evidence to ${rmaNumber}` });
    const chooser = page.waitForEvent('filechooser');
    await picker.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles(await photoFile(page, 'box.png', 'shipping box', '#a61e4d'));
    expect(await picker.getByLabel('What box.png shows').inputValue()).toBe('Packaging photo');
    await picker.getByRole('button', { name: 'Add 1 file' }).click();
    await picker.waitFor({ state: 'hidden' });
    await refusal.waitFor({ state: 'detached' });
  }
  await workflow.getByRole('button', { name: 'Authorize return' }).click();
  await workflow.getByText('The claim is now Authorized.').waitFor();
  await page.getByLabel('Status: Authorized').waitFor();
  await shot('authorized');
}

/** The warehouse desk receives the parcel by scan, with the B14 checks and its condition. */
export async function receive({ page, url, shot }: ClaimWalk, plan: ClaimPlan): Promise<void> {
  await page.goto(`${url}#/warehouse`);
  await page.getByRole('heading', { name: 'Warehouse desk' }).waitFor();
  const receiving = page.getByRole('tabpanel', { name: 'Receiving' });
  await expectFocused(receiving.getByLabel('RMA number'));
  await typeAndEnter(receiving.getByLabel('RMA number'), rmaNumber);
  await page.getByText('The return was authorized').waitFor();
  const serialField = page.getByLabel('Serial or IMEI on the device');
  await expectFocused(serialField);
  await typeAndEnter(serialField, plan.device.serial);
  await page.getByText(`${plan.device.serial} is the claimed device.`).waitFor();
  await page.getByLabel('The parcel holds the device').check();
  await page.getByLabel('In its original packaging').check();
  const accessories = page.locator('input').and(page.getByLabel('Accessories received'));
  await accessories.fill('charging cable');
  await accessories.press('Enter');
  await shot('receiving');
  await page.getByRole('button', { name: 'Receive' }).click();
  await page.getByText(`${rmaNumber} received. Scan the next parcel.`).waitFor();
}

/** The bench records the inspection and, where the customer pays, the quote and its answer. */
export async function inspect(walk: ClaimWalk, plan: ClaimPlan, claimId: string): Promise<void> {
  const { page, url, shot } = walk;
  await page.goto(`${url}#/claims/${claimId}`);
  await page.getByLabel('Status: Received').waitFor();
  const inspection = page.getByRole('region', { name: 'Inspection' });
  await inspection.getByText('Confirmed', { exact: true }).click();
  if (plan.inspection.doa) {
    await inspection
      .locator('[aria-labelledby="inspection-doa"]')
      .getByText('Dead on arrival', { exact: true })
      .click();
  }
  if (plan.inspection.misuse !== undefined) {
    const kind = plan.inspection.misuse;
    await inspection.getByRole('checkbox', { name: kind }).check();
    await inspection.getByLabel(`Note on ${kind}`).fill('Corrosion under the back cover');
    await inspection.getByLabel(`Evidence showing ${kind}`).click();
    await page.getByRole('option', { name: 'Product photo · device-front.png' }).click();
    await page.keyboard.press('Escape');
  }
  await inspection.getByRole('button', { name: 'Save inspection' }).click();
  await inspection.getByText('Inspection saved. The decision is updated.').waitFor();
  const workflow = page.getByRole('region', { name: 'Next step' });
  await workflow.getByRole('button', { name: 'Mark inspected' }).click();
  await page.getByLabel('Status: Inspected').waitFor();

  const decision = page.getByRole('region', { name: 'What the policy allows' });
  const option = decision
    .getByRole('listitem')
    .filter({ has: page.getByText(plan.remedy, { exact: true }) });
  await option.waitFor();
  // Who pays for the chosen option follows from the inspection.
  expect(await option.getByText('Customer pays', { exact: true }).count()).toBe(plan.paid ? 1 : 0);
  if (plan.paid) {
    await decision.getByText('The warranty is void.').waitFor();
    expect(await decision.getByText('Warranty replacement').count()).toBe(0);
  }
  await inspection.scrollIntoViewIfNeeded();
  await shot('inspected');
  await decision.scrollIntoViewIfNeeded();
  await shot('decision');
  if (plan.paid) await quote(walk);
}

/** A quote for the paid trade-in: the C9 price difference and the inbound leg; sent, approved. */
async function quote({ page, shot }: ClaimWalk): Promise<void> {
  const card = page.getByRole('region', { name: 'Quote', exact: true });
  await card.getByRole('button', { name: 'Start a quote' }).click();
  await card.getByText('Draft', { exact: true }).waitFor();
  await card.getByText('Policy charge', { exact: true }).click();
  await card.getByText('Clause C9', { exact: false }).first().waitFor();
  // C9 states US$10–30: typed in US$ with the day's rate, priced in rupiah (16 × 15,625).
  await card.getByRole('textbox', { name: 'Amount (USD)', exact: true }).fill('16');
  await card.getByRole('textbox', { name: 'Rate (IDR per 1 USD)', exact: true }).fill('15625');
  await card.getByRole('button', { name: 'Add Price difference' }).click();
  await card.getByRole('cell', { name: /^Price difference/ }).waitFor();
  await card.getByText('Shipping', { exact: true }).click();
  await card.getByText('The policy has the customer pay this leg.').waitFor();
  await card.getByRole('textbox', { name: 'Cost (IDR)', exact: true }).fill('25000');
  await card.getByRole('textbox', { name: 'Cost (IDR)', exact: true }).press('Control+Enter');
  await card.getByRole('cell', { name: 'Shipping to the center', exact: true }).waitFor();
  const totals = card.getByRole('group', { name: 'Totals' });
  await expect.poll(() => totals.textContent()).toMatch(/Customer pays.*275,000/);
  await card.getByRole('button', { name: 'Send to customer' }).click();
  await card.getByText('Sent', { exact: true }).waitFor();

  const workflow = page.getByRole('region', { name: 'Next step' });
  await workflow.getByRole('button', { name: 'Mark quoted' }).click();
  await page.getByLabel('Status: Quoted').waitFor();

  await card.getByRole('button', { name: 'Customer approved' }).click();
  await card
    .getByRole('textbox', { name: 'What the customer said', exact: true })
    .fill('Approved by WhatsApp, pays the difference on pickup');
  await card.getByRole('button', { name: 'Record answer' }).click();
  await card.getByText('Approved', { exact: true }).waitFor();
  await card.scrollIntoViewIfNeeded();
  await shot('quote-approved');
}

/** The bench chooses the remedy and resolves; the desk ships it back and closes the claim. */
export async function resolveAndShip(
  { page, url, shot }: ClaimWalk,
  plan: ClaimPlan,
): Promise<string> {
  const decision = page.getByRole('region', { name: 'What the policy allows' });
  await decision.getByRole('button', { name: `Choose this remedy: ${plan.remedy}` }).click();
  await decision.getByText('Chosen remedy').waitFor();
  const workflow = page.getByRole('region', { name: 'Next step' });
  await workflow.getByRole('button', { name: 'Resolve', exact: true }).click();
  await page.getByLabel('Status: Resolved').waitFor();
  await shot('resolved');

  await page.goto(`${url}#/warehouse`);
  await page.getByRole('heading', { name: 'Warehouse desk' }).waitFor();
  await page.getByRole('tab', { name: /Outbound/ }).waitFor();
  await page.keyboard.press('Alt+3');
  const outbound = page.getByRole('tabpanel', { name: 'Outbound' });
  await expectFocused(outbound.getByLabel('RMA number'));
  await typeAndEnter(outbound.getByLabel('RMA number'), rmaNumber);
  await outbound.getByLabel('Carrier').fill('JNE');
  const tracking = `JNE${plan.device.serial.replace(/\D/g, '')}`;
  await outbound.getByLabel('Tracking number').fill(tracking);
  await outbound.getByRole('button', { name: 'Save the shipment' }).click();
  await outbound.getByText(`Return shipment ${tracking} (JNE) saved for ${rmaNumber}.`).waitFor();
  await shot('outbound');
  await outbound.getByRole('button', { name: 'Close the claim' }).click();
  await outbound.getByText(`${rmaNumber} is closed.`).waitFor();
  return tracking;
}

/**
 * The seeded station of workbenchPages with one assignment per pack: KOSPET's official store,
 * KOSPET bought on a marketplace (the "Warranty & Refund" page), and iGPSPORT from anywhere.
 */
export const seedStationForEveryPack = seedStationWith([
  { brand: 'KOSPET', channels: ['official-store'], packId: 'kospet-official-store' },
  {
    brand: 'KOSPET',
    channels: ['amazon', 'aliexpress', 'ebay', 'walmart'],
    packId: 'kospet-warranty-refund',
  },
  {
    brand: 'iGPSPORT',
    channels: [
      'official-store',
      'amazon',
      'aliexpress',
      'ebay',
      'walmart',
      'offline-store',
      'other',
    ],
    packId: 'igpsport',
  },
]);

/** What {@link readFinishedClaim} answers. */
export type FinishedClaim = {
  readonly status: string;
  readonly remedy: string | undefined;
  readonly policyPackId: string;
  readonly evidenceKinds: readonly string[];
  readonly inspections: number;
  readonly misuse: readonly string[];
  readonly quotes: readonly { status: string; lines: number }[];
  readonly legs: readonly { direction: string; trackingNumber: string | undefined }[];
  readonly conditionOnArrival: unknown;
};

/** The claim as stored at the end, with what hangs on it. */
export const readFinishedClaim = (claimId: string) => `(async () => {
  const { appDatabase } = await window.__fixlineTest;
  const db = appDatabase();
  const id = ${JSON.stringify(claimId)};
  const claim = await db.claims.get(id);
  const evidence = await db.evidence.where('claimId').equals(id).toArray();
  const inspections = await db.inspections.where('claimId').equals(id).toArray();
  const misuse = [];
  for (const inspection of inspections) {
    const findings = await db.misuseFindings.where('inspectionId').equals(inspection.id).toArray();
    misuse.push(...findings.filter((finding) => !finding.deletedAt).map((finding) => finding.kind));
  }
  const quotes = await db.quotes.where('claimId').equals(id).toArray();
  const quoteViews = [];
  for (const quote of quotes) {
    const lines = await db.quoteLines.where('quoteId').equals(quote.id).filter((line) => !line.deletedAt).count();
    quoteViews.push({ status: quote.status, lines });
  }
  const legs = await db.shipmentLegs.where('claimId').equals(id).toArray();
  return {
    status: claim.status,
    remedy: claim.remedy,
    policyPackId: claim.policyPackId,
    evidenceKinds: evidence.map((item) => item.kind).sort(),
    inspections: inspections.length,
    misuse,
    quotes: quoteViews,
    legs: legs.map((leg) => ({ direction: leg.direction, trackingNumber: leg.trackingNumber })),
    conditionOnArrival: claim.conditionOnArrival,
  };
})()`;
