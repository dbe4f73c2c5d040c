import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { expect } from 'vitest';
import { screenshotFolder } from '../support/webApp';
import { fakeDesktopFiles } from './fakeDesktopFiles';

/**
 * Page scripts and checks shared by the workbench's end-to-end tests. Page scripts are text run in
 * the page: they reach the station's data through the test build's hook (`window.__fixlineTest`,
 * renderer/src/core/testHook.ts), to seed volume and read back what a screen saved.
 */

/**
 * The person the seeded station has at its bench, and their PIN. She has every role (technician,
 * warehouse clerk, manager), so the tests that act at the bench, the warehouse desk or in
 * Settings all can; being a manager also makes the station enforce roles.
 */
export const seededTechnician = { name: 'Dewi Lestari', pin: '4821' };

/** A second person of the seeded station, a technician only, not at the bench at first. */
export const secondTechnician = { name: 'Agus Wijaya', pin: '1357' };

/** A brand's policy pack for some sales channels, as the setup screen assigns it. */
export type PolicyAssignment = { brand: string; channels: string[]; packId: string };

/**
 * Sets the station up through the repositories, as the setup screen would, with `assignments`
 * deciding which policy pack applies to which brand and channel.
 */
export const seedStationWith = (assignments: readonly PolicyAssignment[]) => `(async () => {
  const { appDatabase, createRepositories, hashPin } = await window.__fixlineTest;
  const repositories = createRepositories(appDatabase());
  const technicianId = '00000000-0000-7000-8000-0000000000aa';
  const station = await repositories.station.setUp({
    stationCode: 'JKT1',
    center: {
      name: 'Fixline Jakarta',
      address: { lines: ['Jl. Panjang No. 88, Kebon Jeruk'], city: 'Jakarta Barat', postalCode: '11530', countryCode: 'ID' },
      phone: '+62 21 5890 1234',
    },
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    workingDays: [1, 2, 3, 4, 5],
    holidays: ['2026-12-25'],
    language: 'en',
    policyAssignments: ${JSON.stringify(assignments)},
    technicians: [
      { id: technicianId, name: ${JSON.stringify(seededTechnician.name)}, roles: ['technician', 'warehouse-clerk', 'manager'], pinHash: await hashPin(${JSON.stringify(seededTechnician.pin)}) },
      { id: '00000000-0000-7000-8000-0000000000ab', name: ${JSON.stringify(secondTechnician.name)}, roles: ['technician'], pinHash: await hashPin(${JSON.stringify(secondTechnician.pin)}) },
    ],
  });
  if (!station.ok) throw new Error(station.error.message);
  const bench = await repositories.station.setBenchPerson(technicianId);
  if (!bench.ok) throw new Error(bench.error.message);
})()`;

/** The seeded station: KOSPET's official store, under the kospet-official-store pack. */
export const seedStation = seedStationWith([
  { brand: 'KOSPET', channels: ['official-store'], packId: 'kospet-official-store' },
]);

/** Chooses printers as the desktop's Settings screen would: a laser for slips, a ZPL label printer. */
export const seedPrinters = `(async () => {
  const { appDatabase, createRepositories } = await window.__fixlineTest;
  const saved = await createRepositories(appDatabase()).station.savePrinting({
    'rma-slip': { type: 'system', printer: 'Office_Laser', paper: 'A4' },
    'return-label': { type: 'zpl', printerId: '0196f0a2-7c3e-7000-8000-00000000b001' },
  });
  if (!saved.ok) throw new Error(saved.error.message);
})()`;

/**
 * A stand-in for the desktop preload's `window.fixline`, for an init script: lists two printers
 * and answers every print with a job id, so the desktop screens can be driven in a browser.
 */
export const fakeDesktopBridge = `(() => {
  const ok = (value) => Promise.resolve({ ok: true, value });
  const labelPrinters = [];
  window.fixline = {
    kind: 'desktop',
    on: () => () => undefined,
    app: { info: () => ok({ name: 'Fixline', version: '0.1.0', platform: 'linux', electronVersion: '45.4.1', chromeVersion: null }) },
    station: { dataFolder: () => ok({ path: '/home/dewi/.config/Fixline' }) },
    files: ${fakeDesktopFiles},
    documents: { render: () => ok({ pdf: new Uint8Array([37, 80, 68, 70]) }) },
    printing: {
      listPrinters: () => ok([
        { name: 'Office_Laser', isDefault: true, description: 'Office laser', status: 'accepting' },
        { name: 'Zebra_GK420d', isDefault: false, status: 'accepting' },
      ]),
      print: (request) => ok(request.target.type === 'zpl' ? {} : { jobId: 'Office_Laser-17' }),
      printBatch: () => ok({ batchId: 'batch-1' }),
      cancelBatch: () => ok(null),
    },
    // Main's label printers, with main's refusal of an address off the local network.
    printers: {
      listLabelPrinters: () => ok(labelPrinters),
      addLabelPrinter: (input) => {
        if (!/^(192\\.168|10)\\./.test(input.host))
          return Promise.resolve({ ok: false, error: { code: 'not-allowed', message: input.host + ' is not on the local network' } });
        const printer = { id: '0196f0a2-7c3e-7000-8000-00000000b00' + (labelPrinters.length + 1), port: 9100, ...input };
        labelPrinters.push(printer);
        return ok(printer);
      },
      removeLabelPrinter: ({ id }) => {
        labelPrinters.splice(labelPrinters.findIndex((printer) => printer.id === id), 1);
        return ok(null);
      },
    },
  };
})()`;

/**
 * Opens `count` claims through the repositories, one customer and device each; the last
 * `sharedSerialClaims` claims are all for one device, serial KT3-SHARED-01. Returns their ids.
 */
export const seedClaims = (count: number, sharedSerialClaims = 0) => `(async () => {
  const { appDatabase, createRepositories } = await window.__fixlineTest;
  const repositories = createRepositories(appDatabase());
  // The station's first person: the seeded technician, or whoever set the station up on screen.
  const station = await repositories.station.get();
  const actor = { actor: station?.technicians?.[0]?.id ?? '00000000-0000-7000-8000-0000000000aa' };
  const unwrap = (result) => { if (!result.ok) throw new Error(result.error.message); return result.value; };
  const names = ['Siti Rahmawati', 'Budi Santoso', 'Agus Wijaya', 'Rina Kurnia', 'Made Putra'];
  let sharedDevice;
  const ids = [];
  for (let index = 0; index < ${count}; index += 1) {
    const shared = index >= ${count - sharedSerialClaims};
    let customerId, deviceId;
    if (shared && sharedDevice) ({ customerId, deviceId } = sharedDevice);
    else {
      customerId = unwrap(await repositories.customers.create(
        { name: names[index % names.length] + ' ' + (index + 1), phone: '+62 812 3456 ' + String(1000 + index), preferredLanguage: 'id' },
        actor,
      )).id;
      deviceId = unwrap(await repositories.devices.create(
        { customerId, model: index % 2 ? 'KOSPET Tank T3' : 'iGPSPORT iGS630', category: index % 2 ? 'smartwatch' : 'bike-computer',
          serial: shared ? 'KT3-SHARED-01' : 'SN-' + String(100000 + index) },
        actor,
      )).id;
      if (shared) sharedDevice = { customerId, deviceId };
    }
    const claim = unwrap(await repositories.claims.create({
      policyPackId: index % 2 ? 'kospet-official-store' : 'igpsport',
      customerId,
      deviceId,
      purchase: { channel: 'official-store', orderDate: '2026-09-01', invoiceDate: '2026-09-01', deliveredDate: '2026-09-06', orderNumber: 'ORD-' + index, proof: 'valid', price: { amount: 1899000, currency: 'IDR' } },
      reason: 'defect',
      symptom: 'malfunction',
      defect: { what: 'The screen stays black' },
      customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: false },
    }, actor));
    ids.push(claim.id);
  }
  return ids;
})()`;

/** Opens the app and waits until it has rendered, so page scripts run in a settled page. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('#root h1').first().waitFor();
}

/** Saves a screenshot of the page as it is, 1366×768, to be looked at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  // Transitions (a dialog opening) are fast-forwarded to their end, so no test sleeps for them.
  await page.screenshot({ path: join(screenshotFolder, `${name}.png`), animations: 'disabled' });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown }[];
};

/**
 * Waits until no menu or option list is open: one just closed stays in the page while it fades
 * out, and axe caught mid-way reads a menu whose items are already gone (aria-required-children).
 */
export async function waitForMenusClosed(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('[role="menu"], [role="listbox"]').filter({ visible: true }).count())
    .toBe(0);
}

/**
 * Runs axe-core on the page and fails on any serious or critical violation, naming them. Run it
 * with no menu or option list open: it waits for those to close first.
 */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  await waitForMenusClosed(page);
  // A dialog or notification fading in or out has half-transparent text, which axe reads as too
  // faint: wait for such transitions to end (spinners run forever, so they are left out).
  await expect
    .poll(() =>
      page.evaluate(
        `document.getAnimations().filter((animation) => animation.playState === 'running' && animation.effect?.getTiming().iterations !== Infinity).length`,
      ),
    )
    .toBe(0);
  const loaded = await page.evaluate('typeof window.axe');
  // Evaluated through the DevTools protocol, which the page's strict CSP does not govern (a script
  // tag would be refused).
  if (loaded === 'undefined') await page.evaluate(await readFile(axePath, 'utf8'));
  const violations: AxeViolation[] = await page.evaluate(
    `window.axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => ({ target: node.target })) })))`,
  );
  const serious = violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map(
      (violation) =>
        `${violation.id}: ${violation.help} ${JSON.stringify(violation.nodes.slice(0, 3))}`,
    ),
  ).toEqual([]);
}

/**
 * An init script: in a frame, print() counts its calls on the top page instead of printing.
 * Headless Chromium has no print dialog (printing there crashes the page): the edge of the
 * browser, not Fixline's code.
 */
export const recordPrintCalls = `(() => {
  if (window === window.top) return;
  window.print = () => { window.top.fixlinePrintCalls = (window.top.fixlinePrintCalls ?? 0) + 1; };
})()`;
