/**
 * Page scripts for the quote, shipments and parts catalog tests. Like workbenchPages, they are
 * text that imports the app's own modules from the dev server and writes through the repositories.
 */

const actor = `{ actor: '00000000-0000-7000-8000-0000000000aa' }`;
const unwrap = `(result) => { if (!result.ok) throw new Error(result.error.message); return result.value; }`;

/**
 * Opens a KOSPET official-store claim for a KOSPET Tank T3 and walks it to `inspected` with a
 * liquid-damage finding: the warranty is void, so the pack offers only its paid WORRY FREE+
 * trade-in, with the customer paying the inbound leg and a C9 price difference. Returns its id.
 */
export const seedInspectedMisuseClaim = `(async () => {
  const { appDatabase, createRepositories } = await window.__fixlineTest;
  const repositories = createRepositories(appDatabase());
  const actor = ${actor};
  const unwrap = ${unwrap};
  const customer = unwrap(await repositories.customers.create(
    { name: 'Siti Rahmawati', phone: '+62 812 3456 7890', email: 'siti@example.com', preferredLanguage: 'en' }, actor));
  const device = unwrap(await repositories.devices.create(
    { customerId: customer.id, model: 'KOSPET Tank T3', category: 'smartwatch', serial: 'KT3-2026-000173' }, actor));
  const claim = unwrap(await repositories.claims.create({
    policyPackId: 'kospet-official-store',
    customerId: customer.id,
    deviceId: device.id,
    purchase: { channel: 'official-store', orderDate: '2026-09-01', invoiceDate: '2026-09-01', deliveredDate: '2026-09-06',
      orderNumber: 'KOS-88412', proof: 'valid', price: { amount: 1899000, currency: 'IDR' } },
    reason: 'defect',
    symptom: 'malfunction',
    defect: { what: 'The screen stays black after a swim' },
    customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: false },
  }, actor));
  for (const status of ['awaiting-authorization', 'authorized', 'received']) {
    unwrap(await repositories.claims.transition(claim.id, status, actor));
  }
  const inspection = unwrap(await repositories.inspections.create({
    claimId: claim.id, faultConfirmed: true, doaVerdict: 'not-doa', noDefectFound: false,
    inspectedAt: new Date().toISOString(), inspectedBy: actor.actor,
  }, actor));
  unwrap(await repositories.misuseFindings.create({
    inspectionId: inspection.id, kind: 'liquid-damage', note: 'Corrosion under the back cover', evidenceIds: [],
  }, actor));
  unwrap(await repositories.claims.transition(claim.id, 'inspected', actor));
  return claim.id;
})()`;

/**
 * Three catalog parts: one for the Tank T3 (listed without the brand, as "Tank-T3"), one for any
 * model, one for another watch only.
 */
export const seedCatalogParts = `(async () => {
  const { appDatabase, createRepositories } = await window.__fixlineTest;
  const repositories = createRepositories(appDatabase());
  const actor = ${actor};
  const unwrap = ${unwrap};
  const parts = [
    { sku: 'KT3-LCD-01', name: 'Display assembly', unitPrice: { amount: 450000, currency: 'IDR' }, compatibleModels: ['Tank-T3'] },
    { sku: 'GEN-SEAL-01', name: 'Waterproof seal kit', unitPrice: { amount: 35000, currency: 'IDR' }, compatibleModels: [] },
    { sku: 'M2-LCD-01', name: 'Display assembly M2', unitPrice: { amount: 400000, currency: 'IDR' }, compatibleModels: ['KOSPET Tank M2'] },
  ];
  for (const part of parts) unwrap(await repositories.partsCatalog.create(part, actor));
})()`;

/** Chooses a system printer for quotes, as the desktop's Settings screen would. */
export const seedQuotePrinter = `(async () => {
  const { appDatabase, createRepositories } = await window.__fixlineTest;
  const saved = await createRepositories(appDatabase()).station.savePrinting({
    quote: { type: 'system', printer: 'Office_Laser', paper: 'A4' },
  });
  if (!saved.ok) throw new Error(saved.error.message);
})()`;

/** After fakeDesktopBridge: keeps every print request, so a test can check what was printed. */
export const recordPrintRequests = `(() => {
  const print = window.fixline.printing.print;
  window.__printRequests = [];
  window.fixline.printing.print = (request) => {
    window.__printRequests.push(request);
    return print(request);
  };
})()`;

/**
 * Whether every recorded print request is one main would accept: parsed with the IPC contract's
 * own document schema (from the test build's hook).
 */
export const checkPrintRequests = `(async () => {
  const { documentRequestSchema } = await window.__fixlineTest;
  return window.__printRequests.map((request) => {
    const parsed = documentRequestSchema.safeParse(request);
    return { kind: request.kind, ok: parsed.success, error: parsed.success ? undefined : parsed.error.message };
  });
})()`;

/** The stored quote revisions of a claim, oldest first, each with its live lines. */
export const readStoredQuotes = (claimId: string) => `(async () => {
  const { appDatabase } = await window.__fixlineTest;
  const db = appDatabase();
  const quotes = await db.quotes.where('claimId').equals(${JSON.stringify(claimId)}).toArray();
  quotes.sort((a, b) => a.revision - b.revision);
  const result = [];
  for (const quote of quotes) {
    const lines = await db.quoteLines.where('quoteId').equals(quote.id).filter((line) => !line.deletedAt).toArray();
    lines.sort((a, b) => a.id.localeCompare(b.id));
    result.push({
      revision: quote.revision, status: quote.status, currency: quote.currency,
      sent: quote.sentAt !== undefined, customerAnswer: quote.customerAnswer, answered: quote.answeredAt !== undefined,
      lines: lines.map((line) => ({ kind: line.kind, description: line.description, wording: line.wording,
        quantity: line.quantity, unitPrice: line.unitPrice.amount, currency: line.unitPrice.currency,
        conversion: line.conversion, clauseIds: line.clauseIds })),
    });
  }
  return result;
})()`;

/** The stored shipment legs of a claim with the kind and name of their receipt evidence. */
export const readStoredLegs = (claimId: string) => `(async () => {
  const { appDatabase } = await window.__fixlineTest;
  const db = appDatabase();
  const legs = await db.shipmentLegs.where('claimId').equals(${JSON.stringify(claimId)}).toArray();
  const result = [];
  for (const leg of legs) {
    const receipt = leg.receiptEvidenceId === undefined ? undefined : await db.evidence.get(leg.receiptEvidenceId);
    const bytes = receipt === undefined ? undefined : await db.attachmentBlobs.get(receipt.sha256);
    result.push({ direction: leg.direction, carrier: leg.carrier, trackingNumber: leg.trackingNumber, paidBy: leg.paidBy,
      cost: leg.cost, receipt: receipt && { kind: receipt.kind, fileName: receipt.fileName, stored: bytes !== undefined } });
  }
  return result;
})()`;

/** The live parts of the catalog, by SKU, as plain values. */
export const readStoredParts = `(async () => {
  const { appDatabase } = await window.__fixlineTest;
  const parts = await appDatabase().partsCatalog.orderBy('sku').filter((part) => !part.deletedAt).toArray();
  return parts.map(({ sku, name, unitPrice, compatibleModels }) => ({ sku, name, unitPrice, compatibleModels }));
})()`;
