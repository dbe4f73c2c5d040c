import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny HTTP server on 127.0.0.1 for the sync transports' tests: it records each request
 * (method, path, headers, body) and answers with what the test's `answer` does, so the transport
 * is tested over a real socket with Node's own fetch.
 */

export type RecordedRequest = {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
};

export type SyncTestServer = {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Event streams open now; a test writes to them or ends them. */
  readonly streams: Set<ServerResponse>;
  /** How many TCP connections clients opened so far. */
  readonly connections: () => number;
  readonly close: () => Promise<void>;
};

export async function startSyncTestServer(
  answer: (request: RecordedRequest, response: ServerResponse) => void,
): Promise<SyncTestServer> {
  const requests: RecordedRequest[] = [];
  const streams = new Set<ServerResponse>();
  const server = createServer((incoming, response) => {
    const pieces: Buffer[] = [];
    incoming.on('data', (piece: Buffer) => pieces.push(piece));
    incoming.on('end', () => {
      const request: RecordedRequest = {
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(pieces).toString('utf8'),
      };
      requests.push(request);
      answer(request, response);
    });
  });
  let connections = 0;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    streams,
    connections: () => connections,
    close: async () => {
      for (const stream of streams) stream.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers JSON with `status`. */
export function answerJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Opens an event stream on `response` and keeps it in `streams` until it closes. */
export function openEventStream(response: ServerResponse, streams: Set<ServerResponse>): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  response.write(': hello\n\n');
  streams.add(response);
  response.on('close', () => streams.delete(response));
}
