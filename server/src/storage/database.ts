/**
 * The one query interface the server uses, for embedded PGlite and for PostgreSQL alike: the same
 * SQL runs on both. Parameters are `$1, $2…`; pass JSON as a string and cast it (`$1::jsonb`),
 * since the two drivers turn JavaScript arrays into different things.
 */
export type Queryable = {
  /** One statement with parameters; its rows. */
  query<Row extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]>;
  /** Several statements without parameters (a migration file). */
  exec(sql: string): Promise<void>;
};

export type Transaction = Queryable & {
  /**
   * Runs `work` under a savepoint: when it throws, what it did is rolled back and the error goes
   * on, while the transaction stays usable.
   */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
};

export type DatabaseKind = 'pglite' | 'postgres';

/** What a listener reports about its connection to the database (the server's logger fits). */
export type ListenLog = {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
};

export type ListenOptions = {
  readonly log?: ListenLog;
  /** Called when listening again after a lost connection: notifications of the gap are lost. */
  readonly onReconnect?: () => void;
};

export type Database = Queryable & {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T>;
  /**
   * Calls `onPayload` for each notification on `channel`, listening again if the connection
   * drops; the result stops listening.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    options?: ListenOptions,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

let savepointCounter = 0;

/** {@link Transaction.savepoint} over any queryable inside a transaction. */
export async function underSavepoint<T>(queryable: Queryable, work: () => Promise<T>): Promise<T> {
  savepointCounter += 1;
  const name = `fixline_${savepointCounter}`;
  await queryable.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await queryable.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await queryable.query(`ROLLBACK TO SAVEPOINT ${name}`);
    await queryable.query(`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
}

/** A bigint column as a number: PGlite gives a BigInt, pg a string. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  throw new TypeError(`expected a number from the database, got ${typeof value}`);
}

/** The SQLSTATE or system error code of a database error, if it has one. */
export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether the database failed for lack of disk space (PostgreSQL 53100, or ENOSPC from the file system). */
export function isStorageFull(error: unknown): boolean {
  const code = errorCodeOf(error);
  if (code === '53100' || code === 'ENOSPC') return true;
  return error instanceof Error && /ENOSPC|no space left on device/i.test(error.message);
}
