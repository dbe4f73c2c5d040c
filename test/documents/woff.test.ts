import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { documentFontFiles, woffToSfnt, woffToSfntAsync } from '#shared/documents/pdf';

/**
 * The WOFF unpacking both platforms share: main inflates with Node's zlib, the browser worker
 * with DecompressionStream (asynchronous); both must give the same TrueType file.
 */
const woff = new Uint8Array(
  readFileSync(createRequire(import.meta.url).resolve(documentFontFiles.bold)),
);

describe('woffToSfnt', () => {
  it('rebuilds a TrueType file with every table of the WOFF', () => {
    const sfnt = woffToSfnt(woff, inflateSync);
    const view = new DataView(sfnt.buffer);
    const wrapped = new DataView(woff.buffer, woff.byteOffset);
    expect(view.getUint32(0)).toBe(0x00010000);
    expect(view.getUint16(4)).toBe(wrapped.getUint16(12));
    // The WOFF header states the size of the font it wraps.
    expect(sfnt.byteLength).toBe(wrapped.getUint32(16));
  });

  it('gives the same bytes with an asynchronous inflater, as the browser worker uses', async () => {
    const inflateLater = (bytes: Uint8Array) => Promise.resolve(new Uint8Array(inflateSync(bytes)));
    const asynchronous = await woffToSfntAsync(woff, inflateLater);
    const synchronous = woffToSfnt(woff, inflateSync);
    // Compared as bytes at once: toEqual walks a font's hundreds of kilobytes one index at a time.
    expect(asynchronous.byteLength).toBe(synchronous.byteLength);
    expect(Buffer.compare(asynchronous, synchronous)).toBe(0);
  });

  it('refuses a file that is not WOFF', () => {
    expect(() => woffToSfnt(new TextEncoder().encode('%PDF-1.7 '.repeat(10)), inflateSync)).toThrow(
      'not a WOFF file',
    );
  });
});
