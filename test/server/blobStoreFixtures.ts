import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { BlobStore } from '../../server/src/blobs/blobStore';
import { FolderBlobStore } from '../../server/src/blobs/blobStore';
import type { S3BlobStore } from '../../server/src/blobs/s3BlobStore';
import { openS3BlobStore } from '../../server/src/blobs/s3BlobStore';
import type { S3Config } from '../../server/src/blobs/s3Config';

/**
 * The blob stores a server can run on, for tests that run the same behaviours against each: the
 * folder, and an S3 bucket on a real S3 API server (s3rver) listening on loopback.
 */
export const blobStoreKinds = ['folder', 's3'] as const;
export type BlobStoreKind = (typeof blobStoreKinds)[number];

export type BlobStoreFixture = {
  readonly kind: BlobStoreKind;
  /** What `buildSyncServer` takes to use this store. */
  readonly serverOptions: { readonly blobRoot: string } | { readonly blobStore: BlobStore };
  /** The server's store, for tests that call it directly. */
  readonly store: BlobStore;
  /** Another store on the same place, as another server process (or a restart) opens it. */
  reopen(): Promise<BlobStore>;
  /** A store on a new, empty place, and a way to open it again there (a restart). */
  fresh(): Promise<{ readonly store: BlobStore; reopen(): Promise<BlobStore> }>;
  /** How many stored copies of `sha256` there are (files, or objects in the bucket). */
  copiesOf(sha256: string): Promise<number>;
  /** Makes a stored blob look last written at `when` (S3 cannot backdate an object). */
  backdate(sha256: string, when: Date): Promise<void>;
  close(): Promise<void>;
};

const bucket = 'fixline-blobs';

/** A real S3 API server on loopback, its data in a temporary folder, and the config to reach it. */
export async function startS3(): Promise<{
  readonly directory: string;
  readonly config: (prefix: string) => S3Config;
  close(): Promise<void>;
}> {
  const directory = await mkdtemp(join(tmpdir(), 'fixline-s3rver-'));
  const s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await s3.run();
  return {
    directory,
    config: (prefix) => ({
      bucket,
      prefix,
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    }),
    close: async () => {
      await s3.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function filesIn(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

const storedPath = (sha256: string) => [sha256.slice(0, 2), sha256.slice(2, 4), sha256];

export async function openBlobStoreFixture(kind: BlobStoreKind): Promise<BlobStoreFixture> {
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  const folder = async () => {
    const root = await mkdtemp(join(tmpdir(), 'fixline-blobs-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    return root;
  };
  if (kind === 'folder') {
    const root = await folder();
    return {
      kind,
      serverOptions: { blobRoot: root },
      store: new FolderBlobStore(root),
      reopen: async () => new FolderBlobStore(root),
      fresh: async () => {
        const place = await folder();
        return {
          store: new FolderBlobStore(place),
          reopen: async () => new FolderBlobStore(place),
        };
      },
      copiesOf: async (sha256) => (await filesIn(root)).filter((file) => file === sha256).length,
      backdate: (sha256, when) => utimes(join(root, ...storedPath(sha256)), when, when),
      close,
    };
  }
  const s3 = await startS3();
  cleanups.push(() => s3.close());
  const open = async (prefix: string): Promise<S3BlobStore> => {
    const store = await openS3BlobStore(s3.config(prefix));
    cleanups.push(async () => store.close());
    return store;
  };
  const prefix = 'center/';
  const store = await open(prefix);
  let freshCount = 0;
  // s3rver keeps each object as a file named after its key's last part.
  const objectFile = (sha256: string) => {
    const [first = '', second = '', name = ''] = storedPath(sha256);
    return join(s3.directory, bucket, 'center', first, second, `${name}._S3rver_object`);
  };
  return {
    kind,
    serverOptions: { blobStore: store },
    store,
    reopen: () => open(prefix),
    fresh: async () => {
      const place = `fresh-${++freshCount}/`;
      return { store: await open(place), reopen: () => open(place) };
    },
    copiesOf: async (sha256) =>
      (await filesIn(s3.directory)).filter((file) => file === `${sha256}._S3rver_object`).length,
    backdate: (sha256, when) => utimes(objectFile(sha256), when, when),
    close,
  };
}
