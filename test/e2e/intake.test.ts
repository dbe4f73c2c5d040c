import { describe, expect } from 'vitest';
import { webAppUrl } from '../support/webApp';
import {
  checkAccessibility,
  choose,
  decisionPanel,
  dropPhoto,
  fakeCameraArgs,
  field,
  focusedId,
  openIntake,
  readDraft,
  readStoredIntake,
  type StoredIntake,
  seedCustomer,
  seededCustomer,
  waitForDraftWith,
} from './intakePages';
import { stationTest } from './stationTest';
import { scanCode } from './scannerPages';
import { saveScreenshot, seedClaims } from './workbenchPages';

/** Every test here gets a station with a fake camera. */
const it = stationTest(fakeCameraArgs);
/**
 * The intake screen in the browser build, end to end: real Chromium with a fake camera, real
 * IndexedDB, the seeded station (KOSPET's official store → the kospet-official-store pack).
 */
const appUrl = webAppUrl();

const receiptPdf = {
  name: 'receipt-ORD-7731.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    '%PDF-1.4\n% Fixline test receipt\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n',
  ),
};

/** Bytes that say they are a JPEG photo but are not one. */
const damagedPhoto = {
  name: 'damaged.jpg',
  mimeType: 'image/jpeg',
  buffer: Buffer.from('not a JPEG: the camera card was pulled out while writing'),
};

describe('the intake screen', () => {
  it('opens a complete KOSPET official-store claim with evidence, the live decision beside it', async ({
    station,
  }) => {
    const { page } = station;
    await openIntake(page, appUrl);
    const customerId: string = await page.evaluate(seedCustomer);
    const decision = decisionPanel(page);
    await decision.getByRole('button', { name: 'Brand' }).waitFor();
    await saveScreenshot(page, 'intake-empty');
    await checkAccessibility(page);

    // Customer: found by part of the phone number, as typed at the counter.
    await page.keyboard.press('Control+Shift+F');
    expect(await focusedId(page)).toBe('intake-customer-search');
    await page.keyboard.type('0812 3456');
    await page.getByRole('option', { name: new RegExp(seededCustomer.name) }).click();
    await page.getByLabel('Existing customer').getByText(seededCustomer.email).waitFor();

    // Device: new serial, KOSPET Tank T3.
    await field(page, 'device.serial').fill('KT3-2026-000501');
    await field(page, 'device.brand').fill('KOSPET');
    await field(page, 'device.model').fill('Tank T3');
    await choose(page, 'device.category', 'Smartwatch');
    await field(page, 'device.sku').fill('KT3-BLK');
    await decision.getByRole('button', { name: 'Sales channel' }).waitFor();

    // Purchase and claim: the pack follows from brand and channel; the decision appears.
    await choose(page, 'purchase.channel', 'Official store');
    await page.getByText('Policy pack: KOSPET official store (WORRY FREE+)').waitFor();
    await choose(page, 'claim.reason', 'Defect');
    const orderDateItem = decision.getByRole('button', { name: 'Order date' });
    await orderDateItem.waitFor();
    await expect.poll(() => decision.getByText('The policy offers no remedy').count()).toBe(1);

    // A missing item takes the technician to its field.
    await orderDateItem.click();
    expect(await focusedId(page)).toBe('intake-purchase-orderDate');
    await page.keyboard.type('11102026');
    await field(page, 'purchase.deliveredDate').fill('2026-11-15');
    await field(page, 'purchase.orderNumber').fill('ORD-7731');
    await decision.getByText('Warranty replacement').waitFor();
    await decision.getByRole('button', { name: 'Link to the shop' }).waitFor();
    await saveScreenshot(page, 'intake-decision-live');

    await field(page, 'purchase.shopLink').fill('https://kospet.example/order/7731');
    await field(page, 'purchase.price').fill('1899000');
    await choose(page, 'claim.symptom', 'Malfunction');
    await field(page, 'claim.defectWhat').fill('The screen stays black after charging');
    await field(page, 'claim.defectHowItArose').fill('During a normal charge');
    await field(page, 'claim.defectSince').fill('since 18 November');
    await field(page, 'claim.stepsTried').fill('Restarted it and tried another charger');
    await page.getByLabel('Data backed up').check();
    await page.getByLabel('Factory reset done').check();

    // Evidence: a photo dropped from the desktop, a receipt chosen, a photo and a video taken.
    await page.evaluate(dropPhoto('front-of-box.png'));
    const files = page.getByRole('list', { name: 'Attached files' });
    await files.getByText('front-of-box.png').waitFor();
    // The thumbnail is made in the background once the file is stored: waitFor, not a 1 s poll.
    await files.getByRole('img', { name: 'front-of-box.png' }).waitFor();
    await page.getByRole('combobox', { name: 'What front-of-box.png shows' }).click();
    await page.getByRole('option', { name: 'Packaging photo' }).click();
    await field(page, 'evidence').locator('input[type=file]').setInputFiles(receiptPdf);
    await files.getByText(receiptPdf.name).waitFor();

    await page.getByRole('button', { name: 'Take a photo' }).click();
    const takePhoto = page.getByRole('button', { name: 'Take the photo' });
    await expect.poll(() => takePhoto.isEnabled(), { timeout: 15_000 }).toBe(true);
    await saveScreenshot(page, 'intake-webcam-photo');
    await takePhoto.click();
    await files.getByText(/^photo-.*\.jpg$/).waitFor();

    await page.getByRole('button', { name: 'Record a video' }).click();
    const startRecording = page.getByRole('button', { name: 'Start recording' });
    await expect.poll(() => startRecording.isEnabled(), { timeout: 15_000 }).toBe(true);
    await startRecording.click();
    await page.getByText('Recording…').waitFor();
    await page.getByText('0:01', { exact: true }).waitFor(); // a second of video
    await saveScreenshot(page, 'intake-webcam-recording');
    await page.getByRole('button', { name: 'Stop and attach' }).click();
    await files.getByText(/^video-.*\.webm$/).waitFor();

    await expect.poll(() => decision.getByText('Nothing is missing.').count()).toBe(1);
    await field(page, 'evidence').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'intake-filled');
    await checkAccessibility(page);

    // Ctrl+S saves from inside a field; the decision allows authorization, so it is offered.
    await field(page, 'claim.stepsTried').click();
    await page.keyboard.press('Control+S');
    const offer = page.getByRole('dialog', { name: 'Claim RMA-JKT1-000001 saved' });
    await offer.waitFor();
    // Let the dialog finish fading in before it is photographed.
    await expect
      .poll(() => offer.evaluate((element) => getComputedStyle(element).opacity))
      .toBe('1');
    await saveScreenshot(page, 'intake-saved-offer');
    await offer.getByRole('button', { name: 'Submit for authorization' }).click();
    await page.getByRole('heading', { name: 'RMA-JKT1-000001' }).waitFor();
    await page.getByLabel('Status: Awaiting authorization').waitFor();
    await saveScreenshot(page, 'intake-claim-opened');

    const stored: StoredIntake = await page.evaluate(readStoredIntake);
    expect(stored).toMatchObject({
      claimCount: 1,
      customerCount: 1,
      drafts: 0,
      claim: {
        rmaNumber: 'RMA-JKT1-000001',
        status: 'awaiting-authorization',
        customerId,
        policyPackId: 'kospet-official-store',
        purchase: {
          channel: 'official-store',
          orderDate: '2026-11-10',
          deliveredDate: '2026-11-15',
          orderNumber: 'ORD-7731',
          shopLink: 'https://kospet.example/order/7731',
          price: { amount: 1899000, currency: 'IDR' },
          proof: 'valid',
        },
        reason: 'defect',
        symptom: 'malfunction',
        defect: {
          what: 'The screen stays black after charging',
          howItArose: 'During a normal charge',
          since: 'since 18 November',
        },
        customerAcknowledgement: { dataBackedUp: true, simRemoved: false, factoryReset: true },
      },
      device: {
        model: 'KOSPET Tank T3',
        serial: 'KT3-2026-000501',
        category: 'smartwatch',
        customerId,
      },
    });
    expect(stored.evidence.map((item) => item.kind).sort()).toEqual([
      'packaging-photo',
      'product-photo',
      'receipt',
      'video',
    ]);
    expect(stored.evidence.find((item) => item.kind === 'video')?.mediaType).toBe('video/webm');
  }, 120_000);

  it('brings back a half-filled intake with its file after a reload, and discards it', async ({
    station,
  }) => {
    const { page } = station;
    await openIntake(page, appUrl);
    await field(page, 'customer.name').fill('Budi Santoso');
    await field(page, 'customer.phone').fill('+62 813 1111 2222');
    await field(page, 'device.serial').fill('KT3-2026-000777');
    await field(page, 'device.brand').fill('KOSPET');
    await choose(page, 'claim.reason', 'Arrived damaged or not working');
    await field(page, 'evidence').locator('input[type=file]').setInputFiles(receiptPdf);
    await page.getByRole('list', { name: 'Attached files' }).getByText(receiptPdf.name).waitFor();
    await waitForDraftWith(page, receiptPdf.name);

    await page.reload();
    await page.getByRole('heading', { name: 'Intake', level: 2 }).waitFor();
    await page.getByText(/^Draft restored from \d\d[:.]\d\d\.$/).waitFor();
    await expect.poll(() => field(page, 'customer.name').inputValue()).toBe('Budi Santoso');
    expect(await field(page, 'customer.phone').inputValue()).toBe('+62 813 1111 2222');
    expect(await field(page, 'device.serial').inputValue()).toBe('KT3-2026-000777');
    expect(await field(page, 'device.brand').inputValue()).toBe('KOSPET');
    expect(await field(page, 'claim.reason').inputValue()).toBe('Arrived damaged or not working');
    await page.getByRole('list', { name: 'Attached files' }).getByText(receiptPdf.name).waitFor();
    await saveScreenshot(page, 'intake-draft-restored');

    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.getByText('Draft discarded').waitFor();
    expect(await field(page, 'customer.name').inputValue()).toBe('');
    expect(await page.getByRole('list', { name: 'Attached files' }).count()).toBe(0);
    await expect.poll(() => page.evaluate(readDraft)).toBeNull();
    await page.reload();
    await page.getByRole('heading', { name: 'Intake', level: 2 }).waitFor();
    await field(page, 'customer.name').waitFor();
    expect(await page.getByText(/^Draft restored/).count()).toBe(0);
    expect(await field(page, 'device.serial').inputValue()).toBe('');
  }, 90_000);

  it('says at the field what is wrong with a mistyped IMEI or a missing serial, keeping what was typed', async ({
    station,
  }) => {
    const { page } = station;
    await openIntake(page, appUrl);
    await field(page, 'customer.name').fill('Rina Kurnia');
    await field(page, 'customer.phone').fill('+62 815 7777 1234');
    // 490154203237518 is a valid IMEI; the last digit is mistyped.
    await field(page, 'device.imei').fill('490154203237519');
    await field(page, 'device.brand').click();
    await page.getByText('This IMEI fails its check digit').waitFor();
    expect(await field(page, 'device.imei').getAttribute('aria-invalid')).toBe('true');
    await field(page, 'device.imei').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'intake-bad-imei');

    // Neither serial nor IMEI: saving is refused at the serial, and nothing typed is lost.
    await field(page, 'device.imei').fill('');
    await field(page, 'device.brand').fill('KOSPET');
    await field(page, 'device.model').fill('Tank T3');
    await choose(page, 'device.category', 'Smartwatch');
    await choose(page, 'purchase.channel', 'Official store');
    await choose(page, 'claim.reason', 'Defect');
    await field(page, 'claim.defectWhat').fill('Does not turn on');
    await page.getByRole('button', { name: 'Save the claim' }).click();
    await page.getByText('Type the serial number or the IMEI').waitFor();
    await page.getByText('Some fields need a fix').waitFor();
    expect(await focusedId(page)).toBe('intake-device-serial');
    expect(await field(page, 'customer.name').inputValue()).toBe('Rina Kurnia');
    expect(await field(page, 'claim.defectWhat').inputValue()).toBe('Does not turn on');
    await saveScreenshot(page, 'intake-missing-serial');
    await checkAccessibility(page);

    // A photo the browser cannot decode is kept with its type as the preview, and saves.
    const files = page.getByRole('list', { name: 'Attached files' });
    await field(page, 'evidence').locator('input[type=file]').setInputFiles(damagedPhoto);
    await files.getByText(damagedPhoto.name).waitFor();
    // Thumbnails are made one at a time in order: once the next photo's shows, the damaged one's
    // attempt is over.
    await page.evaluate(dropPhoto('back.png'));
    await files.getByRole('img', { name: 'back.png' }).waitFor();
    expect(await files.getByRole('img', { name: damagedPhoto.name }).count()).toBe(0);
    expect(
      await files.getByRole('listitem').first().getByText('JPEG', { exact: true }).count(),
    ).toBe(1);

    await field(page, 'device.serial').fill('KT3-2026-000999');
    await page.keyboard.press('Control+S');
    await page.getByRole('heading', { name: 'RMA-JKT1-000001' }).waitFor();
    const stored: StoredIntake = await page.evaluate(readStoredIntake);
    // The two photos, and back.png's thumbnail as a file of its own (it syncs on its own).
    expect(stored).toMatchObject({ claimCount: 1, drafts: 0, attachments: 3 });
    expect(stored.evidence.map((item) => item.fileName).sort()).toEqual([
      'back.png',
      damagedPhoto.name,
    ]);
  }, 90_000);

  it('names the evidence drop zone and opens the file picker from the keyboard', async ({
    station,
  }) => {
    const { page } = station;
    await openIntake(page, appUrl);
    const dropZone = page.getByRole('button', {
      name: 'Drag photos, videos or PDF files here, or click to choose them',
    });
    // Focus and Enter in one step on the zone itself: a separate focus() could be lost to a
    // re-render on a loaded machine, and the Enter would land elsewhere.
    const [picker] = await Promise.all([page.waitForEvent('filechooser'), dropZone.press('Enter')]);
    expect(picker.isMultiple()).toBe(true);
    await checkAccessibility(page);
  }, 90_000);

  it('keeps a scanned serial in the serial field instead of opening that device’s earlier claim', async ({
    station,
  }) => {
    const { page } = station;
    await openIntake(page, appUrl);
    await page.evaluate(seedClaims(3));
    await page.goto(`${appUrl}#/intake`);
    await page.getByRole('heading', { name: 'Intake', level: 2 }).waitFor();
    await field(page, 'device.serial').click();
    // A scanner: fast keys ending with Enter, of a serial that already has a claim.
    await scanCode(page, 'SN-100001');
    await expect.poll(() => field(page, 'device.serial').inputValue()).toBe('SN-100001');
    expect(await page.getByRole('heading', { name: 'Intake', level: 2 }).isVisible()).toBe(true);
    expect(page.url()).toMatch(/#\/intake$/);
  });
});
