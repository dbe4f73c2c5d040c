import type { Customer } from '#shared/domain/customer';
import type { CustomerSearchFields } from './records';

/** Phone searches need this many digits; fewer would match most of the customers. */
export const minimumPhoneDigits = 4;

/**
 * Text as the search indexes hold it: Unicode-decomposed with accents dropped, lower case, so that
 * "Désirée" is found by "desiree".
 */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The distinct words of a name, normalized, in the order they appear. */
export function searchWords(text: string): string[] {
  const words = normalizeSearchText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  return [...new Set(words)];
}

/** The digits of a phone number as written ("+62 812-3456" → "628123456"). */
export function phoneDigits(phone: string): string {
  return phone.replace(/[^0-9]/g, '');
}

/**
 * The digits a phone search looks for: leading zeros dropped, because they are a trunk prefix
 * ("0812…" nationally) or an international prefix ("0062…") that the stored number writes as "+".
 */
export function phoneQueryDigits(query: string): string {
  return phoneDigits(query).replace(/^0+/, '');
}

/** Every tail of the digits at least {@link minimumPhoneDigits} long, longest first. */
export function phoneTails(phone: string): string[] {
  const digits = phoneDigits(phone);
  const tails: string[] = [];
  for (let start = 0; digits.length - start >= minimumPhoneDigits; start += 1) {
    tails.push(digits.slice(start));
  }
  return tails;
}

/** The search fields of a customer (schema version 2); recomputed on every write. */
export function customerSearchFields(
  customer: Pick<Customer, 'name' | 'phone'>,
): CustomerSearchFields {
  return { nameWords: searchWords(customer.name), phoneTails: phoneTails(customer.phone) };
}
