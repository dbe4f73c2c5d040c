import { v7 as uuidv7 } from 'uuid';
import type { RecordId } from '#shared/domain/primitives';
import type { Synced, TableName } from '../records';
import type { RepositoryResult } from './repositoryError';
import { parseInput } from './repositoryError';
import type { RepositoryWriter, WriteContext } from './repositoryWriter';
import { writeScope } from './repositoryWriter';
import type { RecordDefinition } from './writeSession';
import { withoutUndefinedFields } from './writeSession';

/**
 * Creates, changes and deletes the records of one synced table. Every write validates with the
 * domain schema, stamps the changed fields, and writes the record, its audit event and an outbox
 * entry in one transaction; a delete leaves a tombstone.
 */
export class RecordRepository<
  Row extends { readonly id: RecordId },
  Stored extends Synced<Row>,
  Draft = Omit<Row, 'id'>,
  Patch = Partial<Draft>,
> {
  /** The tables a write of one record opens (see `writeScope`). */
  protected readonly tables: readonly TableName[];

  constructor(
    protected readonly writer: RepositoryWriter,
    protected readonly definition: RecordDefinition<Row, Stored>,
  ) {
    this.tables = writeScope([definition]);
  }

  /** Stores a new record under a new UUIDv7 id. */
  async create(draft: Draft, context: WriteContext): Promise<RepositoryResult<Stored>> {
    // Validated before the transaction opens: bad input never reaches the database.
    const parsed = parseInput(this.definition.schema, { ...draft, id: uuidv7() });
    if (!parsed.ok) return parsed;
    const row = withoutUndefinedFields(parsed.value);
    return this.writer.write(context, this.tables, (session) =>
      session.insert(this.definition, row),
    );
  }

  /**
   * Changes fields of a live record; a field set to `undefined` is removed. Only the fields that
   * really change are stamped; when none does, nothing is written.
   */
  async update(
    id: RecordId,
    patch: Patch,
    context: WriteContext,
  ): Promise<RepositoryResult<Stored>> {
    return this.writer.write(context, this.tables, async (session) => {
      const existing = await session.findLive(this.definition, id);
      const next = session.parse(this.definition, { ...existing, ...patch, id });
      return session.replace(this.definition, existing, next);
    });
  }

  /** Deletes a live record by leaving a tombstone (`deletedAt`), so the deletion syncs. */
  async remove(id: RecordId, context: WriteContext): Promise<RepositoryResult<Stored>> {
    return this.writer.write(context, this.tables, async (session) => {
      const existing = await session.findLive(this.definition, id);
      return session.tombstone(this.definition, existing);
    });
  }

  /** A live record by id; undefined when there is none or it was deleted. */
  async get(id: RecordId): Promise<Stored | undefined> {
    const stored = await this.writer.db.table<Stored, RecordId>(this.definition.table).get(id);
    return stored?.deletedAt === undefined ? stored : undefined;
  }
}
