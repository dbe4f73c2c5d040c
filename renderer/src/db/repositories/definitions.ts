import { personSecretFields } from '#shared/domain/audit';
import type { Claim } from '#shared/domain/claim';
import { claimSchema } from '#shared/domain/claim';
import type { Customer } from '#shared/domain/customer';
import { customerSchema } from '#shared/domain/customer';
import type { Device } from '#shared/domain/device';
import { deviceSchema } from '#shared/domain/device';
import type { Evidence } from '#shared/domain/evidence';
import { evidenceSchema } from '#shared/domain/evidence';
import type { Inspection, MisuseFinding } from '#shared/domain/inspection';
import { inspectionSchema, misuseFindingSchema } from '#shared/domain/inspection';
import type { Note } from '#shared/domain/note';
import { noteSchema } from '#shared/domain/note';
import type { Quote, QuoteLine } from '#shared/domain/quote';
import { quoteLineSchema, quoteSchema } from '#shared/domain/quote';
import { deviceReceived } from '#shared/domain/claimWorkflow';
import type { ShipmentLeg } from '#shared/domain/shipment';
import { shipmentLegSchema } from '#shared/domain/shipment';
import type {
  CenterSettings,
  Part,
  Person,
  StoredAttachment,
  StoredCenterSettings,
  StoredClaim,
  StoredCustomer,
  StoredDevice,
  StoredEvidence,
  StoredInspection,
  StoredMisuseFinding,
  StoredNote,
  StoredPart,
  StoredPerson,
  StoredQuote,
  StoredQuoteLine,
  StoredShipmentLeg,
  SyncFields,
} from '../records';
import { centerSettingsSchema, isLive, partSchema, personSchema } from '../records';
import { applyClaimChanges } from '../claimCounts';
import { claimDeadlineInputTables, readDeadlineFieldsOfClaims } from '../claimDeadline';
import { customerSearchFields } from '../searchKeys';
import type { RecordId } from '#shared/domain/primitives';
import type { PermissionAction } from '#shared/domain/roles';
import {
  checkNoteChange,
  checkPartSkus,
  checkQuoteChange,
  checkQuoteLineChange,
} from '#shared/sync/rules';
import { refuseBrokenRule } from './syncRuleRefusal';
import type { RecordDefinition, WriteSession } from './writeSession';

/** Most records are stored as they are, with their sync fields. */
const storeAsIs = <Row>(row: Row, sync: SyncFields) => ({ ...row, ...sync });

/** A table whose every write is the same action. */
const always = (action: PermissionAction) => (): PermissionAction => action;

/**
 * A claim's edits are a technician's, except the condition it arrived in, which the warehouse
 * records on receipt. Status changes are judged by `claimTransitionAction` instead.
 */
const claimWriteAction = (changedFields: readonly string[]): PermissionAction =>
  changedFields.length > 0 && changedFields.every((field) => field === 'conditionOnArrival')
    ? 'receive'
    : 'take-in';

/** Customers, stored with their search fields (see `customerSearchFields`). */
export const customerDefinition: RecordDefinition<Customer, StoredCustomer> = {
  table: 'customers',
  schema: customerSchema,
  noun: 'customer',
  references: [],
  action: always('take-in'),
  fixedFields: [],
  // The search fields are derived on every write, so they can never disagree with the record.
  toStored: (customer, sync) => ({ ...customer, ...sync, ...customerSearchFields(customer) }),
};

/** Devices, each of a live customer. */
export const deviceDefinition: RecordDefinition<Device, StoredDevice> = {
  table: 'devices',
  schema: deviceSchema,
  noun: 'device',
  references: [{ field: 'customerId', table: 'customers', noun: 'customer' }],
  action: always('take-in'),
  fixedFields: [],
  toStored: storeAsIs,
};

/** Claims: the RMA number and opening time never change; every change moves `updatedAt`. */
export const claimDefinition: RecordDefinition<Claim, StoredClaim> = {
  table: 'claims',
  schema: claimSchema,
  noun: 'claim',
  references: [
    { field: 'customerId', table: 'customers', noun: 'customer' },
    { field: 'deviceId', table: 'devices', noun: 'device' },
  ],
  action: claimWriteAction,
  fixedFields: ['rmaNumber', 'createdAt'],
  toStored: storeAsIs,
  // Its deadline fields are read from these, and the queue's counts move with it.
  alsoTouches: [...claimDeadlineInputTables, 'claimCounts'],
  // The queue's deadline fields are derived on every write, from the claim's records as they are:
  // for a bulk write's claims together, in a few reads for all.
  derive: async (claims, session) => {
    const fields = await readDeadlineFieldsOfClaims(session.transaction, claims);
    return claims.map((claim) => ({ ...claim, ...fields.get(claim.id) }));
  },
  touch: (claim, at) => ({ ...claim, updatedAt: at }),
  // A deleted claim is due nothing: the `nextDeadlineAt` index keeps live claims only.
  tombstoned: ({
    nextDeadlineAt: _at,
    nextDeadlineDate: _date,
    nextDeadlineKind: _kind,
    ...claim
  }) => claim,
  // The queue's counts move in the same transaction as the claims they count.
  afterStore: (changes, session) => applyClaimChanges(session.transaction, changes),
};

/** Evidence: metadata of a file already in the attachment store, which it never swaps for another. */
export const evidenceDefinition: RecordDefinition<Evidence, StoredEvidence> = {
  table: 'evidence',
  schema: evidenceSchema,
  noun: 'piece of evidence',
  references: [{ field: 'claimId', table: 'claims', noun: 'claim' }],
  // The file is the evidence: a different file is a new piece of evidence, not an edit.
  action: always('record-evidence'),
  fixedFields: ['sha256', 'sizeBytes', 'mediaType'],
  toStored: storeAsIs,
  alsoTouches: ['attachments'],
  async check(evidence, session, operation) {
    if (operation !== 'create') return;
    const stored = await session.table<StoredAttachment>('attachments').get(evidence.sha256);
    if (stored === undefined) {
      session.refuse({
        code: 'attachment-missing',
        field: 'sha256',
        message: `sha256: no stored file has the digest ${evidence.sha256}; store the file with storeAttachment() first.`,
      });
    }
  },
};

/** Inspections of a claim, whose device is at the center (B14). */
export const inspectionDefinition: RecordDefinition<Inspection, StoredInspection> = {
  table: 'inspections',
  schema: inspectionSchema,
  noun: 'inspection',
  references: [{ field: 'claimId', table: 'claims', noun: 'claim' }],
  action: always('inspect'),
  fixedFields: ['claimId'],
  toStored: storeAsIs,
  async check(inspection, session, operation) {
    // Removing a mistaken inspection is always allowed.
    if (operation === 'delete') return;
    const claim = await session.table<StoredClaim>('claims').get(inspection.claimId);
    if (claim === undefined || deviceReceived(claim.status)) return;
    session.refuse({
      code: 'device-not-received',
      field: 'claimId',
      clauses: ['B14'],
      message: `The device of ${claim.rmaNumber} has not been received (status "${claim.status}"): receive it at the warehouse desk before recording its inspection (B14).`,
    });
  },
};

/** Signs of misuse found by an inspection. */
export const misuseFindingDefinition: RecordDefinition<MisuseFinding, StoredMisuseFinding> = {
  table: 'misuseFindings',
  schema: misuseFindingSchema,
  noun: 'misuse finding',
  references: [{ field: 'inspectionId', table: 'inspections', noun: 'inspection' }],
  action: always('inspect'),
  fixedFields: ['inspectionId'],
  toStored: storeAsIs,
};

/** Quote revisions of a claim. */
export const quoteDefinition: RecordDefinition<Quote, StoredQuote> = {
  table: 'quotes',
  schema: quoteSchema,
  noun: 'quote',
  references: [{ field: 'claimId', table: 'claims', noun: 'claim' }],
  action: always('quote'),
  fixedFields: ['claimId', 'revision'],
  toStored: storeAsIs,
  async check(quote, session, operation) {
    if (operation === 'create') return;
    const existing = await session.table<StoredQuote>('quotes').get(quote.id);
    // What the customer was sent stays on record: the only change left is their answer.
    const next = operation === 'delete' ? { ...quote, deletedAt: session.at } : quote;
    if (existing !== undefined) refuseBrokenRule(session, checkQuoteChange(existing, next));
  },
};

/** Lines of a quote, which change only while the quote is a draft. */
export const quoteLineDefinition: RecordDefinition<QuoteLine, StoredQuoteLine> = {
  table: 'quoteLines',
  schema: quoteLineSchema,
  noun: 'quote line',
  references: [{ field: 'quoteId', table: 'quotes', noun: 'quote' }],
  action: always('quote'),
  fixedFields: ['quoteId'],
  toStored: storeAsIs,
  async check(line, session) {
    // What the customer was sent stays on record: lines change only while the quote is a draft.
    const quote = await session.table<StoredQuote>('quotes').get(line.quoteId);
    refuseBrokenRule(session, checkQuoteLineChange(quote, line.id));
  },
};

/** Shipping legs of a claim, with the receipt evidence if there is one. */
export const shipmentLegDefinition: RecordDefinition<ShipmentLeg, StoredShipmentLeg> = {
  table: 'shipmentLegs',
  schema: shipmentLegSchema,
  noun: 'shipment leg',
  references: [
    { field: 'claimId', table: 'claims', noun: 'claim' },
    { field: 'receiptEvidenceId', table: 'evidence', noun: 'piece of evidence' },
  ],
  action: always('ship'),
  fixedFields: ['claimId'],
  toStored: storeAsIs,
};

/** Notes on a claim, changed or deleted only by their author. */
export const noteDefinition: RecordDefinition<Note, StoredNote> = {
  table: 'notes',
  schema: noteSchema,
  noun: 'note',
  references: [{ field: 'claimId', table: 'claims', noun: 'claim' }],
  action: always('write-note'),
  fixedFields: ['claimId', 'author', 'at'],
  toStored: storeAsIs,
  check(note, session, operation) {
    // The author is a fixed field, so the note as written names the author it always had.
    refuseBrokenRule(
      session,
      checkNoteChange(operation === 'create' ? undefined : note, session.actor),
    );
    return Promise.resolve();
  },
};

/** The parts catalogue the quotes are priced from. */
export const partDefinition: RecordDefinition<Part, StoredPart> = {
  table: 'partsCatalog',
  schema: partSchema,
  noun: 'part',
  references: [],
  action: always('edit-parts-catalog'),
  fixedFields: [],
  toStored: storeAsIs,
  async check(part, session, operation) {
    if (operation !== 'delete') await refuseTakenSkus([part], session);
  },
  checkAll: refuseTakenSkus,
};

/**
 * Quotes and imports find a part by its SKU, so two live parts never share one: refuses `parts`
 * when one of them names a SKU another live part has, or another of `parts` names too.
 */
async function refuseTakenSkus(parts: readonly Part[], session: WriteSession): Promise<void> {
  const sameSku = await session
    .table<StoredPart>('partsCatalog')
    .where('sku')
    .anyOf([...new Set(parts.map((part) => part.sku))])
    .filter(isLive)
    .toArray();
  const holders = new Map<string, StoredPart[]>();
  for (const other of sameSku) holders.set(other.sku, [...(holders.get(other.sku) ?? []), other]);
  const skuTaken = (sku: string, exceptId: RecordId) =>
    holders.get(sku)?.find((other) => other.id !== exceptId);
  refuseBrokenRule(session, checkPartSkus(parts, skuTaken));
}

/**
 * The people of the center (schema v6): adding one, renaming them, their roles and PIN are a
 * manager's; a person renews their own PIN's hash as they sign in (see `ReplaceOptions`).
 */
export const personDefinition: RecordDefinition<Person, StoredPerson> = {
  table: 'people',
  schema: personSchema,
  noun: 'person',
  references: [],
  action: always('manage-people'),
  fixedFields: [],
  // A PIN's hash can be tried against offline: the trail says the PIN changed, not to what.
  secretFields: personSecretFields,
  toStored: storeAsIs,
};

/**
 * The center's settings (schema v6): one row for the center, `centerSettingsId`, each field
 * merged on its own by the sync. Changing them is a manager's.
 */
export const centerSettingsDefinition: RecordDefinition<CenterSettings, StoredCenterSettings> = {
  table: 'centerSettings',
  schema: centerSettingsSchema,
  noun: 'center settings',
  references: [],
  action: always('edit-settings'),
  fixedFields: [],
  toStored: storeAsIs,
};
