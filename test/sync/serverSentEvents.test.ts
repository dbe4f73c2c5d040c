import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEventStreamParser, type ServerSentEvent } from '#shared/sync/serverSentEvents';
import { reconnectDelayMs } from '#shared/sync/syncHttp';

function parseAll(pieces: readonly string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const parser = createEventStreamParser((event) => events.push(event));
  for (const piece of pieces) parser.feed(piece);
  return events;
}

const stream =
  ': heartbeat\r\n\r\nevent: poke\r\ndata: {"version":3}\r\n\r\n' +
  'data: first line\ndata:second line\nid: 7\nretry: 1000\n\n' +
  'event: poke\rdata: {"version":4}\r\r' +
  'event: poke\ndata: {"version":5}\n';

const expected: ServerSentEvent[] = [
  { event: 'poke', data: '{"version":3}' },
  { event: 'message', data: 'first line\nsecond line' },
  { event: 'poke', data: '{"version":4}' },
];

describe('createEventStreamParser', () => {
  it('reads events ended by CRLF, LF or CR, skips comments, and keeps an unfinished event', () => {
    expect(parseAll([stream])).toEqual(expected);
  });

  it('reads the same events however the stream is cut into pieces', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 })), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), stream.length];
        const pieces = points.slice(1).map((end, index) => stream.slice(points[index], end));
        expect(parseAll(pieces)).toEqual(expected);
      }),
    );
  });
});

describe('reconnectDelayMs', () => {
  const timing = { retryBaseMs: 1_000, retryMaxMs: 60_000, idleMs: 60_000 };

  it('doubles with each failure up to the ceiling, with jitter between half and all of it', () => {
    expect(reconnectDelayMs(1, timing, () => 1)).toBe(1_000);
    expect(reconnectDelayMs(3, timing, () => 1)).toBe(4_000);
    expect(reconnectDelayMs(3, timing, () => 0)).toBe(2_000);
    expect(reconnectDelayMs(20, timing, () => 1)).toBe(60_000);
  });
});
