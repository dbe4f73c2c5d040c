import type { FixlineDatabase } from '../database';
import { runRestore } from '../writeGuard';

/**
 * Empties every table of the station in one transaction, so a station in a bad state can start
 * again: first-run setup, or a restore. The only write that goes around the repositories besides a
 * restore, and like it, it goes through the write guard's restore path. The claim counts are
 * emptied with the claims, which is what counting no claims gives.
 */
export async function resetStation(db: FixlineDatabase): Promise<void> {
  if (!db.isOpen()) await db.open();
  await runRestore(db, () =>
    db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear()))),
  );
}
