import type { Locator, Page } from 'playwright';
import { expect } from 'vitest';
import { expectNoSeriousAxeViolations, openApp, seedStation } from './workbenchPages';

/**
 * Page scripts and steps for the intake's end-to-end tests. Page scripts are text that import
 * the app's modules from the dev server (see workbenchPages.ts).
 */

/** Chromium switches for a fake camera that needs no permission prompt. */
export const fakeCameraArgs = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

/** A customer already on the station, found at intake by part of the phone number. */
export const seededCustomer = {
  name: 'Siti Rahmawati',
  phone: '+62 812 3456 7890',
  email: 'siti@example.com',
};

/** Stores {@link seededCustomer} through the repositories; returns the customer's id. */
export const seedCustomer = `(async () => {
  const { appDatabase, createRepositories } = await window.__fixlineTest;
  const created = await createRepositories(appDatabase()).customers.create(
    { ...${JSON.stringify(seededCustomer)}, preferredLanguage: 'id' },
    { actor: '00000000-0000-7000-8000-0000000000aa' },
  );
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
})()`;

/**
 * Drops a real PNG (drawn on a canvas in the page) on the evidence drop zone, as a drag from the
 * desktop would: a `drop` event whose DataTransfer holds the file.
 */
export const dropPhoto = (fileName: string) => `(async () => {
  const canvas = new OffscreenCanvas(640, 480);
  const context = canvas.getContext('2d');
  context.fillStyle = '#2f6f8f';
  context.fillRect(0, 0, 640, 480);
  context.fillStyle = '#f4d35e';
  context.fillRect(160, 120, 320, 240);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  const transfer = new DataTransfer();
  transfer.items.add(new File([blob], ${JSON.stringify(fileName)}, { type: 'image/png' }));
  const zone = document.getElementById('intake-evidence');
  for (const type of ['dragenter', 'dragover', 'drop']) {
    zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }
})()`;

/** What {@link readStoredIntake} answers. */
export type StoredIntake = {
  readonly claimCount: number;
  readonly customerCount: number;
  readonly drafts: number;
  readonly claim: Record<string, unknown> | undefined;
  readonly device: Record<string, unknown> | undefined;
  readonly evidence: readonly { kind: string; mediaType: string; fileName: string }[];
  readonly attachments: number;
};

/** The records an intake stored, read through the database (not the screen). */
export const readStoredIntake = `(async () => {
  const { appDatabase } = await window.__fixlineTest;
  const db = appDatabase();
  const claims = await db.claims.toArray();
  const claim = claims[0];
  const device = claim && (await db.devices.get(claim.deviceId));
  const evidence = claim ? await db.evidence.where('claimId').equals(claim.id).toArray() : [];
  return {
    claimCount: claims.length,
    customerCount: await db.customers.count(),
    drafts: await db.drafts.count(),
    claim: claim && {
      rmaNumber: claim.rmaNumber,
      status: claim.status,
      customerId: claim.customerId,
      policyPackId: claim.policyPackId,
      purchase: claim.purchase,
      reason: claim.reason,
      symptom: claim.symptom,
      defect: claim.defect,
      customerAcknowledgement: claim.customerAcknowledgement,
    },
    device: device && { model: device.model, serial: device.serial, category: device.category, customerId: device.customerId },
    evidence: evidence.map((item) => ({ kind: item.kind, mediaType: item.mediaType, fileName: item.fileName })),
    attachments: await db.attachments.count(),
  };
})()`;

/** The intake's draft as stored, or null. */
export const readDraft = `(async () => {
  const { appDatabase } = await window.__fixlineTest;
  const rows = await appDatabase().drafts.toArray();
  return rows[0] ?? null;
})()`;

/** The id of the focused element. */
export async function focusedId(page: Page): Promise<string> {
  return page.evaluate('document.activeElement ? document.activeElement.id : ""');
}

/** The live decision beside the form. */
export function decisionPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'What the policy allows' });
}

/** The intake form's field at `path` (`device.serial`), by the id the screen gives it. */
export function field(page: Page, path: string): Locator {
  return page.locator(`#intake-${path.replace(/\./g, '-')}`);
}

/** Picks `option` in the select at `path`. */
export async function choose(page: Page, path: string, option: string): Promise<void> {
  await field(page, path).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Waits until the draft stored holds `text` somewhere (the autosave has run). */
export async function waitForDraftWith(page: Page, text: string): Promise<void> {
  await expect
    .poll(async () => JSON.stringify(await page.evaluate(readDraft)), { timeout: 10_000 })
    .toContain(text);
}

/**
 * The axe check with the mouse moved off the form first: a hovered button is drawn in its hover
 * shade, which is not what a technician reads.
 */
export async function checkAccessibility(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await expectNoSeriousAxeViolations(page);
}

/** Opens the intake of a freshly seeded station at `url`. */
export async function openIntake(page: Page, url: string): Promise<void> {
  await openApp(page, url);
  await page.evaluate(seedStation);
  await page.goto(`${url}#/intake`);
  await page.getByRole('heading', { name: 'Intake', level: 2 }).waitFor();
}
