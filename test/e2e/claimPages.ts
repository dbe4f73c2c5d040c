import type { Page } from 'playwright';

/**
 * Page scripts of the claim screen's end-to-end tests: a claim seeded through the repositories
 * with its customer, device and evidence, as intake would leave it. Scripts are text that import
 * the app's own modules from the dev server (see workbenchPages.ts).
 */

/** What a seeded claim is like. */
export type SeededClaim = {
  readonly reason: 'defect' | 'arrived-damaged';
  /** The status to walk the claim to through the workflow, from intake. */
  readonly path: readonly string[];
  /** The kinds of evidence to attach, one photo each (drawn on a canvas). */
  readonly evidence: readonly ('product-photo' | 'packaging-photo')[];
  /** How long ago the claim was opened, in days (its `createdAt`); 0 for now. */
  readonly openedDaysAgo: number;
  /** The order date, YYYY-MM-DD. */
  readonly orderDate: string;
};

/** A photo drawn in the page: a coloured card with a label, as a PNG Blob. */
const drawPhoto = `async (label, color) => {
  const canvas = new OffscreenCanvas(640, 480);
  const context = canvas.getContext('2d');
  context.fillStyle = color;
  context.fillRect(0, 0, 640, 480);
  context.fillStyle = '#ffffff';
  context.font = 'bold 48px sans-serif';
  context.fillText(label, 40, 250);
  return canvas.convertToBlob({ type: 'image/png' });
}`;

/**
 * Opens a KOSPET official-store claim for a Tank T3 smartwatch, attributed to the seeded
 * technician, with its clock set `openedDaysAgo` back; returns the claim's id.
 */
export const seedClaim = (claim: SeededClaim) => `(async () => {
  const { appDatabase, createRepositories, storeAttachment } = await window.__fixlineTest;
  const drawPhoto = ${drawPhoto};
  const openedAt = Date.now() - ${claim.openedDaysAgo} * 24 * 60 * 60 * 1000;
  const repositories = createRepositories(appDatabase(), { now: () => openedAt });
  const actor = { actor: '00000000-0000-7000-8000-0000000000aa' };
  const unwrap = (result) => { if (!result.ok) throw new Error(result.error.message); return result.value; };
  const customer = unwrap(await repositories.customers.create(
    { name: 'Siti Rahmawati', phone: '+62 812 3456 7890', email: 'siti@example.com', preferredLanguage: 'id' }, actor));
  const device = unwrap(await repositories.devices.create(
    { customerId: customer.id, model: 'KOSPET Tank T3', category: 'smartwatch', serial: 'KT3-2026-0042' }, actor));
  const claim = unwrap(await repositories.claims.create({
    policyPackId: 'kospet-official-store',
    customerId: customer.id,
    deviceId: device.id,
    purchase: { channel: 'official-store', orderDate: ${JSON.stringify(claim.orderDate)}, invoiceDate: ${JSON.stringify(claim.orderDate)},
      orderNumber: 'KSP-77120', shopLink: 'https://kospet.example/tank-t3', proof: 'valid', price: { amount: 1899000, currency: 'IDR' } },
    reason: ${JSON.stringify(claim.reason)},
    symptom: 'malfunction',
    defect: { what: 'The screen stays black after charging', since: 'the day it arrived' },
    customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: true },
  }, actor));
  const colors = { 'product-photo': '#0b7285', 'packaging-photo': '#a61e4d' };
  for (const kind of ${JSON.stringify(claim.evidence)}) {
    const photo = await drawPhoto(kind, colors[kind]);
    const stored = await storeAttachment(appDatabase(), photo);
    if (!stored.ok) throw new Error(stored.error.message);
    unwrap(await repositories.evidence.create({
      claimId: claim.id, kind, sha256: stored.value.attachment.sha256, sizeBytes: photo.size,
      mediaType: 'image/png', fileName: kind + '.png', capturedAt: new Date(openedAt).toISOString(), capturedBy: actor.actor,
    }, actor));
  }
  for (const status of ${JSON.stringify(claim.path)}) unwrap(await repositories.claims.transition(claim.id, status, actor));
  return claim.id;
})()`;

/** A PNG photo drawn in the page, as bytes for a file chooser. */
export async function photoFile(
  page: Page,
  name: string,
  label: string,
  color: string,
): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const base64 = (await page.evaluate(`(async () => {
    const blob = await (${drawPhoto})(${JSON.stringify(label)}, ${JSON.stringify(color)});
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  })()`)) as string;
  return { name, mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') };
}

/** The calendar day in Jakarta (the seeded station's time zone) `daysFromNow` days from now. */
export function jakartaDay(daysFromNow: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(
    Date.now() + daysFromNow * 24 * 60 * 60 * 1000,
  );
}
