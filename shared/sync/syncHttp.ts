import { z } from 'zod';
import type { Sha256 } from '../domain/primitives';
import {
  blobEventSchema,
  pokeEventSchema,
  syncApiPrefix,
  syncProtocolHeader,
  syncProtocolVersion,
  syncRoutes,
} from './protocol';
import { createEventStreamParser } from './serverSentEvents';

/**
 * The station's side of the sync protocol over HTTP, the same in main (the desktop app) and in
 * the page (the browser build): which URL a route is at, what a request carries, how an answer
 * or its absence is reported, and how the poke stream is followed and reconnected. The network
 * itself is passed in ({@link SyncFetch}), so this stays pure.
 */

/** The routes a station calls with a request; `events` is a stream of its own. */
export const syncRequestRoutes = ['hello', 'enroll', 'push', 'pull', 'leave'] as const;
export type SyncRequestRoute = (typeof syncRequestRoutes)[number];
export const syncRequestRouteSchema = z.enum(syncRequestRoutes);

// Every route but `events` is listed above, and nothing else: a route added to the protocol
// without a place here fails to compile.
const everyRequestRoute: Record<Exclude<keyof typeof syncRoutes, 'events'>, true> = {
  hello: true,
  enroll: true,
  push: true,
  pull: true,
  leave: true,
} satisfies Record<SyncRequestRoute, true>;
void everyRequestRoute;

/** How long a request may take before it counts as unreachable. */
export type SyncTimeouts = {
  /** `hello`: a server that does not answer it quickly is not worth waiting for. */
  readonly helloMs: number;
  /** Any other request (a push of 1 MB, a pull page of 5,000 rows). */
  readonly requestMs: number;
};

export const defaultSyncTimeouts: SyncTimeouts = { helloMs: 10_000, requestMs: 30_000 };

/**
 * A sync server's address as a person types it: http or https, a host, an optional port and
 * path (behind a reverse proxy), no query, fragment or credentials. The routes go after it.
 */
export const syncServerUrlSchema = z
  .url({ protocol: /^https?$/, error: 'expected an http:// or https:// address' })
  .regex(/^https?:\/\/[^/?#@\s]+(?:\/[^?#\s]*)?$/, {
    error: 'expected an address without "?", "#" or a user name, such as http://192.168.1.10:7411',
  });

/** The device token as the server made it. */
export const deviceTokenSchema = z.string().min(1).max(1000);

/** The URL of `route` on the server at `serverUrl` (the page never names a path itself). */
export function syncRouteUrl(serverUrl: string, route: keyof typeof syncRoutes): string {
  return `${serverUrl.replace(/\/+$/, '')}${syncApiPrefix}${syncRoutes[route]}`;
}

/** The headers every request carries: the protocol version, and the device token when there is one. */
export function syncRequestHeaders(deviceToken: string | undefined): Record<string, string> {
  return {
    accept: 'application/json',
    [syncProtocolHeader]: String(syncProtocolVersion),
    ...(deviceToken === undefined ? {} : { authorization: `Bearer ${deviceToken}` }),
  };
}

/** What the network answered a request. */
export type SyncFetchResponse = {
  readonly status: number;
  readonly text: () => Promise<string>;
  /** The body as text, piece by piece, as it arrives (for the event stream). */
  readonly textChunks: () => AsyncIterable<string>;
  /** The body as bytes (a blob's range). */
  readonly bytes: () => Promise<Uint8Array<ArrayBuffer>>;
  /** A header of the answer (lower-case name), or undefined when it has none. */
  readonly header: (name: string) => string | undefined;
};

/**
 * One HTTP request, given by the process that runs it (`fetch` in main or in the page). A
 * `timeoutMs` bounds the whole request; `abort` stops it at any time. The response rejects when
 * there is no answer (refused, reset, timed out, aborted).
 */
export type SyncFetch = (request: {
  readonly url: string;
  /** HEAD and PATCH for the blob routes (shared/sync/blobHttp.ts). */
  readonly method: 'GET' | 'POST' | 'HEAD' | 'PATCH';
  readonly headers: Record<string, string>;
  /** JSON as text, or a blob's chunk as bytes. */
  readonly body?: string | Uint8Array<ArrayBuffer>;
  readonly timeoutMs?: number;
}) => { readonly response: Promise<SyncFetchResponse>; readonly abort: () => void };

/** What one request came to; the engine checks `body` with the protocol's schemas. */
export type SyncHttpAnswer =
  | { readonly kind: 'answered'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'unreachable'; readonly reason: string };

export type SyncHttpRequest = {
  readonly serverUrl: string;
  readonly route: SyncRequestRoute;
  readonly body?: unknown;
  readonly deviceToken?: string;
};

/** A JSON body, or undefined when there is none or it is not JSON (an HTML error page). */
function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Why a request got no answer, as a person reads it (a timeout, a refused connection…). */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'no answer in time';
  // Node's fetch says only "fetch failed": the cause says why (ECONNREFUSED, ENOTFOUND…).
  const cause: unknown = error.cause;
  if (cause instanceof Error && cause.message !== '') return `${error.message}: ${cause.message}`;
  return error.message;
}

/** Sends one request of the protocol; never rejects. */
export async function sendSyncRequest(
  fetchSync: SyncFetch,
  request: SyncHttpRequest,
  timeouts: SyncTimeouts = defaultSyncTimeouts,
): Promise<SyncHttpAnswer> {
  const isHello = request.route === 'hello';
  const headers = syncRequestHeaders(request.deviceToken);
  try {
    const { response } = fetchSync({
      url: syncRouteUrl(request.serverUrl, request.route),
      method: isHello ? 'GET' : 'POST',
      headers: isHello ? headers : { ...headers, 'content-type': 'application/json' },
      ...(isHello ? {} : { body: JSON.stringify(request.body ?? {}) }),
      timeoutMs: isHello ? timeouts.helloMs : timeouts.requestMs,
    });
    const answered = await response;
    const text = await answered.text();
    return { kind: 'answered', status: answered.status, body: parseJsonBody(text) };
  } catch (error) {
    return { kind: 'unreachable', reason: describeFailure(error) };
  }
}

/** Calls `callback` after `delayMs`; answers the function that cancels it. */
export type Schedule = (callback: () => void, delayMs: number) => () => void;

export type EventStreamTiming = {
  /** First wait before reconnecting after a failure; doubled on each failure after it. */
  readonly retryBaseMs: number;
  /** Longest wait between two attempts. */
  readonly retryMaxMs: number;
  /** A stream silent for this long (no event, no heartbeat) is dropped and opened again. */
  readonly idleMs: number;
};

/** The server sends a heartbeat comment well within this; a minute of silence means a dead link. */
export const defaultEventStreamTiming: EventStreamTiming = {
  retryBaseMs: 1_000,
  retryMaxMs: 60_000,
  idleMs: 60_000,
};

/** The wait before attempt `failures + 1`: exponential, capped, with jitter so stations spread out. */
export function reconnectDelayMs(
  failures: number,
  timing: EventStreamTiming,
  random: () => number,
): number {
  const ceiling = Math.min(timing.retryMaxMs, timing.retryBaseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

export type FollowEventStreamOptions = {
  readonly fetchSync: SyncFetch;
  readonly serverUrl: string;
  readonly deviceToken: string;
  readonly onPoke: (version: number) => void;
  /** An attachment's bytes arrived on the server (its SHA-256). */
  readonly onBlob?: (sha256: Sha256) => void;
  readonly onConnected: (connected: boolean) => void;
  readonly schedule: Schedule;
  readonly timing?: EventStreamTiming;
  /** Math.random by default (the jitter). */
  readonly random?: () => number;
};

/**
 * Follows the server's poke stream until `close`: opens it, reports each poke and blob arrival,
 * and when it
 * cannot open or drops (refused, cut, silent for too long) reports it and opens it again after
 * a growing delay. Callbacks stop the moment `close` is called.
 */
export function followEventStream(options: FollowEventStreamOptions): { close: () => void } {
  const timing = options.timing ?? defaultEventStreamTiming;
  const random = options.random ?? Math.random;
  let closed = false;
  let abortCurrent: (() => void) | undefined;
  let cancelWait: (() => void) | undefined;
  let wakeWait: (() => void) | undefined;

  const wait = (delayMs: number) =>
    new Promise<void>((resolve) => {
      wakeWait = resolve;
      cancelWait = options.schedule(resolve, delayMs);
    });

  /** Reads the open stream until it ends, fails or stays silent too long. */
  async function readStream(chunks: AsyncIterable<string>, abort: () => void): Promise<void> {
    const parser = createEventStreamParser((event) => {
      if (closed) return;
      if (event.event === 'poke') {
        const poke = pokeEventSchema.safeParse(parseJsonBody(event.data));
        if (poke.success) options.onPoke(poke.data.version);
      } else if (event.event === 'blob') {
        const blob = blobEventSchema.safeParse(parseJsonBody(event.data));
        if (blob.success) options.onBlob?.(blob.data.sha256);
      }
    });
    let cancelIdle = options.schedule(abort, timing.idleMs);
    try {
      for await (const chunk of chunks) {
        cancelIdle();
        if (closed) return;
        cancelIdle = options.schedule(abort, timing.idleMs);
        parser.feed(chunk);
      }
    } catch {
      // Cut, aborted or timed out: the loop reconnects.
    } finally {
      cancelIdle();
    }
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (!closed) {
      const { response, abort } = options.fetchSync({
        url: syncRouteUrl(options.serverUrl, 'events'),
        method: 'GET',
        headers: { ...syncRequestHeaders(options.deviceToken), accept: 'text/event-stream' },
      });
      abortCurrent = abort;
      let opened: SyncFetchResponse | undefined;
      try {
        opened = await response;
      } catch {
        opened = undefined;
      }
      if (closed) {
        abort();
        return;
      }
      if (opened !== undefined && opened.status === 200) {
        failures = 0;
        options.onConnected(true);
        await readStream(opened.textChunks(), abort);
        abort();
        if (closed) return;
        options.onConnected(false);
      } else {
        // Refused (a revoked token, a proxy's error page): the body says nothing the engine needs.
        if (opened !== undefined) abort();
        failures += 1;
      }
      await wait(reconnectDelayMs(Math.max(failures, 1), timing, random));
    }
  }

  void run();
  return {
    close: () => {
      if (closed) return;
      closed = true;
      abortCurrent?.();
      cancelWait?.();
      wakeWait?.();
    },
  };
}
