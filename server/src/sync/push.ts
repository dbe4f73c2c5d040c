import { isDeepStrictEqual } from 'node:util';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import type { FieldConflict, MergeRow } from '#shared/sync/merge';
import { applyChange, deletedAtField } from '#shared/sync/merge';
import type {
  Mutation,
  MutationOutcome,
  PushRequest,
  PushResponse,
  Rejection,
  RowChange,
  SyncTable,
} from '#shared/sync/protocol';
import { insertOnlySyncTables } from '#shared/sync/protocol';
import { addsFieldsOnce, validateSyncRow } from '#shared/sync/rowSchemas';
import { SyncError } from '../errors';
import type { Device } from '../identity';
import { clientLastMutationId, readSpace } from '../identity';
import { newRecordId } from '../ids';
import type { Database, Queryable, Transaction } from '../storage/database';
import { errorCodeOf, isStorageFull, toNumber } from '../storage/database';
import { syncTableColumns } from '../storage/syncColumns';
import type { StoredRow } from '../storage/syncRows';
import { lockRow, writeRow } from '../storage/syncRows';
import { SpaceWriter, serverNode } from './spaceWriter';
import { checkAuthor, checkIntent, checkRowChange } from './rowRules';

/** A mutation refused for good: nothing of it is applied, and the station is told why. */
class MutationRefused extends Error {
  readonly rejection: Rejection;
  constructor(rejection: Rejection) {
    super(rejection.message);
    this.name = 'MutationRefused';
    this.rejection = rejection;
  }
}

/** What a push did, with the error that stopped it early when one did (a retry will go on). */
export type PushResult = PushResponse & { readonly stoppedBy?: unknown };

/**
 * Applies a push: each new mutation once, in order, under a savepoint. Mutations the client sent
 * before are answered with their first outcome; a gap refuses the whole push. A refused mutation
 * is recorded and the batch goes on; a transient failure stops it, keeping what was done.
 */
export async function applyPush(
  database: Database,
  device: Device,
  request: PushRequest,
  now: () => Date = () => new Date(),
): Promise<PushResult> {
  return database.transaction(async (transaction) => {
    const last = await clientLastMutationId(transaction, device, request.clientId, true);
    checkSequence(request.mutations, last);
    const earlier = await earlierOutcomes(transaction, request.clientId, request.mutations, last);
    const writer = new SpaceWriter(transaction, device.spaceId);
    const knownAuthors = new Set<string>();
    const outcomes: MutationOutcome[] = [];
    let lastDone = last;
    let stoppedBy: unknown;
    for (const mutation of request.mutations) {
      if (mutation.id <= last) {
        outcomes.push(earlier.get(mutation.id) ?? { id: mutation.id, status: 'applied' });
        continue;
      }
      await writer.lock();
      const outcome = await applyOne(
        transaction,
        writer,
        { device, clientId: request.clientId, knownAuthors },
        mutation,
        now,
      );
      if (outcome.kind === 'stopped') {
        stoppedBy = outcome.error;
        break;
      }
      outcomes.push(outcome.outcome);
      lastDone = mutation.id;
    }
    // A full disk loses nothing acknowledged: roll everything back and answer 507.
    if (stoppedBy !== undefined && isStorageFull(stoppedBy)) throw stoppedBy;
    if (lastDone > last) {
      await transaction.query('UPDATE clients SET last_mutation_id = $2 WHERE id = $1', [
        request.clientId,
        lastDone,
      ]);
      await transaction.query('UPDATE enrolled_devices SET last_seen_at = now() WHERE id = $1', [
        device.id,
      ]);
    }
    await writer.finish();
    const version = writer.version ?? (await readSpace(transaction)).version;
    return {
      lastMutationId: lastDone,
      outcomes,
      version,
      ...(stoppedBy === undefined ? {} : { stoppedBy }),
    };
  });
}

/** Mutation ids must follow on from the last applied one without a gap. */
function checkSequence(mutations: readonly Mutation[], last: number): void {
  const first = mutations[0]?.id ?? last + 1;
  const consecutive = mutations.every((mutation, index) => mutation.id === first + index);
  if (!consecutive || first > last + 1) {
    throw new SyncError(
      'mutation-gap',
      `Mutations must follow on from ${last} one by one: send from ${last + 1}, nothing was applied.`,
      { expectedId: last + 1 },
    );
  }
}

async function earlierOutcomes(
  queryable: Queryable,
  clientId: string,
  mutations: readonly Mutation[],
  last: number,
): Promise<Map<number, MutationOutcome>> {
  const repeated = mutations.filter((mutation) => mutation.id <= last).map((m) => m.id);
  const outcomes = new Map<number, MutationOutcome>();
  if (repeated.length === 0) return outcomes;
  const rows = await queryable.query<{ mutation_number: unknown; rejection: Rejection }>(
    'SELECT mutation_number, rejection FROM rejections WHERE client_id = $1 AND mutation_number BETWEEN $2 AND $3',
    [clientId, Math.min(...repeated), Math.max(...repeated)],
  );
  for (const row of rows) {
    const id = toNumber(row.mutation_number);
    outcomes.set(id, { id, status: 'rejected', rejection: row.rejection });
  }
  return outcomes;
}

/** A database error that no retry can fix: a value the column or a constraint refuses. */
function permanentRejection(error: unknown): Rejection | undefined {
  if (error instanceof MutationRefused) return error.rejection;
  const code = errorCodeOf(error);
  if (code !== undefined && /^2[23]/.test(code)) {
    return {
      code: 'invalid-value',
      message: `The database refused a value of this change (${code}).`,
    };
  }
  return undefined;
}

/** Who pushes: the station's device and client, and the authors found so far in the push. */
type Pusher = {
  readonly device: Device;
  readonly clientId: string;
  readonly knownAuthors: Set<string>;
};

async function applyOne(
  transaction: Transaction,
  writer: SpaceWriter,
  { device, clientId, knownAuthors }: Pusher,
  mutation: Mutation,
  now: () => Date,
): Promise<{ kind: 'done'; outcome: MutationOutcome } | { kind: 'stopped'; error: unknown }> {
  const mark = writer.version;
  try {
    await transaction.savepoint(() =>
      applyMutation(transaction, writer, device, mutation, knownAuthors, now),
    );
    return { kind: 'done', outcome: { id: mutation.id, status: 'applied' } };
  } catch (error) {
    writer.reset(mark);
    const rejection = permanentRejection(error);
    if (rejection === undefined) return { kind: 'stopped', error };
    try {
      await transaction.savepoint(async () => {
        await restampRefused(transaction, writer, device, mutation, now);
        await transaction.query(
          'INSERT INTO rejections (client_id, mutation_number, mutation_id, rejection) VALUES ($1, $2, $3, $4::jsonb)',
          [clientId, mutation.id, mutation.mutationId, JSON.stringify(rejection)],
        );
      });
    } catch (restampError) {
      writer.reset(mark);
      return { kind: 'stopped', error: restampError };
    }
    return { kind: 'done', outcome: { id: mutation.id, status: 'rejected', rejection } };
  }
}

async function applyMutation(
  transaction: Transaction,
  writer: SpaceWriter,
  device: Device,
  mutation: Mutation,
  knownAuthors: Set<string>,
  now: () => Date,
): Promise<void> {
  const unknownAuthor = await checkAuthor(transaction, device.spaceId, mutation, knownAuthors);
  if (unknownAuthor !== undefined) throw new MutationRefused(unknownAuthor);
  const refusedMove = await checkIntent(transaction, device.spaceId, mutation);
  if (refusedMove !== undefined) throw new MutationRefused(refusedMove);
  for (const change of mutation.changes) {
    await applyRowChange(transaction, writer, device, mutation, change, now);
  }
}

/** Tables only the server writes: conflict records are the server's own. */
const serverOnlyTables: ReadonlySet<SyncTable> = new Set(['conflicts']);

function checkWritable(change: RowChange): void {
  if (!serverOnlyTables.has(change.table)) return;
  throw new MutationRefused({
    code: 'server-only-table',
    message: 'Conflict records are made by the server; a station cannot write them.',
    table: change.table,
    id: change.id,
  });
}

function sameRow(a: MergeRow, b: MergeRow): boolean {
  return (
    isDeepStrictEqual(a.values, b.values) &&
    isDeepStrictEqual(a.stamps, b.stamps) &&
    a.updatedBy === b.updatedBy &&
    a.station === b.station
  );
}

async function applyRowChange(
  transaction: Transaction,
  writer: SpaceWriter,
  device: Device,
  mutation: Mutation,
  change: RowChange,
  now: () => Date,
): Promise<void> {
  checkWritable(change);
  const { table, id } = change;
  const current = await lockRow(transaction, device.spaceId, table, id);
  const refused = await checkRowChange(transaction, device.spaceId, mutation, change, current);
  if (refused !== undefined) throw new MutationRefused(refused);
  // An insert-only row that passed is the same row sent again, nothing to write, unless it gains
  // the fields its table may add once (a late thumbnail).
  if (
    current !== undefined &&
    insertOnlySyncTables.has(table) &&
    !addsFieldsOnce(table, current.row.values, change)
  ) {
    return;
  }
  const merged = applyChange(current?.row, change, mutation.actor, mutation.station);
  if (current !== undefined && sameRow(merged.row, current.row) && merged.conflicts.length === 0) {
    return;
  }
  await writeRow(transaction, device.spaceId, table, id, merged.row, writer.nextVersion());
  for (const conflict of merged.conflicts) {
    await recordConflict(transaction, writer, device, mutation, change, merged.row, conflict, now);
  }
}

/** The claim a row belongs to, for the conflict record, when it belongs to one. */
async function claimOf(
  queryable: Queryable,
  spaceId: string,
  table: SyncTable,
  id: string,
  values: Readonly<Record<string, unknown>>,
): Promise<string | undefined> {
  if (table === 'claims') return id;
  if (typeof values.claimId === 'string') return values.claimId;
  const parent: StoredRow | undefined =
    table === 'quoteLines' && typeof values.quoteId === 'string'
      ? await lockRow(queryable, spaceId, 'quotes', values.quoteId)
      : table === 'misuseFindings' && typeof values.inspectionId === 'string'
        ? await lockRow(queryable, spaceId, 'inspections', values.inspectionId)
        : undefined;
  const claimId = parent?.row.values.claimId;
  return typeof claimId === 'string' ? claimId : undefined;
}

async function recordConflict(
  transaction: Transaction,
  writer: SpaceWriter,
  device: Device,
  mutation: Mutation,
  change: RowChange,
  row: MergeRow,
  conflict: FieldConflict,
  now: () => Date,
): Promise<void> {
  const id = newRecordId();
  const claimId = await claimOf(transaction, device.spaceId, change.table, change.id, row.values);
  const values: Record<string, unknown> = {
    id,
    table: change.table,
    rowId: change.id,
    ...(claimId === undefined ? {} : { claimId }),
    field: conflict.field,
    winnerStamp: conflict.winnerStamp,
    loserStamp: conflict.loserStamp,
    ...(conflict.loserValue === undefined || conflict.loserValue === null
      ? {}
      : { loserValue: conflict.loserValue }),
    ...(conflict.loserActor === undefined ? {} : { loserActor: conflict.loserActor }),
    loserStation: conflict.loserStation,
    detectedAt: now().toISOString(),
  };
  const stamp = writer.stampAfter([]);
  const stamps = Object.fromEntries(Object.keys(values).map((field) => [field, stamp]));
  const valid = validateSyncRow('conflicts', values);
  if (!valid.ok) throw new Error(`a conflict record is not valid: ${valid.error.message}`);
  await writeRow(
    transaction,
    device.spaceId,
    'conflicts',
    id,
    { values, stamps, updatedBy: mutation.actor, station: serverNode },
    writer.nextVersion(),
  );
}

/**
 * After a refusal the station still holds its optimistic values: give the touched fields a
 * server stamp later than the station's, so every station takes the server's value again. A row
 * the server does not have becomes a tombstone, which the station that made it then drops.
 */
async function restampRefused(
  transaction: Transaction,
  writer: SpaceWriter,
  device: Device,
  mutation: Mutation,
  now: () => Date,
): Promise<void> {
  for (const change of mutation.changes) {
    // A refused write to a server-only table changed nothing to undo.
    if (serverOnlyTables.has(change.table)) continue;
    const known = syncTableColumns[change.table].byField;
    const touched = [...Object.keys(change.set), ...change.unset].filter((field) =>
      known.has(field),
    );
    const current = await lockRow(transaction, device.spaceId, change.table, change.id);
    const stamp = writer.stampAfter([change.stamp, ...Object.values(current?.row.stamps ?? {})]);
    let row: MergeRow;
    if (current === undefined) {
      const values = { id: change.id, [deletedAtField]: now().toISOString() };
      const fields = new Set([...touched, ...Object.keys(values)]);
      row = {
        values,
        stamps: Object.fromEntries([...fields].map((field) => [field, stamp])),
        updatedBy: mutation.actor,
        station: serverNode,
      };
    } else {
      const stamps: Record<string, Hlc> = { ...current.row.stamps };
      for (const field of touched) stamps[field] = stamp;
      row = { ...current.row, stamps, station: serverNode };
    }
    await writeRow(transaction, device.spaceId, change.table, change.id, row, writer.nextVersion());
  }
}
