import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebBridge, type WebEnvironment } from '../../renderer/src/bridge/webBridge';
import { bridgeTransport } from '../../renderer/src/core/sync/bridgeTransport';
import {
  answerJson,
  openEventStream,
  startSyncTestServer,
  type RecordedRequest,
  type SyncTestServer,
} from '../support/syncTestServer';

/**
 * The browser build's sync transport: the web bridge's `sync` area fetches the server itself,
 * and the engine's transport over the bridge reads it. Against a real HTTP server, with the
 * runtime's own fetch.
 */

let server: SyncTestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const token = 'device-token-0123456789abcdef0123456789abcdef';

async function serve(answer: (request: RecordedRequest, response: ServerResponse) => void) {
  server = await startSyncTestServer(answer);
  return server;
}

function transport() {
  const reports: string[] = [];
  const environment: WebEnvironment = {
    version: '0.1.0',
    userAgent: 'test',
    userAgentData: undefined,
    download: () => {},
    report: (message) => reports.push(message),
    renderDocuments: () => Promise.reject(new Error('not in this test')),
    openForPrinting: () => {},
    openInNewTab: () => {},
    syncEventStreamTiming: { retryBaseMs: 20, retryMaxMs: 100, idleMs: 2_000 },
    syncTimeouts: { helloMs: 300, requestMs: 300 },
  };
  const bridge = createWebBridge(environment);
  return {
    bridge,
    transport: bridgeTransport(bridge, (message) => reports.push(message)),
    reports,
  };
}

describe('the web bridge as the sync transport', () => {
  it('sends an enroll as JSON with the protocol header and answers the server’s refusal', async () => {
    const refusal = { error: { code: 'station-code-taken', message: 'JKT1 is taken' } };
    const sync = await serve((_request, response) => answerJson(response, 409, refusal));
    const body = { pairingCode: 'ABCD-1234', stationCode: 'JKT1', clientId: 'client-1' };
    expect(
      await transport().transport.request({ serverUrl: sync.url, route: 'enroll', body }),
    ).toEqual({ kind: 'answered', status: 409, body: refusal });
    expect(sync.requests[0]?.path).toBe('/sync/v1/enroll');
    expect(sync.requests[0]?.headers['fixline-sync-protocol']).toBe('1');
    expect(sync.requests[0]?.headers.authorization).toBeUndefined();
    expect(JSON.parse(sync.requests[0]?.body ?? '')).toEqual(body);
  });

  it('answers unreachable when the server is silent past the timeout', async () => {
    const sync = await serve(() => {});
    expect(await transport().transport.request({ serverUrl: sync.url, route: 'hello' })).toEqual({
      kind: 'unreachable',
      reason: 'no answer in time',
    });
  });

  it('answers an address the contract refuses as unreachable, without a request', async () => {
    expect(
      await transport().transport.request({ serverUrl: 'ftp://example.com', route: 'hello' }),
    ).toEqual({ kind: 'unreachable', reason: expect.stringContaining('serverUrl') });
  });

  it('follows the poke stream with the token, tells blob arrivals apart, and stops calling back once closed', async () => {
    const sync = await serve((_request, response) =>
      openEventStream(response, server?.streams ?? new Set()),
    );
    const pokes: number[] = [];
    const arrived: string[] = [];
    const connected: boolean[] = [];
    const stream = transport().transport.events({
      serverUrl: sync.url,
      deviceToken: token,
      onPoke: (version) => pokes.push(version),
      onBlob: (sha256) => arrived.push(sha256),
      onConnected: (isConnected) => connected.push(isConnected),
    });
    await expect.poll(() => connected).toEqual([true]);
    const sha256 = 'ab'.repeat(32);
    for (const response of sync.streams) {
      response.write(`event: blob\ndata: {"sha256":"${sha256}"}\n\n`);
      // Not a SHA-256: dropped, as any event that breaks the protocol's schema.
      response.write('event: blob\ndata: {"sha256":"photo.jpg"}\n\n');
      response.write('event: poke\ndata: {"version":12}\n\n');
    }
    await expect.poll(() => pokes).toEqual([12]);
    expect(arrived).toEqual([sha256]);
    expect(sync.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
    stream.close();
    await expect.poll(() => sync.streams.size).toBe(0);
    expect(connected).toEqual([true]);
  });
});
