/**
 * The Content-Security-Policy of the app's pages. Main sends it as a response header for every
 * `app://` page, and renderer/index.html carries the same string in a meta tag so that the web
 * build and the dev server are held to it too (a test keeps the two equal).
 *
 * No 'unsafe-eval' and no inline scripts: an injected string can never become script.
 * 'wasm-unsafe-eval' lets the app compile WebAssembly (and nothing else): attachments over 256 MiB
 * are hashed with hash-wasm in chunks, because WebCrypto has no incremental SHA-256 and a large
 * video must not be read into memory whole; PINs are hashed with hash-wasm's argon2id. Inline
 * styles stay allowed because React's `style` props and some libraries set them.
 */
const directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  // Evidence photos and thumbnails are shown from blob: and data: URLs.
  'img-src': ["'self'", 'data:', 'blob:'],
  // Videos play from blob: URLs once here, and from fixline-media: (main forwards it to the
  // sync server) while they are still coming.
  'media-src': ["'self'", 'blob:', 'fixline-media:'],
  'connect-src': ["'self'"],
  // The browser build opens a document's PDF (a blob: URL) in a hidden frame to print it.
  'frame-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

/**
 * The Content-Security-Policy of the app's pages, one string: main sends it as a response header
 * for every `app://` page, and renderer/index.html carries it in a meta tag.
 */
export const contentSecurityPolicy = Object.entries(directives)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
