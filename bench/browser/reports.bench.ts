import { exportDB } from 'dexie-export-import';
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { formatRmaNumber } from '#shared/domain/claim';
import { computeReports } from '#shared/reports';
import { createRepositories, FixlineDatabase, restoreBackup } from '../../renderer/src/db';
import { loadReportRecords } from '../../renderer/src/core/reportRecords';

/** How many claims the station holds: 100,000, as the issue asks. */
const claimCount = Number(new URLSearchParams(location.search).get('claims') ?? 100_000);
const technician = { actor: '00000000-0000-7000-8000-0000000000aa' };

type ExportFile = {
  data: {
    tables: { name: string; rowCount: number }[];
    data: { tableName: string; rows: Record<string, unknown>[] }[];
  };
};

/**
 * The Reports screen's work at 100,000 claims, half of them taken all the way to resolved
 * (five status changes and an inspection each): reading the records by index
 * (`loadReportRecords`) beside a raw read of the same tables, and computing every report
 * (`computeReports`). Decides whether the screen must compute off the main thread.
 */
export async function runReportsBenchmark(): Promise<object> {
  const db = await stationWithClaims(claimCount);
  const timed = async <Value>(run: () => Promise<Value> | Value) => {
    const started = performance.now();
    const value = await run();
    return { value, ms: Math.round(performance.now() - started) };
  };
  const baseline = await timed(() =>
    Promise.all([
      db.claims.toArray(),
      db.devices.toArray(),
      db.customers.toArray(),
      db.inspections.toArray(),
      db.auditEvents.toArray(),
    ]),
  );
  const load = await timed(() => loadReportRecords(db, {}));
  const calendar = { timeZone: 'Asia/Jakarta', holidays: [], nowMs: Date.now() };
  const compute = await timed(() => computeReports(load.value, {}, calendar));
  const month = { openedFrom: '2025-01-01', openedTo: '2025-01-31' };
  const monthLoad = await timed(() => loadReportRecords(db, month));
  const monthCompute = await timed(() => computeReports(monthLoad.value, month, calendar));
  db.close();
  await Dexie.delete(db.name);
  return {
    benchmark: 'reports',
    claims: load.value.claims.length,
    statusChanges: load.value.statusChanges.length,
    unit: 'ms',
    fixline: load.ms,
    baseline: baseline.ms,
    ratio: Math.round((load.ms / baseline.ms) * 100) / 100,
    computeMs: compute.ms,
    oneMonth: {
      claims: monthLoad.value.claims.length,
      loadMs: monthLoad.ms,
      computeMs: monthCompute.ms,
    },
    baselines: { read: 'toArray() of claims, devices, customers, inspections and auditEvents' },
  };
}

/**
 * A station of `count` claims, made as the search benchmark makes its own: one claim written
 * through the repositories (opened, answered, authorized, received, inspected, resolved), its
 * export multiplied with new ids, and restored into a fresh database.
 */
async function stationWithClaims(count: number): Promise<FixlineDatabase> {
  const template = new FixlineDatabase(`fixline-bench-template-${crypto.randomUUID()}`);
  const repositories = createRepositories(template);
  const unwrap = async <Value>(
    pending: Promise<{ ok: true; value: Value } | { ok: false; error: { message: string } }>,
  ): Promise<Value> => {
    const result = await pending;
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  await unwrap(
    repositories.station.setUp({ stationCode: 'JKT1', center: { name: 'Fixline Jakarta' } }),
  );
  const customer = await unwrap(
    repositories.customers.create(
      { name: 'Siti Rahmawati', phone: '+62 812 3456 7890', preferredLanguage: 'id' },
      technician,
    ),
  );
  const device = await unwrap(
    repositories.devices.create(
      { customerId: customer.id, model: 'KOSPET Tank T3', category: 'smartwatch', serial: 'KT3-0' },
      technician,
    ),
  );
  const claim = await unwrap(
    repositories.claims.create(
      {
        policyPackId: 'kospet-warranty-refund',
        customerId: customer.id,
        deviceId: device.id,
        purchase: {
          channel: 'official-store',
          deliveredDate: '2024-12-28',
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
  for (const to of ['awaiting-authorization', 'authorized', 'received'] as const) {
    await unwrap(repositories.claims.transition(claim.id, to, technician));
  }
  await unwrap(
    repositories.inspections.create(
      {
        claimId: claim.id,
        faultConfirmed: true,
        doaVerdict: 'not-doa',
        noDefectFound: false,
        inspectedAt: new Date().toISOString(),
        inspectedBy: technician.actor,
      },
      technician,
    ),
  );
  await unwrap(repositories.claims.transition(claim.id, 'inspected', technician));
  await unwrap(repositories.claims.update(claim.id, { remedy: 'warranty-repair' }, technician));
  await unwrap(repositories.claims.transition(claim.id, 'resolved', technician));

  const file = JSON.parse(await (await exportDB(template)).text()) as ExportFile;
  template.close();
  await Dexie.delete(template.name);
  const rowsOf = (tableName: string) => {
    const table = file.data.data.find((candidate) => candidate.tableName === tableName);
    if (!table) throw new Error(`the export has no ${tableName} table`);
    return table;
  };
  const first = (name: string) => rowsOf(name).rows[0] ?? {};
  const [customerRow, deviceRow, claimRow, inspectionRow] = [
    'customers',
    'devices',
    'claims',
    'inspections',
  ].map(first) as [
    Record<string, unknown>,
    Record<string, unknown>,
    Record<string, unknown>,
    Record<string, unknown>,
  ];
  const transitions = rowsOf('auditEvents').rows.filter(
    (event) => event['action'] === 'transition',
  );
  const tables: Record<string, Record<string, unknown>[]> = {
    customers: [],
    devices: [],
    claims: [],
    inspections: [],
    auditEvents: [],
  };
  const firstDayMs = Date.UTC(2025, 0, 1);
  const dayMs = 86_400_000;
  for (let index = 0; index < count; index += 1) {
    const [customerId, deviceId, claimId] = [uuidv7(), uuidv7(), uuidv7()];
    const createdMs = firstDayMs + index * 600_000;
    const finished = index % 2 === 0;
    tables.customers?.push({ ...customerRow, id: customerId });
    tables.devices?.push({
      ...deviceRow,
      id: deviceId,
      customerId,
      model: ['KOSPET Tank T3', 'KOSPET Tank M2', 'KOSPET Ultra'][index % 3],
      serial: `KT3-${index}`,
    });
    tables.claims?.push({
      ...claimRow,
      id: claimId,
      rmaNumber: formatRmaNumber('JKT1', index + 1),
      customerId,
      deviceId,
      status: finished ? 'resolved' : 'intake',
      createdAt: new Date(createdMs).toISOString(),
      updatedAt: new Date(createdMs).toISOString(),
    });
    if (!finished) continue;
    tables.inspections?.push({
      ...inspectionRow,
      id: uuidv7(),
      claimId,
      inspectedAt: new Date(createdMs + 3 * dayMs).toISOString(),
    });
    transitions.forEach((event, step) => {
      tables.auditEvents?.push({
        ...event,
        id: uuidv7(),
        entityId: claimId,
        at: new Date(createdMs + (step + 1) * dayMs).toISOString(),
      });
    });
  }
  for (const [name, rows] of Object.entries(tables)) rowsOf(name).rows = rows;
  rowsOf('outbox').rows = [];
  for (const table of file.data.tables) table.rowCount = rowsOf(table.name).rows.length;
  const db = new FixlineDatabase(`fixline-bench-${crypto.randomUUID()}`);
  const restored = await restoreBackup(
    db,
    new Blob([JSON.stringify(file)], { type: 'application/json' }),
  );
  if (!restored.ok) throw new Error(restored.error.message);
  return db;
}
