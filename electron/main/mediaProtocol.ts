import { sha256Schema } from '#shared/domain/primitives';
import { blobViewRoute, syncApiPrefix, viewTicketParameter } from '#shared/sync/protocol';

/**
 * The privileged scheme a `<video>` in the desktop app plays a blob from before it is all on the
 * station: `fixline-media://view/?at=<the server's view URL>`. The page's own requests reach no
 * server (its CSP keeps `connect-src 'self'`), so main forwards each of the player's requests,
 * with its `Range`, to the sync server's view route and streams the answer back. Only view
 * routes are forwarded: the URL's ticket is the only credential, and main adds none.
 */
export const mediaScheme = 'fixline-media';
const mediaHost = 'view';
const targetParameter = 'at';

/** The media URL that plays the server's view URL `viewUrl` (a ticket's URL), for the page. */
export function mediaUrlOf(viewUrl: string): string {
  return `${mediaScheme}://${mediaHost}/?${targetParameter}=${encodeURIComponent(viewUrl)}`;
}

/** `/sync/v1/blobs/<sha256>/view` after the server's own path, if any. */
const viewPathPattern = new RegExp(
  `${syncApiPrefix}${blobViewRoute.replace(':sha256', '([0-9a-f]{64})')}$`,
);

/**
 * The server's view URL a media URL stands for, or null when it names anything else: another
 * scheme or host, a target that is not http(s), not a blob's view route, or without a ticket.
 */
export function viewUrlOf(mediaUrl: string): string | null {
  if (!URL.canParse(mediaUrl)) return null;
  const url = new URL(mediaUrl);
  if (url.protocol !== `${mediaScheme}:` || url.host !== mediaHost) return null;
  const target = url.searchParams.get(targetParameter);
  if (target === null || !URL.canParse(target)) return null;
  const view = new URL(target);
  if (view.protocol !== 'http:' && view.protocol !== 'https:') return null;
  if (view.username !== '' || view.password !== '' || view.hash !== '') return null;
  const sha256 = viewPathPattern.exec(view.pathname)?.[1];
  if (!sha256Schema.safeParse(sha256).success) return null;
  if ((view.searchParams.get(viewTicketParameter) ?? '') === '') return null;
  return view.toString();
}

/** The request headers a player's request keeps on its way to the server. */
const forwardedRequestHeaders = ['range', 'if-range'] as const;
/** The answer's headers a player needs to play and seek; the rest stay behind. */
const forwardedAnswerHeaders = [
  'content-type',
  'content-length',
  'content-range',
  'accept-ranges',
  'cache-control',
] as const;

/** The network main forwards with (Electron's `net.fetch`; Node's fetch in tests). */
export type MediaFetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * The handler for `protocol.handle(mediaScheme, …)`: forwards a player's GET or HEAD to the view
 * route the URL names and answers the server's status, body (streamed) and playing headers. 404
 * for a URL naming anything else, 405 for other methods, 502 when the server cannot be reached.
 */
export async function forwardMediaRequest(
  request: Request,
  fetchMedia: MediaFetch,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response(null, { status: 405 });
  const target = viewUrlOf(request.url);
  if (target === null) return new Response(null, { status: 404 });
  const headers = new Headers();
  for (const name of forwardedRequestHeaders) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  let answer: Response;
  try {
    answer = await fetchMedia(target, { method: request.method, headers, signal: request.signal });
  } catch {
    return new Response(null, { status: 502 });
  }
  const answered = new Headers();
  for (const name of forwardedAnswerHeaders) {
    const value = answer.headers.get(name);
    if (value !== null) answered.set(name, value);
  }
  return new Response(request.method === 'HEAD' ? null : answer.body, {
    status: answer.status,
    headers: answered,
  });
}
