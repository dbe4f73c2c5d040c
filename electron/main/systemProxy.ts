/**
 * The operating system's proxy for main's sync requests. Main sends them with Node's network
 * stack (undici), which knows nothing of the system's proxy settings; Chromium does (a PAC script
 * included), so main asks Electron (`session.resolveProxy`) which proxy Chromium would take for
 * a server, and undici connects through that one.
 */

/**
 * Which proxies Chromium would try for `url`, in its PAC result format: entries separated by
 * `;`, each `DIRECT` or a kind and `host:port` (`PROXY proxy.example:8080;DIRECT`). Electron's
 * `session.resolveProxy`; an empty answer when the lookup failed.
 */
export type ResolveProxy = (url: string) => Promise<string>;

/** The answer of a station without a proxy: every server directly. */
export const noProxy: ResolveProxy = () => Promise.resolve('DIRECT');

/** The URL scheme undici takes for each kind of PAC entry it can speak. */
const undiciSchemes: ReadonlyMap<string, string> = new Map([
  ['PROXY', 'http'],
  ['HTTPS', 'https'],
  // Not SOCKS: undici speaks no SOCKS 4 (Chromium's `SOCKS`), and its SOCKS 5 is experimental.
]);

/**
 * The proxy undici connects through for a PAC result (see {@link ResolveProxy}): the URL of its
 * first entry that undici can use (`http://host:port`, `https://host:port`), or undefined to
 * connect directly. Entries it cannot use (SOCKS, QUIC, anything malformed) are skipped.
 * Chromium falls back to the next entry when a proxy fails; main takes the first usable one only.
 */
export function proxyUrlOf(pacResult: string): string | undefined {
  for (const entry of pacResult.split(';')) {
    const [kind = '', address, ...extra] = entry.trim().split(/\s+/);
    if (extra.length > 0) continue;
    if (kind.toUpperCase() === 'DIRECT' && address === undefined) return undefined;
    const scheme = undiciSchemes.get(kind.toUpperCase());
    if (scheme === undefined || address === undefined) continue;
    const proxyUrl = hostAndPortUrl(scheme, address);
    if (proxyUrl !== undefined) return proxyUrl;
  }
  // Nothing usable (an empty answer, a PAC script's garbage): direct, as Chromium does when it
  // can read no entry of a PAC result.
  return undefined;
}

/** `scheme://address` when `address` is a host and an optional port, and nothing else. */
function hostAndPortUrl(scheme: string, address: string): string | undefined {
  const candidate = `${scheme}://${address}`;
  if (!URL.canParse(candidate)) return undefined;
  const url = new URL(candidate);
  const onlyHostAndPort =
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    (url.pathname === '' || url.pathname === '/') &&
    url.search === '' &&
    url.hash === '';
  return onlyHostAndPort ? `${scheme}://${url.host}` : undefined;
}

/**
 * How long main keeps the system's answer for a server. The lookup may run a PAC script, and
 * Electron answers one lookup at a time, while a pull or an upload sends several requests a
 * second to the same server; yet a proxy setting changed while the app runs must reach sync
 * without a restart: it does within this long.
 */
export const proxyAnswerKeptMs = 10_000;

/**
 * The proxy for each request's URL (undefined: direct), asked of the system once per server
 * origin and kept for `keptMs`. A PAC script sees the origin only (Chromium hands it no more
 * of an `https://` URL either), so every request to a server takes the same way.
 */
export function proxiesByOrigin(
  resolveProxy: ResolveProxy,
  { keptMs = proxyAnswerKeptMs, now = Date.now }: { keptMs?: number; now?: () => number } = {},
): (url: string) => Promise<string | undefined> {
  const answers = new Map<
    string,
    { readonly proxyUrl: Promise<string | undefined>; readonly until: number }
  >();
  return (url) => {
    const { origin } = new URL(url);
    const kept = answers.get(origin);
    if (kept !== undefined && now() < kept.until) return kept.proxyUrl;
    const proxyUrl = resolveProxy(`${origin}/`).then(proxyUrlOf);
    answers.set(origin, { proxyUrl, until: now() + keptMs });
    return proxyUrl;
  };
}
