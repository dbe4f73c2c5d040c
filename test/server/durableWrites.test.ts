import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FolderBlobStore } from '../../server/src/blobs/blobStore';
import { migrate } from '../../server/src/storage/migrate';
import { backupServer } from '../../server/src/storage/pgliteBackup';
import { openPgliteDatabase } from '../../server/src/storage/pgliteDatabase';

/**
 * What the server flushes to the disk, and when: a blob a station is told is stored, and a backup
 * said to be written, must survive a power cut. No test can cut the power, so the server's calls
 * to the file system are recorded (the real ones run) and their order checked.
 */

const calls: string[] = [];

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        calls.push(`flush ${String(args[0])}`);
        await sync();
      };
      return handle;
    },
    rename: async (from: string, to: string) => {
      calls.push(`rename ${from} -> ${to}`);
      await actual.rename(from, to);
    },
  };
});

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fixline-blob-durability-'));
  calls.length = 0;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Random bytes whose SHA-256 starts with `prefix`: two files named `abcd…` share a folder. */
function bytesNamed(prefix?: string): { bytes: Buffer; sha256: string } {
  for (;;) {
    const bytes = randomBytes(64);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (prefix === undefined || sha256.startsWith(prefix)) return { bytes, sha256 };
  }
}

describe('the folder blob store, at a power cut', () => {
  it('flushes a blob’s bytes before it takes its name, and its name and new folders after', async () => {
    const store = new FolderBlobStore(root);
    const { bytes, sha256 } = bytesNamed();
    const upload = join(root, 'uploads', sha256);
    const stored = join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

    const half = bytes.length / 2;
    expect(
      await store.append(sha256, 0, bytes.length, Readable.from([bytes.subarray(0, half)])),
    ).toEqual({ kind: 'partial', offset: half });
    // A chunk before the last is not flushed: the whole file's check covers a cut in it.
    expect(calls).toEqual([]);

    expect(
      await store.append(sha256, half, bytes.length, Readable.from([bytes.subarray(half)])),
    ).toEqual({ kind: 'stored', size: bytes.length });
    expect(calls.slice(0, 2)).toEqual([`flush ${upload}`, `rename ${upload} -> ${stored}`]);
    // Then, in any order, the blob's folder and the two it needed made.
    expect(calls.slice(2).sort()).toEqual(
      [dirname(stored), dirname(dirname(stored)), root].map((path) => `flush ${path}`).sort(),
    );
  });

  it('flushes only the blob’s folder once that folder is there', async () => {
    const store = new FolderBlobStore(root);
    const first = bytesNamed();
    const second = bytesNamed(first.sha256.slice(0, 4));
    await store.append(first.sha256, 0, first.bytes.length, Readable.from([first.bytes]));
    calls.length = 0;
    expect(
      await store.append(second.sha256, 0, second.bytes.length, Readable.from([second.bytes])),
    ).toEqual({ kind: 'stored', size: second.bytes.length });
    const upload = join(root, 'uploads', second.sha256);
    const folder = join(root, second.sha256.slice(0, 2), second.sha256.slice(2, 4));
    expect(calls).toEqual([
      `flush ${upload}`,
      `rename ${upload} -> ${join(folder, second.sha256)}`,
      `flush ${folder}`,
    ]);
  });
});

describe('a backup of the embedded server', () => {
  it('is flushed before it takes its name, and its name after', async () => {
    const dataDir = join(root, 'data');
    const database = await openPgliteDatabase(dataDir);
    await migrate(database);
    await database.close();
    const backup = join(root, 'backups', 'fixline-server.zip');
    calls.length = 0;
    await backupServer({ dataDir, blobDir: undefined }, backup);
    const ofBackup = calls.filter((call) => call.includes('backups'));
    expect(ofBackup).toHaveLength(3);
    const partial = /^flush (.+\.partial)$/.exec(ofBackup[0] ?? '')?.[1];
    expect(partial).toBeDefined();
    expect(ofBackup.slice(1)).toEqual([
      `rename ${partial} -> ${backup}`,
      `flush ${dirname(backup)}`,
    ]);
  }, 60_000);
});
