import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import { encodeHlc } from '#shared/sync/hybridLogicalClock';
import type { MergeRow } from '#shared/sync/merge';
import { applyChange, mergeRows } from '#shared/sync/merge';
import type { RowChange } from '#shared/sync/protocol';

const rowId = '0196a1b2-c3d4-7000-8000-000000000001';
const alice = '0196a1b2-c3d4-7000-8000-00000000000a';
const bob = '0196a1b2-c3d4-7000-8000-00000000000b';
const stamp = (wallMs: number, node = 'JKT1', counter = 0): Hlc =>
  encodeHlc({ wallMs, counter, node });

const fields = ['status', 'notes', 'assigneeId', 'deletedAt'] as const;
const stampArbitrary = fc
  .record({
    wallMs: fc.integer({ min: 1, max: 20 }),
    counter: fc.integer({ min: 0, max: 2 }),
    node: fc.constantFrom('JKT1', 'BDG2', 'SBY3'),
  })
  .map(encodeHlc);
const rowArbitrary: fc.Arbitrary<MergeRow> = fc
  .array(
    fc.record({
      field: fc.constantFrom(...fields),
      stamp: stampArbitrary,
      value: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
    }),
    { maxLength: 6 },
  )
  .chain((writes) =>
    fc
      .record({ updatedBy: fc.constantFrom(alice, bob), station: fc.constantFrom('JKT1', 'BDG2') })
      .map(({ updatedBy, station }) => {
        const values: Record<string, unknown> = {};
        const stamps: Record<string, Hlc> = {};
        for (const write of writes) {
          // No change unsets `deletedAt` (validateRowChange refuses an undelete): a stamped
          // deletion always has its time. With undeletes the row's author was order-dependent.
          if (write.field === 'deletedAt' && write.value === undefined) continue;
          stamps[write.field] = write.stamp;
          values[write.field] = write.value;
        }
        const written = Object.entries(values).filter(([, value]) => value !== undefined);
        return { values: Object.fromEntries(written), stamps, updatedBy, station };
      }),
  );

describe('per-field last-writer-wins merge', () => {
  it('takes each field from the side with the higher stamp', () => {
    const left: MergeRow = {
      values: { status: 'received', notes: 'left' },
      stamps: { status: stamp(5), notes: stamp(9) },
      updatedBy: alice,
      station: 'JKT1',
    };
    const right: MergeRow = {
      values: { status: 'inspecting', notes: 'right' },
      stamps: { status: stamp(7, 'BDG2'), notes: stamp(3, 'BDG2') },
      updatedBy: bob,
      station: 'BDG2',
    };
    expect(mergeRows(left, right)).toEqual({
      values: { status: 'inspecting', notes: 'left' },
      stamps: { status: stamp(7, 'BDG2'), notes: stamp(9) },
      updatedBy: alice,
      station: 'JKT1',
    });
  });

  it('keeps a deletion against a later edit', () => {
    const deleted: MergeRow = {
      values: { deletedAt: '2026-12-04T07:00:00.000Z' },
      stamps: { deletedAt: stamp(2) },
      updatedBy: alice,
      station: 'JKT1',
    };
    const edited: MergeRow = {
      values: { notes: 'later' },
      stamps: { notes: stamp(8, 'BDG2') },
      updatedBy: bob,
      station: 'BDG2',
    };
    expect(mergeRows(edited, deleted).values).toEqual({
      notes: 'later',
      deletedAt: '2026-12-04T07:00:00.000Z',
    });
  });

  it('takes a set value over an unset made under the same stamp, whichever side it is on', () => {
    const set: MergeRow = {
      values: { notes: 'kept' },
      stamps: { notes: stamp(4) },
      updatedBy: alice,
      station: 'JKT1',
    };
    const unset: MergeRow = {
      values: {},
      stamps: { notes: stamp(4) },
      updatedBy: alice,
      station: 'JKT1',
    };
    expect(mergeRows(set, unset)).toEqual(set);
    expect(mergeRows(unset, set)).toEqual(set);
  });

  it('lets a later unset remove a value', () => {
    const set: MergeRow = {
      values: { notes: 'old' },
      stamps: { notes: stamp(4) },
      updatedBy: alice,
      station: 'JKT1',
    };
    const unset: MergeRow = {
      values: {},
      stamps: { notes: stamp(5, 'BDG2') },
      updatedBy: bob,
      station: 'BDG2',
    };
    expect(mergeRows(set, unset)).toEqual(unset);
    expect(mergeRows(unset, set)).toEqual(unset);
  });

  it('keeps the later of two deletions, and the deletion against an edit made after it', () => {
    const early: MergeRow = {
      values: { deletedAt: '2026-12-04T07:00:00.000Z' },
      stamps: { deletedAt: stamp(2) },
      updatedBy: alice,
      station: 'JKT1',
    };
    const late: MergeRow = {
      values: { deletedAt: '2026-12-04T08:00:00.000Z', status: 'closed' },
      stamps: { deletedAt: stamp(6, 'BDG2'), status: stamp(9, 'BDG2') },
      updatedBy: bob,
      station: 'BDG2',
    };
    expect(mergeRows(early, late)).toEqual(late);
    expect(mergeRows(late, early)).toEqual(late);
  });

  it('breaks a tie of equal stamps by value, the same way on both sides', () => {
    const left: MergeRow = {
      values: { status: 'inspected' },
      stamps: { status: stamp(3) },
      updatedBy: alice,
      station: 'JKT1',
    };
    const right: MergeRow = {
      values: { status: 'received' },
      stamps: { status: stamp(3) },
      updatedBy: bob,
      station: 'JKT1',
    };
    expect(mergeRows(left, right)).toEqual(mergeRows(right, left));
    expect(mergeRows(left, right).values).toEqual({ status: 'received' });
    // The row's author is the greater of the two who share its highest stamp.
    expect(mergeRows(left, right).updatedBy).toBe(bob);
  });

  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(rowArbitrary, rowArbitrary, rowArbitrary, (a, b, c) => {
        expect(mergeRows(a, b)).toEqual(mergeRows(b, a));
        expect(mergeRows(mergeRows(a, b), c)).toEqual(mergeRows(a, mergeRows(b, c)));
        expect(mergeRows(a, a)).toEqual(a);
      }),
    );
  });
});

describe('applying a change', () => {
  const current: MergeRow = {
    values: { status: 'received' },
    stamps: { status: stamp(5) },
    updatedBy: alice,
    station: 'JKT1',
  };
  const change = (base: Hlc | null, at: Hlc): RowChange => ({
    table: 'claims',
    id: rowId,
    set: { status: 'inspecting' },
    unset: [],
    stamp: at,
    base: { status: base },
  });

  it('finds no conflict when the writer saw the current stamp', () => {
    const result = applyChange(current, change(stamp(5), stamp(6, 'BDG2')), bob, 'BDG2');
    expect(result.conflicts).toEqual([]);
    expect(result.row.values).toEqual({ status: 'inspecting' });
  });

  it('keeps the losing value of a concurrent edit', () => {
    const result = applyChange(current, change(stamp(1), stamp(4, 'BDG2')), bob, 'BDG2');
    expect(result.row.values).toEqual({ status: 'received' });
    expect(result.conflicts).toEqual([
      {
        field: 'status',
        winnerStamp: stamp(5),
        loserStamp: stamp(4, 'BDG2'),
        loserValue: 'inspecting',
        loserActor: bob,
        loserStation: 'BDG2',
      },
    ]);
  });

  it('records the loss of an edit that saw the current stamp but was stamped before it', () => {
    // The writer's clock is behind the current stamp, which it would not follow (too far ahead).
    const result = applyChange(current, change(stamp(5), stamp(4, 'BDG2')), bob, 'BDG2');
    expect(result.row.values).toEqual({ status: 'received' });
    expect(result.conflicts).toMatchObject([
      { field: 'status', winnerStamp: stamp(5), loserStamp: stamp(4, 'BDG2') },
    ]);
  });

  it('finds a conflict when the writer saw no value but the field has one', () => {
    const result = applyChange(current, change(null, stamp(6, 'BDG2')), bob, 'BDG2');
    expect(result.row.values).toEqual({ status: 'inspecting' });
    expect(result.conflicts).toMatchObject([
      {
        field: 'status',
        winnerStamp: stamp(6, 'BDG2'),
        loserStamp: stamp(5),
        loserValue: 'received',
      },
    ]);
  });

  it('keeps a deleted row deleted when an edit made after the deletion arrives', () => {
    const deleted: MergeRow = {
      values: { status: 'received', deletedAt: '2026-12-04T07:00:00.000Z' },
      stamps: { status: stamp(5), deletedAt: stamp(6) },
      updatedBy: alice,
      station: 'JKT1',
    };
    const result = applyChange(deleted, change(stamp(5), stamp(8, 'BDG2')), bob, 'BDG2');
    expect(result.row.values).toEqual({
      status: 'inspecting',
      deletedAt: '2026-12-04T07:00:00.000Z',
    });
  });

  it('finds no conflict in the time of the last change, which every write stamps', () => {
    const edited: MergeRow = {
      values: { status: 'received', updatedAt: '2026-12-04T07:00:00.000Z' },
      stamps: { status: stamp(5), updatedAt: stamp(5) },
      updatedBy: alice,
      station: 'JKT1',
    };
    const concurrent: RowChange = {
      table: 'claims',
      id: rowId,
      set: { notes: 'from Bandung', updatedAt: '2026-12-04T07:01:00.000Z' },
      unset: [],
      stamp: stamp(6, 'BDG2'),
      base: { notes: null, updatedAt: stamp(1) },
    };
    const result = applyChange(edited, concurrent, bob, 'BDG2');
    expect(result.conflicts).toEqual([]);
    expect(result.row.values['updatedAt']).toBe('2026-12-04T07:01:00.000Z');
  });

  it('changes nothing when applied a second time', () => {
    const once = applyChange(current, change(stamp(5), stamp(6, 'BDG2')), bob, 'BDG2');
    const twice = applyChange(once.row, change(stamp(5), stamp(6, 'BDG2')), bob, 'BDG2');
    expect(twice).toEqual({ row: once.row, conflicts: [] });
  });
});
