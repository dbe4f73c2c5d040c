import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { FixlineDatabase } from '../../renderer/src/db/database';
import { preopenDatabase } from '../../renderer/src/db/preopenDatabase';
import { currentSchemaVersion } from '../../renderer/src/db/schema';
import { schemaVersion1 } from '../../renderer/src/db/schema/v1';

/** The head start main.tsx gives a station's database, in Chromium's real IndexedDB. */
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function databaseName(): string {
  const name = `fixline-preopen-test-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : []));
}

describe('opening the station database ahead of the app', () => {
  it('creates nothing on a new station, and the app then creates it at its version', async () => {
    const name = databaseName();
    await preopenDatabase(name);
    expect(await databaseNames()).not.toContain(name);

    const db = new FixlineDatabase(name);
    await db.open();
    expect(db.verno).toBe(currentSchemaVersion);
    expect(db.tables.length).toBeGreaterThan(20);
    db.close();
  });

  it('lets go of an older database at once, so the app upgrades it unblocked', async () => {
    const name = databaseName();
    // The station as the first app left it: version 1 of the schema.
    const older = new Dexie(name);
    older.version(schemaVersion1.version).stores(schemaVersion1.stores);
    await older.open();
    older.close();

    await preopenDatabase(name);
    expect(await databaseNames()).toContain(name);
    const db = new FixlineDatabase(name);
    let blocked = false;
    db.on('blocked', () => {
      blocked = true;
    });
    await db.open();
    expect(blocked).toBe(false);
    expect(db.verno).toBe(currentSchemaVersion);
    db.close();
  });

  it('opens a database that is there at its own version and closes it', async () => {
    const name = databaseName();
    const db = new FixlineDatabase(name);
    await db.open();
    db.close();

    await preopenDatabase(name);
    // Had it kept its connection, this delete would wait for it (and Dexie reports it blocked).
    let blocked = false;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onblocked = () => {
        blocked = true;
      };
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('delete failed'));
    });
    expect(blocked).toBe(false);
    expect(await databaseNames()).not.toContain(name);
  });
});
