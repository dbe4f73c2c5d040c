import Dexie from 'dexie';
import type { DBCore, DBCoreTransaction, Middleware, Transaction } from 'dexie';
import type { TableName } from './records';

/**
 * The IndexedDB transactions opened by {@link runGuardedWrite}. Dexie hands the same object to
 * every DBCore request of a transaction, so membership here is how the middleware tells the data
 * layer's writes from anyone else's. A WeakSet, so finished transactions are not kept alive.
 */
const permittedTransactions = new WeakSet<DBCoreTransaction>();

/**
 * The databases (by name) a backup is being restored into. The importer opens its own
 * transaction over every table, so the guard lets such a transaction through while a restore of
 * that database runs (see {@link runRestore}).
 */
const databasesBeingRestored = new Set<string>();

/** Thrown when code outside the data layer writes a table directly. */
export class DirectWriteRefusedError extends Error {
  override readonly name = 'DirectWriteRefusedError';

  /** @param table the table written @param operation the DBCore mutation (`add`, `put`, `delete`…) */
  constructor(
    readonly table: string,
    readonly operation: string,
  ) {
    super(
      `Direct ${operation} on table "${table}" refused: Fixline's tables change only through the repositories in renderer/src/db/repositories (and the attachment store), which write the record, its audit event and its outbox entry in one transaction.`,
    );
  }
}

/** Thrown when a write of the data layer is started inside a transaction it did not open. */
export class ForeignTransactionError extends Error {
  override readonly name = 'ForeignTransactionError';

  constructor() {
    super(
      'A repository write was started inside a transaction the repositories did not open: call repositories outside db.transaction(), since a foreign transaction could add writes of its own that escape the audit trail and the outbox.',
    );
  }
}

/** The errors a failed write is wrapped in: Dexie keeps the original as `inner`, others as `cause`. */
function errorChain(error: unknown): { name: string; message: string }[] {
  const chain: { name: string; message: string }[] = [];
  let link: unknown = error;
  while (typeof link === 'object' && link !== null && chain.length < 8) {
    const name = 'name' in link && typeof link.name === 'string' ? link.name : '';
    const message = 'message' in link && typeof link.message === 'string' ? link.message : '';
    chain.push({ name, message });
    link =
      'inner' in link && link.inner !== undefined
        ? link.inner
        : 'cause' in link
          ? link.cause
          : undefined;
  }
  return chain;
}

/** How Chromium words a write refused for want of space when it does not say `QuotaExceededError`. */
const outOfSpaceWords = /quota|disk (?:is )?full|no space|not enough space|out of space/i;

/**
 * Whether a failed write failed because the disk or the browser's quota is full. IndexedDB says so
 * as a `QuotaExceededError`, but a commit that runs out of space often surfaces as the
 * transaction's `AbortError` (or Chromium's `UnknownError`) with the quota error inside, or with
 * only the words in its message: all of them are "storage full", which the user can act on.
 */
export function isStorageFull(error: unknown): boolean {
  return errorChain(error).some(
    ({ name, message }) =>
      name === 'QuotaExceededError' ||
      ((name === 'AbortError' || name === 'UnknownError') && outOfSpaceWords.test(message)),
  );
}

/** Whether an IndexedDB transaction is a schema upgrade, whose upgrade functions rewrite rows. */
function isSchemaUpgrade(transaction: DBCoreTransaction): boolean {
  return 'mode' in transaction && transaction.mode === 'versionchange';
}

/**
 * A DBCore middleware that refuses every mutation (add, put, delete, clear, modify) unless the
 * transaction was opened by {@link runGuardedWrite}, is a schema upgrade, or is the importer's
 * transaction during {@link runRestore}. DBCore is the level every Table and Collection method
 * goes through, so none gets around it.
 */
export const writeGuardMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'fixlineWriteGuard',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const transaction = down.transaction(stores, mode, options);
        const isRestore =
          mode === 'readwrite' &&
          databasesBeingRestored.has(down.schema.name) &&
          stores.length === down.schema.tables.length;
        if (isRestore) permittedTransactions.add(transaction);
        return transaction;
      },
      table(tableName) {
        const table = down.table(tableName);
        return {
          ...table,
          mutate(request) {
            if (permittedTransactions.has(request.trans) || isSchemaUpgrade(request.trans)) {
              return table.mutate(request);
            }
            return Promise.reject(new DirectWriteRefusedError(tableName, request.type));
          },
        };
      },
    };
  },
};

/** Hears that a write is about to open its transaction over `tables`. */
export type WriteWantedListener = (tables: readonly TableName[]) => void;

/** The listeners of {@link onWriteWanted}, by database name. */
const writeWantedListeners = new Map<string, Set<WriteWantedListener>>();

/**
 * Calls `listener` whenever a write of the data layer into `db` is about to open its read-write
 * transaction, before it waits for anyone else's: a pulled page's slice in progress gives way to
 * a save at the bench (see `sync/slicedApply.ts`). Returns the unsubscribe.
 */
export function onWriteWanted(db: Dexie, listener: WriteWantedListener): () => void {
  const listeners = writeWantedListeners.get(db.name) ?? new Set<WriteWantedListener>();
  writeWantedListeners.set(db.name, listeners);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) writeWantedListeners.delete(db.name);
  };
}

/** Whether `transaction` is one the data layer opened (so a nested write may join it). */
function isPermitted(transaction: Transaction): boolean {
  return permittedTransactions.has(transaction.idbtrans);
}

/**
 * Runs `scope` in a read-write transaction over `tables` that the write guard lets through.
 * Only the data layer (repositories, attachment store, backup import) calls this. Called inside
 * another such transaction it joins it; inside any other transaction it throws
 * {@link ForeignTransactionError}.
 */
export function runGuardedWrite<Value>(
  db: Dexie,
  tables: readonly TableName[],
  scope: (transaction: Transaction) => Promise<Value>,
): Promise<Value> {
  const outer: Transaction | null = Dexie.currentTransaction;
  if (outer !== null && !isPermitted(outer)) return Promise.reject(new ForeignTransactionError());
  // A write that joins an outer transaction opens none, so it waits for nothing.
  if (outer === null) {
    for (const listener of [...(writeWantedListeners.get(db.name) ?? [])]) listener(tables);
  }
  return db.transaction('rw', tables, (transaction) => {
    permittedTransactions.add(transaction.idbtrans);
    return scope(transaction);
  });
}

/**
 * Runs `restore`, during which the guard lets through any read-write transaction over every table
 * of `db` (the importer's). Only the backup import calls this.
 * @throws Error when a restore of the same database is already running.
 */
export async function runRestore<Value>(db: Dexie, restore: () => Promise<Value>): Promise<Value> {
  if (databasesBeingRestored.has(db.name)) {
    throw new Error(`A backup is already being restored into the database "${db.name}".`);
  }
  databasesBeingRestored.add(db.name);
  try {
    return await restore();
  } finally {
    databasesBeingRestored.delete(db.name);
  }
}
