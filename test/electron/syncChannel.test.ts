import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProxy } from 'proxy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLabelPrinters } from '../../electron/printing/labelPrinters';
import { createPrintService } from '../../electron/printing/printService';
import { syncConnectionsThrough, syncServerFetch } from '../../electron/main/syncChannel';
import type { ResolveProxy } from '../../electron/main/systemProxy';
import { createEventSender } from '#shared/ipc/events';
import type { SyncStreamEvent } from '#shared/ipc/contract';
import { syncProtocolHeader, syncProtocolVersion } from '#shared/sync/protocol';
import { desktopHarness } from '../support/ipcHarness';
import { selfSignedCertificate } from '../support/selfSignedCertificate';
import {
  answerJson,
  openEventStream,
  startSyncTestServer,
  type RecordedRequest,
  type SyncTestServer,
} from '../support/syncTestServer';
import type { ServerResponse } from 'node:http';

let workspace: string;
let server: SyncTestServer | undefined;

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'fixline-sync-channel-'));
});

/** Closed after each test: the proxies and other servers a test started. */
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await server?.close();
  server = undefined;
  await rm(workspace, { recursive: true, force: true });
});

const token = 'device-token-0123456789abcdef0123456789abcdef';
const streamId = '0190f5a2-7c3e-7a11-9b2d-5e8f1a2b3c4d';

/** Main's sync channel behind a stand-in ipcMain; the events it sends are checked and kept. */
function desktop(options: { requestMs?: number; resolveProxy?: ResolveProxy } = {}) {
  const labelPrinters = createLabelPrinters(join(workspace, 'label-printers.json'));
  const events: SyncStreamEvent[] = [];
  const reports: string[] = [];
  const harness = desktopHarness({
    labelPrinters,
    printing: createPrintService({ labelPrinters }),
    sendEvent: createEventSender(
      (event, payload) => {
        if (event === 'fixline:sync:event') events.push(payload as SyncStreamEvent);
      },
      (message) => reports.push(message),
    ),
    sync: {
      timeouts: { helloMs: options.requestMs ?? 5_000, requestMs: options.requestMs ?? 5_000 },
      eventStreamTiming: { retryBaseMs: 20, retryMaxMs: 100, idleMs: 2_000 },
      ...(options.resolveProxy === undefined ? {} : { resolveProxy: options.resolveProxy }),
    },
  });
  return { ...harness, events, reports };
}

async function serve(answer: (request: RecordedRequest, response: ServerResponse) => void) {
  server = await startSyncTestServer(answer);
  return server;
}

describe('fixline:sync:request', () => {
  it('asks hello with a GET under the protocol prefix, with the protocol header and no token', async () => {
    const sync = await serve((_request, response) =>
      answerJson(response, 200, { service: 'fixline-sync', protocol: 1, centerId: 'c1' }),
    );
    const answer = await desktop().invoke('fixline:sync:request', {
      serverUrl: `${sync.url}/`,
      route: 'hello',
    });
    expect(answer).toEqual({
      ok: true,
      value: {
        kind: 'answered',
        status: 200,
        body: { service: 'fixline-sync', protocol: 1, centerId: 'c1' },
      },
    });
    const [request] = sync.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/sync/v1/hello');
    expect(request?.headers[syncProtocolHeader]).toBe(String(syncProtocolVersion));
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('posts a push as JSON with the bearer token, and answers the status and body of a refusal', async () => {
    const refusal = { error: { code: 'device-revoked', message: 'revoked' } };
    const sync = await serve((_request, response) => answerJson(response, 403, refusal));
    const body = { clientId: 'client-1', mutations: [{ id: 1 }] };
    const answer = await desktop().invoke('fixline:sync:request', {
      serverUrl: sync.url,
      route: 'push',
      body,
      deviceToken: token,
    });
    expect(answer).toEqual({ ok: true, value: { kind: 'answered', status: 403, body: refusal } });
    const [request] = sync.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/sync/v1/push');
    expect(request?.headers.authorization).toBe(`Bearer ${token}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual(body);
  });

  it('keeps the path of a server behind a reverse proxy', async () => {
    const sync = await serve((_request, response) => answerJson(response, 200, {}));
    await desktop().invoke('fixline:sync:request', {
      serverUrl: `${sync.url}/fixline`,
      route: 'leave',
      body: {},
      deviceToken: token,
    });
    expect(sync.requests[0]?.path).toBe('/fixline/sync/v1/leave');
  });

  it('answers a body that is not JSON as no body, with its status', async () => {
    const sync = await serve((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<h1>Not found</h1>');
    });
    expect(
      await desktop().invoke('fixline:sync:request', { serverUrl: sync.url, route: 'hello' }),
    ).toEqual({ ok: true, value: { kind: 'answered', status: 404, body: undefined } });
  });

  it('answers unreachable when nothing listens at the address', async () => {
    const sync = await serve(() => {});
    const { url } = sync;
    await sync.close();
    server = undefined;
    const answer = await desktop().invoke('fixline:sync:request', {
      serverUrl: url,
      route: 'hello',
    });
    expect(answer).toEqual({
      ok: true,
      value: { kind: 'unreachable', reason: expect.stringContaining('ECONNREFUSED') },
    });
  });

  it('answers unreachable when the server does not answer in time', async () => {
    // Holds the request without answering.
    const sync = await serve(() => {});
    const startedAt = Date.now();
    const answer = await desktop({ requestMs: 200 }).invoke('fixline:sync:request', {
      serverUrl: sync.url,
      route: 'pull',
      body: { clientId: 'client-1', cursor: null },
      deviceToken: token,
    });
    expect(answer).toEqual({
      ok: true,
      value: { kind: 'unreachable', reason: 'no answer in time' },
    });
    expect(Date.now() - startedAt).toBeLessThan(3_000);
  });

  it.each([
    ['a file address', { serverUrl: 'file:///etc/passwd', route: 'hello' }, 'serverUrl'],
    [
      'an address with a query',
      { serverUrl: 'http://127.0.0.1:7411/?x=1', route: 'hello' },
      'serverUrl',
    ],
    [
      'the event stream as a request',
      { serverUrl: 'http://127.0.0.1:7411', route: 'events' },
      'route',
    ],
    ['a path as a route', { serverUrl: 'http://127.0.0.1:7411', route: '/admin' }, 'route'],
  ])('refuses %s before any request', async (_case, input, field) => {
    const answer = await desktop().invoke('fixline:sync:request', input);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining(`${field}:`) },
    });
  });
});

describe('fixline:sync:blobHead', () => {
  it('asks each blob over the same connection (undici would open one per HEAD)', async () => {
    const sync = await serve((_request, response) => response.writeHead(404).end());
    const station = desktop();
    const digits = ['1', '2', '3', '4', '5', '6', '7', '8'];
    for (const digit of digits) {
      const answer = await station.invoke('fixline:sync:blobHead', {
        serverUrl: sync.url,
        deviceToken: token,
        sha256: digit.repeat(64),
      });
      expect(answer).toEqual({ ok: true, value: { kind: 'absent' } });
    }
    expect(sync.requests.map((request) => request.method)).toEqual(digits.map(() => 'HEAD'));
    // undici replaces the very first connection once; after that every HEAD keeps its own.
    expect(sync.connections()).toBeLessThanOrEqual(2);
  });
});

describe('fixline:sync:blobStanding', () => {
  it('asks the server about many blobs in one POST and answers as a HEAD of each would', async () => {
    const [stored, underway, never] = ['a', 'b', 'c'].map((digit) => digit.repeat(64)) as [
      string,
      string,
      string,
    ];
    const sync = await serve((_request, response) =>
      answerJson(response, 200, {
        blobs: [
          { sha256: stored, kind: 'stored', size: 300 },
          { sha256: underway, kind: 'uploading', offset: 120 },
          { sha256: never, kind: 'absent' },
        ],
      }),
    );
    const answer = await desktop().invoke('fixline:sync:blobStanding', {
      serverUrl: sync.url,
      deviceToken: token,
      sha256s: [stored, underway, never],
    });
    expect(answer).toEqual({
      ok: true,
      value: {
        kind: 'standing',
        blobs: [
          { sha256: stored, head: { kind: 'stored', size: 300 } },
          { sha256: underway, head: { kind: 'partial', offset: 120 } },
          { sha256: never, head: { kind: 'absent' } },
        ],
      },
    });
    const [request] = sync.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/sync/v1/blobs/standing');
    expect(request?.headers.authorization).toBe(`Bearer ${token}`);
    expect(JSON.parse(request?.body ?? '')).toEqual({ sha256s: [stored, underway, never] });
  });

  it('says a server without the route refused, so the queue asks by HEAD', async () => {
    const sync = await serve((_request, response) =>
      answerJson(response, 404, { message: 'Route POST:/sync/v1/blobs/standing not found' }),
    );
    const answer = await desktop().invoke('fixline:sync:blobStanding', {
      serverUrl: sync.url,
      deviceToken: token,
      sha256s: ['d'.repeat(64)],
    });
    expect(answer).toMatchObject({ ok: true, value: { kind: 'refused', status: 404 } });
  });
});

describe('fixline:sync:openEvents', () => {
  it('reports the stream connected, each poke, a drop, and connects again by itself', async () => {
    const sync = await serve((request, response) => {
      if (request.path === '/sync/v1/events')
        openEventStream(response, server?.streams ?? new Set());
      else answerJson(response, 404, {});
    });
    const main = desktop();
    expect(
      await main.invoke('fixline:sync:openEvents', {
        streamId,
        serverUrl: sync.url,
        deviceToken: token,
      }),
    ).toEqual({ ok: true, value: null });
    await expect
      .poll(() => main.events)
      .toEqual([{ streamId, kind: 'connected', connected: true }]);
    const [first] = sync.streams;
    // A poke split across two writes, with a heartbeat and an event of another kind around it.
    first?.write(': heartbeat\n\nevent: other\ndata: {}\n\nevent: poke\ndata: {"ver');
    first?.write('sion":7}\r\n\r\n');
    await expect.poll(() => main.events.at(-1)).toEqual({ streamId, kind: 'poke', version: 7 });
    first?.destroy();
    await expect.poll(() => main.events.length).toBe(4);
    expect(main.events.slice(2)).toEqual([
      { streamId, kind: 'connected', connected: false },
      { streamId, kind: 'connected', connected: true },
    ]);
    const eventsRequests = sync.requests.filter((request) => request.path === '/sync/v1/events');
    expect(eventsRequests).toHaveLength(2);
    expect(eventsRequests[0]?.headers.authorization).toBe(`Bearer ${token}`);
    expect(eventsRequests[0]?.headers.accept).toBe('text/event-stream');
  });

  it('stops the stream on closeEvents: the server sees it close and no event follows', async () => {
    const sync = await serve((_request, response) =>
      openEventStream(response, server?.streams ?? new Set()),
    );
    const main = desktop();
    await main.invoke('fixline:sync:openEvents', {
      streamId,
      serverUrl: sync.url,
      deviceToken: token,
    });
    await expect.poll(() => sync.streams.size).toBe(1);
    expect(await main.invoke('fixline:sync:closeEvents', { streamId })).toEqual({
      ok: true,
      value: null,
    });
    await expect.poll(() => sync.streams.size).toBe(0);
    const eventsSeen = main.events.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(main.events).toHaveLength(eventsSeen);
    expect(sync.requests).toHaveLength(1);
  });

  it('stops the streams of a window when it closes', async () => {
    const sync = await serve((_request, response) =>
      openEventStream(response, server?.streams ?? new Set()),
    );
    const main = desktop();
    await main.invoke('fixline:sync:openEvents', {
      streamId,
      serverUrl: sync.url,
      deviceToken: token,
    });
    await expect.poll(() => sync.streams.size).toBe(1);
    main.mainWindow.close();
    await expect.poll(() => sync.streams.size).toBe(0);
  });

  it('keeps at most two streams per window, closing the oldest (a reloaded page leaves its own behind)', async () => {
    const sync = await serve((_request, response) =>
      openEventStream(response, server?.streams ?? new Set()),
    );
    const main = desktop();
    const ids = [
      '0190f5a2-7c3e-7a11-9b2d-000000000001',
      '0190f5a2-7c3e-7a11-9b2d-000000000002',
      '0190f5a2-7c3e-7a11-9b2d-000000000003',
    ];
    const connectedIds = () =>
      main.events.filter((event) => event.kind === 'connected').map((event) => event.streamId);
    for (const [index, id] of ids.entries()) {
      await main.invoke('fixline:sync:openEvents', {
        streamId: id,
        serverUrl: sync.url,
        deviceToken: token,
      });
      await expect.poll(() => connectedIds()).toHaveLength(index + 1);
    }
    await expect.poll(() => sync.streams.size).toBe(2);
    expect(connectedIds()).toEqual(ids);
    expect(sync.requests).toHaveLength(3);
    for (const id of ids.slice(1)) await main.invoke('fixline:sync:closeEvents', { streamId: id });
    await expect.poll(() => sync.streams.size).toBe(0);
  });

  it('refuses a stream id that is already open', async () => {
    const sync = await serve((_request, response) =>
      openEventStream(response, server?.streams ?? new Set()),
    );
    const main = desktop();
    const input = { streamId, serverUrl: sync.url, deviceToken: token };
    await main.invoke('fixline:sync:openEvents', input);
    expect(await main.invoke('fixline:sync:openEvents', input)).toEqual({
      ok: false,
      error: { code: 'not-allowed', message: expect.stringContaining('already open') },
    });
    await main.invoke('fixline:sync:closeEvents', { streamId });
  });

  it('tries again with growing delays while the server refuses the stream', async () => {
    const sync = await serve((_request, response) =>
      answerJson(response, 401, { error: { code: 'device-unknown', message: 'enroll again' } }),
    );
    const main = desktop();
    await main.invoke('fixline:sync:openEvents', {
      streamId,
      serverUrl: sync.url,
      deviceToken: token,
    });
    await expect.poll(() => sync.requests.length).toBeGreaterThanOrEqual(3);
    await main.invoke('fixline:sync:closeEvents', { streamId });
    expect(main.events).toEqual([]);
  });
});

/** Listens on 127.0.0.1 and closes after the test; the port. */
async function listenForTheTest(listening: Server): Promise<number> {
  const sockets = new Set<Socket>();
  listening.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    // A CONNECT tunnel's socket is no longer the server's to close: each one is ended here.
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => listening.close(() => resolve()));
  });
  return (listening.address() as AddressInfo).port;
}

/**
 * A real HTTP proxy (the `proxy` package, over TLS when `listening` is an HTTPS server) on
 * 127.0.0.1, recording the requests it forwards and the tunnels it opens.
 */
async function startProxy(listening: Server = createHttpServer()) {
  const forwarded: string[] = [];
  const tunnels: string[] = [];
  const proxy = createProxy(listening);
  proxy.on('request', (request: IncomingMessage) =>
    forwarded.push(`${request.method} ${request.url}`),
  );
  proxy.on('connect', (request: IncomingMessage) => tunnels.push(request.url ?? ''));
  const port = await listenForTheTest(proxy);
  return { port, forwarded, tunnels };
}

/** A system that names `answer` as the proxy of every server, recording what it is asked. */
function systemAnswering(answer: string) {
  const asked: string[] = [];
  const resolveProxy: ResolveProxy = (url) => {
    asked.push(url);
    return Promise.resolve(answer);
  };
  return { asked, resolveProxy };
}

const helloAnswer = { service: 'fixline-sync', protocol: 1, centerId: 'c1' };

describe('main’s sync through the proxy the system names', () => {
  it('sends a request through the HTTP proxy, with the whole URL in its request line', async () => {
    const sync = await serve((_request, response) => answerJson(response, 200, helloAnswer));
    const proxy = await startProxy();
    const system = systemAnswering(`PROXY 127.0.0.1:${proxy.port};DIRECT`);
    const answer = await desktop({ resolveProxy: system.resolveProxy }).invoke(
      'fixline:sync:request',
      { serverUrl: sync.url, route: 'hello' },
    );
    expect(answer).toEqual({
      ok: true,
      value: { kind: 'answered', status: 200, body: helloAnswer },
    });
    expect(system.asked).toEqual([`${sync.url}/`]);
    expect(proxy.forwarded).toEqual([`GET ${sync.url}/sync/v1/hello`]);
    expect(proxy.tunnels).toEqual([]);
    expect(sync.requests[0]?.headers.via).toMatch(/\(proxy\/[\d.]+\)$/);
  });

  it('connects directly when the system answers DIRECT', async () => {
    const sync = await serve((_request, response) => answerJson(response, 200, helloAnswer));
    const proxy = await startProxy();
    const system = systemAnswering('DIRECT');
    const answer = await desktop({ resolveProxy: system.resolveProxy }).invoke(
      'fixline:sync:request',
      { serverUrl: sync.url, route: 'hello' },
    );
    expect(answer).toMatchObject({ ok: true, value: { kind: 'answered', status: 200 } });
    expect(system.asked).toEqual([`${sync.url}/`]);
    expect([...proxy.forwarded, ...proxy.tunnels]).toEqual([]);
    expect(sync.requests[0]?.headers.via).toBeUndefined();
  });

  it('follows the poke stream through the proxy', async () => {
    const sync = await serve((_request, response) =>
      openEventStream(response, server?.streams ?? new Set()),
    );
    const proxy = await startProxy();
    const main = desktop({
      resolveProxy: systemAnswering(`PROXY 127.0.0.1:${proxy.port}`).resolveProxy,
    });
    await main.invoke('fixline:sync:openEvents', {
      streamId,
      serverUrl: sync.url,
      deviceToken: token,
    });
    await expect.poll(() => sync.streams.size).toBe(1);
    [...sync.streams][0]?.write('event: poke\ndata: {"version":3}\n\n');
    await expect.poll(() => main.events.at(-1)).toEqual({ streamId, kind: 'poke', version: 3 });
    expect(proxy.forwarded).toEqual([`GET ${sync.url}/sync/v1/events`]);
    await main.invoke('fixline:sync:closeEvents', { streamId });
  });

  it('asks for blobs through the proxy', async () => {
    const sync = await serve((request, response) =>
      request.method === 'HEAD'
        ? response.writeHead(404).end()
        : answerJson(response, 200, { blobs: [{ sha256: 'e'.repeat(64), kind: 'absent' }] }),
    );
    const proxy = await startProxy();
    const main = desktop({
      resolveProxy: systemAnswering(`PROXY 127.0.0.1:${proxy.port}`).resolveProxy,
    });
    const address = { serverUrl: sync.url, deviceToken: token, sha256: 'e'.repeat(64) };
    expect(await main.invoke('fixline:sync:blobHead', address)).toEqual({
      ok: true,
      value: { kind: 'absent' },
    });
    expect(
      await main.invoke('fixline:sync:blobStanding', {
        serverUrl: sync.url,
        deviceToken: token,
        sha256s: [address.sha256],
      }),
    ).toMatchObject({ ok: true, value: { kind: 'standing' } });
    expect(proxy.forwarded).toEqual([
      `HEAD ${sync.url}/sync/v1/blobs/${address.sha256}`,
      `POST ${sync.url}/sync/v1/blobs/standing`,
    ]);
  });

  it('answers unreachable in time when the system’s proxy lookup never answers', async () => {
    const sync = await serve((_request, response) => answerJson(response, 200, helloAnswer));
    const startedAt = Date.now();
    const answer = await desktop({
      requestMs: 200,
      resolveProxy: () => new Promise<string>(() => {}),
    }).invoke('fixline:sync:request', { serverUrl: sync.url, route: 'hello' });
    expect(answer).toEqual({
      ok: true,
      value: { kind: 'unreachable', reason: 'no answer in time' },
    });
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(sync.requests).toEqual([]);
  });

  it('reaches an HTTPS server through the proxy’s CONNECT, trusting main’s authorities', async () => {
    const tls = await selfSignedCertificate();
    const port = await listenForTheTest(
      createHttpsServer(tls, (_request, response) => answerJson(response, 200, helloAnswer)),
    );
    const hello = `https://127.0.0.1:${port}/sync/v1/hello`;
    const proxy = await startProxy();
    const proxyUrl = `http://127.0.0.1:${proxy.port}`;
    const trusted = await syncServerFetch(hello, {
      dispatcher: syncConnectionsThrough(proxyUrl, [tls.cert.toString()]),
    });
    expect(trusted.status).toBe(200);
    expect(await trusted.json()).toEqual(helloAnswer);
    expect(proxy.tunnels).toEqual([`127.0.0.1:${port}`]);
    expect(proxy.forwarded).toEqual([]);
    const refused = syncServerFetch(hello, {
      dispatcher: syncConnectionsThrough(proxyUrl, undefined),
    });
    await expect(refused.catch((error: Error) => Promise.reject(error.cause))).rejects.toThrow(
      /self-signed certificate/,
    );
  });

  it('speaks TLS to an HTTPS proxy, trusting main’s authorities', async () => {
    const tls = await selfSignedCertificate();
    const sync = await serve((_request, response) => answerJson(response, 200, helloAnswer));
    const proxy = await startProxy(createHttpsServer(tls));
    const proxyUrl = `https://127.0.0.1:${proxy.port}`;
    const trusted = await syncServerFetch(`${sync.url}/sync/v1/hello`, {
      dispatcher: syncConnectionsThrough(proxyUrl, [tls.cert.toString()]),
    });
    expect(trusted.status).toBe(200);
    expect(proxy.tunnels).toEqual([new URL(sync.url).host]);
    const refused = syncServerFetch(`${sync.url}/sync/v1/hello`, {
      dispatcher: syncConnectionsThrough(proxyUrl, undefined),
    });
    await expect(refused.catch((error: Error) => Promise.reject(error.cause))).rejects.toThrow(
      /self-signed certificate/,
    );
  });
});
