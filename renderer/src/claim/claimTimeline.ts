import type { AuditEvent } from '#shared/domain/audit';
import type { Evidence } from '#shared/domain/evidence';
import type { MisuseFinding } from '#shared/domain/inspection';
import type { Quote } from '#shared/domain/quote';
import type { Role } from '#shared/domain/roles';

/** A translation function, as i18next's `t` is called here. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The records a claim's audit events may point at, by id, to name what changed. */
export type TimelineRecords = {
  readonly evidence: ReadonlyMap<string, Pick<Evidence, 'kind' | 'fileName'>>;
  readonly misuseFindings: ReadonlyMap<string, Pick<MisuseFinding, 'kind'>>;
  readonly quotes: ReadonlyMap<string, Pick<Quote, 'revision'>>;
};

/**
 * One line of the timeline: who, in which role (absent on changes made before roles, or while
 * the station had no manager), when, and what happened, in words.
 */
export type TimelineEntry = {
  readonly id: string;
  readonly at: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly actorRole: Role | undefined;
  readonly text: string;
};

const prefix = 'claimScreen.timeline';

/** The value a change set a field to, or undefined when the event did not touch it. */
function changedTo(event: Pick<AuditEvent, 'changes'>, field: string): unknown {
  return Object.hasOwn(event.changes, field) ? event.changes[field]?.to : undefined;
}

function describeClaimEvent(
  event: AuditEvent,
  actor: string,
  t: Translate,
  nameOf: (id: string) => string,
): string {
  switch (event.action) {
    case 'create':
      return t(`${prefix}.claimOpened`, { actor });
    case 'delete':
      return t(`${prefix}.claimDeleted`, { actor });
    case 'transition': {
      const status = t(`status.${String(changedTo(event, 'status'))}`);
      return event.reason === undefined
        ? t(`${prefix}.claimMoved`, { actor, status })
        : t(`${prefix}.claimForced`, { actor, status, reason: event.reason });
    }
    case 'update': {
      const fields = Object.keys(event.changes).filter((field) => field !== 'updatedAt');
      if (fields.length === 1 && fields[0] === 'assigneeId') {
        const assignee = changedTo(event, 'assigneeId');
        return typeof assignee === 'string'
          ? t(`${prefix}.claimAssigned`, { actor, assignee: nameOf(assignee) })
          : t(`${prefix}.claimUnassigned`, { actor });
      }
      if (fields.length === 1 && fields[0] === 'remedy') {
        const remedy = changedTo(event, 'remedy');
        if (typeof remedy === 'string') {
          return t(`${prefix}.remedyChosen`, { actor, remedy: t(`remedy.${remedy}`) });
        }
      }
      const names = fields.map((field) => t(`${prefix}.field.${field}`, { defaultValue: field }));
      return t(`${prefix}.claimEdited`, { actor, fields: names.join(', ') });
    }
  }
}

function inspectionOutcome(event: AuditEvent, t: Translate): string {
  if (changedTo(event, 'noDefectFound') === true) return t(`${prefix}.outcome.noDefectFound`);
  const fault = changedTo(event, 'faultConfirmed');
  if (fault === true) return t(`${prefix}.outcome.faultConfirmed`);
  if (fault === false) return t(`${prefix}.outcome.faultNotConfirmed`);
  const verdict = changedTo(event, 'doaVerdict');
  if (typeof verdict === 'string') return t(`claimScreen.inspection.verdict.${verdict}`);
  return t(`${prefix}.outcome.changed`);
}

/**
 * One audit event in words, in the language of `t`: "Dewi Lestari moved the claim to
 * Authorized", "… added a packaging photo". An entity this screen does not know is named by its
 * table, so no change is ever left out of the timeline.
 */
export function describeAuditEvent(
  event: AuditEvent,
  records: TimelineRecords,
  t: Translate,
  nameOf: (technicianId: string) => string,
): string {
  const actor = nameOf(event.actor);
  const verb = event.action === 'transition' ? 'update' : event.action;
  switch (event.entity) {
    case 'claims':
      return describeClaimEvent(event, actor, t, nameOf);
    case 'evidence': {
      const item = records.evidence.get(event.entityId);
      if (event.action === 'create' && item !== undefined) {
        return t(`${prefix}.evidenceAdded.${item.kind}`, { actor, file: item.fileName });
      }
      return t(`${prefix}.evidence.${verb}`, { actor, file: item?.fileName ?? '' });
    }
    case 'inspections':
      return t(`${prefix}.inspection.${verb}`, { actor, outcome: inspectionOutcome(event, t) });
    case 'misuseFindings': {
      const kind = records.misuseFindings.get(event.entityId)?.kind;
      return t(`${prefix}.misuse.${verb}`, {
        actor,
        kind: kind === undefined ? '' : t(`claimScreen.misuse.${kind}`),
      });
    }
    case 'notes':
      return t(`${prefix}.note.${verb}`, { actor });
    case 'quotes': {
      const revision = records.quotes.get(event.entityId)?.revision ?? '';
      const status = changedTo(event, 'status');
      if (event.action === 'update' && typeof status === 'string') {
        return t(`${prefix}.quoteStatus`, {
          actor,
          revision,
          status: t(`${prefix}.quoteStatusName.${status}`, { defaultValue: status }),
        });
      }
      return t(`${prefix}.quote.${verb}`, { actor, revision });
    }
    case 'quoteLines':
      return t(`${prefix}.quoteLine.${verb}`, { actor });
    case 'shipmentLegs':
      return t(`${prefix}.shipment.${verb}`, { actor });
    default:
      return t(`${prefix}.other`, { actor, entity: event.entity });
  }
}

/** The claim's audit events as timeline lines, newest first (ties in the order they were made). */
export function timelineEntries(
  events: readonly AuditEvent[],
  records: TimelineRecords,
  t: Translate,
  nameOf: (technicianId: string) => string,
): TimelineEntry[] {
  return [...events]
    .sort((first, second) => second.at.localeCompare(first.at) || second.id.localeCompare(first.id))
    .map((event) => ({
      id: event.id,
      at: event.at,
      actorId: event.actor,
      actorName: nameOf(event.actor),
      actorRole: event.actorRole,
      text: describeAuditEvent(event, records, t, nameOf),
    }));
}
