import type { PolicyClaimInput } from '#shared/policy';

/** A partial claim: nested objects are merged into the base, arrays and values replace. */
export type ClaimPatch = {
  [Key in keyof PolicyClaimInput]?: PolicyClaimInput[Key] extends object | undefined
    ? Partial<NonNullable<PolicyClaimInput[Key]>>
    : PolicyClaimInput[Key];
};

/** An iGPSPORT bike computer with a confirmed-in-account malfunction and complete A6–A8 facts. */
export const igpsportClaim: PolicyClaimInput = {
  policy: 'igpsport',
  asOf: '2026-09-30',
  product: { model: 'iGS630', serial: 'IGS630-0001', category: 'bike-computer' },
  purchase: {
    channel: 'official-store',
    invoiceDate: '2026-02-03',
    orderNumber: 'IGP-55120',
    shopLink: 'https://shop.example/igs630',
  },
  request: {
    reason: 'defect',
    symptom: 'malfunction',
    description: 'Screen freezes during rides since March, after a firmware update.',
  },
  evidence: { videos: 1 },
};

/** A KOSPET watch delivered 2026-04-01 with a complete B21 request. */
export const kospetWarrantyRefundClaim: PolicyClaimInput = {
  policy: 'kospet-warranty-refund',
  asOf: '2026-06-15',
  product: { model: 'TANK T3', category: 'smartwatch', sku: 'T3-BLK', itemCode: '6975447' },
  purchase: { channel: 'official-store', deliveredDate: '2026-04-01', orderNumber: 'KS-100245' },
  request: {
    reason: 'defect',
    symptom: 'malfunction',
    description: 'Stops charging since May; no drop or water.',
    stepsTried: 'Other cable and charger; factory reset.',
  },
  evidence: { productPhotos: 1, videos: 1 },
};

/** A KOSPET watch ordered in the official store on 2026-04-20, delivered 2026-04-28. */
export const kospetOfficialStoreClaim: PolicyClaimInput = {
  policy: 'kospet-official-store',
  asOf: '2026-05-10',
  product: { model: 'iHEART 2', category: 'smartwatch' },
  purchase: {
    channel: 'official-store',
    orderDate: '2026-04-20',
    deliveredDate: '2026-04-28',
    maxEstimatedDeliveryDate: '2026-05-05',
    orderNumber: 'KO-778812',
    shopLink: 'https://store.example/orders/KO-778812',
    price: { amount: 9999, currency: 'USD' },
  },
  request: { reason: 'defect', symptom: 'malfunction', description: 'Heart rate reads 0.' },
  customer: { name: 'Dewi Lestari', email: 'dewi@example.id' },
  evidence: { videos: 1 },
};

/** `base` with `patch` merged in one level deep (product, purchase, request … are merged). */
export function makeClaim(base: PolicyClaimInput, patch: ClaimPatch = {}): PolicyClaimInput {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  }
  return merged as PolicyClaimInput;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
