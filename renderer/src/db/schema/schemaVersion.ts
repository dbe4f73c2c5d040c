import type { Transaction } from 'dexie';
import type { TableName } from '../records';

/**
 * One numbered version of the database schema: the Dexie store specs of the tables it adds or
 * changes (primary key first, then indexes; `null` drops a table) and the function that rewrites
 * the rows of the previous version. Versions are never edited once shipped: a change is a new file.
 */
export type SchemaVersion = {
  readonly version: number;
  readonly stores: Readonly<Partial<Record<TableName, string | null>>>;
  readonly upgrade?: (transaction: Transaction) => Promise<void>;
};
