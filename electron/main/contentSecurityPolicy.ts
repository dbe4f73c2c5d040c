/**
 * The Content-Security-Policy of the app's pages. Main sends it as a response header for every
 * `app://` page, and renderer/index.html carries the same string in a meta tag so that the web
 * build and the dev server are held to it too (a test keeps the two equal).
 *
 * No 'unsafe-eval' and no inline scripts: an injected string can never become code. Only
 * 'wasm-unsafe-eval', which lets the page compile WebAssembly (the attachment store hashes files
 * with hash-wasm) and nothing else: eval() and new Function() stay refused. Inline
 * styles stay allowed because React's `style` props and some libraries set them.
 */
const directives = {
  'default-src': ["'self'"],
  // WebAssembly may be compiled (hash-wasm hashes evidence in chunks), JavaScript never evaluated.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  // Evidence photos and thumbnails are shown from blob: and data: URLs.
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
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
