import type { RecordId, StationCode } from '#shared/domain/primitives';
import type { SyncRow } from '#shared/sync/protocol';
import type { FixlineDatabase } from '../../renderer/src/db/database';
import type { Repositories } from '../../renderer/src/db/repositories';
import { readOutboxMutations } from '../../renderer/src/db/sync/syncState';
import { makeClaimDraft } from '../factories/domain';
import {
  asTechnician,
  createCustomerAndDevice,
  expectOk,
  openTestDatabase,
} from '../db/testDatabase';
import type { FakeSyncServer } from './fakeSyncServer';

/** A station set up with its own database and repositories. */
export type TestStation = { db: FixlineDatabase; repositories: Repositories; code: StationCode };

export async function openStation(code: StationCode): Promise<TestStation> {
  return { ...(await openTestDatabase(code)), code };
}

/** Takes in a claim at `station`: a customer, their device and the claim, each with its audit. */
export async function takeInClaim(station: TestStation): Promise<RecordId> {
  const { customerId, deviceId } = await createCustomerAndDevice(station.repositories);
  const claim = expectOk(
    await station.repositories.claims.create(
      makeClaimDraft({ customerId, deviceId }),
      asTechnician,
    ),
  );
  return claim.id;
}

/** Hands the station's whole outbox to `server` as client `clientId` (a push without an engine). */
export async function pushOutbox(
  station: TestStation,
  server: FakeSyncServer,
  clientId: string,
): Promise<void> {
  server.receive(clientId, await readOutboxMutations(station.db, 1, 500));
}

/** Rows of `rows` of one table. */
export function rowsOf(rows: readonly SyncRow[], table: SyncRow['table']): SyncRow[] {
  return rows.filter((row) => row.table === table);
}
