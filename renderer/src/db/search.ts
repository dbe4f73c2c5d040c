import Dexie from 'dexie';
import { parseRmaNumber } from '#shared/domain/claim';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { FixlineDatabase } from './database';
import type { StoredClaim, StoredCustomer } from './records';
import { isLive } from './records';
import {
  minimumPhoneDigits,
  normalizeSearchText,
  phoneQueryDigits,
  searchWords,
} from './searchKeys';

/** How many results a search returns unless told otherwise: more than a person reads through. */
export const defaultSearchLimit = 50;

/** Options of a search. */
export type SearchOptions = { readonly limit?: number };

function distinctById<Row extends { readonly id: string }>(rows: readonly Row[]): Row[] {
  return [...new Map(rows.map((row) => [row.id, row])).values()];
}

/**
 * The claims a scanned or typed code points at, newest first: the claim of an RMA number (in any
 * letter case), or the claims of the device with that serial number or IMEI, or of the order with
 * that number. Deleted claims and devices are left out.
 */
export async function findClaimsByScan(db: FixlineDatabase, code: string): Promise<StoredClaim[]> {
  const scanned = code.trim();
  if (scanned === '') return [];
  const upperCase = scanned.toUpperCase();
  if (parseRmaNumber(upperCase) !== undefined) {
    return (await db.claims.where('rmaNumber').equals(upperCase).toArray()).filter(isLive);
  }
  // A scan is one thing: try what it most often is first, so the common case costs two reads
  // (the device, then its claims), as a hand-written lookup would. Serial numbers are printed
  // in upper case but typed in any.
  const variants = [...new Set([scanned, upperCase])];
  let devices = (await db.devices.where('serial').anyOf(variants).toArray()).filter(isLive);
  if (devices.length === 0) {
    devices = (await db.devices.where('imei').equals(scanned).toArray()).filter(isLive);
  }
  const claims =
    devices.length > 0
      ? await db.claims
          .where('deviceId')
          .anyOf(devices.map((device) => device.id))
          .toArray()
      : await db.claims.where('purchase.orderNumber').anyOf(variants).toArray();
  return distinctById(claims)
    .filter(isLive)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Customers whose name, phone number or email starts with what the clerk typed, by name:
 * - text with `@` matches the start of the email, in any letter case;
 * - digits (with `+`, spaces, dashes, dots or parentheses) match anywhere from the start of a
 *   run of the phone's digits, so "0812 3456" finds "+62 812-3456-7890"; at least
 *   {@link minimumPhoneDigits} digits are needed;
 * - other text matches the start of words of the name, ignoring case and accents: "siti rah"
 *   finds "Siti Rahmawati", and so does "rahma".
 */
export async function findCustomers(
  db: FixlineDatabase,
  query: string,
  options: SearchOptions = {},
): Promise<StoredCustomer[]> {
  const limit = options.limit ?? defaultSearchLimit;
  const text = query.trim();
  if (text === '') return [];
  let matches: StoredCustomer[];
  if (text.includes('@')) {
    matches = await db.customers
      .where('email')
      .startsWithIgnoreCase(text)
      .filter(isLive)
      .limit(limit)
      .toArray();
  } else if (/^\+?[0-9 ().-]+$/.test(text)) {
    const digits = phoneQueryDigits(text);
    if (digits.length < minimumPhoneDigits) return [];
    matches = await db.customers
      .where('phoneTails')
      .startsWith(digits)
      .distinct()
      .filter(isLive)
      .limit(limit)
      .toArray();
  } else {
    const [firstWord, ...otherWords] = searchWords(text);
    if (firstWord === undefined) return [];
    const startsSomeWord = (customer: StoredCustomer) =>
      otherWords.every((word) => customer.nameWords.some((nameWord) => nameWord.startsWith(word)));
    matches = await db.customers
      .where('nameWords')
      .startsWith(firstWord)
      .distinct()
      .filter((customer) => isLive(customer) && startsSomeWord(customer))
      .limit(limit)
      .toArray();
  }
  return matches.sort((a, b) =>
    normalizeSearchText(a.name).localeCompare(normalizeSearchText(b.name)),
  );
}

/** The live claims in `status`, oldest first: what waits longest comes first on the bench. */
export async function findClaimsByStatus(
  db: FixlineDatabase,
  status: ClaimStatus,
  options: SearchOptions = {},
): Promise<StoredClaim[]> {
  return db.claims
    .where('[status+createdAt]')
    .between([status, Dexie.minKey], [status, Dexie.maxKey])
    .filter(isLive)
    .limit(options.limit ?? defaultSearchLimit)
    .toArray();
}
