import fc from 'fast-check';
import { createSHA256 } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { Sha256 } from '../../renderer/src/db/sha256';

const text = (value: string) => new TextEncoder().encode(value);

describe('Sha256 (the plain hasher for pages that refuse WebAssembly)', () => {
  it('gives the FIPS 180-4 digests of the standard test messages', () => {
    expect(new Sha256().digestHex()).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(new Sha256().update(text('abc')).digestHex()).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(
      new Sha256()
        .update(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))
        .digestHex(),
    ).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with hash-wasm on any bytes, however they are split into updates', async () => {
    const reference = await createSHA256();
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 700 }),
        fc.array(fc.nat({ max: 700 }), { maxLength: 5 }),
        (bytes, cuts) => {
          reference.init();
          reference.update(bytes);
          const hasher = new Sha256();
          let start = 0;
          for (const cut of [...cuts].sort((a, b) => a - b)) {
            const end = Math.min(cut, bytes.length);
            if (end > start) hasher.update(bytes.subarray(start, end));
            start = Math.max(start, end);
          }
          hasher.update(bytes.subarray(start));
          expect(hasher.digestHex()).toBe(reference.digest('hex'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
