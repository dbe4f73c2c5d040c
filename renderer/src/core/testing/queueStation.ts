import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { formatRmaNumber } from '#shared/domain/claim';
import type { ClaimStatus } from '#shared/domain/claimWorkflow';
import type { PolicyId } from '#shared/policy';
import type { StationCalendar } from '#shared/policy/claimEvaluation';
import { tallyClaimCounts } from '../../db/claimCounts';
import { claimDeadlineFields } from '../../db/claimDeadline';
import type { FixlineDatabase } from '../../db/database';
import { FixlineDatabase as Database } from '../../db/database';
import { createRepositories } from '../../db/repositories';
import { runRestore } from '../../db/writeGuard';
import type { StoredClaim, StoredCustomer, StoredDevice } from '../../db/records';
import { customerSearchFields } from '../../db/searchKeys';
import { hashPin } from '../../station/personPin';

/** The technicians of the generated station: the first is at the bench. */
export const queueTechnicians = [
  { id: '00000000-0000-7000-8000-0000000000aa', name: 'Dewi Lestari', pin: '4821' },
  { id: '00000000-0000-7000-8000-0000000000ab', name: 'Agus Wijaya', pin: '1357' },
] as const;

/** The statuses the generated claims cycle through, one claim each in turn. */
export const queueStatuses: readonly ClaimStatus[] = [
  'intake',
  'awaiting-authorization',
  'authorized',
  'received',
  'inspected',
  'resolved',
  'closed',
];

/** The packs the generated claims cycle through, with the model of each pack's devices. */
export const queuePacks: readonly { packId: PolicyId; model: string; category: string }[] = [
  { packId: 'igpsport', model: 'iGPSPORT iGS630', category: 'bike-computer' },
  { packId: 'kospet-warranty-refund', model: 'KOSPET Tank T3', category: 'smartwatch' },
  { packId: 'kospet-official-store', model: 'KOSPET Tank M3', category: 'smartwatch' },
];

/** Claim `index` (from 0) of the generated station, as the generator makes it. */
export function generatedClaim(index: number) {
  const pack = queuePacks[index % queuePacks.length] ?? queuePacks[0];
  // Every fourth claim is Dewi's, the next Agus's, the other two nobody's yet.
  const assignee = queueTechnicians[index % 4];
  return {
    rmaNumber: formatRmaNumber('JKT1', index + 1),
    status: queueStatuses[index % queueStatuses.length] ?? 'intake',
    packId: pack?.packId ?? 'igpsport',
    assigneeId: assignee?.id,
  };
}

/** What the generator made, tallied as it made it, for checks and for the benchmark's picks. */
export type QueueStationSummary = {
  readonly claims: number;
  readonly byStatus: Record<string, number>;
  readonly byPack: Record<string, number>;
  readonly byAssignee: Record<string, number>;
  /** Claims whose next deadline had passed at `nowIso`. */
  readonly overdue: number;
  readonly nowIso: string;
};

const calendar = { timeZone: 'Asia/Jakarta', holidays: ['2026-12-25'] } satisfies StationCalendar;
const minuteMs = 60_000;

/**
 * Fills the empty database `db` with a station of `count` claims the fast way, as a restore does:
 * one real customer, device and claim are written through the repositories, that station is
 * exported, its rows are multiplied (new ids and RMA numbers, statuses, packs and assignees in
 * turn, one claim every few minutes up to `nowMs`; 1,000 customers with a device each) and the
 * rows are restored into `db` in one transaction. Each claim's deadline fields are derived as the repository derives
 * them, so the queue's indexes hold what real writes would have left.
 */
export async function restoreQueueStation(
  db: FixlineDatabase,
  count: number,
  nowMs: number = Date.now(),
): Promise<QueueStationSummary> {
  const template = new Database(`fixline-queue-template-${crypto.randomUUID()}`);
  const repositories = createRepositories(template);
  const technician = { actor: queueTechnicians[0].id };
  await expectOk(
    repositories.station.setUp({
      stationCode: 'JKT1',
      center: { name: 'Fixline Jakarta' },
      currency: 'IDR',
      ...calendar,
      workingDays: [1, 2, 3, 4, 5],
      language: 'en',
      policyAssignments: [
        { brand: 'KOSPET', channels: ['official-store'], packId: 'kospet-official-store' },
      ],
      technicians: await Promise.all(
        queueTechnicians.map(async ({ id, name, pin }) => ({
          id,
          name,
          pinHash: await hashPin(pin),
        })),
      ),
    }),
  );
  await expectOk(repositories.station.setBenchPerson(technician.actor));
  const customer = await expectOk(
    repositories.customers.create(
      { name: 'Siti Rahmawati', phone: '+62 812 3456 7890', preferredLanguage: 'id' },
      technician,
    ),
  );
  const device = await expectOk(
    repositories.devices.create(
      { customerId: customer.id, model: 'TANK T3', category: 'smartwatch', serial: 'Q-0' },
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
          orderDate: '2025-11-01',
          invoiceDate: '2025-11-01',
          deliveredDate: '2025-11-05',
          orderNumber: 'ORD-0',
          proof: 'valid',
        },
        reason: 'defect',
        symptom: 'malfunction',
        defect: { what: 'The screen stays black' },
        customerAcknowledgement: { dataBackedUp: true, simRemoved: true, factoryReset: false },
      },
      technician,
    ),
  );
  const templateRows = Object.fromEntries(
    await Promise.all(
      template.tables.map(async (table) => [table.name, (await table.toArray()) as object[]]),
    ),
  );
  const [sequences, customerRow, deviceRow, claimRow] = await Promise.all([
    template.sequences.toArray(),
    template.customers.get(customer.id),
    template.devices.get(device.id),
    template.claims.toCollection().first(),
  ]);
  template.close();
  await Dexie.delete(template.name);
  if (customerRow === undefined || deviceRow === undefined || claimRow === undefined) {
    throw new Error('the template station lost its claim');
  }

  const names = ['Siti Rahmawati', 'Budi Santoso', 'Rina Kurnia', 'Made Putra', 'Ayu Lestari'];
  const customerCount = Math.min(count, 1_000);
  const customers: StoredCustomer[] = [];
  const devices: StoredDevice[] = [];
  for (let index = 0; index < customerCount; index += 1) {
    const pack = queuePacks[index % queuePacks.length] ?? queuePacks[0];
    const name = `${names[index % names.length] ?? 'Customer'} ${index + 1}`;
    const customerId = uuidv7();
    customers.push({
      ...customerRow,
      id: customerId,
      name,
      ...customerSearchFields({ name, phone: customerRow.phone }),
    });
    devices.push({
      ...deviceRow,
      id: uuidv7(),
      customerId,
      model: pack?.model ?? 'KOSPET Tank T3',
      category: pack?.category === 'bike-computer' ? 'bike-computer' : 'smartwatch',
      serial: `SN-${String(index).padStart(6, '0')}`,
    });
  }

  const nowIso = new Date(Math.floor(nowMs / minuteMs) * minuteMs).toISOString();
  // Claims every 5 minutes, the newest a few minutes ago; 100,000 span about a year.
  const spacingMs = 5 * minuteMs;
  const firstMs = nowMs - count * spacingMs;
  const deadlineCache = new Map<string, ReturnType<typeof claimDeadlineFields>>();
  const summary = {
    byStatus: {} as Record<string, number>,
    byPack: {} as Record<string, number>,
    byAssignee: {} as Record<string, number>,
    overdue: 0,
  };
  const tally = (counts: Record<string, number>, key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  const claims: StoredClaim[] = [];
  for (let index = 0; index < count; index += 1) {
    const made = generatedClaim(index);
    const owner = index % customerCount;
    const customerOf = customers[owner] ?? customerRow;
    const deviceOf = devices[owner] ?? deviceRow;
    const createdAt = new Date(firstMs + index * spacingMs).toISOString();
    const claim: StoredClaim = {
      ...claimRow,
      id: uuidv7(),
      rmaNumber: made.rmaNumber,
      status: made.status,
      policyPackId: made.packId,
      customerId: customerOf.id,
      deviceId: deviceOf.id,
      purchase: { ...claimRow.purchase, orderNumber: `ORD-${index}` },
      createdAt,
      updatedAt: createdAt,
      ...(made.assigneeId === undefined ? {} : { assigneeId: made.assigneeId }),
    };
    // The deadlines depend on the pack, the status and the day of the request: evaluate each
    // combination once, exactly as ClaimRepository would for every claim.
    const jakartaDay = new Date(firstMs + index * spacingMs + 7 * 60 * minuteMs)
      .toISOString()
      .slice(0, 10);
    const key = `${made.packId}|${made.status}|${jakartaDay}`;
    let fields = deadlineCache.get(key);
    if (fields === undefined) {
      fields = claimDeadlineFields(
        { claim, customer: customerOf, device: deviceOf, evidence: [] },
        calendar,
      );
      deadlineCache.set(key, fields);
    }
    claims.push({ ...claim, ...fields });
    tally(summary.byStatus, made.status);
    tally(summary.byPack, made.packId);
    tally(summary.byAssignee, made.assigneeId ?? 'none');
    if (fields.nextDeadlineAt !== undefined && fields.nextDeadlineAt < nowIso) summary.overdue += 1;
  }
  const rows: Record<string, readonly object[]> = {
    ...templateRows,
    customers,
    devices,
    claims,
    claimCounts: tallyClaimCounts(claims),
    auditEvents: [],
    outbox: [],
    sequences: sequences.map((row) =>
      row.name.startsWith('rma/') ? { ...row, value: count } : row,
    ),
  };
  // What importDatabase does with a backup file, without 150 MB of JSON in between: every table
  // written in one transaction, through the write guard's restore path, into an empty database.
  if (!db.isOpen()) await db.open();
  const existing = await db.transaction('r', db.tables, () =>
    Promise.all(db.tables.map((table) => table.count())),
  );
  if (existing.some((rowCount) => rowCount > 0)) throw new Error('the database is not empty');
  await runRestore(db, () =>
    db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        const tableRows = rows[table.name] ?? [];
        if (tableRows.length > 0) await table.bulkAdd(tableRows);
      }
    }),
  );
  return { claims: count, ...summary, nowIso };
}

async function expectOk<Value>(
  pending: Promise<{ ok: true; value: Value } | { ok: false; error: { message: string } }>,
): Promise<Value> {
  const result = await pending;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
