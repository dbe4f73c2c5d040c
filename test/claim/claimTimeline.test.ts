import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '#shared/domain/audit';
import { supersededChange, type TimelineRecords } from '#shared/domain/claimTimeline';
import {
  describeAuditEvent,
  describeSupersededChange,
  timelineEntries,
} from '../../renderer/src/claim/claimTimeline';
import { en } from '../../renderer/src/i18n/en';
import { id } from '../../renderer/src/i18n/id';
import { isMessageKey } from '../../renderer/src/i18n/messageKey';
import { makeConflictRecord } from '../factories/domain';

const dewi = '00000000-0000-7000-8000-0000000000aa';
const agus = '00000000-0000-7000-8000-0000000000ab';
const names = new Map([
  [dewi, 'Dewi Lestari'],
  [agus, 'Agus Wijaya'],
]);
const nameOf = (technician: string) => names.get(technician) ?? 'Someone';

const records: TimelineRecords = {
  evidence: new Map([['evidence-1', { kind: 'packaging-photo', fileName: 'box.jpg' }]]),
  misuseFindings: new Map([['finding-1', { kind: 'liquid-damage' }]]),
  quotes: new Map([['quote-1', { revision: 2 }]]),
};

let sequence = 0;
const event = (overrides: Partial<AuditEvent>): AuditEvent => ({
  id: `00000000-0000-7000-8000-${String((sequence += 1)).padStart(12, '0')}`,
  entity: 'claims',
  entityId: 'claim-1',
  action: 'create',
  changes: {},
  actor: dewi,
  station: 'JKT1',
  at: '2026-11-22T03:00:00.000Z',
  ...overrides,
});

const translator = i18next.createInstance();
beforeAll(async () => {
  await translator.init({
    resources: { en: { translation: en }, id: { translation: id } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});
const inLanguage = (language: 'en' | 'id') => {
  const t = translator.getFixedT(language);
  return (key: string, values?: Record<string, unknown>) =>
    isMessageKey(translator, key) ? t(key, values ?? {}) : key;
};

describe('describeAuditEvent', () => {
  it('says who moved the claim to which status, in English and in Bahasa Indonesia', () => {
    const moved = event({
      action: 'transition',
      changes: { status: { from: 'awaiting-authorization', to: 'authorized' } },
    });
    expect(describeAuditEvent(moved, records, inLanguage('en'), nameOf)).toBe(
      'Dewi Lestari moved the claim to Authorized',
    );
    expect(describeAuditEvent(moved, records, inLanguage('id'), nameOf)).toBe(
      'Dewi Lestari memindahkan klaim ke Diotorisasi',
    );
  });

  it('names the kind of evidence added', () => {
    const added = event({ entity: 'evidence', entityId: 'evidence-1' });
    expect(describeAuditEvent(added, records, inLanguage('en'), nameOf)).toBe(
      'Dewi Lestari added a packaging photo',
    );
  });

  it('names the technician a claim is assigned to', () => {
    const assigned = event({
      action: 'update',
      changes: { assigneeId: { from: null, to: agus }, updatedAt: { from: 'a', to: 'b' } },
    });
    expect(describeAuditEvent(assigned, records, inLanguage('en'), nameOf)).toBe(
      'Dewi Lestari assigned the claim to Agus Wijaya',
    );
  });

  it('says what an inspection found and which sign of misuse', () => {
    const inspected = event({
      entity: 'inspections',
      changes: {
        faultConfirmed: { from: null, to: true },
        noDefectFound: { from: null, to: false },
      },
    });
    expect(describeAuditEvent(inspected, records, inLanguage('en'), nameOf)).toBe(
      'Dewi Lestari recorded the inspection: fault confirmed',
    );
    const finding = event({ entity: 'misuseFindings', entityId: 'finding-1', actor: agus });
    expect(describeAuditEvent(finding, records, inLanguage('id'), nameOf)).toBe(
      'Agus Wijaya menemukan tanda penyalahgunaan: Kerusakan karena cairan',
    );
  });

  it('says a quote revision was sent', () => {
    const sent = event({
      entity: 'quotes',
      entityId: 'quote-1',
      action: 'update',
      changes: { status: { from: 'draft', to: 'sent' } },
    });
    expect(describeAuditEvent(sent, records, inLanguage('en'), nameOf)).toBe(
      'Dewi Lestari marked quote revision 2 sent',
    );
  });

  it('lists the fields of any other edit of the claim', () => {
    const edited = event({
      action: 'update',
      changes: {
        stepsTried: { from: null, to: 'reset' },
        symptom: { from: null, to: 'malfunction' },
      },
    });
    expect(describeAuditEvent(edited, records, inLanguage('en'), nameOf)).toBe(
      'Dewi Lestari changed the claim: steps tried, symptom',
    );
  });
});

describe('timelineEntries', () => {
  it('puts the newest change first, and of two at the same moment the one made later', () => {
    const opened = event({ at: '2026-11-22T01:00:00.000Z' });
    const note = event({ entity: 'notes', at: '2026-11-22T02:00:00.000Z' });
    const moved = event({
      action: 'transition',
      at: '2026-11-22T02:00:00.000Z',
      changes: { status: { from: 'intake', to: 'awaiting-authorization' } },
    });
    const entries = timelineEntries([opened, moved, note], records, inLanguage('en'), nameOf);
    expect(entries.map((entry) => entry.text)).toEqual([
      'Dewi Lestari moved the claim to Awaiting authorization',
      'Dewi Lestari added a note',
      'Dewi Lestari opened the claim',
    ]);
    expect(entries[0]?.actorName).toBe('Dewi Lestari');
  });

  it('places a superseded edit among the changes by when it was made, as its own kind of line', () => {
    const opened = event({ at: '2026-05-04T02:00:00.000Z' });
    const assigned = event({
      action: 'update',
      at: '2026-05-04T02:21:00.000Z',
      changes: { assigneeId: { from: null, to: dewi } },
    });
    const lost = supersededChange(makeConflictRecord({ loserActor: agus, loserValue: agus }));
    const entries = timelineEntries([opened, assigned], records, inLanguage('en'), nameOf, [lost]);
    expect(entries.map((entry) => [entry.kind, entry.actorName, entry.at])).toEqual([
      ['change', 'Dewi Lestari', '2026-05-04T02:21:00.000Z'],
      ['superseded', 'Agus Wijaya', '2026-05-04T02:20:00.000Z'],
      ['change', 'Dewi Lestari', '2026-05-04T02:00:00.000Z'],
    ]);
  });
});

describe('describeSupersededChange', () => {
  const superseded = (overrides: Parameters<typeof makeConflictRecord>[0]) =>
    supersededChange(makeConflictRecord({ loserActor: agus, loserValue: agus, ...overrides }));

  it('says whose change at which station lost, to whom it assigned the claim, and which station won', () => {
    const change = superseded({});
    expect(describeSupersededChange(change, inLanguage('en'), nameOf)).toBe(
      'A change was superseded: Agus Wijaya at JKT1 set the assignee to “Agus Wijaya”, and a later change made at BDG2 was kept',
    );
    expect(describeSupersededChange(change, inLanguage('id'), nameOf)).toBe(
      'Perubahan digantikan: Agus Wijaya di JKT1 mengubah penanggung jawab menjadi “Agus Wijaya”, dan perubahan yang lebih baru di BDG2 yang dipakai',
    );
  });

  it('names a lost remedy by its label, and a field or value it does not know as stored', () => {
    expect(
      describeSupersededChange(
        superseded({ field: 'remedy', loserValue: 'warranty-repair' }),
        inLanguage('en'),
        nameOf,
      ),
    ).toBe(
      'A change was superseded: Agus Wijaya at JKT1 set the remedy to “Warranty repair”, and a later change made at BDG2 was kept',
    );
    expect(
      describeSupersededChange(
        superseded({
          table: 'inspections',
          field: 'technicianNotes',
          loserValue: 'Swollen battery',
        }),
        inLanguage('en'),
        nameOf,
      ),
    ).toBe(
      'A change was superseded: Agus Wijaya at JKT1 set the technicianNotes to “Swollen battery”, and a later change made at BDG2 was kept',
    );
  });

  it('says yes or no for a lost flag, in either language', () => {
    const flag = superseded({ table: 'inspections', field: 'faultConfirmed', loserValue: true });
    expect(describeSupersededChange(flag, inLanguage('en'), nameOf)).toContain('“yes”');
    expect(describeSupersededChange(flag, inLanguage('id'), nameOf)).toContain('“ya”');
  });

  it('says a change that cleared the field was superseded, and names a person this station does not know as someone', () => {
    const { loserValue: _cleared, ...conflict } = makeConflictRecord({
      loserActor: '00000000-0000-7000-8000-0000000000ff',
    });
    expect(describeSupersededChange(supersededChange(conflict), inLanguage('en'), nameOf)).toBe(
      'A change was superseded: Someone at JKT1 cleared the assignee, and a later change made at BDG2 was kept',
    );
  });
});
