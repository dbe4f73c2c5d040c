import {
  BlobReader,
  BlobWriter,
  Uint8ArrayReader,
  Uint8ArrayWriter,
  ZipReader,
  ZipWriter,
} from '@zip.js/zip.js';
import Dexie from 'dexie';
import { exportDB } from 'dexie-export-import';
import { createSHA256 } from 'hash-wasm';
import { recordTableNames } from '../../renderer/src/db/backup';
import type { FixlineDatabase } from '../../renderer/src/db/database';
import { createRepositories } from '../../renderer/src/db/repositories';
import { declareSchema, schemaVersions } from '../../renderer/src/db/schema';

/** Every row of every table, with each Blob (however deep) replaced by its type and bytes. */
export async function snapshot(db: Dexie): Promise<Record<string, unknown[]>> {
  const materialize = async (value: unknown): Promise<unknown> => {
    if (value instanceof Blob)
      return { blobType: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] };
    if (Array.isArray(value)) return Promise.all(value.map(materialize));
    if (typeof value === 'object' && value !== null) {
      const entries = await Promise.all(
        Object.entries(value).map(async ([key, field]) => [key, await materialize(field)] as const),
      );
      return Object.fromEntries(entries);
    }
    return value;
  };
  const tables: Record<string, unknown[]> = {};
  // A restore makes the station a new sync client (a new client id): not part of what it restores.
  for (const table of db.tables.filter((each) => each.name !== 'syncState'))
    tables[table.name] = await Promise.all((await table.toArray()).map(materialize));
  return tables;
}

/** How a test tampers with a plain backup's entries: the new bytes of an entry, or its removal. */
export type EntryEdit = (name: string, bytes: Uint8Array) => Uint8Array | undefined;

/**
 * The backup rewritten entry by entry through `edit`. With `fixChecksum`, the manifest's records
 * checksum is recomputed, as a forger would, so that only the other checks can catch the edit.
 */
export async function tamperWithBackup(
  file: Blob,
  edit: EntryEdit,
  { fixChecksum }: { fixChecksum: boolean },
): Promise<Blob> {
  const entries = await new ZipReader(new BlobReader(file)).getEntries();
  const contents = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.directory) continue;
    const edited = edit(entry.filename, await entry.getData(new Uint8ArrayWriter()));
    if (edited !== undefined) contents.set(entry.filename, edited);
  }
  if (fixChecksum) {
    const hasher = await createSHA256();
    hasher.init();
    for (const table of recordTableNames)
      hasher.update(contents.get(`tables/${table}.ndjson`) ?? new Uint8Array());
    const manifest = JSON.parse(new TextDecoder().decode(contents.get('manifest.json')));
    manifest.recordsSha256 = hasher.digest('hex');
    contents.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
  }
  const writer = new ZipWriter(new BlobWriter('application/zip'));
  for (const [name, bytes] of contents) await writer.add(name, new Uint8ArrayReader(bytes));
  return writer.close();
}

/** Rewrites the lines of one NDJSON entry. */
export function editLines(
  entryName: string,
  editLine: (row: Record<string, unknown>, index: number) => Record<string, unknown> | undefined,
): EntryEdit {
  return (name, bytes) => {
    if (name !== entryName) return bytes;
    const lines = new TextDecoder()
      .decode(bytes)
      .split('\n')
      .filter((line) => line !== '');
    const edited = lines.flatMap((line, index) => {
      const row = editLine(JSON.parse(line), index);
      return row === undefined ? [] : [JSON.stringify(row)];
    });
    return new TextEncoder().encode(edited.map((line) => `${line}\n`).join(''));
  };
}

/**
 * A backup as Fixline wrote it before the ZIP format (dexie-export-import's JSON) at schema
 * `version`: the rows of `station` are written into a database declared at that version (with
 * the fields later versions derive left out) and exported from there, as the old app did.
 */
export async function legacyBackupAt(version: number, station: FixlineDatabase): Promise<Blob> {
  const old = new Dexie(`fixline-legacy-${version}-${crypto.randomUUID()}`);
  declareSchema(
    old,
    schemaVersions.filter((schema) => schema.version <= version),
  );
  await old.open();
  try {
    const rows = new Map<string, Record<string, unknown>[]>();
    for (const table of old.tables) {
      const stored: Record<string, unknown>[] = await station.table(table.name).toArray();
      rows.set(
        table.name,
        stored.map((row) => {
          const {
            nextDeadlineAt: _at,
            nextDeadlineDate: _date,
            nextDeadlineKind: _kind,
            ...v2
          } = row;
          if (version >= 2) return v2;
          const { nameWords: _words, phoneTails: _tails, ...v1 } = v2;
          return v1;
        }),
      );
    }
    if (version < 6) {
      // Before version 6 the station's row held the center's settings and the people.
      const view = await createRepositories(station).station.get();
      rows.set(
        'settings',
        (rows.get('settings') ?? []).map((row) => (row.key === 'station' ? { ...view } : row)),
      );
    }
    await old.transaction('rw', old.tables, () =>
      Promise.all(old.tables.map((table) => table.bulkAdd(rows.get(table.name) ?? []))),
    );
    return await exportDB(old);
  } finally {
    old.close();
    await Dexie.delete(old.name);
  }
}

/**
 * A snapshot of a station restored from a backup older than schema 6 made comparable with the
 * station it came from: the v6 upgrade moved the center's settings and people into records,
 * stamped anew and written to the outbox, so those are compared by their values, and the outbox,
 * its counter and the clock are left out.
 */
export function withCenterRecordsByValue(
  tables: Record<string, unknown[]>,
): Record<string, unknown[]> {
  const byValue = (row: unknown) => {
    const { stamps: _s, updatedBy: _u, station: _t, ...values } = row as Record<string, unknown>;
    return values;
  };
  const {
    outbox: _outbox,
    sequences: _sequences,
    people = [],
    centerSettings = [],
    settings = [],
    ...others
  } = tables;
  return {
    ...others,
    people: people.map(byValue),
    centerSettings: centerSettings.map(byValue),
    settings: settings.filter((row) => (row as { key: string }).key !== 'clock'),
  };
}
