import { describe, expect, it } from 'vitest';
import { money } from '#shared/domain/primitives';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import { encodeHlc } from '#shared/sync/hybridLogicalClock';
import type { RowChange, SyncTable } from '#shared/sync/protocol';
import { syncTableNames } from '#shared/sync/protocol';
import { addsFieldsOnce, validateRowChange, validateSyncRow } from '#shared/sync/rowSchemas';
import {
  makeAuditEvent,
  makeClaim,
  makeCustomer,
  makeDevice,
  makeEvidence,
  makeInspection,
  makeMisuseFinding,
  makeNote,
  makeQuote,
  makeQuoteLine,
  makeShipmentLeg,
  nextId,
  technicianId,
} from '../factories/domain';

const stamp = (wallMs: number, node = 'JKT1'): Hlc => encodeHlc({ wallMs, counter: 0, node });

/** A valid row of every synced table. */
const validRows: { readonly [Table in SyncTable]: () => Record<string, unknown> } = {
  customers: () => makeCustomer(),
  devices: () => makeDevice(),
  claims: () => makeClaim(),
  evidence: () => makeEvidence(),
  inspections: () => makeInspection(),
  misuseFindings: () => makeMisuseFinding(),
  quotes: () => makeQuote(),
  quoteLines: () => makeQuoteLine(),
  shipmentLegs: () => makeShipmentLeg(),
  notes: () => makeNote(),
  auditEvents: () => makeAuditEvent(),
  partsCatalog: () => ({
    id: nextId(),
    sku: 'LCD-T3',
    name: 'Display assembly',
    unitPrice: money(4_500, 'USD'),
    compatibleModels: ['KOSPET Tank T3'],
  }),
  people: () => ({
    id: nextId(),
    name: 'Budi Santoso',
    roles: ['technician'],
    pinHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo',
  }),
  centerSettings: () => ({
    id: nextId(),
    center: { name: 'Fixline Jakarta' },
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    workingDays: [1, 2, 3, 4, 5],
    holidays: ['2026-12-25'],
    policyAssignments: [
      { brand: 'KOSPET', channels: ['official-store'], packId: 'kospet-official-store' },
    ],
  }),
  conflicts: () => ({
    id: nextId(),
    table: 'claims',
    rowId: nextId(),
    field: 'remedy',
    winnerStamp: stamp(5),
    loserStamp: stamp(4, 'BDG2'),
    loserValue: 'warranty-repair',
    loserStation: 'BDG2',
    detectedAt: '2026-05-04T02:30:00.000Z',
  }),
};

/** A record as the fields a change sets: plain JSON, as it travels. */
function asJsonFields(record: object): RowChange['set'] {
  const parsed: unknown = JSON.parse(JSON.stringify(record));
  return parsed as RowChange['set'];
}

const change = (overrides: Partial<RowChange> & Pick<RowChange, 'table' | 'id'>): RowChange => ({
  set: {},
  unset: [],
  stamp: stamp(10),
  base: {},
  ...overrides,
});

describe('a synced row', () => {
  it.each(syncTableNames)('of %s accepts a valid row and its tombstone', (table) => {
    const row = validRows[table]();
    expect(validateSyncRow(table, row)).toEqual({ ok: true, value: row });
    const tombstone = { ...row, deletedAt: '2026-05-05T01:00:00.000Z' };
    expect(validateSyncRow(table, tombstone).ok).toBe(true);
  });

  it('refuses a station-local field, such as a customer search key', () => {
    const row = { ...makeCustomer(), nameWords: ['siti', 'rahmawati'] };
    expect(validateSyncRow('customers', row)).toEqual({
      ok: false,
      error: {
        code: 'unknown-field',
        field: 'nameWords',
        message: 'nameWords: a row of customers has no such field.',
      },
    });
  });

  it('names the nested field a row breaks the schema at', () => {
    const claim = makeClaim();
    const row = { ...claim, purchase: { ...claim.purchase, invoiceDate: '2026-13-01' } };
    expect(validateSyncRow('claims', row)).toMatchObject({
      ok: false,
      error: { code: 'invalid-row', field: 'purchase.invoiceDate' },
    });
  });

  it('refuses a deletion time that is not a date and time', () => {
    expect(validateSyncRow('notes', { ...makeNote(), deletedAt: 'yesterday' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-row', field: 'deletedAt' },
    });
  });

  it('refuses center settings with an unknown time zone', () => {
    const row = { ...validRows.centerSettings(), timeZone: 'Asia/Atlantis' };
    expect(validateSyncRow('centerSettings', row)).toMatchObject({
      ok: false,
      error: { code: 'invalid-row', field: 'timeZone' },
    });
  });

  it('refuses a person whose SHA-256 PIN hash has no salt', () => {
    const row = { ...validRows.people(), pinHash: 'a'.repeat(64) };
    expect(validateSyncRow('people', row)).toMatchObject({
      ok: false,
      error: { code: 'invalid-row', field: 'pinSalt' },
    });
  });
});

describe('a row change', () => {
  it('is judged on the row it leaves: a partial update merges, then validates', () => {
    const quote = makeQuote();
    const send = change({ table: 'quotes', id: quote.id, set: { status: 'sent' } });
    expect(validateRowChange('quotes', quote, send)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-row',
        table: 'quotes',
        id: quote.id,
        field: 'sentAt',
      },
    });
    const sendWithTime = change({
      table: 'quotes',
      id: quote.id,
      set: { status: 'sent', sentAt: '2026-05-05T01:00:00.000Z' },
    });
    expect(validateRowChange('quotes', quote, sendWithTime)).toEqual({
      ok: true,
      value: { ...quote, status: 'sent', sentAt: '2026-05-05T01:00:00.000Z' },
    });
  });

  it('refuses a new row that misses a required field', () => {
    const { body: _body, ...note } = makeNote();
    const create = change({ table: 'notes', id: note.id, set: note });
    expect(validateRowChange('notes', undefined, create)).toMatchObject({
      ok: false,
      error: { code: 'invalid-row', field: 'body' },
    });
  });

  it('refuses unsetting a required field', () => {
    const device = makeDevice();
    const unset = change({ table: 'devices', id: device.id, unset: ['model'] });
    expect(validateRowChange('devices', device, unset)).toMatchObject({
      ok: false,
      error: { code: 'invalid-row', field: 'model' },
    });
  });

  it('refuses a field the table does not have, even one it unsets', () => {
    const claim = makeClaim();
    const unset = change({ table: 'claims', id: claim.id, unset: ['nextDeadlineAt'] });
    expect(validateRowChange('claims', claim, unset)).toMatchObject({
      ok: false,
      error: { code: 'unknown-field', field: 'nextDeadlineAt' },
    });
  });

  it('refuses a change whose row id is not its own', () => {
    const note = makeNote();
    const create = change({ table: 'notes', id: nextId(), set: note });
    expect(validateRowChange('notes', undefined, create)).toMatchObject({
      ok: false,
      error: { code: 'invalid-row', field: 'id' },
    });
  });

  it('refuses changing a row of an insert-only table, and takes the same values again', () => {
    const event = makeAuditEvent();
    const edit = change({ table: 'auditEvents', id: event.id, set: { actor: nextId() } });
    expect(validateRowChange('auditEvents', event, edit)).toMatchObject({
      ok: false,
      error: { code: 'insert-only', field: 'actor' },
    });
    const resent = change({ table: 'auditEvents', id: event.id, set: asJsonFields(event) });
    expect(validateRowChange('auditEvents', event, resent)).toEqual({ ok: true, value: event });
  });

  it('refuses a person’s audit event that holds a PIN’s hash, and takes it hidden', () => {
    const event = makeAuditEvent({
      entity: 'people',
      action: 'update',
      changes: { pinHash: { from: null, to: 'sha256:hash' }, name: { from: null, to: 'Dewi' } },
    });
    const pushed = change({ table: 'auditEvents', id: event.id, set: asJsonFields(event) });
    expect(validateRowChange('auditEvents', undefined, pushed)).toMatchObject({
      ok: false,
      error: { code: 'invalid-row', field: 'changes', message: expect.stringContaining('PIN') },
    });
    const hidden = {
      ...event,
      changes: { ...event.changes, pinHash: { from: null, to: '[secret]' } },
    };
    const fixed = change({ table: 'auditEvents', id: event.id, set: asJsonFields(hidden) });
    expect(validateRowChange('auditEvents', undefined, fixed)).toMatchObject({ ok: true });
    // Another table's field of that name is not a PIN.
    const customer = { ...event, entity: 'customers' };
    const other = change({ table: 'auditEvents', id: event.id, set: asJsonFields(customer) });
    expect(validateRowChange('auditEvents', undefined, other)).toMatchObject({ ok: true });
  });

  it('refuses deleting evidence, which is insert-only', () => {
    const evidence = makeEvidence();
    const remove = change({
      table: 'evidence',
      id: evidence.id,
      set: { deletedAt: '2026-05-05T01:00:00.000Z' },
    });
    expect(validateRowChange('evidence', evidence, remove)).toMatchObject({
      ok: false,
      error: { code: 'insert-only', field: 'deletedAt' },
    });
  });

  it('lets evidence gain its thumbnail once, and refuses changing it after or anything else', () => {
    const evidence = makeEvidence();
    const thumbnail = { thumbnailSha256: 'b'.repeat(64), thumbnailSizeBytes: 2_000 };
    const named = change({ table: 'evidence', id: evidence.id, set: thumbnail });
    expect(validateRowChange('evidence', evidence, named)).toEqual({
      ok: true,
      value: { ...evidence, ...thumbnail },
    });
    expect(addsFieldsOnce('evidence', evidence, named)).toBe(true);

    const withThumbnail = { ...evidence, ...thumbnail };
    const renamed = change({
      table: 'evidence',
      id: evidence.id,
      set: { thumbnailSha256: 'c'.repeat(64), thumbnailSizeBytes: 2_000 },
    });
    expect(validateRowChange('evidence', withThumbnail, renamed)).toMatchObject({
      ok: false,
      error: { code: 'insert-only', field: 'thumbnailSha256' },
    });
    // The same thumbnail again is the same row sent again: nothing to add.
    expect(validateRowChange('evidence', withThumbnail, named)).toMatchObject({ ok: true });
    expect(addsFieldsOnce('evidence', withThumbnail, named)).toBe(false);

    const alongside = change({
      table: 'evidence',
      id: evidence.id,
      set: { ...thumbnail, fileName: 'back.jpg' },
    });
    expect(validateRowChange('evidence', evidence, alongside)).toMatchObject({
      ok: false,
      error: { code: 'insert-only', field: 'fileName' },
    });
    // Only evidence's thumbnail fields: an audit event gains nothing.
    const event = makeAuditEvent();
    const reason = change({ table: 'auditEvents', id: event.id, set: { reason: 'late' } });
    expect(validateRowChange('auditEvents', event, reason)).toMatchObject({
      ok: false,
      error: { code: 'insert-only', field: 'reason' },
    });
  });

  it('merges by the current stamps when given them: a field the change loses stays', () => {
    const quote = makeQuote({ status: 'sent', sentAt: '2026-05-05T01:00:00.000Z' });
    const stamps = Object.fromEntries(Object.keys(quote).map((field) => [field, stamp(20)]));
    // An older edit of a draft's status would leave a sent quote without `sentAt`...
    const older = change({ table: 'quotes', id: quote.id, unset: ['sentAt'], stamp: stamp(5) });
    expect(validateRowChange('quotes', quote, older).ok).toBe(false);
    // ...but by the stamps it loses, and the row stays as it is.
    expect(validateRowChange('quotes', quote, older, stamps)).toEqual({ ok: true, value: quote });
  });

  it('refuses a change addressed to another table', () => {
    const note = makeNote({ author: technicianId });
    const create = change({ table: 'quotes', id: note.id, set: note });
    expect(validateRowChange('notes', undefined, create)).toMatchObject({
      ok: false,
      error: { code: 'invalid-row', table: 'notes' },
    });
  });
});

describe('a deleted row', () => {
  it('is never undeleted: a change that unsets deletedAt is refused', () => {
    const note = { ...makeNote(), deletedAt: '2026-05-05T01:00:00.000Z' };
    const undelete = change({ table: 'notes', id: note.id, unset: ['deletedAt'] });
    expect(validateRowChange('notes', note, undelete)).toMatchObject({
      ok: false,
      error: { code: 'invalid-row', field: 'deletedAt' },
    });
  });
});
