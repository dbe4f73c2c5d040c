import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '#shared/domain/audit';
import {
  supersededChange,
  timelineChange,
  timelineOrder,
  type InspectionOutcome,
  type TimelineChange,
  type TimelineRecords,
} from '#shared/domain/claimTimeline';
import { makeAuditEvent, makeConflictRecord, technicianId } from '../factories/domain';

const agus = '00000000-0000-7000-8000-0000000000ab';

const records: TimelineRecords = {
  evidence: new Map([['evidence-1', { kind: 'packaging-photo', fileName: 'box.jpg' }]]),
  misuseFindings: new Map([['finding-1', { kind: 'liquid-damage' }]]),
  quotes: new Map([['quote-1', { revision: 2 }]]),
};

const stamp = { updatedAt: { from: '2026-05-04T02:15:00.000Z', to: '2026-05-04T02:20:00.000Z' } };

describe('timelineChange', () => {
  it.each<[string, Partial<AuditEvent>, TimelineChange]>([
    ['an opened claim', { action: 'create', changes: {} }, { kind: 'claim-opened' }],
    ['a deleted claim', { action: 'delete', changes: {} }, { kind: 'claim-deleted' }],
    [
      'a transition as a move to its status',
      { changes: { status: { from: 'intake', to: 'awaiting-authorization' } } },
      { kind: 'claim-moved', status: 'awaiting-authorization' },
    ],
    [
      'a transition with a reason as forced by a manager',
      { changes: { status: { from: 'intake', to: 'received' } }, reason: 'Parcel came early' },
      { kind: 'claim-forced', status: 'received', reason: 'Parcel came early' },
    ],
    [
      'an edit of the assignee alone as an assignment, whatever updatedAt says',
      { action: 'update', changes: { assigneeId: { from: null, to: agus }, ...stamp } },
      { kind: 'claim-assigned', assigneeId: agus },
    ],
    [
      'an assignee cleared as unassigned',
      { action: 'update', changes: { assigneeId: { from: agus, to: null } } },
      { kind: 'claim-unassigned' },
    ],
    [
      'an edit of the remedy alone as the remedy chosen',
      { action: 'update', changes: { remedy: { from: null, to: 'warranty-repair' }, ...stamp } },
      { kind: 'remedy-chosen', remedy: 'warranty-repair' },
    ],
    [
      'a new RMA number alone as the claim renumbered',
      {
        action: 'update',
        changes: { rmaNumber: { from: 'RMA-JKT1-000002', to: 'RMA-JKT1-000003' } },
      },
      { kind: 'claim-renumbered', from: 'RMA-JKT1-000002', to: 'RMA-JKT1-000003' },
    ],
    [
      'a remedy cleared as an edit of that field',
      { action: 'update', changes: { remedy: { from: 'warranty-repair', to: null } } },
      { kind: 'claim-edited', fields: ['remedy'] },
    ],
    [
      'the assignee edited beside another field as an edit of both',
      {
        action: 'update',
        changes: { assigneeId: { from: null, to: agus }, symptom: { from: null, to: 'battery' } },
      },
      { kind: 'claim-edited', fields: ['assigneeId', 'symptom'] },
    ],
  ])('reads %s', (_, overrides, expected) => {
    expect(timelineChange(makeAuditEvent(overrides), records)).toEqual(expected);
  });

  it('names the kind and file of evidence added, and only the file once it is edited', () => {
    const added = makeAuditEvent({ entity: 'evidence', entityId: 'evidence-1', action: 'create' });
    expect(timelineChange(added, records)).toEqual({
      kind: 'evidence-added',
      evidenceKind: 'packaging-photo',
      fileName: 'box.jpg',
    });
    const removed = makeAuditEvent({
      entity: 'evidence',
      entityId: 'evidence-1',
      action: 'delete',
    });
    expect(timelineChange(removed, records)).toEqual({
      kind: 'evidence',
      change: 'delete',
      fileName: 'box.jpg',
    });
  });

  it('still shows evidence added that this station does not know, without a file name', () => {
    const unknown = makeAuditEvent({
      entity: 'evidence',
      entityId: 'evidence-9',
      action: 'create',
    });
    expect(timelineChange(unknown, records)).toEqual({
      kind: 'evidence',
      change: 'create',
      fileName: undefined,
    });
  });

  it.each<[string, AuditEvent['changes'], InspectionOutcome['kind']]>([
    [
      'no defect found over a fault not confirmed',
      { noDefectFound: { from: null, to: true }, faultConfirmed: { from: null, to: false } },
      'no-defect-found',
    ],
    [
      'a confirmed fault over a DOA verdict',
      { faultConfirmed: { from: null, to: true }, doaVerdict: { from: null, to: 'doa' } },
      'fault-confirmed',
    ],
    ['a fault not confirmed', { faultConfirmed: { from: null, to: false } }, 'fault-not-confirmed'],
    ['a DOA verdict', { doaVerdict: { from: null, to: 'not-doa' } }, 'doa-verdict'],
    [
      'any other change',
      { inspectedAt: { from: null, to: '2026-05-05T03:00:00.000Z' } },
      'changed',
    ],
  ])('reads an inspection outcome: %s', (_, changes, outcome) => {
    const event = makeAuditEvent({ entity: 'inspections', action: 'update', changes });
    const change = timelineChange(event, records);
    expect(change.kind === 'inspection' && change.outcome.kind).toBe(outcome);
  });

  it('carries the DOA verdict an inspection recorded', () => {
    const event = makeAuditEvent({
      entity: 'inspections',
      action: 'create',
      changes: { doaVerdict: { from: null, to: 'not-doa' } },
    });
    expect(timelineChange(event, records)).toEqual({
      kind: 'inspection',
      change: 'create',
      outcome: { kind: 'doa-verdict', verdict: 'not-doa' },
    });
  });

  it('names the sign of misuse found, when this station knows the finding', () => {
    const finding = makeAuditEvent({
      entity: 'misuseFindings',
      entityId: 'finding-1',
      action: 'create',
    });
    expect(timelineChange(finding, records)).toEqual({
      kind: 'misuse-finding',
      change: 'create',
      misuseKind: 'liquid-damage',
    });
  });

  it('reads a quote whose status changed apart from other quote edits', () => {
    const sent = makeAuditEvent({
      entity: 'quotes',
      entityId: 'quote-1',
      action: 'update',
      changes: { status: { from: 'draft', to: 'sent' } },
    });
    expect(timelineChange(sent, records)).toEqual({
      kind: 'quote-status',
      revision: 2,
      status: 'sent',
    });
    const made = makeAuditEvent({ entity: 'quotes', entityId: 'quote-1', action: 'create' });
    expect(timelineChange(made, records)).toEqual({ kind: 'quote', change: 'create', revision: 2 });
  });

  it('reads notes, quote lines and shipments by what was done to them', () => {
    const on = (entity: string) =>
      timelineChange(makeAuditEvent({ entity, action: 'delete', changes: {} }), records);
    expect([on('notes'), on('quoteLines'), on('shipmentLegs')]).toEqual([
      { kind: 'note', change: 'delete' },
      { kind: 'quote-line', change: 'delete' },
      { kind: 'shipment', change: 'delete' },
    ]);
  });

  it('keeps a change to a table it does not know, named by the table', () => {
    const event = makeAuditEvent({ entity: 'returnLabels', action: 'create', changes: {} });
    expect(timelineChange(event, records)).toEqual({ kind: 'other', entity: 'returnLabels' });
  });
});

describe('timelineOrder', () => {
  it('puts the newest event first, and of two at the same moment the one made later', () => {
    const opened = { id: 'a', at: '2026-11-22T01:00:00.000Z' };
    const noted = { id: 'b', at: '2026-11-22T02:00:00.000Z' };
    const moved = { id: 'c', at: '2026-11-22T02:00:00.000Z' };
    expect(timelineOrder([opened, noted, moved])).toEqual([moved, noted, opened]);
  });

  it('leaves the events it was given in their order', () => {
    const events = [
      { id: 'a', at: '2026-11-22T01:00:00.000Z' },
      { id: 'b', at: '2026-11-22T02:00:00.000Z' },
    ];
    timelineOrder(events);
    expect(events.map((event) => event.id)).toEqual(['a', 'b']);
  });
});

describe('supersededChange', () => {
  it('tells whose edit lost, when it was made, the value it set and the station whose edit was kept', () => {
    const conflict = makeConflictRecord({ field: 'remedy', loserValue: 'warranty-repair' });
    expect(supersededChange(conflict)).toEqual({
      id: conflict.id,
      at: '2026-05-04T02:20:00.000Z',
      table: 'claims',
      field: 'remedy',
      lostValue: 'warranty-repair',
      actor: technicianId,
      station: 'JKT1',
      keptStation: 'BDG2',
    });
  });

  it('keeps an edit that cleared the field as one without a value', () => {
    const { loserValue: _cleared, ...conflict } = makeConflictRecord();
    expect(supersededChange(conflict).lostValue).toBeUndefined();
  });
});
