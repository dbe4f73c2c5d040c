import Dexie from 'dexie';
import { afterEach } from 'vitest';
import type { StationCode } from '#shared/domain/primitives';
import { FixlineDatabase } from '../../renderer/src/db/database';
import type { Repositories, WriteContext } from '../../renderer/src/db/repositories';
import { createRepositories } from '../../renderer/src/db/repositories';

/** The technician browser-test writes are made by. */
export const asTechnician: WriteContext = { actor: '00000000-0000-7000-8000-0000000000aa' };

const opened: FixlineDatabase[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    // IndexedDB closes the connection once its last transactions finish (a refused write still
    // leaves an empty one to commit); deleting first would only be reported as blocked.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await Dexie.delete(db.name);
  }
});

/** An empty database (not set up) in Chromium's real IndexedDB, deleted after the test. */
export function freshBrowserDatabase(): FixlineDatabase {
  const db = new FixlineDatabase(`fixline-browser-test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

/** A fresh database in Chromium's real IndexedDB, deleted after the test. */
export async function openBrowserDatabase(
  stationCode: StationCode | null = 'JKT1',
): Promise<{ db: FixlineDatabase; repositories: Repositories }> {
  const db = freshBrowserDatabase();
  const repositories = createRepositories(db);
  if (stationCode !== null) {
    const setUp = await repositories.station.setUp({
      stationCode,
      center: { name: 'Fixline Jakarta' },
    });
    if (!setUp.ok) throw new Error(setUp.error.message);
  }
  return { db, repositories };
}

/** Unwraps a successful result, failing the test with the refusal's message otherwise. */
export function expectOk<Value>(
  result:
    | { readonly ok: true; readonly value: Value }
    | { readonly ok: false; readonly error: { readonly message: string } },
): Value {
  if (!result.ok) throw new Error(`expected success, got a refusal: ${result.error.message}`);
  return result.value;
}

/** A PNG of `width` × `height` pixels, drawn on an OffscreenCanvas. */
export async function makePng(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D context on an OffscreenCanvas');
  context.fillStyle = '#1e6f5c';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#f4d35e';
  context.fillRect(width / 4, height / 4, width / 2, height / 2);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** `length` bytes counting 0…250 over and over: easy to recompute, not all alike. */
export function patternBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) bytes[index] = index % 251;
  return bytes;
}
