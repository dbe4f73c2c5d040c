import { v7 as uuidv7 } from 'uuid';
import type { Claim } from '#shared/domain/claim';
import { formatRmaNumber } from '#shared/domain/claim';
import type { Customer } from '#shared/domain/customer';
import type { Device } from '#shared/domain/device';
import type { FixlineDatabase } from '../../db/database';
import { rmaSequenceName } from '../../db/repositories';
import {
  claimDefinition,
  customerDefinition,
  deviceDefinition,
} from '../../db/repositories/definitions';
import { RepositoryWriter, writeScope } from '../../db/repositories/repositoryWriter';
import type { WriteSession } from '../../db/repositories/writeSession';
import { expectOk, queuePacks, queueTechnicians } from './queueStation';

/** What {@link writeInBulk} wrote. */
export type BulkWriteCounts = {
  readonly customers: number;
  readonly devices: number;
  readonly claims: number;
};

/**
 * The name of the path {@link writeInBulk} measures, for the benchmark's report: the repositories'
 * batched write (`WriteSession.insertAll`, also the parts import's), a transaction a page.
 */
export const bulkWritePath =
  'RepositoryWriter.write + WriteSession.insertAll, batched, a transaction per page of intakes';

/**
 * How many intakes (a customer, a device and a claim each) {@link writeInBulk} writes in one
 * transaction: the "one transaction per page of thousands". A page is all or nothing; a
 * larger one would hold every row, its clone and its outbox change in memory at once for no
 * gain in speed, and keep other writes waiting on its transaction the longer.
 */
export const bulkIntakePageRows = 2_000;

/**
 * Writes `count` customers, each with a device and a claim (an intake in bulk), through the
 * repositories' batched path ({@link bulkWritePath}), in one repository transaction per
 * {@link bulkIntakePageRows} intakes: each row parsed, its references checked (one read per
 * referenced table for the page), stamped, with its audit event, its claim's deadline fields
 * derived for the page at once, the page's RMA numbers taken in one step, and its outbox entries.
 * A refused page stops the write; the pages before it stay written. `db` holds a station set up
 * (see `setUpGeneratedStation`).
 */
export async function writeInBulk(db: FixlineDatabase, count: number): Promise<BulkWriteCounts> {
  const writer = new RepositoryWriter(db);
  const totals = { customers: 0, devices: 0, claims: 0 };
  for (let start = 0; start < count; start += bulkIntakePageRows) {
    const written = await writer.write(
      { actor: queueTechnicians[0].id },
      writeScope([customerDefinition, deviceDefinition, claimDefinition]),
      (session) => writeIntakePage(session, start, Math.min(count, start + bulkIntakePageRows)),
    );
    const page = await expectOk(Promise.resolve(written));
    totals.customers += page.customers;
    totals.devices += page.devices;
    totals.claims += page.claims;
  }
  return totals;
}

/** The intakes numbered `from` (included) to `to` (excluded) of {@link writeInBulk}, in `session`. */
async function writeIntakePage(
  session: WriteSession,
  from: number,
  to: number,
): Promise<BulkWriteCounts> {
  const customers: Customer[] = [];
  const devices: Device[] = [];
  const claims: Claim[] = [];
  const firstSequence = await session.reserveSequence(rmaSequenceName(session.station), to - from);
  for (let index = from; index < to; index += 1) {
    const pack = queuePacks[index % queuePacks.length] ?? queuePacks[0];
    const customer = session.parse(customerDefinition, {
      id: uuidv7(),
      name: `Bulk Customer ${index + 1}`,
      phone: `+62 813 ${String(1_000_000 + index).slice(-7)}`,
      preferredLanguage: 'id',
    });
    const device = session.parse(deviceDefinition, {
      id: uuidv7(),
      customerId: customer.id,
      model: pack?.model ?? 'KOSPET Tank T3',
      category: pack?.category === 'bike-computer' ? 'bike-computer' : 'smartwatch',
      serial: `BULK-${String(index).padStart(7, '0')}`,
    });
    claims.push(
      session.parse(claimDefinition, {
        id: uuidv7(),
        rmaNumber: formatRmaNumber(session.station, firstSequence + index - from),
        status: 'intake',
        policyPackId: pack?.packId ?? 'igpsport',
        customerId: customer.id,
        deviceId: device.id,
        purchase: { channel: 'official-store', orderDate: '2026-11-01', proof: 'valid' },
        reason: 'defect',
        symptom: 'malfunction',
        defect: { what: 'Does not charge' },
        customerAcknowledgement: { dataBackedUp: true, simRemoved: false, factoryReset: false },
        createdAt: session.at,
        updatedAt: session.at,
      } satisfies Claim),
    );
    customers.push(customer);
    devices.push(device);
  }
  await session.insertAll(customerDefinition, customers);
  await session.insertAll(deviceDefinition, devices);
  await session.insertAll(claimDefinition, claims);
  return { customers: customers.length, devices: devices.length, claims: claims.length };
}
