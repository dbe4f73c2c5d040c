import type { Table, Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { AuditAction, AuditEvent, FieldChange } from '#shared/domain/audit';
import { hiddenChange } from '#shared/domain/audit';
import type { IsoDateTime, RecordId, StationCode } from '#shared/domain/primitives';
import type { PermissionAction, PersonRoles, Role } from '#shared/domain/roles';
import { authorize } from '#shared/domain/roles';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import { compareHlc } from '#shared/sync/hybridLogicalClock';
import { highestStamp } from '#shared/sync/merge';
import type { MutationIntent } from '#shared/sync/protocol';
import type {
  FieldStamps,
  OutboxRowChange,
  SequenceRow,
  StoredAuditEvent,
  SyncFields,
  Synced,
  SyncedTableName,
  TableName,
} from '../records';
import { readRowsById } from '../claimDeadline';
import { ClaimDeadlineInputs } from './claimDeadlineInputs';
import type { RepositoryError } from './repositoryError';
import { Refusal, invalidInput, permissionRefusal } from './repositoryError';

/** A field of a record that holds the id of another record, which must exist and be live. */
export type RecordReference<Row> = {
  readonly field: keyof Row & string;
  readonly table: SyncedTableName;
  /** What the referenced record is called in messages ("customer"). */
  readonly noun: string;
};

/** A row as a write found it (undefined for a new one) and as it stored it. */
export type StoredChange<Stored> = { readonly before: Stored | undefined; readonly after: Stored };

/** Which write a {@link RecordDefinition.check} is asked about. */
export type WriteOperation = 'create' | 'update' | 'delete';

/**
 * How one synced table's records are validated and stored. Repositories are built from these,
 * so every table gets the same stamps, tombstones, audit events and outbox entries.
 */
export type RecordDefinition<Row extends { readonly id: RecordId }, Stored extends Synced<Row>> = {
  readonly table: SyncedTableName;
  /** The domain schema from shared/domain; the repository stores only what it outputs. */
  readonly schema: z.ZodType<Row>;
  /** What a record is called in messages ("customer"). */
  readonly noun: string;
  readonly references: readonly RecordReference<Row>[];
  /** Fields set at creation that never change afterwards. */
  readonly fixedFields: readonly (keyof Row & string)[];
  /**
   * Fields whose values never enter an audit event (a person's PIN hash): the event says they
   * were set or changed, as `[secret]` (see `hiddenChange`).
   */
  readonly secretFields?: readonly (keyof Row & string)[];
  /** The stored row: the record, its sync fields, and any local fields derived for indexes. */
  readonly toStored: (row: Row, sync: SyncFields) => Stored;
  /**
   * Adds local fields that need other rows (a claim's next deadline needs its device and the
   * station's calendar), read in the write's transaction. Like `toStored`'s, never synced. Given
   * every row a write stores at once (one, or a bulk write's all), so it reads them in a few
   * queries for all; returns them in the same order.
   */
  readonly derive?: (stored: readonly Stored[], session: WriteSession) => Promise<Stored[]>;
  /**
   * The tables its `check`, `derive` and `afterStore` read or write besides its own and its
   * references' (see `writeScope`): a write opens only the tables it needs.
   */
  readonly alsoTouches?: readonly TableName[];
  /** The tombstone of a stored row, without the local fields that describe live rows only. */
  readonly tombstoned?: (stored: Stored) => Stored;
  /**
   * Keeps what is derived from the table's rows current (the queue's claim counts), in the
   * write's transaction; called once per write with every row it stored.
   */
  readonly afterStore?: (
    changes: readonly StoredChange<Stored>[],
    session: WriteSession,
  ) => Promise<void>;
  /** Stamps the record as changed, when a write changes anything (a claim's `updatedAt`). */
  readonly touch?: (row: Row, at: IsoDateTime) => Row;
  /**
   * What writing the record is, for the permission rules (shared/domain/roles), from the fields
   * the write sets (every field for a create, `deletedAt` for a delete).
   */
  readonly action: (changedFields: readonly string[]) => PermissionAction;
  /** A rule that needs other rows; refuses with {@link WriteSession.refuse}. */
  readonly check?: (row: Row, session: WriteSession, operation: WriteOperation) => Promise<void>;
  /**
   * The same rule for many rows written at once (an import), in a few reads rather than one per
   * row, and across the rows themselves; without it, `check` runs for each row.
   */
  readonly checkAll?: (
    rows: readonly Row[],
    session: WriteSession,
    operation: Exclude<WriteOperation, 'delete'>,
  ) => Promise<void>;
};

/** The defined (not undefined) fields of a record, by name. */
function definedFields(row: object): Map<string, unknown> {
  const entries: [string, unknown][] = Object.entries(row);
  return new Map(entries.filter(([, value]) => value !== undefined));
}

/**
 * A copy of a record without the fields set to `undefined`: a removed optional field must be
 * absent from the stored row, not present as `undefined`.
 */
export function withoutUndefinedFields<Row extends object>(row: Row): Row {
  const copy = { ...row };
  for (const [field, value] of Object.entries(copy)) {
    if (value === undefined) Reflect.deleteProperty(copy, field);
  }
  return copy;
}

/** Whether two values stored as plain data (JSON-like) are the same. */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aFields = definedFields(a);
  const bFields = definedFields(b);
  if (aFields.size !== bFields.size) return false;
  for (const [key, value] of aFields) {
    if (!bFields.has(key) || !isSameValue(value, bFields.get(key))) return false;
  }
  return true;
}

/** How {@link WriteSession.replace} records a change. */
export type ReplaceOptions = {
  /** `transition` for a claim's status change; `update` otherwise. */
  readonly audit?: Extract<AuditAction, 'update' | 'transition'>;
  /** The action the change is, when the definition's rule does not say (a claim's transition). */
  readonly permission?: PermissionAction;
  /** Why, when the person had to give a reason (a manager forcing a refused transition). */
  readonly reason?: string;
  /**
   * The record is the actor's own and changes by what they just did, not by a permission they
   * hold (their PIN's hash renewed as they sign in): no role is needed, and none is audited.
   */
  readonly byItsOwner?: boolean;
};

/** What an audit event says of who acted: the role they acted in, and any reason they gave. */
export type AuditWhy = { readonly role: Role | undefined; readonly reason?: string | undefined };

/** Whether a write runs the definition's `check` itself, or its rows were checked together. */
type RuleCheck = 'each' | 'checked';

/** An audit event ready to store, with its fields for the outbox. */
type PreparedAudit = {
  readonly stored: StoredAuditEvent;
  readonly fields: ReadonlyMap<string, unknown>;
};

/** A row write checked and stamped but not stored yet, with what the outbox records of it. */
type PreparedWrite<Row, Stored extends SyncFields & { readonly id: RecordId }> = {
  readonly row: Row;
  readonly before: Stored | undefined;
  readonly stored: Stored;
  readonly set: ReadonlyMap<string, unknown>;
  readonly unset: readonly string[];
  /** Undefined in a bulk write whose caller records one event for many rows. */
  readonly audit: PreparedAudit | undefined;
};

/** How a bulk write audits its rows. */
export type BulkWriteOptions = {
  /**
   * False when the caller appends one event for the whole page instead (a parts import, see
   * {@link WriteSession.appendAudit}); every row still gets its stamps and outbox change.
   */
  readonly auditEach?: boolean;
};

/** An absent value, in an audit change: `null` rather than `undefined`, which JSON would drop. */
const absent = null;

/** A field's change as its audit event records it: a secret field's values stay out. */
function auditedChange(
  definition: { readonly secretFields?: readonly string[] },
  field: string,
  from: unknown,
  to: unknown,
): FieldChange {
  if (definition.secretFields?.includes(field) !== true) return { from, to };
  return hiddenChange({ from, to });
}

/**
 * How many records a bulk write stores per request. One request of 50,000 rows holds them all in
 * memory at once (and their clones) for no speed gain.
 */
const bulkPageRecords = 5_000;

/**
 * How many records (each with its audit event) one outbox entry of a bulk write carries at most,
 * so an import becomes many small entries instead of one too large to clone, push or apply.
 */
export const outboxPageRecords = 1_000;

/**
 * What one repository operation does inside its transaction: it writes rows with their stamps
 * and audit events and collects the changes for the operation's outbox entry. Every field the
 * operation changes gets the same stamp, `stamp`.
 */
export class WriteSession {
  readonly #rowChanges: OutboxRowChange[] = [];
  /** Rows written that claims' deadline fields read: see {@link rederiveClaimDeadlines}. */
  readonly #claimDeadlineInputs = new ClaimDeadlineInputs();
  /** Where in `#rowChanges` a new outbox entry starts, besides at 0 (see {@link outboxPages}). */
  readonly #outboxPageStarts: number[] = [];
  #intent: MutationIntent | undefined;

  /**
   * @param transaction the guarded transaction of the operation.
   * @param actor the person making the change.
   * @param people the station's people, to judge what the actor may do.
   * @param station this station's code.
   * @param stamp the clock stamp of the operation.
   * @param at the wall time of the operation.
   */
  constructor(
    readonly transaction: Transaction,
    readonly actor: RecordId,
    readonly people: readonly PersonRoles[],
    readonly station: StationCode,
    readonly stamp: Hlc,
    readonly at: IsoDateTime,
  ) {}

  /** What the operation means beyond its fields, for the outbox entry (see {@link recordIntent}). */
  get intent(): MutationIntent | undefined {
    return this.#intent;
  }

  /**
   * Says what the operation means beyond the fields it writes (a claim's status change), so the
   * server checks it with the same rules rather than merging the fields blindly.
   */
  recordIntent(intent: MutationIntent): void {
    this.#intent = intent;
  }

  /** The row changes written so far, for the outbox. */
  get rowChanges(): readonly OutboxRowChange[] {
    return this.#rowChanges;
  }

  /**
   * Derives again the deadline fields of the claims whose evidence, inspections, misuse findings,
   * device or customer this session wrote: call once the operation is done, before it commits.
   * Local fields only, so no stamp, audit event or outbox entry.
   */
  async rederiveClaimDeadlines(): Promise<void> {
    await this.#claimDeadlineInputs.rederive(this.transaction);
  }

  /**
   * The row changes split into outbox entries: one for a single write, one per
   * {@link outboxPageRecords} records for a bulk write. A record and its audit event always share
   * an entry.
   */
  outboxPages(): readonly (readonly OutboxRowChange[])[] {
    const starts = [0, ...this.#outboxPageStarts, this.#rowChanges.length];
    const pages: OutboxRowChange[][] = [];
    for (let index = 1; index < starts.length; index++) {
      const page = this.#rowChanges.slice(starts[index - 1], starts[index]);
      if (page.length > 0) pages.push(page);
    }
    return pages;
  }

  /** A table of the transaction. */
  table<Row>(name: TableName): Table<Row, string> {
    return this.transaction.table<Row, string>(name);
  }

  /** Refuses the operation: the transaction aborts and nothing of it is stored. */
  refuse(error: RepositoryError): never {
    throw new Refusal(error);
  }

  /**
   * Refuses the operation unless the actor may do `action` (see shared/domain/roles); the role
   * that allows it, which the audit trail records (undefined while roles are not enforced).
   */
  authorize(action: PermissionAction): Role | undefined {
    const decision = authorize(this.people, this.actor, action);
    return decision.ok ? decision.value : this.refuse(permissionRefusal(decision.error));
  }

  /** Parses a record with its schema, refusing the operation when a field is at fault. */
  parse<Row extends { readonly id: RecordId }, Stored extends Synced<Row>>(
    definition: RecordDefinition<Row, Stored>,
    input: unknown,
  ): Row {
    const parsed = definition.schema.safeParse(input);
    if (!parsed.success) this.refuse(invalidInput(parsed.error));
    return withoutUndefinedFields(parsed.data);
  }

  /** The next value of a counter (1 for a new one), kept in the same transaction as its use. */
  nextSequence(name: string): Promise<number> {
    return this.reserveSequence(name, 1);
  }

  /**
   * Takes the next `count` values of a counter at once (the RMA numbers of a bulk intake), in
   * one read and one write: returns the first, the others follow it one by one.
   */
  async reserveSequence(name: string, count: number): Promise<number> {
    const sequences = this.table<SequenceRow>('sequences');
    const first = ((await sequences.get(name))?.value ?? 0) + 1;
    if (count > 0) await sequences.put({ name, value: first + count - 1 });
    return first;
  }

  /** A live record of the definition's table, or a `not-found` refusal. */
  async findLive<Row extends { readonly id: RecordId }, Stored extends Synced<Row>>(
    definition: RecordDefinition<Row, Stored>,
    id: RecordId,
  ): Promise<Stored> {
    const stored = await this.table<Stored>(definition.table).get(id);
    if (stored === undefined || stored.deletedAt !== undefined) {
      this.refuse({
        code: 'not-found',
        message: `No ${definition.noun} with id ${id}${stored === undefined ? '' : ' (it was deleted)'}.`,
        field: 'id',
      });
    }
    return stored;
  }

  /** Adds a new record, stamping every field. */
  async insert<Row extends { readonly id: RecordId }, Stored extends Synced<Row>>(
    definition: RecordDefinition<Row, Stored>,
    row: Row,
  ): Promise<Stored> {
    const [prepared] = await this.prepareInserts(definition, [row], 'each', true);
    if (prepared === undefined) throw new Error('A prepared insert went missing.');
    await this.table<Stored>(definition.table).add(prepared.stored);
    if (prepared.audit !== undefined) {
      await this.table<StoredAuditEvent>('auditEvents').add(prepared.audit.stored);
    }
    await definition.afterStore?.([{ before: undefined, after: prepared.stored }], this);
    this.recordPrepared(definition.table, prepared);
    return prepared.stored;
  }

  /**
   * Adds many new records (an import, a bulk intake) as {@link insert} adds one, each with its
   * stamps and audit event, with the same checks, but batched: the references of all rows read
   * with one query per referenced table, their derived fields in a few queries for all, the rows
   * and audit events in bulk writes, with the definition's `checkAll` when it has one. A refused
   * row (a missing customer) refuses the whole write, naming the row.
   */
  async insertAll<Row extends { readonly id: RecordId }, Stored extends Synced<Row>>(
    definition: RecordDefinition<Row, Stored>,
    rows: readonly Row[],
    { auditEach = true }: BulkWriteOptions = {},
  ): Promise<Stored[]> {
    const checkOnce = definition.checkAll !== undefined;
    await definition.checkAll?.(rows, this, 'create');
    const prepared = await this.prepareInserts(
      definition,
      rows,
      checkOnce ? 'checked' : 'each',
      auditEach,
    );
    return this.writePrepared(definition, prepared, 'add');
  }

  /**
   * Replaces a live record by `next`, stamping the fields that changed; writes nothing (and
   * returns `existing`) when nothing did.
   */
  async replace<Row extends { readonly id: RecordId }, Stored extends Synced<Row>>(
    definition: RecordDefinition<Row, Stored>,
    existing: Stored,
    next: Row,
    options: ReplaceOptions = {},
  ): Promise<Stored> {
    const [prepared] = await this.prepareReplaces(
      definition,
      [{ existing, next }],
      options,
      'each',
      true,
    );
    if (prepared === undefined) return existing;
    await this.table<Stored>(definition.table).put(prepared.stored);
    if (prepared.audit !== undefined) {
      await this.table<StoredAuditEvent>('auditEvents').add(prepared.audit.stored);
    }
    await definition.afterStore?.([{ before: existing, after: prepared.stored }], this);
    this.recordPrepared(definition.table, prepared);
    return prepared.stored;
  }

  /**
   * Replaces many live records (an import) as {@link replace} replaces one, batched as
   * {@link insertAll} is, with the definition's `checkAll` when it has one. Only the records that
   * change are written.
   */
  async replaceAll<Row extends { readonly id: RecordId }, Stored extends Synced<Row>>(
    definition: RecordDefinition<Row, Stored>,
    replacements: readonly { readonly existing: Stored; readonly next: Row }[],
    { auditEach = true }: BulkWriteOptions = {},
  ): Promise<Stored[]> {
    const checkOnce = definition.checkAll !== undefined;
    const changed = await this.prepareReplaces(
      definition,
      replacements,
      {},
      checkOnce ? 'checked' : 'each',
      auditEach,
    );
    await definition.checkAll?.(
      changed.map((write) => write.row),
      this,
      'update',
    );
    return this.writePrepared(definition, changed, 'put');
  }

  /**
   * New records' stored rows, changes and audit events, checked but not written yet: every row
   * authorized and stamped, then the references of all checked together, the definition's
   * `check` of each (unless `rule` says they were checked together), and their derived fields.
   */
  private async prepareInserts<Row extends { readonly id: RecordId }, Stored extends Synced<Row>>(
    definition: RecordDefinition<Row, Stored>,
    rows: readonly Row[],
    rule: RuleCheck,
    audited: boolean,
  ): Promise<PreparedWrite<Row, Stored>[]> {
    // The same fields make the same action: each is authorized once.
    const roles = new Map<PermissionAction, Role | undefined>();
    const stamped = rows.map((row): PreparedWrite<Row, Stored> => {
      const fields = definedFields(row);
      const action = definition.action([...fields.keys()]);
      const role = roles.has(action) ? roles.get(action) : this.authorize(action);
      roles.set(action, role);
      const changes: Record<string, FieldChange> = {};
      if (audited) {
        for (const [field, value] of fields) {
          changes[field] = auditedChange(definition, field, absent, value);
        }
      }
      return {
        row,
        before: undefined,
        stored: definition.toStored(row, this.syncFields(this.stampAll(fields.keys()))),
        set: fields,
        unset: [],
        audit: audited
          ? this.auditEvent(definition.table, row.id, 'create', changes, { role })
          : undefined,
      };
    });
    await this.checkReferences(
      definition,
      stamped.map((write, position) => ({
        row: write.row,
        fields: [...write.set.keys()],
        position,
      })),
      rows.length,
    );
    if (rule === 'each' && definition.check !== undefined) {
      const check = definition.check;
      await Promise.all(rows.map((row) => check(row, this, 'create')));
    }
    return this.withDerivedFields(definition, stamped);
  }

  /**
   * Replacements checked but not written yet, as {@link prepareInserts} prepares new records;
   * those that change nothing are left out.
   */
  private async prepareReplaces<Row extends { readonly id: RecordId }, Stored extends Synced<Row>>(
    definition: RecordDefinition<Row, Stored>,
    replacements: readonly { readonly existing: Stored; readonly next: Row }[],
    options: ReplaceOptions,
    rule: RuleCheck,
    audited: boolean,
  ): Promise<PreparedWrite<Row, Stored>[]> {
    const stamped: (PreparedWrite<Row, Stored> & {
      readonly changed: readonly string[];
      readonly position: number;
    })[] = [];
    replacements.forEach(({ existing, next }, position) => {
      const write = this.stampReplace(definition, existing, next, options, audited);
      if (write !== undefined) stamped.push({ ...write, position });
    });
    await this.checkReferences(
      definition,
      stamped.map((write) => ({ row: write.row, fields: write.changed, position: write.position })),
      replacements.length,
    );
    if (rule === 'each' && definition.check !== undefined) {
      const check = definition.check;
      await Promise.all(stamped.map((write) => check(write.row, this, 'update')));
    }
    return this.withDerivedFields(
      definition,
      stamped.map(({ changed: _changed, position: _position, ...write }) => write),
    );
  }

  /**
   * A replacement authorized and stamped, with the fields it changes, before its references,
   * rules and derived fields are checked; undefined when it changes nothing.
   */
  private stampReplace<Row extends { readonly id: RecordId }, Stored extends Synced<Row>>(
    definition: RecordDefinition<Row, Stored>,
    existing: Stored,
    next: Row,
    options: ReplaceOptions,
    audited: boolean,
  ): (PreparedWrite<Row, Stored> & { readonly changed: readonly string[] }) | undefined {
    const before = definedFields(existing);
    // Every field the record ever had is stamped, which tells its fields from the local ones.
    const recordFieldsOf = (row: Row) =>
      new Set(
        [...Object.keys(existing.stamps), ...definedFields(row).keys()].filter(
          (field) => field !== 'deletedAt',
        ),
      );
    const changedFields = (row: Row) => {
      const after = definedFields(row);
      return [...recordFieldsOf(row)].filter(
        (field) => !isSameValue(before.get(field), after.get(field)),
      );
    };
    const requested = changedFields(next);
    if (requested.length === 0) return undefined;
    const role =
      options.byItsOwner === true && existing.id === this.actor
        ? undefined
        : this.authorize(options.permission ?? definition.action(requested));
    const touched = definition.touch?.(next, this.at) ?? next;
    const changed = changedFields(touched);
    const fixed = changed.find((field) =>
      definition.fixedFields.some((fixedField) => fixedField === field),
    );
    if (fixed !== undefined) {
      this.refuse({
        code: 'fixed-field',
        field: fixed,
        message: `${fixed}: a ${definition.noun}'s ${fixed} never changes once it is recorded.`,
      });
    }

    const after = definedFields(touched);
    const stamps: Record<string, Hlc> = { ...existing.stamps };
    const changes: Record<string, FieldChange> = {};
    const set = new Map<string, unknown>();
    const unset: string[] = [];
    for (const field of changed) {
      stamps[field] = this.stamp;
      changes[field] = auditedChange(
        definition,
        field,
        before.get(field) ?? absent,
        after.get(field) ?? absent,
      );
      if (after.has(field)) set.set(field, after.get(field));
      else unset.push(field);
    }
    return {
      row: touched,
      before: existing,
      stored: definition.toStored(touched, this.syncFields(stamps, existing)),
      set,
      unset,
      changed,
      audit: audited
        ? this.auditEvent(definition.table, touched.id, options.audit ?? 'update', changes, {
            role,
            reason: options.reason,
          })
        : undefined,
    };
  }

  /**
   * Writes prepared rows and their audit events, a page at a time, and records them for the
   * outbox in entries of {@link outboxPageRecords} records. New rows are added rather than put:
   * Dexie reads the old row of every put to update its live queries, which doubles the work.
   */
  private async writePrepared<Row extends { readonly id: RecordId }, Stored extends Synced<Row>>(
    definition: RecordDefinition<Row, Stored>,
    prepared: readonly PreparedWrite<Row, Stored>[],
    mode: 'add' | 'put',
  ): Promise<Stored[]> {
    const table = this.table<Stored>(definition.table);
    const auditEvents = this.table<StoredAuditEvent>('auditEvents');
    for (let start = 0; start < prepared.length; start += bulkPageRecords) {
      const page = prepared.slice(start, start + bulkPageRecords);
      const rows = page.map((write) => write.stored);
      const events = page.flatMap((write) =>
        write.audit === undefined ? [] : [write.audit.stored],
      );
      // Both in flight at once: IndexedDB stores the rows while the audit events are serialized.
      await Promise.all([
        mode === 'add' ? table.bulkAdd(rows) : table.bulkPut(rows),
        events.length === 0 ? undefined : auditEvents.bulkAdd(events),
      ]);
    }
    await definition.afterStore?.(
      prepared.map((write) => ({ before: write.before, after: write.stored })),
      this,
    );
    prepared.forEach((write, index) => {
      if (index % outboxPageRecords === 0 && this.#rowChanges.length > 0)
        this.#outboxPageStarts.push(this.#rowChanges.length);
      this.recordPrepared(definition.table, write);
    });
    return prepared.map((write) => write.stored);
  }

  /** Records a prepared write and its audit event for the outbox, in the order they happened. */
  private recordPrepared(
    table: SyncedTableName,
    prepared: PreparedWrite<unknown, SyncFields & { readonly id: RecordId }>,
  ): void {
    this.recordChange(
      table,
      prepared.stored.id,
      prepared.set,
      prepared.unset,
      prepared.before?.stamps,
    );
    this.#claimDeadlineInputs.noteWrite(table, prepared.stored, prepared.before === undefined);
    if (prepared.audit !== undefined) {
      this.recordChange(
        'auditEvents',
        prepared.audit.stored.id,
        prepared.audit.fields,
        [],
        undefined,
      );
    }
  }

  /** Marks a live record deleted, keeping the row as a tombstone so the deletion syncs. */
  async tombstone<Row extends { readonly id: RecordId }, Stored extends Synced<Row>>(
    definition: RecordDefinition<Row, Stored>,
    existing: Stored,
  ): Promise<Stored> {
    const role = this.authorize(definition.action(['deletedAt']));
    await definition.check?.(existing, this, 'delete');
    const tombstone: Stored = {
      ...existing,
      ...this.syncFields({ ...existing.stamps, deletedAt: this.stamp }, existing),
      deletedAt: this.at,
    };
    const stored = definition.tombstoned?.(tombstone) ?? tombstone;
    await this.table<Stored>(definition.table).put(stored);
    await definition.afterStore?.([{ before: existing, after: stored }], this);
    this.recordChange(
      definition.table,
      existing.id,
      new Map([['deletedAt', this.at]]),
      [],
      existing.stamps,
    );
    this.#claimDeadlineInputs.noteWrite(definition.table, stored, false);
    await this.appendAudit(
      definition.table,
      existing.id,
      'delete',
      { deletedAt: { from: absent, to: this.at } },
      { role },
    );
    return stored;
  }

  /** The writes with their stored rows' derived fields (see `RecordDefinition.derive`). */
  private async withDerivedFields<
    Row extends { readonly id: RecordId },
    Stored extends Synced<Row>,
  >(
    definition: RecordDefinition<Row, Stored>,
    writes: readonly PreparedWrite<Row, Stored>[],
  ): Promise<PreparedWrite<Row, Stored>[]> {
    if (definition.derive === undefined || writes.length === 0) return [...writes];
    const derived = await definition.derive(
      writes.map((write) => write.stored),
      this,
    );
    return writes.map((write, index) => ({ ...write, stored: derived[index] ?? write.stored }));
  }

  /**
   * The row's stamps and last author. The author is whoever wrote the row's highest stamp, as a
   * merge names it: a write stamped below what `before` holds (this station's clock is behind one
   * it would not follow) leaves the author as it was, as the server and other stations will.
   */
  private syncFields(stamps: FieldStamps, before?: SyncFields): SyncFields {
    const highest = before === undefined ? undefined : highestStamp(before.stamps);
    if (before !== undefined && highest !== undefined && compareHlc(highest, this.stamp) > 0) {
      return { stamps, updatedBy: before.updatedBy, station: before.station };
    }
    return { stamps, updatedBy: this.actor, station: this.station };
  }

  private stampAll(fields: Iterable<string>): FieldStamps {
    return Object.fromEntries([...fields].map((field) => [field, this.stamp]));
  }

  /**
   * Refuses the write unless every reference each of `writes` sets names a live record. The
   * records of each referenced table are read in one query for all the rows (see `readRowsById`);
   * the first row at fault, in order, is refused, and named when the caller gave several (by its
   * `position` among the caller's `rowCount` rows, unchanged ones of a replace included).
   */
  private async checkReferences<Row extends { readonly id: RecordId }, Stored extends Synced<Row>>(
    definition: RecordDefinition<Row, Stored>,
    writes: readonly {
      readonly row: Row;
      readonly fields: readonly string[];
      readonly position: number;
    }[],
    rowCount: number,
  ): Promise<void> {
    const referencedId = (
      write: (typeof writes)[number],
      reference: RecordReference<Row>,
    ): string | undefined => {
      if (!write.fields.includes(reference.field)) return undefined;
      const id: unknown = write.row[reference.field];
      return typeof id === 'string' ? id : undefined;
    };
    const targets = await Promise.all(
      definition.references.map(async (reference) => {
        const ids = writes.flatMap((write) => referencedId(write, reference) ?? []);
        const rows =
          ids.length === 0
            ? []
            : await readRowsById(this.table<Synced<{ id: RecordId }>>(reference.table), ids);
        return new Map(rows.map((target) => [target.id, target]));
      }),
    );
    writes.forEach((write) => {
      definition.references.forEach((reference, referenceIndex) => {
        const id = referencedId(write, reference);
        if (id === undefined) return;
        const target = targets[referenceIndex]?.get(id);
        if (target !== undefined && target.deletedAt === undefined) return;
        const which =
          rowCount === 1
            ? ''
            : `, named by the ${definition.noun} ${write.row.id} (row ${write.position + 1} of ${rowCount})`;
        this.refuse({
          code: 'not-found',
          field: reference.field,
          message: `${reference.field}: no ${reference.noun} with id ${id}${target === undefined ? '' : ' (it was deleted)'}${which}.`,
        });
      });
    });
  }

  /**
   * Appends the audit event of a change; audit events are synced rows of their own. A bulk write
   * without an event per row (see {@link BulkWriteOptions}) appends its page's event with this.
   */
  async appendAudit(
    entity: SyncedTableName,
    entityId: RecordId,
    action: AuditAction,
    changes: Record<string, FieldChange>,
    why: AuditWhy,
    id: RecordId = uuidv7(),
  ): Promise<StoredAuditEvent> {
    const audit = this.auditEvent(entity, entityId, action, changes, why, id);
    await this.table<StoredAuditEvent>('auditEvents').add(audit.stored);
    this.recordChange('auditEvents', audit.stored.id, audit.fields, [], undefined);
    return audit.stored;
  }

  /**
   * The audit event of a change, as stored, and its fields for the outbox, with the role the actor
   * acted in and any reason they gave.
   */
  private auditEvent(
    entity: SyncedTableName,
    entityId: RecordId,
    action: AuditAction,
    changes: Record<string, FieldChange>,
    why: AuditWhy,
    id: RecordId = uuidv7(),
  ): PreparedAudit {
    const event: AuditEvent = {
      id,
      entity,
      entityId,
      action,
      changes,
      actor: this.actor,
      ...(why.role === undefined ? {} : { actorRole: why.role }),
      ...(why.reason === undefined ? {} : { reason: why.reason }),
      station: this.station,
      at: this.at,
    };
    const fields = definedFields(event);
    return { stored: { ...event, ...this.syncFields(this.stampAll(fields.keys())) }, fields };
  }

  /** Records a row change for the outbox, with the stamps its fields had (`before`: none, a new row). */
  private recordChange(
    table: SyncedTableName,
    id: RecordId,
    set: ReadonlyMap<string, unknown>,
    unset: readonly string[],
    before: FieldStamps | undefined,
  ): void {
    const base: Record<string, Hlc | null> = {};
    for (const field of [...set.keys(), ...unset]) base[field] = before?.[field] ?? null;
    this.#rowChanges.push({
      table,
      id,
      set: Object.fromEntries(set),
      unset,
      stamp: this.stamp,
      base,
    });
  }
}
