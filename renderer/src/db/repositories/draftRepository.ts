import { fail, ok } from '#shared/domain/result';
import type { FixlineDatabase } from '../database';
import type { DraftRow } from '../records';
import { runGuardedWrite } from '../writeGuard';
import type { RepositoryResult } from './repositoryError';
import { storageFailure } from './repositoryError';

/**
 * Drafts of forms not saved yet (the intake's autosave). Local and never synced, so a draft
 * write has no audit event or outbox entry: it is nobody's record until the form is saved.
 * It writes only the `drafts` table, so an autosave never waits on a repository write.
 */
export class DraftRepository {
  readonly #now: () => number;

  constructor(
    private readonly db: FixlineDatabase,
    now: () => number = Date.now,
  ) {
    this.#now = now;
  }

  /** The draft under `key`; undefined when there is none. */
  async get(key: string): Promise<DraftRow | undefined> {
    return this.db.drafts.get(key);
  }

  /**
   * Keeps `value` as the draft under `key`, replacing the previous one. `value` must be plain
   * data (IndexedDB clones it); a full disk comes back as a `storage-full` refusal.
   */
  async save(key: string, value: unknown): Promise<RepositoryResult<DraftRow>> {
    if (key.trim() === '') {
      return fail({ code: 'invalid-input', field: 'key', message: 'key: a draft needs a key.' });
    }
    const row: DraftRow = { key, savedAt: new Date(this.#now()).toISOString(), value };
    return this.#write(async () => {
      await this.db.drafts.put(row);
      return row;
    });
  }

  /** Removes the draft under `key`, if any (after the form was saved, or on "Discard draft"). */
  async discard(key: string): Promise<RepositoryResult<null>> {
    return this.#write(async () => {
      await this.db.drafts.delete(key);
      return null;
    });
  }

  async #write<Value>(scope: () => Promise<Value>): Promise<RepositoryResult<Value>> {
    try {
      return ok(await runGuardedWrite(this.db, ['drafts'], scope));
    } catch (error) {
      const failure = storageFailure(error);
      if (failure !== undefined) return fail(failure);
      throw error;
    }
  }
}
