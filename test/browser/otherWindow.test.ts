import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { FixlineDatabase } from '../../renderer/src/db/database';
import { currentSchemaVersion, schemaVersions } from '../../renderer/src/db/schema';

/**
 * Two Fixline windows on one station's database, in Chromium's real IndexedDB: one running an
 * older app (or a newer one) than the other.
 */
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function databaseName(): string {
  const name = `fixline-window-test-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

/** Resolves once `db` reports a connection problem (or at once when it already has). */
function problemOf(db: FixlineDatabase): Promise<FixlineDatabase['connectionProblem']> {
  return new Promise((resolve) => {
    if (db.connectionProblem !== undefined) resolve(db.connectionProblem);
    const stop = db.onConnectionProblem(() => {
      stop();
      resolve(db.connectionProblem);
    });
  });
}

/** IndexedDB's version for a Dexie version (Dexie multiplies by ten). */
const idbVersion = (dexieVersion: number) => dexieVersion * 10;

describe('another window holding the database', () => {
  it('an old window lets go when a newer one upgrades, and says to reload', async () => {
    const name = databaseName();
    const oldWindow = new FixlineDatabase(name);
    await oldWindow.open();

    // The newer app: every version of today, and one more.
    const newWindow = new Dexie(name);
    for (const schema of schemaVersions) newWindow.version(schema.version).stores(schema.stores);
    newWindow.version(currentSchemaVersion + 1).stores({ notes: 'id, claimId, createdAt' });
    const problem = problemOf(oldWindow);
    await newWindow.open();

    expect(await problem).toBe('upgraded-elsewhere');
    expect(oldWindow.isOpen()).toBe(false);
    expect(newWindow.verno).toBe(currentSchemaVersion + 1);
    newWindow.close();
  });

  it('a window that must upgrade says another window blocks it, and opens once that one closes', async () => {
    const name = databaseName();
    // An older app that does not let go on a version change (as Fixline before this fix).
    const oldConnection = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, idbVersion(1));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });

    const newWindow = new FixlineDatabase(name);
    const problem = problemOf(newWindow);
    const opened = newWindow.open();
    expect(await problem).toBe('blocked-by-other-window');

    oldConnection.close();
    await opened;
    expect(newWindow.connectionProblem).toBeUndefined();
    expect(newWindow.verno).toBe(currentSchemaVersion);
    newWindow.close();
  });
});
