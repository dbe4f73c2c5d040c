import { describe, expect, it } from 'vitest';
import { checkBackupRow } from '../../renderer/src/db/backup/rowSchemas';

/** Rows of the station's own tables as a backup holds them, judged before a restore writes any. */

const personId = '0196a1b2-c3d4-7000-8000-0000000000a1';
const claimId = '0196a1b2-c3d4-7000-8000-0000000000c1';

const outboxEntry = {
  sequence: 1,
  mutationId: '0196a1b2-c3d4-7000-8000-0000000000e1',
  station: 'JKT1',
  actor: personId,
  at: '0196a1b2c3d4-0000-JKT1',
  intent: { kind: 'transition', claimId, from: 'received', to: 'inspected' },
  rows: [
    {
      table: 'claims',
      id: claimId,
      set: { status: 'inspected' },
      unset: [],
      stamp: '0196a1b2c3d4-0000-JKT1',
      base: { status: '0196a1b2c3d0-0000-JKT1' },
    },
  ],
};

describe('rows of a backup', () => {
  it('takes the wrong-PIN counts of a station where someone mistyped a PIN', () => {
    const row = {
      key: 'pin-attempts',
      byPerson: { [personId]: { count: 2, lastAt: '2026-12-04T08:00:00.000Z' } },
    };
    expect(checkBackupRow('settings', row)).toEqual({ ok: true, row });
  });

  it('takes how far collecting unreferenced files got, and refuses a digest that is not one', () => {
    const row = {
      key: 'attachment-collection',
      judgedThrough: ['2026-12-04T08:00:00.000Z', 'a'.repeat(64)],
      recheck: ['b'.repeat(64)],
    };
    expect(checkBackupRow('settings', row)).toEqual({ ok: true, row });
    expect(checkBackupRow('settings', { ...row, recheck: ['photo.jpg'] }).ok).toBe(false);
  });

  it('takes an outbox entry with its base stamps and transition intent, keeping them', () => {
    expect(checkBackupRow('outbox', outboxEntry)).toEqual({ ok: true, row: outboxEntry });
  });

  it('takes the tombstone the server made of a refused audit event, which holds no event', () => {
    const stamp = '0196a1b2c3d4-0000-SERVER';
    const row = {
      id: '0196a1b2-c3d4-7000-8000-0000000000d1',
      deletedAt: '2026-12-04T08:00:00.000Z',
      stamps: { id: stamp, deletedAt: stamp, entity: stamp, action: stamp },
      updatedBy: personId,
      station: 'SERVER',
    };
    expect(checkBackupRow('auditEvents', row)).toEqual({ ok: true, row });
  });

  it('refuses an audit event that is neither whole nor a tombstone, naming the field', () => {
    const row = {
      id: '0196a1b2-c3d4-7000-8000-0000000000d1',
      stamps: {},
      updatedBy: personId,
      station: 'JKT1',
    };
    expect(checkBackupRow('auditEvents', row)).toMatchObject({
      ok: false,
      problem: { field: 'entity' },
    });
  });

  it('refuses an outbox entry whose base stamp is not a clock stamp, naming the field', () => {
    const [change] = outboxEntry.rows;
    const broken = { ...outboxEntry, rows: [{ ...change, base: { status: 'yesterday' } }] };
    expect(checkBackupRow('outbox', broken)).toMatchObject({
      ok: false,
      problem: { field: 'rows.0.base.status' },
    });
  });
});
