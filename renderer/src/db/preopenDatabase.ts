/** The name of the app's database in IndexedDB. */
export const defaultDatabaseName = 'fixline';

/**
 * Asks IndexedDB to open the station's database before the app's modules have run, and lets go
 * as soon as it has. Opening a station's database is the browser's slowest step of a start
 * (~300 ms at 10,000 claims, most of it reading the files from disk), and the app can only ask
 * once its code has loaded and the schema is declared; asked here, the browser does it while the
 * code loads, and keeps the files open for Dexie's own open that follows.
 *
 * It never creates a database: a new station's is left for Dexie to create at its version, and
 * it opens at whatever version the database has, so it never upgrades or blocks an upgrade.
 * Resolves once IndexedDB has answered, whatever the answer: this is only a head start.
 */
export function preopenDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      // No IndexedDB here (a private window may refuse it): the app's own open will say so.
      resolve();
      return;
    }
    // A database that does not exist yet: abort, so that nothing is created at version 1.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = (event) => {
      // The abort above, or a database this browser cannot open: the app's open reports it.
      event.preventDefault();
      resolve();
    };
    request.onblocked = () => resolve();
  });
}
