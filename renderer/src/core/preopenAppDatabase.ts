import { defaultDatabaseName, preopenDatabase } from '../db/preopenDatabase';

/**
 * Gives the app's database a head start (see `preopenDatabase`). A small module of its own:
 * main.tsx calls it before the app's code, the database's included, has loaded.
 */
export function preopenAppDatabase(): Promise<void> {
  return preopenDatabase(defaultDatabaseName);
}
