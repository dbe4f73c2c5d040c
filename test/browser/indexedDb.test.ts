import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';

// Proves the browser project runs in a real Chromium with a real IndexedDB (not a stand-in).
describe('browser test environment', () => {
  const name = `fixline-env-check-${Date.now()}`;
  afterEach(() => Dexie.delete(name));

  it('stores and reads back a Blob in IndexedDB', async () => {
    const db = new Dexie(name);
    db.version(1).stores({ files: 'id' });
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'application/octet-stream' });
    await db.table('files').put({ id: 'a', blob });
    const stored = (await db.table('files').get('a')) as { blob: Blob };
    expect(new Uint8Array(await stored.blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(navigator.userAgent).toContain('Chrome');
    db.close();
  });
});
