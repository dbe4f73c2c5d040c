import type { Transaction } from 'dexie';
import type { Customer } from '#shared/domain/customer';
import type { RecordId } from '#shared/domain/primitives';
import type { CustomerSearchFields, Synced } from '../records';
import { customerSearchFields } from '../searchKeys';
import type { SchemaVersion } from './schemaVersion';

/**
 * Version 2: customer search that forgives how a name or phone number is typed, and open claims
 * by age.
 * - customers: `nameWords` (each word of the name, lower case, accents dropped) replaces matching
 *   on the name as written, so "rahma" finds "Siti Rahmawati"; `phoneTails` (every tail of the
 *   phone's digits) replaces the phone as written, so "0812 3456" finds "+62 812-3456-7890".
 * - claims: a compound `[status+createdAt]` index lists the claims of a status oldest first
 *   without reading the others.
 */
export const schemaVersion2 = {
  version: 2,
  stores: {
    customers: 'id, name, email, *nameWords, *phoneTails',
    claims:
      'id, &rmaNumber, status, createdAt, customerId, deviceId, purchase.orderNumber, [status+createdAt]',
  },
  upgrade: addCustomerSearchFields,
} satisfies SchemaVersion;

/** A customer row as version 1 stored it. */
type CustomerRowVersion1 = Synced<Customer> & Partial<CustomerSearchFields>;

async function addCustomerSearchFields(transaction: Transaction): Promise<void> {
  await transaction
    .table<CustomerRowVersion1, RecordId>('customers')
    .toCollection()
    .modify((customer) => {
      Object.assign(customer, customerSearchFields(customer));
    });
}
