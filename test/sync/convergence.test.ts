import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hlc, HlcStamp } from '#shared/sync/hybridLogicalClock';
import {
  compareHlcStamps,
  defaultMaxClockDriftMs,
  encodeHlc,
  initialHlc,
  maxHlcCounter,
  receiveHlc,
  tickHlc,
} from '#shared/sync/hybridLogicalClock';
import type { MergeRow } from '#shared/sync/merge';
import { applyChange, mergeRows } from '#shared/sync/merge';
import type { RowChange } from '#shared/sync/protocol';

const rowId = '0196a1b2-c3d4-7000-8000-000000000001';
const people = [
  '0196a1b2-c3d4-7000-8000-00000000000a',
  '0196a1b2-c3d4-7000-8000-00000000000b',
  '0196a1b2-c3d4-7000-8000-00000000000c',
] as const;
const stations = ['JKT1', 'BDG2', 'SBY3'] as const;
const fields = ['status', 'remedy', 'assigneeId', 'deletedAt'] as const;

/** A change as a station sends it, with who made it where. */
type SentChange = { readonly change: RowChange; readonly actor: string; readonly station: string };

// Few wall times, counters and values, so that equal stamps and equal values come up often.
const sentChangeArbitrary: fc.Arbitrary<SentChange> = fc
  .record({
    wallMs: fc.integer({ min: 1, max: 12 }),
    counter: fc.integer({ min: 0, max: 2 }),
    at: fc.integer({ min: 0, max: stations.length - 1 }),
    by: fc.integer({ min: 0, max: people.length - 1 }),
    writes: fc.uniqueArray(
      fc.record({
        field: fc.constantFrom(...fields),
        value: fc.option(fc.constantFrom('a', 'b', '2026-05-04T02:15:00.000Z'), { nil: undefined }),
      }),
      { minLength: 1, maxLength: fields.length, selector: (write) => write.field },
    ),
  })
  .map(({ wallMs, counter, at, by, writes }) => {
    const station = stations[at] ?? 'JKT1';
    const stamp = encodeHlc({ wallMs, counter, node: station });
    const set = Object.fromEntries(
      writes.flatMap((write) => (write.value === undefined ? [] : [[write.field, write.value]])),
    );
    // A valid change never unsets `deletedAt` (validateRowChange refuses an undelete).
    const unset = writes
      .filter((write) => write.value === undefined && write.field !== 'deletedAt')
      .map((write) => write.field);
    const base = Object.fromEntries([...Object.keys(set), ...unset].map((field) => [field, null]));
    return {
      change: { table: 'claims', id: rowId, set, unset, stamp, base },
      actor: people[by] ?? people[0],
      station,
    };
  });

/** The row `changes` leave, applied one after another from no row. */
function applyAll(changes: readonly SentChange[]): MergeRow | undefined {
  let row: MergeRow | undefined;
  for (const { change, actor, station } of changes) {
    row = applyChange(row, change, actor, station).row;
  }
  return row;
}

/** A permutation of `items`, with some of them delivered again (at-least-once delivery). */
const reorderedWithRepeats = <Item>(items: readonly Item[]): fc.Arbitrary<Item[]> =>
  fc
    .tuple(
      fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length }),
      fc.subarray([...items]),
    )
    .chain(([permutation, repeats]) =>
      fc.shuffledSubarray([...permutation, ...repeats], {
        minLength: permutation.length + repeats.length,
        maxLength: permutation.length + repeats.length,
      }),
    );

describe('applying row changes', () => {
  it('gives the same row whatever order the changes come in, and however often', () => {
    fc.assert(
      fc.property(
        fc
          .array(sentChangeArbitrary, { minLength: 1, maxLength: 8 })
          .chain((changes) => fc.tuple(fc.constant(changes), reorderedWithRepeats(changes))),
        ([changes, reordered]) => {
          expect(applyAll(reordered)).toEqual(applyAll(changes));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('converges over many replicas, each seeing some changes, merged in any order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((replicaCount) =>
          fc.tuple(
            fc.array(fc.tuple(sentChangeArbitrary, fc.integer({ min: 0, max: replicaCount - 1 })), {
              minLength: 1,
              maxLength: 12,
            }),
            fc.shuffledSubarray(
              Array.from({ length: replicaCount }, (_, index) => index),
              { minLength: replicaCount, maxLength: replicaCount },
            ),
          ),
        ),
        ([placed, mergeOrder]) => {
          const replicas = mergeOrder.map((replica) =>
            applyAll(placed.filter(([, at]) => at === replica).map(([change]) => change)),
          );
          const seen = replicas.filter((row) => row !== undefined);
          const merged = seen.reduce((left, right) => mergeRows(left, right));
          const mergedBackwards = seen.reduceRight((left, right) => mergeRows(left, right));
          const everything = applyAll(placed.map(([change]) => change));
          expect(merged).toEqual(everything);
          expect(mergedBackwards).toEqual(everything);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the clock among skewed clocks', () => {
  const may2026Ms = Date.UTC(2026, 4, 4, 2, 15);
  const dayMs = 24 * 3_600_000;
  const event = fc.oneof(
    fc.record({
      kind: fc.constant('tick' as const),
      // The wall clock mostly moves on, and sometimes is set back.
      advanceMs: fc.integer({ min: -60_000, max: 5_000 }),
    }),
    fc.record({
      kind: fc.constant('receive' as const),
      advanceMs: fc.integer({ min: -60_000, max: 5_000 }),
      // Another station's clock, off by up to a week either way, or near the drift limit.
      skewMs: fc.oneof(
        fc.integer({ min: -7 * dayMs, max: 7 * dayMs }),
        fc.integer({ min: -2 * defaultMaxClockDriftMs, max: 2 * defaultMaxClockDriftMs }),
      ),
      counter: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(maxHlcCounter)),
      node: fc.constantFrom('BDG2', 'SBY3'),
    }),
  );

  it('never goes back, and never runs ahead of the wall clock by more than the drift allowed', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 60 }), (events) => {
        let clock: HlcStamp = initialHlc('JKT1');
        let nowMs = may2026Ms;
        let latestWallMs = nowMs;
        events.forEach((happening, index) => {
          nowMs += happening.advanceMs;
          latestWallMs = Math.max(latestWallMs, nowMs);
          const before = clock;
          if (happening.kind === 'tick') {
            clock = tickHlc(clock, nowMs);
          } else {
            const remote: HlcStamp = {
              wallMs: nowMs + happening.skewMs,
              counter: happening.counter,
              node: happening.node,
            };
            const received = receiveHlc(clock, remote, nowMs);
            const tooFarAhead = happening.skewMs > defaultMaxClockDriftMs;
            expect(received.ok).toBe(!tooFarAhead);
            if (received.ok) {
              clock = received.value;
              expect(compareHlcStamps(clock, remote)).toBe(1);
            }
          }
          if (clock !== before) expect(compareHlcStamps(before, clock)).toBe(-1);
          // A full counter borrows a millisecond, at most one per event.
          expect(clock.wallMs).toBeLessThanOrEqual(
            latestWallMs + defaultMaxClockDriftMs + index + 1,
          );
        });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps its encoded stamps in the order it made them', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 2, maxLength: 40 }), (events) => {
        let clock: HlcStamp = initialHlc('JKT1');
        let nowMs = may2026Ms;
        const made: Hlc[] = [];
        for (const happening of events) {
          nowMs += happening.advanceMs;
          if (happening.kind === 'tick') clock = tickHlc(clock, nowMs);
          else {
            const remote = { wallMs: nowMs + happening.skewMs, counter: 0, node: happening.node };
            const received = receiveHlc(clock, remote, nowMs);
            if (received.ok) clock = received.value;
          }
          made.push(encodeHlc(clock));
        }
        expect([...made].sort()).toEqual(made);
      }),
    );
  });
});
