import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  forwardMediaRequest,
  mediaScheme,
  mediaUrlOf,
  viewUrlOf,
} from '../../electron/main/mediaProtocol';

/**
 * The desktop app's `fixline-media:` scheme, as main's protocol handler runs it: a player's
 * request, its `Range` kept, forwarded to a real HTTP server's view route and streamed back with
 * the headers a player needs, and nothing forwarded for a URL that names anything else.
 */

const video = Buffer.from(Array.from({ length: 5_000 }, (_, index) => index % 251));
const sha256 = 'ab'.repeat(32);
let server: Server;
let origin: string;
const received: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  // The view route's answer as the sync server gives it: one range, or the whole file.
  server = createServer((request, response) => {
    received.push({ url: request.url ?? '', headers: request.headers });
    const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
    const common = {
      'content-type': 'video/mp4',
      'accept-ranges': 'bytes',
      'cache-control': 'private, no-store',
      'set-cookie': 'not=forwarded',
    };
    if (range === null) {
      response.writeHead(200, { ...common, 'content-length': video.length });
      response.end(video);
      return;
    }
    const start = Number(range[1]);
    const end = Number(range[2]);
    response.writeHead(206, {
      ...common,
      'content-range': `bytes ${start}-${end}/${video.length}`,
      'content-length': end - start + 1,
    });
    response.end(video.subarray(start, end + 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const viewUrl = () => `${origin}/sync/v1/blobs/${sha256}/view?ticket=abc.def`;
const nodeFetch = (url: string, init: RequestInit) => fetch(url, init);

describe('the fixline-media scheme', () => {
  it('forwards a player’s range to the view route and streams the part back', async () => {
    const media = mediaUrlOf(viewUrl());
    expect(media.startsWith(`${mediaScheme}://`)).toBe(true);
    const answer = await forwardMediaRequest(
      new Request(media, {
        headers: { range: 'bytes=1000-1999', cookie: 'session=secret', authorization: 'x' },
      }),
      nodeFetch,
    );
    expect(answer.status).toBe(206);
    expect(answer.headers.get('content-type')).toBe('video/mp4');
    expect(answer.headers.get('content-range')).toBe(`bytes 1000-1999/${video.length}`);
    expect(answer.headers.get('accept-ranges')).toBe('bytes');
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(Buffer.from(await answer.arrayBuffer()).equals(video.subarray(1000, 2000))).toBe(true);
    const sent = received.at(-1);
    expect(sent?.url).toBe(`/sync/v1/blobs/${sha256}/view?ticket=abc.def`);
    expect(sent?.headers.range).toBe('bytes=1000-1999');
    // Only the range crosses: main adds no credential and passes none of the page's.
    expect(sent?.headers.cookie).toBeUndefined();
    expect(sent?.headers.authorization).toBeUndefined();
  });

  it('answers the whole file to a request without a range, and HEAD without a body', async () => {
    const whole = await forwardMediaRequest(new Request(mediaUrlOf(viewUrl())), nodeFetch);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(video)).toBe(true);
    const head = await forwardMediaRequest(
      new Request(mediaUrlOf(viewUrl()), { method: 'HEAD' }),
      nodeFetch,
    );
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(video.length));
  });

  it('forwards nothing for a URL that names anything but a blob’s view route with a ticket', async () => {
    const refused = [
      mediaUrlOf(`${origin}/sync/v1/blobs/${sha256}?ticket=abc`),
      mediaUrlOf(`${origin}/sync/v1/push`),
      mediaUrlOf(`${origin}/sync/v1/blobs/${sha256}/view`),
      mediaUrlOf(`file:///etc/passwd`),
      mediaUrlOf(`http://user:pw@127.0.0.1/sync/v1/blobs/${sha256}/view?ticket=a`),
      `${mediaScheme}://other/?at=${encodeURIComponent(viewUrl())}`,
      `app://fixline/?at=${encodeURIComponent(viewUrl())}`,
    ];
    const before = received.length;
    for (const url of refused) {
      expect(viewUrlOf(url), url).toBeNull();
      expect((await forwardMediaRequest(new Request(url), nodeFetch)).status, url).toBe(404);
    }
    const posted = await forwardMediaRequest(
      new Request(mediaUrlOf(viewUrl()), { method: 'POST', body: 'x' }),
      nodeFetch,
    );
    expect(posted.status).toBe(405);
    expect(received.length).toBe(before);
  });

  it('keeps a server’s own path (behind a reverse proxy)', () => {
    const proxied = `${origin}/fixline/sync/v1/blobs/${sha256}/view?ticket=t`;
    expect(viewUrlOf(mediaUrlOf(proxied))).toBe(proxied);
  });

  it('answers 502 when the server cannot be reached', async () => {
    const closed = await forwardMediaRequest(
      new Request(mediaUrlOf(`http://127.0.0.1:1/sync/v1/blobs/${sha256}/view?ticket=t`)),
      nodeFetch,
    );
    expect(closed.status).toBe(502);
  });
});
