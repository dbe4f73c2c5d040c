/**
 * A reader of `text/event-stream` (the WHATWG server-sent events format) fed piece by piece as
 * the body arrives. The station reads the server's poke stream with `fetch`, not `EventSource`,
 * because `EventSource` cannot send the device token's header.
 */

/** One event: its type (`message` unless the server named one) and its data lines joined. */
export type ServerSentEvent = { readonly event: string; readonly data: string };

/**
 * Answers a parser that calls `onEvent` for each complete event in the text it is fed. Lines end
 * with CRLF, LF or CR, and may be split anywhere between two pieces; comments (`:` lines, the
 * server's heartbeats), `id` and `retry` are read and ignored.
 */
export function createEventStreamParser(onEvent: (event: ServerSentEvent) => void): {
  readonly feed: (text: string) => void;
} {
  let pending = '';
  /** The last piece ended with CR: an LF at the start of the next one belongs to it. */
  let afterCarriageReturn = false;
  let eventType = '';
  let dataLines: string[] = [];

  function dispatch(): void {
    if (dataLines.length > 0)
      onEvent({ event: eventType || 'message', data: dataLines.join('\n') });
    eventType = '';
    dataLines = [];
  }

  function readLine(line: string): void {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventType = value;
    else if (field === 'data') dataLines.push(value);
  }

  return {
    feed(text) {
      let rest = text;
      if (afterCarriageReturn && rest.startsWith('\n')) rest = rest.slice(1);
      afterCarriageReturn = false;
      pending += rest;
      let start = 0;
      for (let index = 0; index < pending.length; index += 1) {
        const character = pending[index];
        if (character !== '\n' && character !== '\r') continue;
        readLine(pending.slice(start, index));
        if (character === '\r') {
          if (index + 1 === pending.length) afterCarriageReturn = true;
          else if (pending[index + 1] === '\n') index += 1;
        }
        start = index + 1;
      }
      pending = pending.slice(start);
    },
  };
}
