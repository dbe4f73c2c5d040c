import { z } from 'zod';
import type { Technician } from '../db/records';

/** A technician's PIN: 4 to 6 digits, short enough to type at the bench between two devices. */
export const pinSchema = z.string().regex(/^[0-9]{4,6}$/, { error: 'expected 4 to 6 digits' });

const toHex = (bytes: Uint8Array): string =>
  [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** The salted SHA-256 of a PIN, as lower-case hex. */
export async function hashPin(pin: string, saltHex: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`${saltHex}:${pin}`),
  );
  return toHex(new Uint8Array(digest));
}

/**
 * What a technician's record keeps of a PIN: a fresh random salt and the salted hash. The salt
 * makes two technicians with the same PIN store different hashes.
 */
export async function pinCredentials(
  pin: string,
): Promise<Pick<Technician, 'pinSalt' | 'pinHash'>> {
  const pinSalt = toHex(crypto.getRandomValues(new Uint8Array(16)));
  return { pinSalt, pinHash: await hashPin(pin, pinSalt) };
}

/** Whether `pin` is the technician's PIN. */
export async function isTechnicianPin(technician: Technician, pin: string): Promise<boolean> {
  return (await hashPin(pin, technician.pinSalt)) === technician.pinHash;
}
