import { z } from 'zod';

/**
 * PBKDF2-SHA-256 rounds per guess: OWASP's 2023 figure. A backup holds customers' names, phones
 * and addresses, and whoever holds the file may guess passphrases offline for as long as they like.
 */
export const pbkdf2Iterations = 600_000;

/** How an encrypted backup's key was derived from the passphrase (its `encryption.json`). */
export const encryptionHeaderSchema = z.object({
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.int().min(pbkdf2Iterations),
  /** 16 random bytes, as hex. */
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  /** The entries' cipher: ZIP's AES-256 (WinZip AE-2: AES-CTR with an HMAC over each entry). */
  cipher: z.literal('zip-aes-256'),
});
export type EncryptionHeader = z.infer<typeof encryptionHeaderSchema>;

const toHex = (bytes: Uint8Array) =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A fresh header: a random salt at today's work factor. */
export function newEncryptionHeader(): EncryptionHeader {
  return {
    kdf: 'PBKDF2-SHA-256',
    iterations: pbkdf2Iterations,
    salt: toHex(crypto.getRandomValues(new Uint8Array(16))),
    cipher: 'zip-aes-256',
  };
}

/**
 * The ZIP password of the entries: 256 bits derived from the passphrase with WebCrypto's PBKDF2,
 * as hex. ZIP's AES derives its keys from the password with only 1,000 rounds of PBKDF2-SHA-1;
 * handing it a 256-bit key instead of the passphrase makes each guess cost the rounds above.
 */
export async function zipPasswordFrom(
  passphrase: string,
  header: EncryptionHeader,
): Promise<string> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const salt = Uint8Array.from(header.salt.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: header.iterations },
    material,
    256,
  );
  return toHex(new Uint8Array(bits));
}
