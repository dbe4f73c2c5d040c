import { claimDocumentData, type DocumentDataByKind, type RepairCenter } from '#shared/documents';
import { claimSchema, type Claim } from '#shared/domain/claim';
import { customerSchema, type Customer } from '#shared/domain/customer';
import { deviceSchema, type Device } from '#shared/domain/device';
import { evidenceSchema, type Evidence } from '#shared/domain/evidence';
import { money, type IsoDate } from '#shared/domain/primitives';
import { quoteLineSchema, quoteSchema, type Quote, type QuoteLine } from '#shared/domain/quote';
import { shipmentLegSchema, type ShipmentLeg } from '#shared/domain/shipment';
import {
  builtInPacks,
  evaluateClaim,
  policyClaimFromRecords,
  policyClaimSchema,
} from '#shared/policy';

/**
 * A sample claim at an Indonesian repair center, for `npm run documents -- sample` and the
 * document tests: records that pass the domain schemas, and the decision the policy engine
 * makes for them, so the sample documents come from the same code as the app's.
 *
 * The story: a KOSPET watch bought in the official store, delivered on 28 April 2026, whose
 * screen flickers and dies within two weeks. On 10 May the center authorizes a replacement
 * under warranty (C3); within 30 days of purchase the company pays shipping both ways (C4).
 */

/** The day the sample claim is authorized, in the center's time zone. */
export const sampleAuthorizedOn: IsoDate = '2026-05-10';

/** The repair center of the sample: a station in West Jakarta that quotes in rupiah. */
export const sampleCenter: RepairCenter = {
  name: 'Servis Gadget Nusantara',
  address: {
    lines: ['Jl. Panjang No. 88, Kebon Jeruk'],
    city: 'Jakarta Barat',
    region: 'DKI Jakarta',
    postalCode: '11530',
    countryCode: 'ID',
  },
  returnAddress: {
    lines: ['Gudang Retur, Jl. Daan Mogot KM 11 No. 3', 'Kedaung Kali Angke, Cengkareng'],
    city: 'Jakarta Barat',
    region: 'DKI Jakarta',
    postalCode: '11710',
    countryCode: 'ID',
  },
  phone: '+62 21 5890 1234',
  email: 'rma@servisnusantara.co.id',
  stationCode: 'JKT1',
  currency: 'IDR',
};

const ids = {
  claim: '01969a6e-3c00-7000-8000-00000000c1a1',
  customer: '01969a6e-3c00-7000-8000-0000000c0571',
  device: '01969a6e-3c00-7000-8000-00000000de71',
  quote: '01969a6e-3c00-7000-8000-0000000a0071',
  technician: '01969a6e-3c00-7000-8000-00000000eca1',
} as const;

/** The sample's records, validated by their schemas. */
export function sampleRecords(): {
  claim: Claim;
  customer: Customer;
  device: Device;
  evidence: Evidence[];
} {
  const customer = customerSchema.parse({
    id: ids.customer,
    name: 'Ni Putu Ayu Kartika Sari',
    phone: '+62 812 3456 7890',
    email: 'ayu.kartika@example.co.id',
    address: {
      lines: ['Jl. Raya Kuta No. 27, Banjar Pande Mas'],
      city: 'Kuta',
      region: 'Bali',
      postalCode: '80361',
      countryCode: 'ID',
    },
    preferredLanguage: 'id',
  } satisfies Customer);
  const device = deviceSchema.parse({
    id: ids.device,
    customerId: ids.customer,
    model: 'KOSPET TANK T3 Ultra',
    category: 'smartwatch',
    serial: 'KT3U-2604-018842',
    imei: '490154203237518',
    sku: 'KT3U-BLK',
    itemCode: '6975874210031',
  } satisfies Device);
  const claim = claimSchema.parse({
    id: ids.claim,
    rmaNumber: 'RMA-JKT1-000042',
    status: 'authorized',
    policyPackId: 'kospet-official-store',
    customerId: ids.customer,
    deviceId: ids.device,
    purchase: {
      channel: 'official-store',
      orderDate: '2026-04-20',
      deliveredDate: '2026-04-28',
      maxEstimatedDeliveryDate: '2026-05-05',
      orderNumber: 'KO-778812',
      shopLink: 'https://www.kospet.com/orders/KO-778812',
      price: money(1_899_000, 'IDR'),
      proof: 'valid',
    },
    reason: 'defect',
    symptom: 'malfunction',
    defect: {
      what: 'Layar berkedip lalu mati sendiri saat dipakai olahraga',
      howItArose: 'Setelah pembaruan firmware 2.1',
      since: '2026-05-03',
    },
    stepsTried: 'Sudah diisi daya penuh dan di-reset; masalah tetap muncul.',
    customerAcknowledgement: { dataBackedUp: false, simRemoved: false, factoryReset: false },
    remedy: 'warranty-replacement',
    createdAt: '2026-05-09T03:12:00.000Z',
    updatedAt: '2026-05-10T02:40:00.000Z',
  } satisfies Claim);
  const evidence = [
    evidenceSchema.parse({
      id: '01969a6e-3c00-7000-8000-00000000e701',
      claimId: ids.claim,
      kind: 'video',
      sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      sizeBytes: 18_204_113,
      mediaType: 'video/mp4',
      fileName: 'layar-berkedip.mp4',
      capturedAt: '2026-05-09T03:15:00.000Z',
      capturedBy: ids.technician,
    } satisfies Evidence),
  ];
  return { claim, customer, device, evidence };
}

/**
 * The data of each sample document: the RMA slip with the decision for the claim as of its
 * authorization, a label for the customer's return, the device's tag, a quote and the packing
 * slip of the replacement going back.
 */
export function sampleDocuments(): DocumentDataByKind {
  const { claim, customer, device, evidence } = sampleRecords();
  const policyInput = policyClaimFromRecords(
    { claim, customer, device, evidence },
    sampleAuthorizedOn,
  );
  if (policyInput === undefined) throw new Error(`no policy pack "${claim.policyPackId}"`);
  const policyClaim = policyClaimSchema.parse(policyInput);
  const decision = evaluateClaim(policyClaim, builtInPacks[policyClaim.policy]);
  const base = { center: sampleCenter, claim, customer, device };

  const inboundLeg = shipmentLegSchema.parse({
    id: '01969a6e-3c00-7000-8000-00000000a001',
    claimId: ids.claim,
    direction: 'inbound',
    carrier: 'JNE REG',
    trackingNumber: 'JNE0112233445566',
    paidBy: 'company',
  } satisfies ShipmentLeg);
  const outboundLeg = shipmentLegSchema.parse({
    id: '01969a6e-3c00-7000-8000-00000000a002',
    claimId: ids.claim,
    direction: 'outbound',
    carrier: 'SiCepat BEST',
    trackingNumber: '004455667788',
    paidBy: 'company',
  } satisfies ShipmentLeg);

  const quote = quoteSchema.parse({
    id: ids.quote,
    claimId: ids.claim,
    revision: 1,
    status: 'draft',
    currency: 'IDR',
    validUntil: '2026-05-24',
  } satisfies Quote);
  const quoteLine = (suffix: string, line: Omit<QuoteLine, 'id' | 'quoteId'>): QuoteLine =>
    quoteLineSchema.parse({
      id: `01969a6e-3c00-7000-8000-0000000b${suffix}`,
      quoteId: ids.quote,
      ...line,
    });
  const lines = [
    quoteLine('0001', {
      kind: 'refund',
      description: 'Penggantian ongkos kirim ke pusat servis (JNE REG)',
      quantity: 1,
      unitPrice: money(38_000, 'IDR'),
      clauseIds: ['C4'],
    }),
    quoteLine('0002', {
      kind: 'part',
      description: 'Tali silikon tambahan 22 mm, hitam (permintaan pelanggan)',
      quantity: 2,
      unitPrice: money(85_000, 'IDR'),
      clauseIds: [],
    }),
    quoteLine('0003', {
      kind: 'labour',
      description: 'Pemasangan pelindung layar tempered glass',
      quantity: 1,
      unitPrice: money(45_000, 'IDR'),
      clauseIds: [],
    }),
  ];

  return {
    ...claimDocumentData({ ...base, decision, authorizedOn: sampleAuthorizedOn, inboundLeg }),
    quote: {
      ...base,
      quote,
      lines,
      clauseTexts: builtInPacks[policyClaim.policy].clauses,
      issuedOn: sampleAuthorizedOn,
    },
    'packing-slip': {
      ...base,
      issuedOn: '2026-05-16',
      leg: outboundLeg,
      items: [
        {
          description: 'KOSPET TANK T3 Ultra (unit pengganti)',
          quantity: 1,
          identifier: 'KT3U-2605-020117',
        },
        { description: 'Kabel pengisi daya magnetik', quantity: 1 },
        { description: 'Tali silikon 22 mm, hitam', quantity: 2 },
      ],
    },
  };
}
