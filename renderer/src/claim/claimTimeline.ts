import type { AuditEvent } from '#shared/domain/audit';
import {
  timelineChange,
  timelineOrder,
  type InspectionOutcome,
  type SupersededChange,
  type TimelineRecords,
} from '#shared/domain/claimTimeline';
import type { Role } from '#shared/domain/roles';

/** A translation function, as i18next's `t` is called here. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * One line of the timeline: who, in which role (absent on changes made before roles, or while
 * the station had no manager), when, and what happened, in words. A `superseded` line is an edit
 * the sync server did not keep (another station's later edit of the same field won).
 */
export type TimelineEntry = {
  readonly id: string;
  readonly kind: 'change' | 'superseded';
  readonly at: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly actorRole: Role | undefined;
  readonly text: string;
};

const prefix = 'claimScreen.timeline';

function outcomeText(outcome: InspectionOutcome, t: Translate): string {
  switch (outcome.kind) {
    case 'no-defect-found':
      return t(`${prefix}.outcome.noDefectFound`);
    case 'fault-confirmed':
      return t(`${prefix}.outcome.faultConfirmed`);
    case 'fault-not-confirmed':
      return t(`${prefix}.outcome.faultNotConfirmed`);
    case 'doa-verdict':
      return t(`claimScreen.inspection.verdict.${outcome.verdict}`);
    case 'changed':
      return t(`${prefix}.outcome.changed`);
  }
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
  const change = timelineChange(event, records);
  switch (change.kind) {
    case 'claim-opened':
      return t(`${prefix}.claimOpened`, { actor });
    case 'claim-deleted':
      return t(`${prefix}.claimDeleted`, { actor });
    case 'claim-moved':
      return t(`${prefix}.claimMoved`, { actor, status: t(`status.${change.status}`) });
    case 'claim-forced':
      return t(`${prefix}.claimForced`, {
        actor,
        status: t(`status.${change.status}`),
        reason: change.reason,
      });
    case 'claim-assigned':
      return t(`${prefix}.claimAssigned`, { actor, assignee: nameOf(change.assigneeId) });
    case 'claim-unassigned':
      return t(`${prefix}.claimUnassigned`, { actor });
    case 'remedy-chosen':
      return t(`${prefix}.remedyChosen`, { actor, remedy: t(`remedy.${change.remedy}`) });
    case 'claim-renumbered':
      return t(`${prefix}.claimRenumbered`, { from: change.from, to: change.to });
    case 'claim-edited': {
      const names = change.fields.map((field) =>
        t(`${prefix}.field.${field}`, { defaultValue: field }),
      );
      return t(`${prefix}.claimEdited`, { actor, fields: names.join(', ') });
    }
    case 'evidence-added':
      return t(`${prefix}.evidenceAdded.${change.evidenceKind}`, { actor, file: change.fileName });
    case 'evidence':
      return t(`${prefix}.evidence.${change.change}`, { actor, file: change.fileName ?? '' });
    case 'inspection':
      return t(`${prefix}.inspection.${change.change}`, {
        actor,
        outcome: outcomeText(change.outcome, t),
      });
    case 'misuse-finding':
      return t(`${prefix}.misuse.${change.change}`, {
        actor,
        kind: change.misuseKind === undefined ? '' : t(`claimScreen.misuse.${change.misuseKind}`),
      });
    case 'note':
      return t(`${prefix}.note.${change.change}`, { actor });
    case 'quote-status':
      return t(`${prefix}.quoteStatus`, {
        actor,
        revision: change.revision ?? '',
        status: t(`${prefix}.quoteStatusName.${change.status}`, { defaultValue: change.status }),
      });
    case 'quote':
      return t(`${prefix}.quote.${change.change}`, { actor, revision: change.revision ?? '' });
    case 'quote-line':
      return t(`${prefix}.quoteLine.${change.change}`, { actor });
    case 'shipment':
      return t(`${prefix}.shipment.${change.change}`, { actor });
    case 'other':
      return t(`${prefix}.other`, { actor, entity: change.entity });
  }
}

/** `key` in words, or `fallback` when the catalog has no such key (`t` answers the key itself). */
function translatedOr(t: Translate, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

/** A superseded value in words: a person by name, a status or remedy by its label. */
function lostValueText(
  change: SupersededChange,
  t: Translate,
  nameOf: (technicianId: string) => string,
): string | undefined {
  const value = change.lostValue;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return t(`${prefix}.superseded.${value ? 'yes' : 'no'}`);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  switch (change.field) {
    case 'assigneeId':
      return nameOf(value);
    case 'remedy':
      return translatedOr(t, `remedy.${value}`, value);
    case 'status':
      return translatedOr(t, `status.${value}`, value);
    default:
      return value;
  }
}

/**
 * An edit the sync server superseded, in words: whose edit at which station lost, the value it
 * set (or that it cleared the field), and the station whose edit was kept.
 */
export function describeSupersededChange(
  change: SupersededChange,
  t: Translate,
  nameOf: (technicianId: string) => string,
): string {
  const values = {
    actor: nameOf(change.actor ?? ''),
    station: change.station,
    keptStation: change.keptStation,
    field: translatedOr(t, `${prefix}.field.${change.field}`, change.field),
  };
  const value = lostValueText(change, t, nameOf);
  return value === undefined
    ? t(`${prefix}.superseded.cleared`, values)
    : t(`${prefix}.superseded.changed`, { ...values, value });
}

/**
 * The claim's audit events and superseded edits as timeline lines, newest first (ties in the
 * order they were made).
 */
export function timelineEntries(
  events: readonly AuditEvent[],
  records: TimelineRecords,
  t: Translate,
  nameOf: (technicianId: string) => string,
  superseded: readonly SupersededChange[] = [],
): TimelineEntry[] {
  const lines = [
    ...events.map((event) => ({
      id: event.id,
      kind: 'change' as const,
      at: event.at,
      actorId: event.actor,
      actorName: nameOf(event.actor),
      actorRole: event.actorRole,
      text: describeAuditEvent(event, records, t, nameOf),
    })),
    ...superseded.map((change) => ({
      id: change.id,
      kind: 'superseded' as const,
      at: change.at,
      actorId: change.actor ?? '',
      actorName: nameOf(change.actor ?? ''),
      actorRole: undefined,
      text: describeSupersededChange(change, t, nameOf),
    })),
  ];
  return timelineOrder(lines);
}
