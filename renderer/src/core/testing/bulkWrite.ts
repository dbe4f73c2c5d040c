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
import { expectOk, queuePacks, queueTechnicians } from './queueStation';

/** What {@link writeInBulk} wrote. */
export type BulkWriteCounts = {
  readonly customers: number;
  readonly devices: number;
  readonly claims: number;
};

/**
 * The name of the path {@link writeInBulk} measures, for the benchmark's report: the app has no
 * batched write of claims, customers and devices yet, so this is the one bulk path the
 * repositories have (the parts import's `WriteSession.insertAll`).
 */
export const bulkWritePath =
  'RepositoryWriter.write + WriteSession.insertAll (the parts import path)';

/**
 * Writes `count` customers, each with a device and a claim, in one repository transaction
 * through the repositories' bulk path ({@link bulkWritePath}): each row parsed, its references
 * checked, stamped, with its audit event, and one outbox entry for all; each claim takes the
 * station's next RMA number. `db` holds a station set up (see `setUpGeneratedStation`).
 */
export async function writeInBulk(db: FixlineDatabase, count: number): Promise<BulkWriteCounts> {
  const writer = new RepositoryWriter(db);
  const written = await writer.write(
    { actor: queueTechnicians[0].id },
    writeScope([customerDefinition, deviceDefinition, claimDefinition]),
    async (session) => {
      const customers: Customer[] = [];
      const devices: Device[] = [];
      const claims: Claim[] = [];
      for (let index = 0; index < count; index += 1) {
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
        const sequence = await session.nextSequence(rmaSequenceName(session.station));
        claims.push(
          session.parse(claimDefinition, {
            id: uuidv7(),
            rmaNumber: formatRmaNumber(session.station, sequence),
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
    },
  );
  return expectOk(Promise.resolve(written));
}
