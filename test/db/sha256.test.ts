import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sha256Hasher } from '../../renderer/src/db/sha256';

const reference = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('Sha256Hasher (the hasher for pages that refuse WebAssembly)', () => {
  it('gives the published digests of the empty string and "abc"', () => {
    expect(new Sha256Hasher().digestHex()).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(new Sha256Hasher().update(new TextEncoder().encode('abc')).digestHex()).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('agrees with node:crypto on any bytes, however they are split into pieces', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.nat({ max: 600 }), { maxLength: 6 }),
        (bytes, cuts) => {
          const hasher = new Sha256Hasher();
          let start = 0;
          for (const cut of [...cuts].sort((x, y) => x - y)) {
            const end = Math.min(cut, bytes.length);
            if (end < start) continue;
            hasher.update(bytes.subarray(start, end));
            start = end;
          }
          hasher.update(bytes.subarray(start));
          expect(hasher.digestHex()).toBe(reference(bytes));
        },
      ),
    );
  });

  it('pads lengths at the edges of a block (55, 56, 63, 64 and 65 bytes)', () => {
    for (const length of [55, 56, 63, 64, 65, 119, 120]) {
      const bytes = new Uint8Array(length).map((_, index) => index * 7);
      expect(new Sha256Hasher().update(bytes).digestHex()).toBe(reference(bytes));
    }
  });
});
