import { money } from '#shared/domain/primitives';
import type { RecordId } from '#shared/domain/primitives';
import type { AuditEvent } from '#shared/domain/audit';
import type { Claim } from '#shared/domain/claim';
import type { ClaimWorkflowContext } from '#shared/domain/claimWorkflow';
import type { Customer } from '#shared/domain/customer';
import type { Device } from '#shared/domain/device';
import type { Evidence } from '#shared/domain/evidence';
import type { Inspection, MisuseFinding } from '#shared/domain/inspection';
import type { Note } from '#shared/domain/note';
import type { Purchase } from '#shared/domain/purchase';
import type { Quote, QuoteLine } from '#shared/domain/quote';
import type { ShipmentLeg } from '#shared/domain/shipment';
import { encodeHlc } from '#shared/sync/hybridLogicalClock';
import type { ConflictRecord } from '#shared/sync/protocol';

/**
 * Factories for domain records: each returns a record its schema accepts, with `overrides`
 * laid over the defaults. Ids are UUIDv7-shaped and made from a counter, so they are unique in a
 * test run and readable in a failure message.
 */

let idCounter = 0;

/** A fresh UUIDv7-shaped id: `00000000-0000-7000-8000-000000000001`, `…002`, … */
export function nextId(): RecordId {
  idCounter += 1;
  return `00000000-0000-7000-8000-${String(idCounter).padStart(12, '0')}`;
}

/** The technician every factory record is attributed to. */
export const technicianId: RecordId = '00000000-0000-7000-8000-0000000000aa';

export function makeCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: nextId(),
    name: 'Siti Rahmawati',
    phone: '+62 812 3456 7890',
    email: 'siti@example.com',
    address: {
      lines: ['Jl. Sudirman No. 5'],
      city: 'Jakarta',
      region: 'DKI Jakarta',
      postalCode: '10210',
      countryCode: 'ID',
    },
    preferredLanguage: 'id',
    ...overrides,
  };
}

export function makeDevice(overrides: Partial<Device> = {}): Device {
  return {
    id: nextId(),
    customerId: nextId(),
    model: 'KOSPET Tank T3',
    category: 'smartwatch',
    serial: 'KT3-2026-000173',
    imei: '490154203237518',
    sku: 'KT3-BLK',
    itemCode: '6975874210031',
    ...overrides,
  };
}

export function makePurchase(overrides: Partial<Purchase> = {}): Purchase {
  return {
    channel: 'official-store',
    orderDate: '2026-04-01',
    invoiceDate: '2026-04-01',
    deliveredDate: '2026-04-08',
    maxEstimatedDeliveryDate: '2026-04-12',
    orderNumber: 'KS-20260401-7781',
    shopLink: 'https://www.kospet.com/products/tank-t3',
    price: money(12_999, 'USD'),
    proof: 'valid',
    ...overrides,
  };
}

export function makeClaim(overrides: Partial<Claim> = {}): Claim {
  return {
    id: nextId(),
    rmaNumber: 'RMA-JKT1-000042',
    status: 'intake',
    policyPackId: 'kospet-warranty-refund',
    customerId: nextId(),
    deviceId: nextId(),
    purchase: makePurchase(),
    reason: 'defect',
    symptom: 'malfunction',
    defect: {
      what: 'The screen stays black',
      howItArose: 'After charging overnight',
      since: '2026-05-02',
    },
    stepsTried: 'Held the button for 30 seconds; tried another charger.',
    customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: false },
    createdAt: '2026-05-04T02:15:00.000Z',
    updatedAt: '2026-05-04T02:15:00.000Z',
    ...overrides,
  };
}

/** The fields a repository sets itself when it opens a claim. */
type ClaimMadeFields = 'id' | 'rmaNumber' | 'status' | 'createdAt' | 'updatedAt';

/** A claim as a caller hands it to `claims.create`: without the fields the repository sets. */
export function makeClaimDraft(overrides: Partial<Claim> = {}): Omit<Claim, ClaimMadeFields> {
  const {
    id: _id,
    rmaNumber: _rma,
    status: _status,
    createdAt: _created,
    updatedAt: _updated,
    ...draft
  } = makeClaim(overrides);
  return draft;
}

export function makeEvidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    id: nextId(),
    claimId: nextId(),
    kind: 'product-photo',
    sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    sizeBytes: 482_113,
    mediaType: 'image/jpeg',
    fileName: 'front.jpg',
    capturedAt: '2026-05-04T02:16:00.000Z',
    capturedBy: technicianId,
    ...overrides,
  };
}

export function makeInspection(overrides: Partial<Inspection> = {}): Inspection {
  return {
    id: nextId(),
    claimId: nextId(),
    faultConfirmed: true,
    doaVerdict: 'not-applicable',
    noDefectFound: false,
    inspectedAt: '2026-05-10T07:30:00.000Z',
    inspectedBy: technicianId,
    ...overrides,
  };
}

export function makeMisuseFinding(overrides: Partial<MisuseFinding> = {}): MisuseFinding {
  return {
    id: nextId(),
    inspectionId: nextId(),
    kind: 'liquid-damage',
    note: 'Liquid indicator under the battery is red.',
    evidenceIds: [nextId()],
    ...overrides,
  };
}

export function makeQuote(overrides: Partial<Quote> = {}): Quote {
  return {
    id: nextId(),
    claimId: nextId(),
    revision: 1,
    status: 'draft',
    currency: 'USD',
    validUntil: '2026-06-10',
    ...overrides,
  };
}

export function makeQuoteLine(overrides: Partial<QuoteLine> = {}): QuoteLine {
  return {
    id: nextId(),
    quoteId: nextId(),
    kind: 'part',
    description: 'Display assembly',
    quantity: 1,
    unitPrice: money(4_500, 'USD'),
    clauseIds: ['B10'],
    ...overrides,
  };
}

/** WORRY FREE+'s C9 price difference, typed as US$20.00 at 16250 on a rupiah station. */
export function makeConvertedPriceDifference(overrides: Partial<QuoteLine> = {}): QuoteLine {
  return makeQuoteLine({
    kind: 'fee',
    description: 'Price difference',
    wording: { code: 'charge', charge: 'price-difference' },
    unitPrice: money(325_000, 'IDR'),
    conversion: { source: money(2000, 'USD'), rate: '16250' },
    clauseIds: ['C9'],
    ...overrides,
  });
}

export function makeShipmentLeg(overrides: Partial<ShipmentLeg> = {}): ShipmentLeg {
  return {
    id: nextId(),
    claimId: nextId(),
    direction: 'inbound',
    carrier: 'JNE',
    trackingNumber: 'JNE0012345678',
    paidBy: 'customer',
    cost: money(25_000, 'IDR'),
    shippedAt: '2026-05-05T03:00:00.000Z',
    ...overrides,
  };
}

export function makeAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: nextId(),
    entity: 'claims',
    entityId: nextId(),
    action: 'transition',
    changes: { status: { from: 'intake', to: 'awaiting-authorization' } },
    actor: technicianId,
    station: 'JKT1',
    at: '2026-05-04T02:20:00.000Z',
    ...overrides,
  };
}

export function makeNote(overrides: Partial<Note> = {}): Note {
  return {
    id: nextId(),
    claimId: nextId(),
    body: 'Customer will drop the device off on Friday.',
    author: technicianId,
    at: '2026-05-04T02:25:00.000Z',
    ...overrides,
  };
}

/**
 * A conflict the sync server found: JKT1's assignee edit (at 02:20 UTC) lost to BDG2's made a
 * minute later.
 */
export function makeConflictRecord(overrides: Partial<ConflictRecord> = {}): ConflictRecord {
  const claimId = nextId();
  return {
    id: nextId(),
    table: 'claims',
    rowId: claimId,
    claimId,
    field: 'assigneeId',
    winnerStamp: encodeHlc({
      wallMs: Date.parse('2026-05-04T02:21:00.000Z'),
      counter: 0,
      node: 'BDG2',
    }),
    loserStamp: encodeHlc({
      wallMs: Date.parse('2026-05-04T02:20:00.000Z'),
      counter: 0,
      node: 'JKT1',
    }),
    loserValue: technicianId,
    loserActor: technicianId,
    loserStation: 'JKT1',
    detectedAt: '2026-05-04T02:22:00.000Z',
    ...overrides,
  };
}

/**
 * A workflow context for a defect claim with nothing recorded yet; override what a test needs.
 */
export function makeWorkflowContext(
  overrides: Partial<ClaimWorkflowContext> = {},
): ClaimWorkflowContext {
  return {
    status: 'intake',
    reason: 'defect',
    evidence: { productPhotos: 0, packagingPhotos: 0, videos: 0 },
    inspectionRecorded: false,
    ...overrides,
  };
}
