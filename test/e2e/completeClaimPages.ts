import { seedStationWith } from './workbenchPages';

/**
 * Page scripts of the complete-claim tests (text, see workbenchPages.ts): a station whose policy
 * assignments reach all three packs, and the claim as stored at the end.
 */

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
  const { appDatabase } = await import('/src/db/appDatabase.ts');
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
