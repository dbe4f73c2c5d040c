import { decodeHlc } from '../sync/hybridLogicalClock';
import type { ConflictRecord } from '../sync/protocol';
import type { AuditEvent } from './audit';
import type { Evidence } from './evidence';
import type { MisuseFinding } from './inspection';
import type { Quote } from './quote';

/** The records a claim's audit events may point at, by id, to name what changed. */
export type TimelineRecords = {
  readonly evidence: ReadonlyMap<string, Pick<Evidence, 'kind' | 'fileName'>>;
  readonly misuseFindings: ReadonlyMap<string, Pick<MisuseFinding, 'kind'>>;
  readonly quotes: ReadonlyMap<string, Pick<Quote, 'revision'>>;
};

/** What an event did to a record other than the claim (a status change counts as an update). */
export type RecordChange = 'create' | 'update' | 'delete';

/** What an inspection event settled, the strongest finding first. */
export type InspectionOutcome =
  | { readonly kind: 'no-defect-found' }
  | { readonly kind: 'fault-confirmed' }
  | { readonly kind: 'fault-not-confirmed' }
  | { readonly kind: 'doa-verdict'; readonly verdict: string }
  | { readonly kind: 'changed' };

/**
 * What one audit event means on a claim's timeline, without words. Values read from `changes`
 * stay strings: an event synced from a newer station may name a status or remedy this one lacks.
 */
export type TimelineChange =
  | { readonly kind: 'claim-opened' }
  | { readonly kind: 'claim-deleted' }
  | { readonly kind: 'claim-moved'; readonly status: string }
  /** A manager forced a transition the workflow refused, and said why. */
  | { readonly kind: 'claim-forced'; readonly status: string; readonly reason: string }
  | { readonly kind: 'claim-assigned'; readonly assigneeId: string }
  | { readonly kind: 'claim-unassigned' }
  | { readonly kind: 'remedy-chosen'; readonly remedy: string }
  /**
   * The station gave the claim another RMA number before the center had it: a station restored
   * from a backup had given its first one out again (see the renderer's `renumberClaims.ts`).
   */
  | { readonly kind: 'claim-renumbered'; readonly from: string; readonly to: string }
  /** Any other edit of the claim: the fields it changed, as stored. */
  | { readonly kind: 'claim-edited'; readonly fields: readonly string[] }
  | {
      readonly kind: 'evidence-added';
      readonly evidenceKind: Evidence['kind'];
      readonly fileName: string;
    }
  /** Evidence changed, removed, or added but no longer known here. */
  | {
      readonly kind: 'evidence';
      readonly change: RecordChange;
      readonly fileName: string | undefined;
    }
  | {
      readonly kind: 'inspection';
      readonly change: RecordChange;
      readonly outcome: InspectionOutcome;
    }
  | {
      readonly kind: 'misuse-finding';
      readonly change: RecordChange;
      readonly misuseKind: MisuseFinding['kind'] | undefined;
    }
  | { readonly kind: 'note'; readonly change: RecordChange }
  | {
      readonly kind: 'quote-status';
      readonly revision: number | undefined;
      readonly status: string;
    }
  | { readonly kind: 'quote'; readonly change: RecordChange; readonly revision: number | undefined }
  | { readonly kind: 'quote-line'; readonly change: RecordChange }
  | { readonly kind: 'shipment'; readonly change: RecordChange }
  /** A table the timeline does not know: still shown, so no change is ever left out. */
  | { readonly kind: 'other'; readonly entity: string };

/** The value a change set a field to, or undefined when the event did not touch it. */
function changedTo(event: Pick<AuditEvent, 'changes'>, field: string): unknown {
  return Object.hasOwn(event.changes, field) ? event.changes[field]?.to : undefined;
}

function claimChange(event: AuditEvent): TimelineChange {
  switch (event.action) {
    case 'create':
      return { kind: 'claim-opened' };
    case 'delete':
      return { kind: 'claim-deleted' };
    case 'transition': {
      const status = String(changedTo(event, 'status'));
      return event.reason === undefined
        ? { kind: 'claim-moved', status }
        : { kind: 'claim-forced', status, reason: event.reason };
    }
    case 'update': {
      // Every edit stamps updatedAt: it says nothing of what the person changed.
      const fields = Object.keys(event.changes).filter((field) => field !== 'updatedAt');
      if (fields.length === 1 && fields[0] === 'assigneeId') {
        const assignee = changedTo(event, 'assigneeId');
        return typeof assignee === 'string'
          ? { kind: 'claim-assigned', assigneeId: assignee }
          : { kind: 'claim-unassigned' };
      }
      if (fields.length === 1 && fields[0] === 'rmaNumber') {
        const from = event.changes.rmaNumber?.from;
        const to = changedTo(event, 'rmaNumber');
        if (typeof from === 'string' && typeof to === 'string') {
          return { kind: 'claim-renumbered', from, to };
        }
      }
      if (fields.length === 1 && fields[0] === 'remedy') {
        const remedy = changedTo(event, 'remedy');
        if (typeof remedy === 'string') return { kind: 'remedy-chosen', remedy };
      }
      return { kind: 'claim-edited', fields };
    }
  }
}

function inspectionOutcome(event: AuditEvent): InspectionOutcome {
  if (changedTo(event, 'noDefectFound') === true) return { kind: 'no-defect-found' };
  const fault = changedTo(event, 'faultConfirmed');
  if (fault === true) return { kind: 'fault-confirmed' };
  if (fault === false) return { kind: 'fault-not-confirmed' };
  const verdict = changedTo(event, 'doaVerdict');
  if (typeof verdict === 'string') return { kind: 'doa-verdict', verdict };
  return { kind: 'changed' };
}

/**
 * What `event` means on its claim's timeline, naming the evidence, finding or quote it touched
 * from `records` (those may be unknown: deleted since, or not synced yet).
 */
export function timelineChange(event: AuditEvent, records: TimelineRecords): TimelineChange {
  const change: RecordChange = event.action === 'transition' ? 'update' : event.action;
  switch (event.entity) {
    case 'claims':
      return claimChange(event);
    case 'evidence': {
      const item = records.evidence.get(event.entityId);
      if (event.action === 'create' && item !== undefined) {
        return { kind: 'evidence-added', evidenceKind: item.kind, fileName: item.fileName };
      }
      return { kind: 'evidence', change, fileName: item?.fileName };
    }
    case 'inspections':
      return { kind: 'inspection', change, outcome: inspectionOutcome(event) };
    case 'misuseFindings':
      return {
        kind: 'misuse-finding',
        change,
        misuseKind: records.misuseFindings.get(event.entityId)?.kind,
      };
    case 'notes':
      return { kind: 'note', change };
    case 'quotes': {
      const revision = records.quotes.get(event.entityId)?.revision;
      const status = changedTo(event, 'status');
      if (event.action === 'update' && typeof status === 'string') {
        return { kind: 'quote-status', revision, status };
      }
      return { kind: 'quote', change, revision };
    }
    case 'quoteLines':
      return { kind: 'quote-line', change };
    case 'shipmentLegs':
      return { kind: 'shipment', change };
    default:
      return { kind: 'other', entity: event.entity };
  }
}

/**
 * A claim's audit events in timeline order: newest first, and of two made at the same moment the
 * later one first (ids are UUIDv7, so they sort in the order they were made).
 */
export function timelineOrder<Event extends Pick<AuditEvent, 'at' | 'id'>>(
  events: readonly Event[],
): Event[] {
  return [...events].sort(
    (first, second) => second.at.localeCompare(first.at) || second.id.localeCompare(first.id),
  );
}

/**
 * An edit of the claim or one of its records that the sync server superseded: another station
 * changed the same field without having seen this edit, and its later change was kept (per-field
 * last-writer-wins). The timeline shows it so the person whose edit lost can see it, and redo it.
 */
export type SupersededChange = {
  readonly id: string;
  /** When the losing edit was made: its clock stamp's wall time, ISO 8601. */
  readonly at: string;
  /** The table of the row the field belongs to (`claims`, `inspections` …). */
  readonly table: string;
  readonly field: string;
  /** The value that lost, as stored; undefined when the losing edit cleared the field. */
  readonly lostValue: unknown;
  /** Who made the losing edit, when the server knows. */
  readonly actor: string | undefined;
  /** The station where the losing edit was made. */
  readonly station: string;
  /** The station whose edit was kept. */
  readonly keptStation: string;
};

/**
 * A conflict record as a timeline line. The stamps are the clock's own, so a stamp that does not
 * decode (it never should) falls back to when the server found the conflict and the winner's
 * stamp as it is.
 */
export function supersededChange(
  conflict: Pick<
    ConflictRecord,
    | 'id'
    | 'table'
    | 'field'
    | 'loserValue'
    | 'loserActor'
    | 'loserStation'
    | 'loserStamp'
    | 'winnerStamp'
    | 'detectedAt'
  >,
): SupersededChange {
  const loser = decodeHlc(conflict.loserStamp);
  return {
    id: conflict.id,
    at: loser === undefined ? conflict.detectedAt : new Date(loser.wallMs).toISOString(),
    table: conflict.table,
    field: conflict.field,
    lostValue: conflict.loserValue,
    actor: conflict.loserActor,
    station: conflict.loserStation,
    keptStation: decodeHlc(conflict.winnerStamp)?.node ?? conflict.winnerStamp,
  };
}
