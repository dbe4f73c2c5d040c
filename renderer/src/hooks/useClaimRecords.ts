import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEvent } from '#shared/domain/audit';
import { appDatabase } from '../db/appDatabase';
import type {
  StoredAttachment,
  StoredEvidence,
  StoredInspection,
  StoredMisuseFinding,
  StoredNote,
} from '../db/records';
import { isLive } from '../db/records';

/** A piece of evidence with what the attachment store knows of its bytes (its thumbnail). */
export type EvidenceItem = {
  readonly evidence: StoredEvidence;
  /** Undefined when the bytes are not on this station yet. */
  readonly attachment: StoredAttachment | undefined;
};

/** A claim's live evidence, oldest first, with thumbnails; undefined while loading. */
export function useClaimEvidence(claimId: string): readonly EvidenceItem[] | undefined {
  return useLiveQuery(async () => {
    const db = appDatabase();
    const evidence = await db.evidence.where('claimId').equals(claimId).filter(isLive).toArray();
    evidence.sort((first, second) => first.capturedAt.localeCompare(second.capturedAt));
    const attachments = await db.attachments.bulkGet(evidence.map((item) => item.sha256));
    return evidence.map((item, index) => ({ evidence: item, attachment: attachments[index] }));
  }, [claimId]);
}

/** A claim's live notes, newest first; undefined while loading. */
export function useClaimNotes(claimId: string): readonly StoredNote[] | undefined {
  return useLiveQuery(async () => {
    const notes = await appDatabase()
      .notes.where('claimId')
      .equals(claimId)
      .filter(isLive)
      .toArray();
    return notes.sort(
      (first, second) => second.at.localeCompare(first.at) || second.id.localeCompare(first.id),
    );
  }, [claimId]);
}

/** The latest live inspection of a claim and its live misuse findings. */
export type RecordedInspection = {
  readonly inspection: StoredInspection | undefined;
  readonly findings: readonly StoredMisuseFinding[];
};

/** The inspection the decision reads (the latest), kept current; undefined while loading. */
export function useClaimInspection(claimId: string): RecordedInspection | undefined {
  return useLiveQuery(async () => {
    const db = appDatabase();
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
  }, [claimId]);
}

/** The audit events of a claim and of every record under it, with those records (deleted too). */
export type ClaimAudit = {
  readonly events: readonly AuditEvent[];
  readonly evidence: ReadonlyMap<string, StoredEvidence>;
  readonly misuseFindings: ReadonlyMap<string, StoredMisuseFinding>;
  readonly quotes: ReadonlyMap<string, { readonly revision: number }>;
};

/**
 * Every change of a claim and its child records, kept current: deleted rows count too, since
 * their deletion is part of the story. Read through the `[entity+entityId]` index.
 */
export function useClaimAudit(claimId: string): ClaimAudit | undefined {
  return useLiveQuery(async () => {
    const db = appDatabase();
    const [evidence, inspections, notes, quotes, shipmentLegs] = await Promise.all([
      db.evidence.where('claimId').equals(claimId).toArray(),
      db.inspections.where('claimId').equals(claimId).toArray(),
      db.notes.where('claimId').equals(claimId).toArray(),
      db.quotes.where('claimId').equals(claimId).toArray(),
      db.shipmentLegs.where('claimId').equals(claimId).toArray(),
    ]);
    const [misuseFindings, quoteLines] = await Promise.all([
      db.misuseFindings
        .where('inspectionId')
        .anyOf(inspections.map((inspection) => inspection.id))
        .toArray(),
      db.quoteLines
        .where('quoteId')
        .anyOf(quotes.map((quote) => quote.id))
        .toArray(),
    ]);
    const keys: [string, string][] = [
      ['claims', claimId],
      ...evidence.map((row): [string, string] => ['evidence', row.id]),
      ...inspections.map((row): [string, string] => ['inspections', row.id]),
      ...misuseFindings.map((row): [string, string] => ['misuseFindings', row.id]),
      ...notes.map((row): [string, string] => ['notes', row.id]),
      ...quotes.map((row): [string, string] => ['quotes', row.id]),
      ...quoteLines.map((row): [string, string] => ['quoteLines', row.id]),
      ...shipmentLegs.map((row): [string, string] => ['shipmentLegs', row.id]),
    ];
    const events = await db.auditEvents.where('[entity+entityId]').anyOf(keys).toArray();
    return {
      events,
      evidence: new Map(evidence.map((row) => [row.id, row])),
      misuseFindings: new Map(misuseFindings.map((row) => [row.id, row])),
      quotes: new Map(quotes.map((row) => [row.id, row])),
    };
  }, [claimId]);
}
