import type Dexie from 'dexie';
import type { SchemaVersion } from './schemaVersion';
import { schemaVersion1 } from './v1';
import { schemaVersion2 } from './v2';
import { schemaVersion3 } from './v3';
import { schemaVersion4 } from './v4';
import { schemaVersion5 } from './v5';
import { schemaVersion6 } from './v6';
import { schemaVersion7 } from './v7';
import { schemaVersion8 } from './v8';
import { schemaVersion9 } from './v9';
import { schemaVersion10 } from './v10';
import { schemaVersion11 } from './v11';
import { schemaVersion12 } from './v12';
import { schemaVersion13 } from './v13';
import { schemaVersion14 } from './v14';

/** Every schema version, oldest first. The database opens at the last one. */
export const schemaVersions: readonly SchemaVersion[] = [
  schemaVersion1,
  schemaVersion2,
  schemaVersion3,
  schemaVersion4,
  schemaVersion5,
  schemaVersion6,
  schemaVersion7,
  schemaVersion8,
  schemaVersion9,
  schemaVersion10,
  schemaVersion11,
  schemaVersion12,
  schemaVersion13,
  schemaVersion14,
];

/** The version the app's database is at. */
export const currentSchemaVersion = schemaVersion14.version;

/**
 * Declares `versions` on `db`, so that opening it upgrades an older database step by step.
 * Tests pass a prefix of {@link schemaVersions} to make a database as an older app left it.
 */
export function declareSchema(
  db: Dexie,
  versions: readonly SchemaVersion[] = schemaVersions,
): void {
  for (const schema of versions) {
    const version = db.version(schema.version).stores({ ...schema.stores });
    const { upgrade } = schema;
    if (upgrade !== undefined) version.upgrade(upgrade);
  }
}

export type { SchemaVersion } from './schemaVersion';
