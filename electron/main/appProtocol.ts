import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from './contentSecurityPolicy';

/**
 * The privileged scheme the packaged renderer is served from: `app://fixline/index.html`.
 * A real origin (unlike file://) gives the page a stable storage partition for IndexedDB and
 * lets main tell the app's own frames from anything else by URL.
 */
export const appScheme = 'app';
export const appHost = 'fixline';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * `scheme://host` of a URL, or null when it cannot be parsed. Node's URL gives custom schemes an
 * opaque origin ("null"), so the origin is spelled out by hand.
 */
export function originOf(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * The file under `rootFolder` that an `app://fixline/…` URL names, or null when the URL has
 * another scheme or host, or would leave `rootFolder` (`..`, encoded `%2e%2e`, `%2f`, `%5c`,
 * absolute paths, NUL bytes). The root (`/`) serves index.html.
 */
export function resolveAppFile(rootFolder: string, requestUrl: string): string | null {
  if (!URL.canParse(requestUrl)) return null;
  const url = new URL(requestUrl);
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // A decoded separator or NUL means the URL tried to smuggle a path past the parser.
  if (pathname.includes('\\') || pathname.includes('\0') || /%2f|%5c/i.test(url.pathname))
    return null;

  const relativePath =
    pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  if (relativePath.split('/').includes('..') || isAbsolute(relativePath)) return null;

  const root = resolve(rootFolder);
  const file = resolve(root, relativePath);
  const fromRoot = relative(root, file);
  if (
    fromRoot === '' ||
    fromRoot.startsWith(`..${sep}`) ||
    fromRoot === '..' ||
    isAbsolute(fromRoot)
  )
    return null;
  return file;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers every app response carries: the CSP, and no MIME sniffing. */
function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  };
}

/**
 * The handler for `protocol.handle(appScheme, …)`: serves files from `rootFolder` (out/renderer)
 * with the CSP header. Answers 404 for traversal attempts and missing files, 405 for anything
 * but GET and HEAD. Takes a standard Request so it runs under Node in tests.
 */
export function createAppProtocolHandler(
  rootFolder: string,
  read: (file: string) => Promise<Uint8Array> = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405, headers: securityHeaders() });
    const file = resolveAppFile(rootFolder, request.url);
    if (file === null) return new Response(null, { status: 404, headers: securityHeaders() });
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return new Response(null, { status: 404, headers: securityHeaders() });
    }
    const contentType = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...securityHeaders(), 'Content-Type': contentType },
    });
  };
}
