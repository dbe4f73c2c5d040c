import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  blobChunkMediaType,
  syncApiPrefix,
  syncProtocolHeader,
  syncProtocolVersion,
  uploadLengthHeader,
  uploadOffsetHeader,
} from '#shared/sync/protocol';
import { buildSyncServer } from '../../server/src/app';
import type { Database } from '../../server/src/storage/database';
import type { BlobStoreFixture, BlobStoreKind } from './blobStoreFixtures';
import { openBlobStoreFixture } from './blobStoreFixtures';
import type { Station } from './serverHarness';
import { openTestDatabase, ServerContext } from './serverHarness';

/**
 * What the blob routes' tests share: a sync server on PGlite over one kind of blob store,
 * listening on loopback, with Jakarta and Bandung enrolled; the headers a station sends, and one
 * chunk's upload.
 */
export type BlobServer = {
  readonly database: Database;
  readonly app: FastifyInstance;
  readonly server: ServerContext;
  readonly blobs: BlobStoreFixture;
  readonly address: string;
  readonly jakarta: Station;
  readonly bandung: Station;
  close(): Promise<void>;
};

export async function startBlobServer(kind: BlobStoreKind): Promise<BlobServer> {
  const blobs = await openBlobStoreFixture(kind);
  const database = await openTestDatabase('pglite');
  const app = await buildSyncServer({ database, ...blobs.serverOptions });
  const server = new ServerContext(app, database, { current: undefined });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    database,
    app,
    server,
    blobs,
    address,
    jakarta: await server.enroll('JKT1'),
    bandung: await server.enroll('BDG2'),
    close: async () => {
      await app.close();
      await database.close();
      await blobs.close();
    },
  };
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The station's token and the protocol header, and `extra` as text. */
export function blobHeaders(station: Station, extra: Record<string, string | number> = {}) {
  return {
    ...station.auth,
    [syncProtocolHeader]: String(syncProtocolVersion),
    ...Object.fromEntries(Object.entries(extra).map(([name, value]) => [name, String(value)])),
  };
}

/** Sends `chunk` at `offset` of the upload of `name`, whose whole file is `length` bytes. */
export function patchChunk(
  app: FastifyInstance,
  station: Station,
  name: string,
  offset: number,
  length: number,
  chunk: Buffer,
) {
  return app.inject({
    method: 'PATCH',
    url: `${syncApiPrefix}/blobs/${name}`,
    headers: blobHeaders(station, {
      'content-type': blobChunkMediaType,
      [uploadOffsetHeader]: offset,
      [uploadLengthHeader]: length,
    }),
    payload: chunk,
  });
}
