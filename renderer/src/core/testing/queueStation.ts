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
import { createRepositories, type Repositories } from '../../db/repositories';
import { tablesIgnoredWhenEmpty } from '../../db/backup/restoreBackup';
import { runRestore } from '../../db/writeGuard';
import type {
  StoredAuditEvent,
  StoredClaim,
  StoredCustomer,
  StoredDevice,
  StoredNote,
} from '../../db/records';
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
  /** Audit events written, over every claim's timeline. */
  readonly auditEvents: number;
  /** Notes written (two per claim, each with its own event). */
  readonly notes: number;
};

/** Every claim whose index is a multiple of this has the longest trail, {@link longestTrail}. */
export const longTrailEvery = 250;
/** The most audit events a generated claim has; the fewest is {@link shortestTrail}. */
export const longestTrail = 200;
export const shortestTrail = 20;
const notesPerClaim = 2;

/**
 * How many audit events claim `index` has: {@link longestTrail} for every
 * {@link longTrailEvery}-th claim (so the timeline can be measured at its longest), otherwise
 * between 20 and 200, most near 20, as most claims go through the workflow with few detours
 * (a mean of about 34).
 */
export function auditTrailLength(index: number): number {
  if (index % longTrailEvery === 0) return longestTrail;
  // A fixed scramble of the index, so the station is the same on every run.
  const unit = (Math.imul(index + 1, 2654435761) >>> 0) / 2 ** 32;
  return shortestTrail + Math.floor((longestTrail - shortestTrail) * unit ** 12);
}

/** Claims whose audit trails are built and written together: bounded memory at 100,000 claims. */
const trailChunkClaims = 2_000;

/** Options of {@link restoreQueueStation}. */
export type QueueStationOptions = {
  /**
   * Gives every claim its audit trail ({@link auditTrailLength} events, two of them notes): about
   * 3.4 million events at 100,000 claims, which the benchmark's timeline needs and the queue's
   * tests do not.
   */
  readonly auditTrails?: boolean;
};

const calendar = { timeZone: 'Asia/Jakarta', holidays: ['2026-12-25'] } satisfies StationCalendar;
const minuteMs = 60_000;

/**
 * Fills the empty database `db` with a station of `count` claims the fast way, as a restore does:
 * one real customer, device and claim are written through the repositories, that station is
 * exported, its rows are multiplied (new ids and RMA numbers, statuses, packs and assignees in
 * turn, one claim every few minutes up to `nowMs`; 1,000 customers with a device each) and the
 * rows are restored into `db` in one transaction (the audit trails, when asked for, in chunks
 * after it). Each claim's deadline fields are derived as the repository derives them, so the
 * queue's indexes hold what real writes would have left.
 */
export async function restoreQueueStation(
  db: FixlineDatabase,
  count: number,
  nowMs: number = Date.now(),
  { auditTrails = false }: QueueStationOptions = {},
): Promise<QueueStationSummary> {
  const template = new Database(`fixline-queue-template-${crypto.randomUUID()}`);
  const repositories = await setUpGeneratedStation(template);
  const technician = { actor: queueTechnicians[0].id };
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
  const [sequences, customerRow, deviceRow, claimRow, claimEvent] = await Promise.all([
    template.sequences.toArray(),
    template.customers.get(customer.id),
    template.devices.get(device.id),
    template.claims.toCollection().first(),
    template.auditEvents.filter((event) => event.entity === 'claims').first(),
  ]);
  template.close();
  await Dexie.delete(template.name);
  if (
    customerRow === undefined ||
    deviceRow === undefined ||
    claimRow === undefined ||
    claimEvent === undefined
  ) {
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
  // As a restore: the sync client id the app made at start is no data, and stays.
  const dataTables = db.tables.filter((table) => !tablesIgnoredWhenEmpty.has(table.name));
  const existing = await db.transaction('r', dataTables, () =>
    Promise.all(dataTables.map((table) => table.count())),
  );
  if (existing.some((rowCount) => rowCount > 0)) throw new Error('the database is not empty');
  let auditEvents = 0;
  let notes = 0;
  await runRestore(db, async () => {
    await db.transaction('rw', db.tables, async () => {
      for (const table of dataTables) {
        const tableRows = rows[table.name] ?? [];
        if (tableRows.length > 0) await table.bulkAdd(tableRows);
      }
    });
    // The trails, a chunk of claims at a time: millions of events are never in memory at once.
    for (let first = 0; auditTrails && first < count; first += trailChunkClaims) {
      const trails = { events: [] as StoredAuditEvent[], notes: [] as StoredNote[] };
      for (let index = first; index < Math.min(count, first + trailChunkClaims); index += 1) {
        const claim = claims[index];
        if (claim !== undefined) addAuditTrail(trails, claim, index, claimEvent, nowMs);
      }
      await db.transaction('rw', db.tables, async () => {
        await db.auditEvents.bulkAdd(trails.events);
        await db.notes.bulkAdd(trails.notes);
      });
      auditEvents += trails.events.length;
      notes += trails.notes.length;
    }
  });
  return { claims: count, ...summary, nowIso, auditEvents, notes };
}

/**
 * Appends claim `index`'s audit trail ({@link auditTrailLength} events, oldest first, between its
 * creation and `nowMs`) to `trails`, cloned from a real claim's `create` event: the creation, one
 * transition per step of the workflow up to its status, two notes, then reassignments between the
 * technicians and edits of the defect, as a busy claim collects them.
 */
function addAuditTrail(
  trails: { events: StoredAuditEvent[]; notes: StoredNote[] },
  claim: StoredClaim,
  index: number,
  template: StoredAuditEvent,
  nowMs: number,
): void {
  const length = auditTrailLength(index);
  const createdMs = Date.parse(claim.createdAt);
  const stepMs = Math.max(1, Math.floor((nowMs - createdMs) / (length + 1)));
  let made = 0;
  const event = (
    entity: string,
    entityId: string,
    action: StoredAuditEvent['action'],
    changes: StoredAuditEvent['changes'],
  ) => {
    const actor = queueTechnicians[made % queueTechnicians.length]?.id ?? template.actor;
    trails.events.push({
      ...template,
      id: uuidv7(),
      entity,
      entityId,
      action,
      changes,
      actor,
      at: new Date(createdMs + made * stepMs).toISOString(),
    });
    made += 1;
  };
  event('claims', claim.id, 'create', template.changes);
  const reached = Math.max(0, queueStatuses.indexOf(claim.status));
  for (let step = 1; step <= reached && made < length; step += 1) {
    const status = { from: queueStatuses[step - 1], to: queueStatuses[step] };
    event('claims', claim.id, 'transition', { status });
  }
  for (let note = 0; note < notesPerClaim && made < length; note += 1) {
    const at = new Date(createdMs + made * stepMs).toISOString();
    const body = note === 0 ? 'Customer called about the repair.' : 'Parts ordered from the brand.';
    const noteId = uuidv7();
    trails.notes.push({ ...noteTemplate(template), id: noteId, claimId: claim.id, body, at });
    event('notes', noteId, 'create', { body: { from: null, to: body } });
  }
  const defectWhat = claim.defect?.what ?? 'The screen stays black';
  while (made < length) {
    const changes: StoredAuditEvent['changes'] =
      made % 2 === 0
        ? { assigneeId: { from: queueTechnicians[0].id, to: queueTechnicians[1].id } }
        : { defect: { from: claim.defect ?? null, to: { what: `${defectWhat} (${made})` } } };
    event('claims', claim.id, 'update', changes);
  }
}

/** A note's sync fields, borrowed from the event's: the same station, person and stamp. */
function noteTemplate(
  event: StoredAuditEvent,
): Pick<StoredNote, 'stamps' | 'updatedBy' | 'station' | 'author'> {
  const stamp = Object.values(event.stamps)[0];
  if (stamp === undefined) throw new Error('the template event has no stamp');
  const stamps = Object.fromEntries(
    ['id', 'claimId', 'body', 'author', 'at'].map((field) => [field, stamp]),
  );
  return { stamps, updatedBy: event.updatedBy, station: event.station, author: event.actor };
}

/**
 * Sets up the generated station (JKT1 in Jakarta, the two {@link queueTechnicians}, Dewi at the
 * bench) in the empty database `db`, through the repositories; returns them.
 */
export async function setUpGeneratedStation(db: FixlineDatabase): Promise<Repositories> {
  const repositories = createRepositories(db);
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
  await expectOk(repositories.station.setBenchPerson(queueTechnicians[0].id));
  return repositories;
}

/** The value of a repository result, or an error with its message. */
export async function expectOk<Value>(
  pending: Promise<{ ok: true; value: Value } | { ok: false; error: { message: string } }>,
): Promise<Value> {
  const result = await pending;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
