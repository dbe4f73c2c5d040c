import { argon2Verify, argon2id } from 'hash-wasm';
import { z } from 'zod';
import type { IsoDateTime } from '#shared/domain/primitives';
import type { Person, PinFailures } from '../core/model';
import { argon2idHashSchema } from '../core/model';

/** A person's PIN: 4 to 6 digits, short enough to type at the bench between two devices. */
export const pinSchema = z.string().regex(/^[0-9]{4,6}$/, { error: 'expected 4 to 6 digits' });

/**
 * argon2id at OWASP's minimum (19 MiB of memory, 2 passes, 1 lane). A PIN has at most a million
 * values, so no hash makes it strong: the cost makes each guess from a copied database slow, and
 * {@link pinWaitMs} makes guessing at the station slower still.
 */
export const pinHashCost: PinHashCost = { memorySize: 19_456, iterations: 2, parallelism: 1 };

/** argon2id's cost: memory in KiB, passes over it, and lanes. */
export type PinHashCost = {
  readonly memorySize: number;
  readonly iterations: number;
  readonly parallelism: number;
};

/**
 * The argon2id hash of a PIN with a fresh random salt, encoded with its parameters (so a check
 * needs nothing else). `cost` is {@link pinHashCost} everywhere but tests that hash many PINs.
 */
export async function hashPin(pin: string, cost: PinHashCost = pinHashCost): Promise<string> {
  return argon2id({
    password: pin,
    salt: crypto.getRandomValues(new Uint8Array(16)),
    ...cost,
    hashLength: 32,
    outputType: 'encoded',
  });
}

/**
 * What checking a PIN found: `right-outdated` is a right PIN whose stored hash is the SHA-256
 * from before argon2id, to replace at this sign-in.
 */
export type PinCheck = 'right' | 'right-outdated' | 'wrong';

async function legacySha256(pin: string, saltHex: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`${saltHex}:${pin}`),
  );
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether `pin` is the person's PIN, by whichever hash their record keeps. */
export async function checkPin(
  person: Pick<Person, 'pinHash' | 'pinSalt'>,
  pin: string,
): Promise<PinCheck> {
  if (argon2idHashSchema.safeParse(person.pinHash).success) {
    return (await argon2Verify({ password: pin, hash: person.pinHash })) ? 'right' : 'wrong';
  }
  if (person.pinSalt === undefined) return 'wrong';
  return (await legacySha256(pin, person.pinSalt)) === person.pinHash ? 'right-outdated' : 'wrong';
}

/** Wrong PINs in a row that cost nothing: a slip of the finger should not lock anyone out. */
export const freeWrongPins = 5;
const firstWaitMs = 30_000;
const longestWaitMs = 15 * 60_000;

/**
 * How long to wait after `count` wrong PINs in a row before the next try: nothing for the first
 * {@link freeWrongPins}, then 30 s, doubling with each wrong PIN, at most 15 minutes.
 */
export function pinWaitMs(count: number): number {
  if (count < freeWrongPins) return 0;
  return Math.min(longestWaitMs, firstWaitMs * 2 ** (count - freeWrongPins));
}

/** When the next PIN may be tried, in ms since the epoch; 0 when it may be tried now. */
export function nextPinTryAt(failures: PinFailures | undefined): number {
  if (failures === undefined) return 0;
  const waitMs = pinWaitMs(failures.count);
  return waitMs === 0 ? 0 : Date.parse(failures.lastAt) + waitMs;
}

/** The failures after one more wrong PIN at `at`. */
export function withWrongPin(failures: PinFailures | undefined, at: IsoDateTime): PinFailures {
  return { count: (failures?.count ?? 0) + 1, lastAt: at };
}
