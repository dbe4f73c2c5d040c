import { z } from 'zod';
import type { Result } from '../domain/result';
import { fail, ok } from '../domain/result';

/**
 * A hybrid logical clock (Kulkarni et al., 2014): wall-clock milliseconds plus a counter plus the
 * id of the node (station) that made the stamp. Stamps made by one node strictly increase even
 * when its wall clock jumps back, a stamp made after receiving another is greater than it, and
 * stamps of different nodes never tie, so per-field last-writer-wins has a total order to use.
 *
 * Pure: the caller passes the current time in, so the clock is testable and runs anywhere.
 */
export type HlcStamp = {
  /** Milliseconds since the Unix epoch, never less than the wall time of any stamp seen before. */
  readonly wallMs: number;
  /** Orders stamps made within the same millisecond; 0 to {@link maxHlcCounter}. */
  readonly counter: number;
  /** The node that made the stamp (the station code); breaks ties between nodes. */
  readonly node: string;
};

/**
 * A stamp encoded as a string that sorts like the stamps it encodes:
 * 12 hex digits of wall time, `-`, 4 hex digits of counter, `-`, the node id
 * (`0196a1b2c3d4-0000-JKT1`). Plain string comparison is {@link compareHlc}.
 */
export type Hlc = string & { readonly __brand: 'Hlc' };

/** The largest wall time a stamp can carry: 2^48 − 1 ms, in the year 10889 (12 hex digits). */
export const maxHlcWallMs = 0xffff_ffff_ffff;

/** The largest counter (4 hex digits). Past it the clock borrows one millisecond from the future. */
export const maxHlcCounter = 0xffff;

/** A node id: 1 to 32 letters or digits (no `-`, which separates the parts of an encoded stamp). */
export const hlcNodePattern = /^[A-Za-z0-9]{1,32}$/;

const encodedPattern = /^([0-9a-f]{12})-([0-9a-f]{4})-([A-Za-z0-9]{1,32})$/;

/** An encoded stamp, as stored and sent. */
export const hlcSchema = z
  .string()
  .regex(encodedPattern, {
    error: 'expected a clock stamp such as "0196a1b2c3d4-0000-JKT1"',
  })
  .transform((value) => value as Hlc);

/**
 * How far ahead of the local wall clock a remote stamp may be before {@link receiveHlc} refuses it.
 * Accepting a stamp from a station whose clock is a year ahead would drag every later local stamp
 * a year into the future, where it would win every conflict; five minutes covers honest drift.
 */
export const defaultMaxClockDriftMs = 5 * 60_000;

/** Why a remote stamp was refused: its wall time is too far ahead of ours. */
export type ClockDriftError = {
  readonly code: 'clock-drift';
  readonly message: string;
  /** How far ahead of the local wall clock the remote stamp is, in milliseconds. */
  readonly driftMs: number;
};

function checkNode(node: string): void {
  if (!hlcNodePattern.test(node)) {
    throw new RangeError(`a clock node id must be 1 to 32 letters or digits, got "${node}"`);
  }
}

function checkWallMs(wallMs: number, what: string): void {
  if (!Number.isSafeInteger(wallMs) || wallMs < 0 || wallMs > maxHlcWallMs) {
    throw new RangeError(
      `${what} must be whole milliseconds from 0 to ${maxHlcWallMs}, got ${wallMs}`,
    );
  }
}

/**
 * The stamp before any other of `node`: use it as the state of a clock that has made no stamp yet.
 * @throws RangeError when the node id is malformed.
 */
export function initialHlc(node: string): HlcStamp {
  checkNode(node);
  return { wallMs: 0, counter: 0, node };
}

/** Moves a stamp on by one step, borrowing a millisecond when the counter is full. */
function advance(wallMs: number, counter: number, node: string): HlcStamp {
  if (counter <= maxHlcCounter) return { wallMs, counter, node };
  checkWallMs(wallMs + 1, 'the clock');
  return { wallMs: wallMs + 1, counter: 0, node };
}

/**
 * The next stamp of the node whose last stamp is `last`, at wall time `nowMs`: later than `last`
 * whatever `nowMs` is (a wall clock that jumped back only stops the wall part from moving).
 * @throws RangeError when `nowMs` is not whole milliseconds within the encodable range.
 */
export function tickHlc(last: HlcStamp, nowMs: number): HlcStamp {
  checkWallMs(nowMs, 'the current time');
  if (nowMs > last.wallMs) return { wallMs: nowMs, counter: 0, node: last.node };
  return advance(last.wallMs, last.counter + 1, last.node);
}

/**
 * The stamp of the node whose last stamp is `last` on receiving `remote` at wall time `nowMs`:
 * later than both. Refuses (as a result) a remote stamp more than `maxDriftMs` ahead of `nowMs`;
 * the caller may still apply the change, but must not let it move the local clock.
 * @throws RangeError when `nowMs` is not whole milliseconds within the encodable range.
 */
export function receiveHlc(
  last: HlcStamp,
  remote: HlcStamp,
  nowMs: number,
  maxDriftMs: number = defaultMaxClockDriftMs,
): Result<HlcStamp, ClockDriftError> {
  checkWallMs(nowMs, 'the current time');
  const driftMs = remote.wallMs - nowMs;
  if (driftMs > maxDriftMs) {
    return fail({
      code: 'clock-drift',
      driftMs,
      message: `A stamp from station ${remote.node} is ${Math.round(driftMs / 1000)} s ahead of this station's clock (at most ${Math.round(maxDriftMs / 1000)} s is accepted): check the date and time of both stations.`,
    });
  }
  const wallMs = Math.max(last.wallMs, remote.wallMs, nowMs);
  const fromLast = wallMs === last.wallMs ? last.counter + 1 : 0;
  const fromRemote = wallMs === remote.wallMs ? remote.counter + 1 : 0;
  return ok(advance(wallMs, Math.max(fromLast, fromRemote), last.node));
}

/**
 * Encodes a stamp as its sortable string.
 * @throws RangeError when a part is out of range (a programming error: stamps come from this module).
 */
export function encodeHlc(stamp: HlcStamp): Hlc {
  checkWallMs(stamp.wallMs, 'a stamp wall time');
  checkNode(stamp.node);
  if (!Number.isInteger(stamp.counter) || stamp.counter < 0 || stamp.counter > maxHlcCounter) {
    throw new RangeError(`a stamp counter must be 0 to ${maxHlcCounter}, got ${stamp.counter}`);
  }
  const wall = stamp.wallMs.toString(16).padStart(12, '0');
  const counter = stamp.counter.toString(16).padStart(4, '0');
  // The brand is the point of this function: only a well-formed encoding gets it.
  return `${wall}-${counter}-${stamp.node}` as Hlc;
}

/** Decodes a stamp; undefined when `value` is not an encoded stamp. */
export function decodeHlc(value: string): HlcStamp | undefined {
  const match = encodedPattern.exec(value);
  const wall = match?.[1];
  const counter = match?.[2];
  const node = match?.[3];
  if (wall === undefined || counter === undefined || node === undefined) return undefined;
  return { wallMs: Number.parseInt(wall, 16), counter: Number.parseInt(counter, 16), node };
}

/** Orders two encoded stamps: negative when `a` is earlier, positive when later, 0 when equal. */
export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Orders two decoded stamps by wall time, then counter, then node id (as {@link compareHlc}). */
export function compareHlcStamps(a: HlcStamp, b: HlcStamp): -1 | 0 | 1 {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.node === b.node) return 0;
  return a.node < b.node ? -1 : 1;
}

/**
 * The clock of one node, holding its last stamp. Persist {@link HybridLogicalClock.last} and pass
 * it back in after a restart, or stamps could repeat when the wall clock was set back meanwhile.
 */
export class HybridLogicalClock {
  #last: HlcStamp;

  /**
   * @param node this node's id (the station code).
   * @param last the last stamp this node made, if it made one before (its node id is replaced).
   */
  constructor(node: string, last?: Hlc) {
    const initial = initialHlc(node);
    const decoded = last === undefined ? undefined : decodeHlc(last);
    this.#last = decoded === undefined ? initial : { ...decoded, node };
  }

  /** The last stamp made or received, encoded. */
  get last(): Hlc {
    return encodeHlc(this.#last);
  }

  /** A new stamp for a local change at wall time `nowMs` (see {@link tickHlc}). */
  tick(nowMs: number): Hlc {
    this.#last = tickHlc(this.#last, nowMs);
    return encodeHlc(this.#last);
  }

  /**
   * Takes in a stamp from another node at wall time `nowMs` (see {@link receiveHlc}).
   * @throws RangeError when `remote` is not an encoded stamp (parse it with {@link hlcSchema}).
   */
  receive(
    remote: Hlc,
    nowMs: number,
    maxDriftMs: number = defaultMaxClockDriftMs,
  ): Result<Hlc, ClockDriftError> {
    const decoded = decodeHlc(remote);
    if (decoded === undefined) throw new RangeError(`not a clock stamp: "${remote}"`);
    const received = receiveHlc(this.#last, decoded, nowMs, maxDriftMs);
    if (!received.ok) return received;
    this.#last = received.value;
    return ok(encodeHlc(received.value));
  }
}
