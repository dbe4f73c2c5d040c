import type { Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { RecordId } from '#shared/domain/primitives';
import { recordIdSchema } from '#shared/domain/primitives';
import { fail, ok } from '#shared/domain/result';
import type { HlcStamp } from '#shared/sync/hybridLogicalClock';
import { decodeHlc, encodeHlc, initialHlc, tickHlc } from '#shared/sync/hybridLogicalClock';
import type { FixlineDatabase } from '../database';
import { claimDeadlineInputTables } from '../claimDeadline';
import type { RecalculationOptions } from '../deadlineRecalculation';
import type {
  OutboxEntry,
  Person,
  SettingsRow,
  StationOwnSettingsRow,
  StoredPerson,
  SyncedTableName,
  TableName,
} from '../records';
import { isLive, personRoles } from '../records';
import { runGuardedWrite } from '../writeGuard';
import type { RepositoryResult } from './repositoryError';
import { claimDeadlineInputWrites } from './claimDeadlineInputs';
import { Refusal, storageFailure } from './repositoryError';
import { WriteSession } from './writeSession';
import type { PinHashCost } from '../../station/personPin';

/** Who makes a change: the person signed in at this station. */
export type WriteContext = { readonly actor: RecordId };

/** Options of the repositories. */
export type RepositoryOptions = {
  /** The wall clock, in milliseconds since the epoch; tests pass a fixed one. */
  readonly now?: () => number;
  /** argon2id's cost for new PIN hashes; tests pass a cheap one, the app leaves the default. */
  readonly pinHashCost?: PinHashCost;
  /** How a calendar change recalculates the claims' deadlines; tests set smaller chunks. */
  readonly deadlineRecalculation?: RecalculationOptions;
};

/**
 * The tables every repository write opens: the settings (the station and its clock), the people
 * (who may do what), the outbox and its counter among the sequences, and the audit trail.
 */
const baseTables = [
  'settings',
  'people',
  'outbox',
  'sequences',
  'auditEvents',
] as const satisfies readonly TableName[];

/** What {@link writeScope} needs of a record definition: the tables it reads and writes. */
export type DefinitionTables = {
  readonly table: SyncedTableName;
  readonly references: readonly { readonly table: SyncedTableName }[];
  readonly alsoTouches?: readonly TableName[];
};

/**
 * The tables a repository write of `definitions`' records opens (each one's table, its
 * references', what its rules touch, and what re-deriving claims' deadline fields reads when it
 * writes one of their inputs), plus `alsoTouches`. Only these: a claim write does not wait for a
 * parts import, nor an attachment's bytes for a claim write. IndexedDB takes a transaction's
 * tables all at once, so writes over different sets cannot deadlock.
 */
export function writeScope(
  definitions: readonly DefinitionTables[],
  alsoTouches: readonly TableName[] = [],
): readonly TableName[] {
  const tables = new Set<TableName>([...baseTables, ...alsoTouches]);
  for (const definition of definitions) {
    tables.add(definition.table);
    for (const reference of definition.references) tables.add(reference.table);
    for (const table of definition.alsoTouches ?? []) tables.add(table);
    if (claimDeadlineInputWrites.has(definition.table)) {
      for (const table of claimDeadlineInputTables) tables.add(table);
    }
  }
  return [...tables].sort();
}

/**
 * The station's own settings row (its code, language, printers), read in `transaction`; undefined
 * before the first-run setup. The center-wide settings and the people are records of their own.
 */
export async function readStationSettings(
  transaction: Transaction,
): Promise<StationOwnSettingsRow | undefined> {
  const row = await transaction.table<SettingsRow, string>('settings').get('station');
  return row?.key === 'station' ? row : undefined;
}

/** The people of the center (active or not), read in `transaction`, as records without sync fields. */
export async function readPeople(transaction: Transaction): Promise<Person[]> {
  const rows = await transaction.table<StoredPerson, RecordId>('people').toArray();
  return rows.filter(isLive).map(personOfRow);
}

/** A person as the domain knows them: their stored row without its sync fields. */
export function personOfRow(row: StoredPerson): Person {
  const {
    stamps: _stamps,
    updatedBy: _updatedBy,
    station: _station,
    deletedAt: _deleted,
    ...person
  } = row;
  return person;
}

/** The station's clock as last stored, as `node`'s (its code). */
export async function readStationClock(transaction: Transaction, node: string): Promise<HlcStamp> {
  const row = await transaction.table<SettingsRow, string>('settings').get('clock');
  const last = row?.key === 'clock' ? decodeHlc(row.lastStamp) : undefined;
  // The node is always this station, even if the stored stamp came with a restored backup.
  return last === undefined ? initialHlc(node) : { ...last, node };
}

/**
 * Runs repository operations: each in one guarded transaction that also ticks the station's
 * clock and writes outbox entries with every row the operation changed (one entry, or for a bulk
 * write one per page of records), or nothing at all.
 */
export class RepositoryWriter {
  readonly #now: () => number;

  constructor(
    readonly db: FixlineDatabase,
    options: RepositoryOptions = {},
  ) {
    this.#now = options.now ?? Date.now;
  }

  /**
   * Runs `operation` in a transaction over `tables` (see {@link writeScope}). A {@link Refusal} it throws, or a full disk, comes back as
   * a refused result with nothing stored; any other error is a bug and is thrown on.
   */
  async write<Value>(
    context: WriteContext,
    tables: readonly TableName[],
    operation: (session: WriteSession) => Promise<Value>,
  ): Promise<RepositoryResult<Value>> {
    if (!recordIdSchema.safeParse(context.actor).success) {
      return fail({
        code: 'invalid-input',
        field: 'actor',
        message: `actor: expected the id (a UUID) of the person making the change, got "${context.actor}"`,
      });
    }
    try {
      return ok(
        await runGuardedWrite(this.db, tables, (transaction) =>
          this.writeIn(transaction, context, operation),
        ),
      );
    } catch (error) {
      if (error instanceof Refusal) return fail(error.error);
      const failure = storageFailure(error);
      if (failure !== undefined) return fail(failure);
      throw error;
    }
  }

  /**
   * The body of {@link write}, in a guarded `transaction` the caller opened over the tables of
   * {@link writeScope} (the first-run setup writes the station's row in it first). Throws a
   * {@link Refusal}, which aborts the caller's transaction.
   */
  async writeIn<Value>(
    transaction: Transaction,
    context: WriteContext,
    operation: (session: WriteSession) => Promise<Value>,
  ): Promise<Value> {
    const settings = await readStationSettings(transaction);
    if (settings === undefined) {
      throw new Refusal({
        code: 'station-not-set-up',
        message: 'Set up this station (its station code and center) before recording anything.',
      });
    }
    const nowMs = this.#now();
    const stamp = tickHlc(await readStationClock(transaction, settings.stationCode), nowMs);
    const encodedStamp = encodeHlc(stamp);
    const session = new WriteSession(
      transaction,
      context.actor,
      (await readPeople(transaction)).map(personRoles),
      settings.stationCode,
      encodedStamp,
      new Date(nowMs).toISOString(),
    );
    const value = await operation(session);
    await session.rederiveClaimDeadlines();
    const pages = session.outboxPages();
    if (pages.length > 0) {
      const entries: OutboxEntry[] = [];
      const { intent } = session;
      // The entries' numbers taken together: one read and one write of the counter.
      const firstSequence = await session.reserveSequence('outbox', pages.length);
      for (const rows of pages) {
        entries.push({
          sequence: firstSequence + entries.length,
          mutationId: uuidv7(),
          station: settings.stationCode,
          actor: context.actor,
          at: encodedStamp,
          rows,
          // An operation with an intent writes one record, so it has one entry.
          ...(intent === undefined || entries.length > 0 ? {} : { intent }),
        });
      }
      await transaction.table<OutboxEntry, number>('outbox').bulkAdd(entries);
      await transaction
        .table<SettingsRow, string>('settings')
        .put({ key: 'clock', lastStamp: encodedStamp });
    }
    return value;
  }
}
