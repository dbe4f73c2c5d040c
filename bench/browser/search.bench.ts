import { exportDB } from 'dexie-export-import';
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { formatRmaNumber } from '#shared/domain/claim';
import {
  createRepositories,
  FixlineDatabase,
  findClaimsByScan,
  restoreBackup,
} from '../../renderer/src/db';
import { measureSideBySide } from './measure';

/** How many claims the station holds, as the issue asks: 100,000. */
const claimCount = Number(new URLSearchParams(location.search).get('claims') ?? 100_000);
const lookups = 1_000;
const technician = { actor: '00000000-0000-7000-8000-0000000000aa' };

type ExportFile = {
  data: {
    tables: { name: string; rowCount: number }[];
    data: { tableName: string; rows: Record<string, unknown>[] }[];
  };
};

/**
 * Scan lookups (by RMA number and by serial) on a station with 100,000 claims: Fixline's
 * `findClaimsByScan` beside raw Dexie `where().equals()` reads of the same answer.
 */
export async function runSearchBenchmark(): Promise<object> {
  const startedMs = performance.now();
  const db = await stationWithClaims(claimCount);
  console.log(`generated ${claimCount} claims in ${Math.round(performance.now() - startedMs)} ms`);

  const picks = Array.from({ length: lookups }, () => Math.floor(Math.random() * claimCount));
  const byRmaNumber = await measureSideBySide(
    picks.map((index) => rmaNumberOf(index)),
    (rma) => findClaimsByScan(db, rma),
    (rma) => db.claims.where('rmaNumber').equals(rma).toArray(),
  );
  const bySerial = await measureSideBySide(
    picks.map((index) => serialOf(index)),
    (serial) => findClaimsByScan(db, serial),
    async (serial) => {
      const device = await db.devices.where('serial').equals(serial).first();
      return device ? db.claims.where('deviceId').equals(device.id).toArray() : [];
    },
  );
  const counts = { claims: await db.claims.count(), devices: await db.devices.count() };
  db.close();
  await Dexie.delete(db.name);
  return {
    benchmark: 'search',
    ...counts,
    lookups,
    unit: 'ms',
    fixline: byRmaNumber.fixline,
    baseline: byRmaNumber.baseline,
    ratio: byRmaNumber.ratio,
    byRmaNumber,
    bySerial,
    baselines: {
      byRmaNumber: 'db.claims.where("rmaNumber").equals(rma).toArray()',
      bySerial:
        'db.devices.where("serial").equals(serial).first(), then db.claims.where("deviceId").equals(id).toArray()',
    },
  };
}

const rmaNumberOf = (index: number) => formatRmaNumber('JKT1', index + 1);
const serialOf = (index: number) => `KT3-${String(index).padStart(7, '0')}`;

/**
 * A station holding `count` claims, each with its device and customer. Writing them one by one
 * through the repositories would take many minutes, so the generator does what a restore does:
 * it writes one real claim through the repositories, exports that station, multiplies its rows
 * (new ids, serials and RMA numbers) and restores the file into a fresh database.
 */
async function stationWithClaims(count: number): Promise<FixlineDatabase> {
  const template = new FixlineDatabase(`fixline-bench-template-${crypto.randomUUID()}`);
  const repositories = createRepositories(template);
  await expectOk(
    repositories.station.setUp({ stationCode: 'JKT1', center: { name: 'Fixline Jakarta' } }),
  );
  const customer = await expectOk(
    repositories.customers.create(
      { name: 'Siti Rahmawati', phone: '+62 812 3456 7890', preferredLanguage: 'id' },
      technician,
    ),
  );
  const device = await expectOk(
    repositories.devices.create(
      { customerId: customer.id, model: 'TANK T3', category: 'smartwatch', serial: serialOf(0) },
      technician,
    ),
  );
  await expectOk(
    repositories.claims.create(
      {
        policyPackId: 'kospet-warranty-refund',
        customerId: customer.id,
        deviceId: device.id,
        purchase: {
          channel: 'official-store',
          deliveredDate: '2026-04-08',
          orderNumber: 'KS-0',
          proof: 'valid',
        },
        reason: 'defect',
        symptom: 'malfunction',
        defect: { what: 'Does not charge' },
        customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: true },
      },
      technician,
    ),
  );
  const file = JSON.parse(await (await exportDB(template)).text()) as ExportFile;
  template.close();
  await Dexie.delete(template.name);

  const rowsOf = (tableName: string) => {
    const table = file.data.data.find((candidate) => candidate.tableName === tableName);
    if (!table) throw new Error(`the export has no ${tableName} table`);
    return table;
  };
  const [customerRow, deviceRow, claimRow] = ['customers', 'devices', 'claims'].map(
    (name) => rowsOf(name).rows[0] ?? {},
  ) as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
  const customers: Record<string, unknown>[] = [];
  const devices: Record<string, unknown>[] = [];
  const claims: Record<string, unknown>[] = [];
  const firstDayMs = Date.UTC(2025, 0, 1);
  for (let index = 0; index < count; index += 1) {
    const customerId = uuidv7();
    const deviceId = uuidv7();
    const createdAt = new Date(firstDayMs + index * 600_000).toISOString();
    customers.push({ ...customerRow, id: customerId });
    devices.push({ ...deviceRow, id: deviceId, customerId, serial: serialOf(index) });
    claims.push({
      ...claimRow,
      id: uuidv7(),
      rmaNumber: rmaNumberOf(index),
      customerId,
      deviceId,
      status: ['intake', 'authorized', 'received', 'inspected', 'resolved', 'closed'][index % 6],
      createdAt,
      updatedAt: createdAt,
    });
  }
  rowsOf('customers').rows = customers;
  rowsOf('devices').rows = devices;
  rowsOf('claims').rows = claims;
  for (const name of ['auditEvents', 'outbox']) rowsOf(name).rows = [];
  for (const row of rowsOf('sequences').rows)
    if (String(row['name']).startsWith('rma/')) row['value'] = count;
  for (const table of file.data.tables) table.rowCount = rowsOf(table.name).rows.length;

  const db = new FixlineDatabase(`fixline-bench-${crypto.randomUUID()}`);
  const restored = await restoreBackup(
    db,
    new Blob([JSON.stringify(file)], { type: 'application/json' }),
  );
  if (!restored.ok) throw new Error(restored.error.message);
  return db;
}

async function expectOk<Value>(
  pending: Promise<{ ok: true; value: Value } | { ok: false; error: { message: string } }>,
): Promise<Value> {
  const result = await pending;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
