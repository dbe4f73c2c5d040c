import * as tls from 'node:tls';
import type { IpcEventSender } from '#shared/ipc/events';
import { blobRequestsOver } from '#shared/sync/blobHttp';
import {
  followEventStream,
  sendSyncRequest,
  type EventStreamTiming,
  type Schedule,
  type SyncFetch,
  type SyncTimeouts,
} from '#shared/sync/syncHttp';
import { Agent, type Dispatcher, ProxyAgent, fetch as undiciFetch } from 'undici';
import { IpcRefusal, type IpcRegistry, type IpcSender } from './ipc';
import { mediaUrlOf } from './mediaProtocol';
import { noProxy, proxiesByOrigin, type ResolveProxy } from './systemProxy';

/**
 * The desktop app's sync transport: main makes the station's HTTP requests to the sync server
 * (the page's CSP allows it no other origin) and follows the server's poke stream, reporting it
 * to the page as `fixline:sync:event`.
 */

/** Where this Node reads certificate authorities from (Node 22.15 and later; Electron's Node). */
type CaCertificates = (store: 'default' | 'system') => string[];

/**
 * The certificate authorities main trusts for sync servers: Node's own and the operating
 * system's, so a center's own CA installed on its PCs is trusted as in a browser (the packaged
 * app ignores `NODE_EXTRA_CA_CERTS`: its nodeOptions fuse is off). Undefined on a Node that cannot
 * read the system's store: Node's own then.
 */
export function trustedAuthorities(
  certificates: CaCertificates | undefined = (tls as { getCACertificates?: CaCertificates })
    .getCACertificates,
): string[] | undefined {
  if (certificates === undefined) return undefined;
  return [...new Set([...certificates('default'), ...certificates('system')])];
}

/**
 * Connections to sync servers trusting `authorities` (Node's defaults when undefined). undici
 * drops a connection after every HEAD (some servers send a body anyway), so each HEAD of an
 * upload cost a new TCP and TLS handshake; the sync server ends its HEAD answers properly, so
 * they keep the connection.
 */
export function syncConnectionsTrusting(authorities: readonly string[] | undefined): Dispatcher {
  return keepingConnectionsAfterHead(
    new Agent(authorities === undefined ? {} : { connect: { ca: [...authorities] } }),
  );
}

/**
 * Connections to sync servers through the proxy at `proxyUrl` (`http:` or `https:`),
 * trusting `authorities` for the servers' TLS and for an `https:` proxy's own. A plain `http://`
 * server is asked through an HTTP proxy as Chromium asks it (the whole URL in the request line)
 * rather than through a CONNECT tunnel, which many proxies allow to port 443 only.
 */
export function syncConnectionsThrough(
  proxyUrl: string,
  authorities: readonly string[] | undefined,
): Dispatcher {
  const tls = authorities === undefined ? {} : { ca: [...authorities] };
  return keepingConnectionsAfterHead(
    new ProxyAgent({
      uri: proxyUrl,
      proxyTunnel: false,
      requestTls: tls,
      // Only for a proxy spoken to over TLS.
      ...(new URL(proxyUrl).protocol === 'https:' ? { proxyTls: tls } : {}),
    }),
  );
}

/** `dispatcher` keeping its connection after a HEAD (see {@link syncConnectionsTrusting}). */
function keepingConnectionsAfterHead(dispatcher: Dispatcher): Dispatcher {
  return dispatcher.compose(
    (dispatch) => (options, handler) =>
      dispatch(options.method === 'HEAD' ? { ...options, reset: false } : options, handler),
  );
}

/** Read at the first request: reading the system's certificates takes a moment. */
let mainAuthorities: { readonly authorities: string[] | undefined } | undefined;
/** Made at the first request to each, and kept. */
let syncConnections: Dispatcher | undefined;
const proxiedSyncConnections = new Map<string, Dispatcher>();

/** Main's connections to sync servers, direct or through the proxy at `proxyUrl`. */
function mainSyncConnections(proxyUrl: string | undefined): Dispatcher {
  const { authorities } = (mainAuthorities ??= { authorities: trustedAuthorities() });
  if (proxyUrl === undefined) return (syncConnections ??= syncConnectionsTrusting(authorities));
  let proxied = proxiedSyncConnections.get(proxyUrl);
  if (proxied === undefined) {
    proxied = syncConnectionsThrough(proxyUrl, authorities);
    proxiedSyncConnections.set(proxyUrl, proxied);
  }
  return proxied;
}

/**
 * fetch over main's direct connections to sync servers (or `init.dispatcher`): the one HTTP
 * client of main's sync requests.
 */
export const syncServerFetch = (url: string, init: Parameters<typeof undiciFetch>[1] = {}) =>
  undiciFetch(url, { ...init, dispatcher: init.dispatcher ?? mainSyncConnections(undefined) });

/**
 * main's fetch as the sync code asks for it (a timeout, an abort, the body as text pieces), each
 * request through the proxy `proxyFor` names for its URL (undefined: direct). The timeout and
 * the abort bound the proxy's lookup as well.
 */
export function nodeSyncFetchVia(
  proxyFor: (url: string) => Promise<string | undefined>,
): SyncFetch {
  return ({ url, method, headers, body, timeoutMs }) => {
    const controller = new AbortController();
    const signal =
      timeoutMs === undefined
        ? controller.signal
        : AbortSignal.any([controller.signal, AbortSignal.timeout(timeoutMs)]);
    const response = untilAborted(Promise.resolve(url).then(proxyFor), signal)
      .then((proxyUrl) =>
        syncServerFetch(url, {
          method,
          headers,
          signal,
          dispatcher: mainSyncConnections(proxyUrl),
          ...(body === undefined ? {} : { body }),
        }),
      )
      .then((answer) => ({
        status: answer.status,
        text: () => answer.text(),
        textChunks: () => decodedChunks(answer.body),
        bytes: async () => new Uint8Array(await answer.arrayBuffer()),
        header: (name: string) => answer.headers.get(name) ?? undefined,
      }));
    return { response, abort: () => controller.abort() };
  };
}

/** main's fetch straight to the server, whatever the system's proxy settings. */
export const nodeSyncFetch: SyncFetch = nodeSyncFetchVia(() => Promise.resolve(undefined));

/** What `promise` settles to, or the signal's reason if it aborts first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.finally(() => signal.removeEventListener('abort', onAbort)).then(resolve, reject);
  });
}

async function* decodedChunks(body: ReadableStream<Uint8Array> | null): AsyncIterable<string> {
  if (body === null) return;
  const decoder = new TextDecoder();
  for await (const bytes of body) yield decoder.decode(bytes, { stream: true });
}

const schedule: Schedule = (callback, delayMs) => {
  const timer = setTimeout(callback, delayMs);
  return () => clearTimeout(timer);
};

export type SyncChannelOptions = {
  readonly sendEvent: IpcEventSender;
  /**
   * The proxy the operating system gives for a server (Electron's `session.resolveProxy`);
   * direct for every server when absent.
   */
  readonly resolveProxy?: ResolveProxy;
  /** Node's fetch through `resolveProxy`'s proxies unless a test passes another. */
  readonly fetchSync?: SyncFetch;
  /** How the poke stream reconnects; the defaults unless a test wants it faster. */
  readonly eventStreamTiming?: EventStreamTiming;
  /** How long a request may take; the defaults unless a test wants it shorter. */
  readonly timeouts?: SyncTimeouts;
};

/**
 * Most poke streams one window keeps open. The engine follows one; a page reloaded without
 * closing its stream (a reload keeps the window) leaves one behind, which the next open closes.
 */
export const maxSyncStreamsPerWindow = 2;

/** Registers `fixline:sync:*`: requests, and poke streams closed with the window that opened them. */
export function registerSyncHandlers(registry: IpcRegistry, options: SyncChannelOptions): void {
  const fetchSync =
    options.fetchSync ?? nodeSyncFetchVia(proxiesByOrigin(options.resolveProxy ?? noProxy));
  const streams = new Map<string, { readonly senderId: number; readonly close: () => void }>();
  const watchedSenders = new Set<number>();

  function closeStreamsWhenClosed(sender: IpcSender): void {
    if (watchedSenders.has(sender.id)) return;
    watchedSenders.add(sender.id);
    sender.once('destroyed', () => {
      watchedSenders.delete(sender.id);
      for (const [streamId, stream] of streams)
        if (stream.senderId === sender.id) {
          stream.close();
          streams.delete(streamId);
        }
    });
  }

  registry.handle('fixline:sync:request', (request) =>
    sendSyncRequest(fetchSync, request, options.timeouts),
  );

  // An attachment's bytes, a request at a time: the page runs the upload and download loops, so a
  // chunk crosses IPC once, checked by the contract (its size, its place in the file).
  const blobs = blobRequestsOver(fetchSync);
  registry.handle('fixline:sync:blobHead', (address) => blobs.head(address));
  registry.handle('fixline:sync:blobStanding', (query) => blobs.standing(query));
  registry.handle('fixline:sync:blobChunk', (chunk) => blobs.sendChunk(chunk));
  registry.handle('fixline:sync:blobRange', (range) => blobs.readRange(range));
  // The page's player cannot reach the server: it gets a media URL main forwards (mediaProtocol).
  registry.handle('fixline:sync:blobTicket', async (address) => {
    const answer = await blobs.viewTicket(address);
    return answer.kind === 'ticket' ? { ...answer, url: mediaUrlOf(answer.url) } : answer;
  });

  registry.handle('fixline:sync:openEvents', ({ streamId, serverUrl, deviceToken }, { sender }) => {
    if (streams.has(streamId))
      throw new IpcRefusal('not-allowed', `sync event stream ${streamId} is already open`);
    closeStreamsWhenClosed(sender);
    const ofWindow = [...streams].filter(([, open]) => open.senderId === sender.id);
    // The oldest first: a Map iterates in the order streams were opened.
    for (const [oldId, old] of ofWindow.slice(0, ofWindow.length - maxSyncStreamsPerWindow + 1)) {
      old.close();
      streams.delete(oldId);
    }
    const stream = followEventStream({
      fetchSync,
      serverUrl,
      deviceToken,
      schedule,
      ...(options.eventStreamTiming === undefined ? {} : { timing: options.eventStreamTiming }),
      onPoke: (version) =>
        options.sendEvent('fixline:sync:event', { streamId, kind: 'poke', version }),
      onBlob: (sha256) =>
        options.sendEvent('fixline:sync:event', { streamId, kind: 'blob', sha256 }),
      onConnected: (connected) =>
        options.sendEvent('fixline:sync:event', { streamId, kind: 'connected', connected }),
    });
    streams.set(streamId, { senderId: sender.id, close: stream.close });
    return null;
  });

  registry.handle('fixline:sync:closeEvents', ({ streamId }, { sender }) => {
    const stream = streams.get(streamId);
    // Another window's stream is not this one's to close.
    if (stream !== undefined && stream.senderId === sender.id) {
      stream.close();
      streams.delete(streamId);
    }
    return null;
  });
}
