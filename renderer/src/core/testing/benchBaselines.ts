import Dexie from 'dexie';
import type { FixlineDatabase } from '../../db/database';
import { afterPaint } from './benchStopwatch';

/**
 * The raw baselines of the UI benchmark (bench/app/ui.bench.ts): plain Dexie, IndexedDB and
 * WebCrypto in the same page, doing the reads, writes and hashes the screen needs for the same
 * rows, and drawing the result as plain elements. Each returns its time in milliseconds, until
 * painted where the screen's figure is too. No React, no Mantine, no policy evaluation, no
 * write guard: what the app adds over these is what its ratio shows.
 */

/** A queue filter as the baselines read it: one index range, as the app reads one filter. */
export type RawQueueFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'status'; readonly status: string }
  | { readonly kind: 'pack'; readonly packId: string }
  | { readonly kind: 'overdue'; readonly nowIso: string };

/** The claims of a filter, in queue order (the indexes the queue's plan uses). */
function rawRange(db: Dexie, filter: RawQueueFilter) {
  const claims = db.table('claims');
  switch (filter.kind) {
    case 'all':
      return claims.orderBy('createdAt');
    case 'status':
      return claims
        .where('[status+createdAt]')
        .between([filter.status, Dexie.minKey], [filter.status, Dexie.maxKey]);
    case 'pack':
      return claims
        .where('[policyPackId+createdAt]')
        .between([filter.packId, Dexie.minKey], [filter.packId, Dexie.maxKey]);
    case 'overdue':
      return claims.where('nextDeadlineAt').below(filter.nowIso);
  }
}

type RawClaim = {
  id: string;
  rmaNumber: string;
  status: string;
  createdAt: string;
  customerId: string;
  deviceId: string;
  nextDeadlineDate?: string;
};

/** What the queue's first window and count are: the same reads its screen makes. */
export type QueueWindowFacts = { readonly count: number; readonly firstRma: string | undefined };

/**
 * The reads of the queue for one filter: the count on the filter's index range, the deleted
 * claims (by their index), the window of `size` claims from `start` by the same range, and those
 * claims' customers and devices by key.
 */
async function readRawQueueWindow(db: Dexie, filter: RawQueueFilter, start: number, size: number) {
  const [count] = await Promise.all([
    rawRange(db, filter).count(),
    db.table('claims').where('deletedAt').above('').toArray(),
  ]);
  const claims = (await rawRange(db, filter).offset(start).limit(size).toArray()) as RawClaim[];
  const [customers, devices] = await Promise.all([
    db.table('customers').bulkGet([...new Set(claims.map((claim) => claim.customerId))]),
    db.table('devices').bulkGet([...new Set(claims.map((claim) => claim.deviceId))]),
  ]);
  return { count, claims, customers, devices };
}

/** The count and first claim of a filter, for the benchmark to know what the screen must show. */
export async function queueWindowFacts(
  db: FixlineDatabase,
  filter: RawQueueFilter,
): Promise<QueueWindowFacts> {
  const [count, first] = await Promise.all([
    rawRange(db, filter).count(),
    rawRange(db, filter).first() as Promise<RawClaim | undefined>,
  ]);
  return { count, firstRma: first?.rmaNumber };
}

/** Draws `rows` into a plain table, paints, removes it; the time from `startedMs` to the paint. */
async function drawAndPaint(rows: readonly (readonly string[])[], startedMs: number) {
  const table = document.createElement('table');
  for (const cells of rows) {
    const row = table.insertRow();
    for (const value of cells) row.insertCell().textContent = value;
  }
  document.body.append(table);
  await afterPaint();
  const elapsedMs = performance.now() - startedMs;
  table.remove();
  return elapsedMs;
}

/**
 * Baseline of the queue's first render, a filter change and a deep scroll: the queue's reads for
 * `filter` (count, deleted claims, `size` claims from `start`, their customers and devices) and
 * the `visibleRows` rows the grid shows drawn as a plain table, until painted.
 */
export async function rawQueueWindow(
  db: FixlineDatabase,
  filter: RawQueueFilter,
  window: { readonly start: number; readonly size: number; readonly visibleRows: number },
): Promise<number> {
  const startedMs = performance.now();
  const read = await readRawQueueWindow(db, filter, window.start, window.size);
  return drawAndPaint(queueCells(read, window.visibleRows), startedMs);
}

function queueCells(
  read: Awaited<ReturnType<typeof readRawQueueWindow>>,
  visibleRows: number,
): string[][] {
  const names = new Map(read.customers.map((row: { id: string; name: string }) => [row.id, row]));
  const models = new Map(read.devices.map((row: { id: string; model: string }) => [row.id, row]));
  return read.claims
    .slice(0, visibleRows)
    .map((claim) => [
      claim.rmaNumber,
      names.get(claim.customerId)?.name ?? '',
      models.get(claim.deviceId)?.model ?? '',
      claim.status,
      claim.createdAt,
      claim.nextDeadlineDate ?? '',
    ]);
}

type RawEvent = { id: string; at: string; action: string; actor: string; entity: string };

/**
 * The reads of the claim screen: the claim, its customer and device, its evidence (with the
 * attachments' metadata), inspections (and their findings), notes, quotes (and their lines),
 * shipment legs, and the audit events of the claim and of each of those records.
 */
async function readRawClaim(db: Dexie, claimId: string) {
  const claim = (await db.table('claims').get(claimId)) as RawClaim;
  const byClaim = (table: string) =>
    db.table(table).where('claimId').equals(claimId).toArray() as Promise<{ id: string }[]>;
  const [customer, device, evidence, inspections, notes, quotes, legs] = await Promise.all([
    db.table('customers').get(claim.customerId),
    db.table('devices').get(claim.deviceId),
    byClaim('evidence') as Promise<{ id: string; sha256: string }[]>,
    byClaim('inspections'),
    byClaim('notes'),
    byClaim('quotes'),
    byClaim('shipmentLegs'),
  ]);
  const [attachments, findings, lines] = await Promise.all([
    db.table('attachments').bulkGet(evidence.map((row) => row.sha256)),
    db
      .table('misuseFindings')
      .where('inspectionId')
      .anyOf(inspections.map((row) => row.id))
      .toArray() as Promise<{ id: string }[]>,
    db
      .table('quoteLines')
      .where('quoteId')
      .anyOf(quotes.map((row) => row.id))
      .toArray() as Promise<{ id: string }[]>,
  ]);
  const keys = [
    ['claims', claimId],
    ...(
      [
        ['evidence', evidence],
        ['inspections', inspections],
        ['misuseFindings', findings],
        ['notes', notes],
        ['quotes', quotes],
        ['quoteLines', lines],
        ['shipmentLegs', legs],
      ] as const
    ).flatMap(([table, rows]) => rows.map((row) => [table, row.id])),
  ];
  const events = (await db
    .table('auditEvents')
    .where('[entity+entityId]')
    .anyOf(keys)
    .toArray()) as RawEvent[];
  return { claim, customer, device, attachments, events };
}

/**
 * Draws a claim as plain elements: its RMA number as a heading and, with `timeline`, each audit
 * event as a list item (newest first: who, what, when), until painted.
 */
async function drawClaim(
  read: Awaited<ReturnType<typeof readRawClaim>>,
  timeline: boolean,
  startedMs: number,
): Promise<number> {
  const section = document.createElement('section');
  const heading = document.createElement('h2');
  heading.textContent = read.claim.rmaNumber;
  section.append(heading);
  if (timeline) {
    const list = document.createElement('ol');
    const events = [...read.events].sort((a, b) => b.at.localeCompare(a.at));
    for (const event of events) {
      const item = document.createElement('li');
      item.textContent = `${event.actor} ${event.action} ${event.entity} · ${new Date(event.at).toLocaleString()}`;
      list.append(item);
    }
    section.append(list);
  }
  document.body.append(section);
  await afterPaint();
  const elapsedMs = performance.now() - startedMs;
  section.remove();
  return elapsedMs;
}

/** Baseline of opening a claim: the claim screen's reads, drawn with its timeline, until painted. */
export async function rawClaimTimeline(db: FixlineDatabase, claimId: string): Promise<number> {
  const startedMs = performance.now();
  return drawClaim(await readRawClaim(db, claimId), true, startedMs);
}

/**
 * Baseline of a scan while the queue loads: the queue's first window is read meanwhile (not
 * awaited first, as the screen does not wait for it), the claim is found by the `rmaNumber`
 * index, the claim screen's reads are made, and its RMA number is drawn as a heading, until
 * painted.
 */
export async function rawScanToClaim(
  db: FixlineDatabase,
  rmaNumber: string,
  queueWindow: { readonly size: number },
): Promise<number> {
  const startedMs = performance.now();
  const queue = readRawQueueWindow(db, { kind: 'all' }, 0, queueWindow.size);
  const [claim] = (await db
    .table('claims')
    .where('rmaNumber')
    .equals(rmaNumber)
    .toArray()) as RawClaim[];
  if (claim === undefined) throw new Error(`no claim ${rmaNumber}`);
  const elapsedMs = await drawClaim(await readRawClaim(db, claim.id), false, startedMs);
  await queue;
  return elapsedMs;
}

/**
 * A plain Dexie database with the schema of `db` (the same tables, keys and indexes), none of
 * the app's middleware: what the raw writes go into. With `keysOnly`, the same tables and keys
 * without any index: what this browser's IndexedDB does for the rows whatever a schema indexes.
 */
export async function openRawTwin(
  db: FixlineDatabase,
  name: string,
  { keysOnly = false }: { readonly keysOnly?: boolean } = {},
): Promise<Dexie> {
  if (!db.isOpen()) await db.open();
  const stores = Object.fromEntries(
    db.tables.map((table) => [
      table.name,
      [table.schema.primKey, ...(keysOnly ? [] : table.schema.indexes)]
        .map((index) => index.src)
        .join(', '),
    ]),
  );
  const twin = new Dexie(name);
  twin.version(1).stores(stores);
  await twin.open();
  return twin;
}

/** Deletes a raw twin. */
export async function deleteRawTwin(twin: Dexie): Promise<void> {
  twin.close();
  await Dexie.delete(twin.name);
}

/** Where each table of `db` ends now: the key of its last row, to find what is written after. */
export async function markTables(db: FixlineDatabase): Promise<Record<string, unknown>> {
  const marks: Record<string, unknown> = {};
  for (const table of db.tables) {
    marks[table.name] = await table.orderBy(':id').lastKey();
  }
  return marks;
}

/**
 * The rows written to `db` since `marks` (keys are time-ordered UUIDs or sequences), and every
 * row of the small tables a write updates in place (settings, sequences); attachments without
 * their thumbnails and without their bytes, which the baseline stores itself.
 */
export async function rowsWrittenSince(
  db: FixlineDatabase,
  marks: Record<string, unknown>,
): Promise<Record<string, object[]>> {
  const rows: Record<string, object[]> = {};
  for (const table of db.tables) {
    if (table.name === 'attachmentBlobs' || table.name === 'drafts') continue;
    const mark = marks[table.name];
    const written = (
      table.name === 'settings' || table.name === 'sequences' || mark === undefined
        ? await table.toArray()
        : await table.where(':id').above(mark).toArray()
    ) as Record<string, unknown>[];
    rows[table.name] =
      table.name === 'attachments'
        ? written.map((row) =>
            Object.fromEntries(Object.entries(row).filter(([field]) => field !== 'thumbnail')),
          )
        : written;
  }
  return rows;
}

/**
 * Baseline of attaching three photos and saving the intake: each file read and hashed with
 * WebCrypto's SHA-256, its bytes and metadata put, then the rows the app's save wrote (`rows`:
 * customer, device, claim, evidence, audit events, outbox entry, counters) put in one
 * transaction of the twin, and "saved" drawn, until painted. No thumbnails: the app may make
 * them after "saved".
 */
export async function rawIntakeSave(
  twin: Dexie,
  files: readonly Blob[],
  rows: Record<string, object[]>,
): Promise<number> {
  const startedMs = performance.now();
  const digests: string[] = [];
  for (const file of files) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
    const sha256 = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    await twin.transaction('rw', ['attachmentBlobs', 'attachments'], async () => {
      await twin.table('attachmentBlobs').put({ sha256, blob: file });
      await twin.table('attachments').put({ sha256, sizeBytes: file.size, mediaType: file.type });
    });
    digests.push(sha256);
  }
  await twin.transaction('rw', twin.tables, async () => {
    for (const [table, tableRows] of Object.entries(rows)) {
      if (table !== 'attachments' && tableRows.length > 0)
        await twin.table(table).bulkPut(tableRows);
    }
  });
  return drawAndPaint([[`saved ${digests.length}`]], startedMs);
}

/** Baseline of the bulk write: one `bulkPut` a table of the same rows, in one transaction. */
export async function rawBulkPut(twin: Dexie, rows: Record<string, object[]>): Promise<number> {
  const startedMs = performance.now();
  await twin.transaction('rw', twin.tables, async () => {
    await Promise.all(
      Object.entries(rows).map(([table, tableRows]) =>
        tableRows.length > 0 ? twin.table(table).bulkPut(tableRows) : undefined,
      ),
    );
  });
  return performance.now() - startedMs;
}

/**
 * Baseline of the restore: every row of `source` (read a page at a time, untimed) put with
 * `bulkPut` into the twin, one transaction a page; the time of the writes alone.
 */
export async function rawRestore(source: FixlineDatabase, twin: Dexie): Promise<number> {
  let writingMs = 0;
  for (const table of source.tables) {
    let lastKey: unknown;
    for (;;) {
      const after = lastKey;
      const page: object[] =
        after === undefined
          ? await table.orderBy(':id').limit(10_000).toArray()
          : await table.where(':id').above(after).limit(10_000).toArray();
      if (page.length === 0) break;
      const last = page.at(-1);
      if (last !== undefined)
        lastKey = Dexie.getByKeyPath(last, String(table.schema.primKey.keyPath));
      const startedMs = performance.now();
      await twin.transaction('rw', table.name, () => twin.table(table.name).bulkPut(page));
      writingMs += performance.now() - startedMs;
      if (page.length < 10_000) break;
    }
  }
  return writingMs;
}
