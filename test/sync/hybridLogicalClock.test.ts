import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HybridLogicalClock,
  compareHlc,
  compareHlcStamps,
  decodeHlc,
  encodeHlc,
  hlcSchema,
  initialHlc,
  maxHlcCounter,
  maxHlcWallMs,
  receiveHlc,
  tickHlc,
} from '#shared/sync/hybridLogicalClock';
import type { HlcStamp } from '#shared/sync/hybridLogicalClock';

const may2026Ms = Date.UTC(2026, 4, 4, 2, 15);

const wallTimeArbitrary = fc.integer({ min: 0, max: maxHlcWallMs - 1_000_000 });
const nodeArbitrary = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);
const stampArbitrary = fc.record({
  wallMs: fc.integer({ min: 0, max: maxHlcWallMs }),
  counter: fc.integer({ min: 0, max: maxHlcCounter }),
  node: nodeArbitrary,
});

describe('hybrid logical clock', () => {
  it('takes the wall time when it is ahead of the last stamp', () => {
    const clock = new HybridLogicalClock('JKT1');
    expect(decodeHlc(clock.tick(may2026Ms))).toEqual({
      wallMs: may2026Ms,
      counter: 0,
      node: 'JKT1',
    });
  });

  it('counts up within the same millisecond', () => {
    const clock = new HybridLogicalClock('JKT1');
    clock.tick(may2026Ms);
    expect(decodeHlc(clock.tick(may2026Ms))?.counter).toBe(1);
  });

  it('keeps increasing when the wall clock jumps back an hour', () => {
    const clock = new HybridLogicalClock('JKT1');
    const before = clock.tick(may2026Ms);
    const after = clock.tick(may2026Ms - 3_600_000);
    expect(compareHlc(before, after)).toBe(-1);
    expect(decodeHlc(after)).toEqual({ wallMs: may2026Ms, counter: 1, node: 'JKT1' });
  });

  it('borrows a millisecond when the counter is full', () => {
    const full: HlcStamp = { wallMs: may2026Ms, counter: maxHlcCounter, node: 'JKT1' };
    expect(tickHlc(full, may2026Ms)).toEqual({ wallMs: may2026Ms + 1, counter: 0, node: 'JKT1' });
  });

  it('resumes after a restart from its persisted last stamp', () => {
    const first = new HybridLogicalClock('JKT1');
    const last = first.tick(may2026Ms);
    const restarted = new HybridLogicalClock('JKT1', last);
    expect(compareHlc(restarted.tick(may2026Ms - 10_000), last)).toBe(1);
  });

  it('encodes a stamp as wall time, counter and node id', () => {
    expect(encodeHlc({ wallMs: 0x0196a1b2c3d4, counter: 7, node: 'JKT1' })).toBe(
      '0196a1b2c3d4-0007-JKT1',
    );
  });

  it('refuses to decode a string that is not a stamp', () => {
    expect(decodeHlc('2026-05-04T02:15:00Z')).toBeUndefined();
  });

  it('validates encoded stamps with its schema', () => {
    expect(hlcSchema.safeParse('0196a1b2c3d4-0007-JKT1').success).toBe(true);
    expect(hlcSchema.safeParse('0196A1B2C3D4-0007-JKT1').success).toBe(false);
  });

  it('refuses a node id that would break the encoding', () => {
    expect(() => initialHlc('JKT-1')).toThrow(/letters or digits/);
  });

  it('refuses a wall time outside the encodable range', () => {
    expect(() => tickHlc(initialHlc('JKT1'), -1)).toThrow(RangeError);
  });

  it('makes a stamp later than a received one from a station whose clock is ahead', () => {
    const local = new HybridLogicalClock('JKT1');
    local.tick(may2026Ms);
    const remote = encodeHlc({ wallMs: may2026Ms + 60_000, counter: 3, node: 'SBY2' });
    const received = local.receive(remote, may2026Ms + 1);
    expect(received).toEqual({
      ok: true,
      value: encodeHlc({ wallMs: may2026Ms + 60_000, counter: 4, node: 'JKT1' }),
    });
  });

  it('refuses a remote stamp too far ahead of the local wall clock, leaving the clock as it was', () => {
    const local = new HybridLogicalClock('JKT1');
    const before = local.tick(may2026Ms);
    const remote = encodeHlc({ wallMs: may2026Ms + 86_400_000, counter: 0, node: 'SBY2' });
    const received = local.receive(remote, may2026Ms);
    expect(received.ok).toBe(false);
    if (!received.ok) expect(received.error.message).toContain('SBY2');
    expect(local.last).toBe(before);
  });

  it('makes strictly increasing stamps whatever the sequence of wall times', () => {
    fc.assert(
      fc.property(
        nodeArbitrary,
        fc.array(wallTimeArbitrary, { minLength: 1, maxLength: 200 }),
        (node, wallTimes) => {
          const clock = new HybridLogicalClock(node);
          let previous = clock.last;
          for (const nowMs of wallTimes) {
            const next = clock.tick(nowMs);
            if (compareHlc(previous, next) !== -1) return false;
            previous = next;
          }
          return true;
        },
      ),
    );
  });

  it('keeps increasing across ticks and receipts interleaved in any order', () => {
    const eventArbitrary = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), nowMs: wallTimeArbitrary }),
      fc.record({
        kind: fc.constant('receive' as const),
        nowMs: wallTimeArbitrary,
        remote: fc.record({
          wallMs: wallTimeArbitrary,
          counter: fc.integer({ min: 0, max: maxHlcCounter }),
          node: nodeArbitrary,
        }),
      }),
    );
    fc.assert(
      fc.property(fc.array(eventArbitrary, { minLength: 1, maxLength: 100 }), (events) => {
        let last = initialHlc('JKT1');
        for (const event of events) {
          let next: HlcStamp;
          if (event.kind === 'tick') {
            next = tickHlc(last, event.nowMs);
          } else {
            const received = receiveHlc(last, event.remote, event.nowMs, Number.POSITIVE_INFINITY);
            if (!received.ok) return false;
            next = received.value;
            if (compareHlcStamps(next, { ...event.remote, node: 'JKT1' }) !== 1) return false;
          }
          if (compareHlcStamps(last, next) !== -1) return false;
          last = next;
        }
        return true;
      }),
    );
  });

  it('sorts encoded stamps exactly as it orders the stamps', () => {
    fc.assert(
      fc.property(stampArbitrary, stampArbitrary, (a, b) => {
        return compareHlc(encodeHlc(a), encodeHlc(b)) === compareHlcStamps(a, b);
      }),
    );
  });

  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(stampArbitrary, (stamp) => {
        expect(decodeHlc(encodeHlc(stamp))).toEqual(stamp);
      }),
    );
  });
});
