import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { DBCore, Middleware } from 'dexie';
import { afterEach } from 'vitest';
import type { RecordId, StationCode } from '#shared/domain/primitives';
import { FixlineDatabase } from '../../renderer/src/db/database';
import type { Repositories, WriteContext } from '../../renderer/src/db/repositories';
import { createRepositories } from '../../renderer/src/db/repositories';
import type { PinHashCost } from '../../renderer/src/station/personPin';
import { technicianId } from '../factories/domain';

/** The wall time test writes happen at; each write moves it on by a second. */
export const firstWriteMs = Date.UTC(2026, 4, 4, 2, 15);

/**
 * The outbox entries the first-run setup writes: the center's settings, a synced record since
 * schema v6 (the station of {@link openTestDatabase} is set up without people). A test's first
 * write is the entry after them.
 */
export const setupOutboxEntries = 1;

/** The technician test writes are made by. */
export const asTechnician: WriteContext = { actor: technicianId };

const openedNames: string[] = [];
let databaseCounter = 0;

afterEach(async () => {
  for (const name of openedNames.splice(0)) await Dexie.delete(name);
});

/** A fresh, empty database under a name no other test uses; deleted after the test. */
export function freshDatabaseName(): string {
  databaseCounter += 1;
  const name = `fixline-test-${databaseCounter}-${Math.random().toString(36).slice(2)}`;
  openedNames.push(name);
  return name;
}

/** A stepping clock: every call is one second after the previous one. */
export function steppingClock(startMs: number = firstWriteMs): () => number {
  let nowMs = startMs - 1000;
  return () => {
    nowMs += 1000;
    return nowMs;
  };
}

/**
 * argon2id at its smallest (8 KiB, one pass): a PIN hash in well under a millisecond, where the
 * production cost takes about a tenth of a second. Only tests pass it, through the repositories'
 * `pinHashCost` option; one test checks the production cost itself.
 */
export const cheapPinHashCost: PinHashCost = { memorySize: 8, iterations: 1, parallelism: 1 };

/**
 * A fresh database with its repositories, and the station set up unless `stationCode` is null.
 * PINs are hashed at {@link cheapPinHashCost} unless `pinHashCost` says otherwise.
 */
export async function openTestDatabase(
  stationCode: StationCode | null = 'JKT1',
  { pinHashCost = cheapPinHashCost }: { pinHashCost?: PinHashCost } = {},
): Promise<{ db: FixlineDatabase; repositories: Repositories }> {
  const db = new FixlineDatabase(freshDatabaseName());
  const repositories = createRepositories(db, { now: steppingClock(), pinHashCost });
  if (stationCode !== null) {
    // Set up with a clock of its own, so the first write of the test is at firstWriteMs.
    const setUp = await createRepositories(db, { now: () => firstWriteMs }).station.setUp({
      stationCode,
      center: { name: 'Fixline Service Center Jakarta' },
    });
    if (!setUp.ok) throw new Error(setUp.error.message);
  }
  return { db, repositories };
}

/** Unwraps a successful result, failing the test with the refusal's message otherwise. */
export function expectOk<Value>(
  result:
    | { readonly ok: true; readonly value: Value }
    | { readonly ok: false; readonly error: { readonly message: string } },
): Value {
  if (!result.ok) throw new Error(`expected success, got a refusal: ${result.error.message}`);
  return result.value;
}

/** Creates a customer and a device of theirs, the two records every claim points at. */
export async function createCustomerAndDevice(
  repositories: Repositories,
  device: { serial?: string; imei?: string } = { serial: 'KT3-2026-000173' },
): Promise<{ customerId: RecordId; deviceId: RecordId }> {
  const customer = expectOk(
    await repositories.customers.create(
      {
        name: 'Siti Rahmawati',
        phone: '+62 812 3456 7890',
        email: 'siti@example.com',
        preferredLanguage: 'id',
      },
      asTechnician,
    ),
  );
  const created = expectOk(
    await repositories.devices.create(
      { customerId: customer.id, model: 'KOSPET Tank T3', category: 'smartwatch', ...device },
      asTechnician,
    ),
  );
  return { customerId: customer.id, deviceId: created.id };
}

/** A quota error as Chromium raises it when the disk is full. */
export const quotaError = (): DOMException =>
  new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/**
 * A DBCore middleware under which every write to `tableName` fails with `error()` (a full disk by
 * default). Use it on a closed database: middlewares take effect when it opens.
 */
export function failingWritesOn(
  tableName: string,
  error: () => Error = quotaError,
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'failingWritesForTest',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== tableName) return table;
        return { ...table, mutate: () => Promise.reject(error()) };
      },
    }),
  };
}
