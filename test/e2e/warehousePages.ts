import type { Page } from 'playwright';
import { fakeDesktopFiles } from './fakeDesktopFiles';

/**
 * Page scripts of the warehouse desk's end-to-end tests (see workbenchPages.ts for why they are
 * text): claims seeded in the statuses the desk works on, printers for every claim document, and
 * a desktop bridge whose batch printing reports progress and can fail a page or be cancelled.
 */

/** A claim the seed made: its id, RMA number and the serial of its device. */
export type SeededClaim = { id: string; rmaNumber: string; serial: string };

/**
 * Opens one claim per entry of `statuses` through the repositories (a customer and a device
 * each, serial SN-W0001, SN-W0002 …) and moves it there through the workflow as the bench would:
 * authorize, receive, record an inspection, choose a warranty repair, resolve or refuse.
 */
export const seedClaimsInStatuses = (statuses: readonly string[]) => `(async () => {
  const { appDatabase, createRepositories } = await window.__fixlineTest;
  const repositories = createRepositories(appDatabase());
  const actor = { actor: '00000000-0000-7000-8000-0000000000aa' };
  const unwrap = (result) => { if (!result.ok) throw new Error(result.error.message); return result.value; };
  const paths = {
    intake: [],
    'awaiting-authorization': ['awaiting-authorization'],
    authorized: ['awaiting-authorization', 'authorized'],
    received: ['awaiting-authorization', 'authorized', 'received'],
    resolved: ['awaiting-authorization', 'authorized', 'received', 'inspect', 'inspected', 'remedy', 'resolved'],
    'refused-held': ['awaiting-authorization', 'authorized', 'received', 'refused'],
  };
  const seeded = [];
  for (const [index, status] of ${JSON.stringify(statuses)}.entries()) {
    const serial = 'SN-W' + String(index + 1).padStart(4, '0');
    const customerId = unwrap(await repositories.customers.create(
      { name: ['Siti Rahmawati', 'Budi Santoso', 'Rina Kurnia', 'Made Putra'][index % 4], phone: '+62 812 5555 ' + String(1000 + index), preferredLanguage: 'en' },
      actor,
    )).id;
    const deviceId = unwrap(await repositories.devices.create(
      { customerId, model: 'KOSPET Tank T3', category: 'smartwatch', serial },
      actor,
    )).id;
    const claim = unwrap(await repositories.claims.create({
      policyPackId: 'kospet-official-store',
      customerId,
      deviceId,
      purchase: { channel: 'official-store', orderDate: '2026-09-01', invoiceDate: '2026-09-01', deliveredDate: '2026-09-06', orderNumber: 'ORD-W' + index, proof: 'valid', price: { amount: 1899000, currency: 'IDR' } },
      reason: 'defect',
      symptom: 'malfunction',
      defect: { what: 'The screen stays black' },
      customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: false },
    }, actor));
    for (const step of paths[status]) {
      if (step === 'inspect') {
        unwrap(await repositories.inspections.create({ claimId: claim.id, faultConfirmed: true, doaVerdict: 'not-applicable', noDefectFound: false, inspectedAt: new Date().toISOString(), inspectedBy: actor.actor }, actor));
      } else if (step === 'remedy') {
        unwrap(await repositories.claims.update(claim.id, { remedy: 'warranty-repair' }, actor));
      } else {
        unwrap(await repositories.claims.transition(claim.id, step, actor));
      }
    }
    seeded.push({ id: claim.id, rmaNumber: claim.rmaNumber, serial });
  }
  return seeded;
})()`;

/** Seeds claims in `statuses` and answers what was made. */
export async function seedClaimsIn(
  page: Page,
  statuses: readonly string[],
): Promise<SeededClaim[]> {
  return (await page.evaluate(seedClaimsInStatuses(statuses))) as SeededClaim[];
}

/** A claim as stored, with its evidence and notes, read back through the database. */
export const readClaim = (claimId: string) => `(async () => {
  const { appDatabase } = await window.__fixlineTest;
  const db = appDatabase();
  const claim = await db.claims.get(${JSON.stringify(claimId)});
  const evidence = await db.evidence.where('claimId').equals(${JSON.stringify(claimId)}).toArray();
  const notes = await db.notes.where('claimId').equals(${JSON.stringify(claimId)}).toArray();
  const legs = await db.shipmentLegs.where('claimId').equals(${JSON.stringify(claimId)}).toArray();
  return {
    status: claim.status,
    conditionOnArrival: claim.conditionOnArrival,
    evidence: evidence.map((item) => ({ kind: item.kind, fileName: item.fileName, mediaType: item.mediaType })),
    notes: notes.map((note) => note.body),
    legs: legs.map((leg) => ({ direction: leg.direction, carrier: leg.carrier, trackingNumber: leg.trackingNumber, paidBy: leg.paidBy })),
  };
})()`;

/** Printers for every claim document: slips on a laser, labels and tags on a ZPL printer. */
export const seedAllPrinters = `(async () => {
  const { appDatabase, createRepositories } = await window.__fixlineTest;
  const saved = await createRepositories(appDatabase()).station.savePrinting({
    'rma-slip': { type: 'system', printer: 'Office_Laser', paper: 'A4' },
    'return-label': { type: 'zpl', printerId: '0196f0a2-7c3e-7000-8000-00000000b001' },
    'device-tag': { type: 'zpl', printerId: '0196f0a2-7c3e-7000-8000-00000000b001' },
  });
  if (!saved.ok) throw new Error(saved.error.message);
})()`;

/**
 * A stand-in for the desktop preload, for an init script, whose batches behave like main's print
 * queue: batches run one after another, a page every \`pageDelayMs\`, with a progress event after
 * each page and a last one with \`finished\`; cancelling stops a batch before its next page. The
 * \`failFirstAttemptAt\`-th page sent (1-based, over all batches) fails once with the printer's
 * message, so a retry prints it. \`window.printedPages\` lists what "came out of the printer".
 */
export const fakePrintingBridge = (options: {
  pageDelayMs: number;
  failFirstAttemptAt?: number;
  /**
   * After the `holdAfterPages`-th page sent (1-based, over all batches), the batch waits until the
   * page calls `window.releasePrinting()`.
   */
  holdAfterPages?: number;
}) => `(() => {
  const ok = (value) => Promise.resolve({ ok: true, value });
  const listeners = new Set();
  const emit = (payload) => { for (const listener of listeners) listener(payload); };
  const cancelled = new Set();
  const pending = new Set();
  let tail = Promise.resolve();
  let pagesSent = 0;
  let batches = 0;
  window.printedPages = [];
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  async function run(batchId, jobs, target) {
    const progress = { batchId, done: 0, total: jobs.length, failed: [], finished: false, cancelled: false };
    emit({ ...progress, failed: [...progress.failed] });
    for (const [index, job] of jobs.entries()) {
      if (cancelled.has(batchId)) { progress.cancelled = true; break; }
      await wait(${options.pageDelayMs});
      pagesSent += 1;
      const name = job.kind + ' ' + (job.data?.claim?.rmaNumber ?? '?');
      if (pagesSent === ${options.failFirstAttemptAt ?? -1}) {
        progress.failed.push({ index, reason: (target.printer ?? target.host) + ': out of paper (tray 2 empty)' });
      } else {
        progress.done += 1;
        window.printedPages.push(name);
      }
      emit({ ...progress, failed: [...progress.failed] });
      if (pagesSent === ${options.holdAfterPages ?? -1}) {
        await new Promise((resolve) => { window.releasePrinting = resolve; });
      }
    }
    progress.finished = true;
    pending.delete(batchId);
    emit({ ...progress, failed: [...progress.failed] });
  }
  window.fixline = {
    kind: 'desktop',
    on: (event, listener) => {
      if (event !== 'fixline:printing:progress') return () => undefined;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    app: { info: () => ok({ name: 'Fixline', version: '0.1.0', platform: 'linux', electronVersion: '45.4.1', chromeVersion: null }) },
    station: { dataFolder: () => ok({ path: '/home/dewi/.config/Fixline' }) },
    files: ${fakeDesktopFiles},
    documents: { render: () => ok({ pdf: new Uint8Array([37, 80, 68, 70]) }) },
    printers: {
      listLabelPrinters: () => ok([{ id: '0196f0a2-7c3e-7000-8000-00000000b001', name: 'Bench Zebra', host: '192.168.1.50', port: 9100 }]),
      addLabelPrinter: () => Promise.resolve({ ok: false, error: { code: 'not-supported', message: 'not in this test' } }),
      removeLabelPrinter: () => ok(null),
    },
    printing: {
      listPrinters: () => ok([{ name: 'Office_Laser', isDefault: true, description: 'Office laser', status: 'accepting' }]),
      print: () => ok({ jobId: 'Office_Laser-17' }),
      printBatch: ({ jobs, target }) => {
        batches += 1;
        const batchId = 'batch-' + batches;
        pending.add(batchId);
        tail = tail.then(() => run(batchId, jobs, target));
        return ok({ batchId });
      },
      cancelBatch: ({ batchId }) => {
        if (!pending.has(batchId)) return Promise.resolve({ ok: false, error: { code: 'not-found', message: 'no print batch ' + batchId + ' is waiting or printing' } });
        cancelled.add(batchId);
        return ok(null);
      },
    },
  };
})()`;

/**
 * Sends `code` as a barcode scanner does: every key in one burst, then Enter, at the focused
 * element. The keys are dispatched inside the page: typed one by one from here, each waits for the
 * page to answer, and on a busy machine a gap over the scanner threshold would split the scan in
 * two, which a real scanner (whose keys carry their own arrival times) never does.
 */
export async function scan(page: Page, code: string): Promise<void> {
  await page.evaluate((keys) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...keys, 'Enter']) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }
  }, code);
}
