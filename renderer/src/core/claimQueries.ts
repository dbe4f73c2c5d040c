import type { AuditEvent } from '#shared/domain/audit';
import { supersededChange, type SupersededChange } from '#shared/domain/claimTimeline';
import type { FixlineDatabase } from '../db/database';
import type {
  StoredAttachment,
  StoredAuditEvent,
  StoredClaim,
  StoredEvidence,
  StoredInspection,
  StoredMisuseFinding,
  StoredNote,
  StoredQuote,
  StoredQuoteLine,
  StoredShipmentLeg,
} from '../db/records';
import { isLive } from '../db/records';

/** A piece of evidence with what the attachment store knows of its bytes (its thumbnail). */
export type EvidenceItem = {
  readonly evidence: StoredEvidence;
  /** Undefined when the bytes are not on this station yet. */
  readonly attachment: StoredAttachment | undefined;
  /**
   * While the bytes are not here: the thumbnail the capturing station made, once it has come
   * (it syncs first, as a small file of its own).
   */
  readonly remoteThumbnail?: Blob;
};

/** The latest live inspection of a claim and its live misuse findings. */
export type RecordedInspection = {
  readonly inspection: StoredInspection | undefined;
  readonly findings: readonly StoredMisuseFinding[];
};

/**
 * The audit events of a claim and of every record under it, with those records (deleted too),
 * and the edits of them the sync server superseded (its conflict records).
 */
export type ClaimAudit = {
  readonly events: readonly AuditEvent[];
  readonly superseded: readonly SupersededChange[];
  readonly evidence: ReadonlyMap<string, StoredEvidence>;
  readonly misuseFindings: ReadonlyMap<string, StoredMisuseFinding>;
  readonly quotes: ReadonlyMap<string, { readonly revision: number }>;
};

/** Every revision of a claim's quote, oldest first, each with its live lines. */
export type ClaimQuotes = readonly {
  readonly quote: StoredQuote;
  readonly lines: readonly StoredQuoteLine[];
}[];

/** A shipment leg with the evidence of its receipt, when one was attached. */
export type ShipmentLegItem = {
  readonly leg: StoredShipmentLeg;
  readonly receipt: StoredEvidence | undefined;
};

/** A claim's live evidence, oldest first, with thumbnails. */
export async function claimEvidence(
  db: FixlineDatabase,
  claimId: string,
): Promise<readonly EvidenceItem[]> {
  const evidence = await db.evidence.where('claimId').equals(claimId).filter(isLive).toArray();
  evidence.sort((first, second) => first.capturedAt.localeCompare(second.capturedAt));
  const attachments = await db.attachments.bulkGet(evidence.map((item) => item.sha256));
  const remoteThumbnails = await db.attachmentBlobs.bulkGet(
    evidence.map((item, index) =>
      attachments[index] === undefined && item.thumbnailSha256 !== undefined
        ? item.thumbnailSha256
        : '',
    ),
  );
  return evidence.map((item, index) => {
    const remoteThumbnail = remoteThumbnails[index]?.blob;
    return {
      evidence: item,
      attachment: attachments[index],
      ...(remoteThumbnail === undefined ? {} : { remoteThumbnail }),
    };
  });
}

/** A claim's live notes, newest first. */
export async function claimNotes(db: FixlineDatabase, claimId: string): Promise<StoredNote[]> {
  const notes = await db.notes.where('claimId').equals(claimId).filter(isLive).toArray();
  return notes.sort(
    (first, second) => second.at.localeCompare(first.at) || second.id.localeCompare(first.id),
  );
}

/** The inspection the decision reads (the latest live one) and its live findings. */
export async function claimInspection(
  db: FixlineDatabase,
  claimId: string,
): Promise<RecordedInspection> {
  const inspections = await db.inspections
    .where('claimId')
    .equals(claimId)
    .filter(isLive)
    .toArray();
  const inspection = inspections.sort((a, b) => b.inspectedAt.localeCompare(a.inspectedAt))[0];
  const findings =
    inspection === undefined
      ? []
      : await db.misuseFindings
          .where('inspectionId')
          .equals(inspection.id)
          .filter(isLive)
          .toArray();
  return { inspection, findings };
}

/** A claim's rows of one kind with their audit events. */
type RowsWithEvents<Row> = { readonly rows: Row[]; readonly events: StoredAuditEvent[] };

/**
 * The audit events of the rows `ids` of `entity`: one `[entity+entityId]` read a row, all asked
 * at once. (`anyOf` over the keys walks a cursor: a round trip to the storage process for every
 * event, each waiting for the page's thread, which is busy drawing as a claim opens.)
 */
function auditEventsOf(
  db: FixlineDatabase,
  entity: string,
  ids: readonly string[],
): Promise<StoredAuditEvent[]> {
  return Promise.all(
    ids.map((id) => db.auditEvents.where('[entity+entityId]').equals([entity, id]).toArray()),
  ).then((lists) => lists.flat());
}

/**
 * `rows` once read, with their audit events. The reads are made in the callbacks of Dexie's own
 * promises, so a live query sees each of them (and runs again when any of them changes).
 */
function withAuditEvents<Row extends { readonly id: string }>(
  db: FixlineDatabase,
  entity: string,
  rows: PromiseLike<Row[]>,
): PromiseLike<RowsWithEvents<Row>> {
  return rows.then((read) =>
    auditEventsOf(
      db,
      entity,
      read.map((row) => row.id),
    ).then((events) => ({ rows: read, events })),
  );
}

/**
 * Every change of a claim and its child records: deleted rows count too, since their deletion
 * is part of the story. Each kind of row is read, then its events, without waiting for the
 * other kinds: at most three reads one after another (quotes, their lines, the lines' events).
 */
export async function claimAudit(db: FixlineDatabase, claimId: string): Promise<ClaimAudit> {
  const inspectionsRead = db.inspections.where('claimId').equals(claimId).toArray();
  const quotesRead = db.quotes.where('claimId').equals(claimId).toArray();
  const [
    ownEvents,
    evidence,
    inspections,
    misuseFindings,
    notes,
    quoteLines,
    quotes,
    legs,
    conflicts,
  ] = await Promise.all([
    claimEvents(db, claimId),
    withAuditEvents(db, 'evidence', db.evidence.where('claimId').equals(claimId).toArray()),
    withAuditEvents(db, 'inspections', inspectionsRead),
    withAuditEvents(
      db,
      'misuseFindings',
      inspectionsRead.then((rows) =>
        db.misuseFindings
          .where('inspectionId')
          .anyOf(rows.map((inspection) => inspection.id))
          .toArray(),
      ),
    ),
    withAuditEvents(db, 'notes', db.notes.where('claimId').equals(claimId).toArray()),
    withAuditEvents(
      db,
      'quoteLines',
      quotesRead.then((rows) =>
        db.quoteLines
          .where('quoteId')
          .anyOf(rows.map((quote) => quote.id))
          .toArray(),
      ),
    ),
    withAuditEvents(db, 'quotes', quotesRead),
    withAuditEvents(db, 'shipmentLegs', db.shipmentLegs.where('claimId').equals(claimId).toArray()),
    db.conflicts.where('claimId').equals(claimId).toArray(),
  ]);
  return {
    // In the `[entity+entityId]` index's order, as one read of it would give them.
    events: [
      ...ownEvents,
      ...[evidence, inspections, misuseFindings, notes, quoteLines, quotes, legs].flatMap(
        (kind) => kind.events,
      ),
    ],
    superseded: conflicts.map(supersededChange),
    evidence: new Map(evidence.rows.map((row) => [row.id, row])),
    misuseFindings: new Map(misuseFindings.rows.map((row) => [row.id, row])),
    quotes: new Map(quotes.rows.map((row) => [row.id, row])),
  };
}

/** The audit events of the claim row itself (its transitions and edits), not its children. */
export function claimEvents(db: FixlineDatabase, claimId: string): Promise<StoredAuditEvent[]> {
  return db.auditEvents.where('[entity+entityId]').equals(['claims', claimId]).toArray();
}

/** The quote revisions of a claim, oldest first, with their live lines in the order added. */
export async function claimQuotes(db: FixlineDatabase, claimId: string): Promise<ClaimQuotes> {
  const quotes = await db.quotes
    .where('claimId')
    .equals(claimId)
    .filter((quote) => quote.deletedAt === undefined)
    .toArray();
  quotes.sort((a, b) => a.revision - b.revision);
  const lines = await db.quoteLines
    .where('quoteId')
    .anyOf(quotes.map((quote) => quote.id))
    .filter((line) => line.deletedAt === undefined)
    .toArray();
  // UUIDv7 ids sort by time.
  lines.sort((a, b) => a.id.localeCompare(b.id));
  return quotes.map((quote) => ({
    quote,
    lines: lines.filter((line) => line.quoteId === quote.id),
  }));
}

/** A claim's live shipment legs in the order they were recorded, each with its receipt. */
export async function shipmentLegs(
  db: FixlineDatabase,
  claimId: string,
): Promise<readonly ShipmentLegItem[]> {
  const legs = await db.shipmentLegs
    .where('claimId')
    .equals(claimId)
    .filter((leg) => leg.deletedAt === undefined)
    .toArray();
  legs.sort((a, b) => a.id.localeCompare(b.id));
  const receipts = await db.evidence.bulkGet(legs.map((leg) => leg.receiptEvidenceId ?? ''));
  return legs.map((leg, index) => ({ leg, receipt: receipts[index] }));
}

/** The live claims of an RMA number (upper case, as stored). */
export async function claimsByRmaNumber(
  db: FixlineDatabase,
  rmaNumber: string,
): Promise<StoredClaim[]> {
  return (await db.claims.where('rmaNumber').equals(rmaNumber).toArray()).filter(isLive);
}
