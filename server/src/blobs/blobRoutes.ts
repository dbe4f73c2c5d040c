import fastifyStatic from '@fastify/static';
import { mkdir } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sha256Schema } from '#shared/domain/primitives';
import {
  blobChunkMediaType,
  blobRoute,
  blobStandingRequestSchema,
  blobStandingResponseSchema,
  blobStandingRoute,
  blobTicketResponseSchema,
  blobTicketRoute,
  blobViewRoute,
  maxBlobBytes,
  uploadLengthHeader,
  uploadOffsetHeader,
  viewTicketParameter,
  type BlobStandingResponse,
} from '#shared/sync/protocol';
import { maxBlobChunkBytes } from '#shared/sync/blobHttp';
import { SyncError } from '../errors';
import type { BlobState, BlobStore, ByteRange } from './blobStore';
import { FolderBlobStore } from './blobStore';
import type { ViewTickets } from './viewTickets';

/**
 * What a `Range` header asks of a blob of `size` bytes, as @fastify/static answers it for the
 * folder: one range (`a-b`, `a-`, `-n`), else the whole blob. Several ranges get the whole blob.
 */
export function rangeOf(
  header: string | undefined,
  size: number,
): { kind: 'whole' } | { kind: 'part'; range: ByteRange } | { kind: 'unsatisfiable' } {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return { kind: 'whole' };
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return { kind: 'whole' };
  const [start, end] =
    from === ''
      ? [Math.max(size - Number(to), 0), size - 1]
      : [Number(from), to === '' ? size - 1 : Math.min(Number(to), size - 1)];
  if (start > end || start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', range: { start, end } };
}

/**
 * The blob routes (see {@link blobRoute}): upload by chunks that resume, download with ranges,
 * each for an enrolled station only, and viewing by a short-lived ticket for a player. Registered
 * inside the sync routes' plugin, so the protocol header is checked as for every other route (but
 * the view route's, whose ticket stands for it).
 */
export async function registerBlobRoutes(
  sync: FastifyInstance,
  store: BlobStore,
  needsDevice: (request: FastifyRequest) => Promise<void>,
  /** An upload completed (its SHA-256 checked): the stations waiting for it are told. */
  onStored: (sha256: string) => Promise<void>,
  /** The viewing tickets a `<video>` plays a blob with (see {@link blobViewRoute}). */
  tickets: ViewTickets,
): Promise<void> {
  // The body of a chunk is streamed to the file, never held whole (up to 2 GiB).
  sync.addContentTypeParser(blobChunkMediaType, (_request, payload, done) => done(null, payload));
  // A folder's files are sent with ranges by this plugin's `reply.sendFile`, from the folder only.
  if (store instanceof FolderBlobStore) {
    // Made now, not at the first upload: the plugin warns of a folder that does not exist.
    await mkdir(store.root, { recursive: true });
    await sync.register(fastifyStatic, { root: store.root, serve: false });
  }

  const shaOf = (request: FastifyRequest): string => {
    const parsed = sha256Schema.safeParse((request.params as { sha256?: unknown }).sha256);
    if (!parsed.success) {
      throw new SyncError(
        'invalid-request',
        'A blob is named by its SHA-256: 64 hexadecimal characters.',
      );
    }
    return parsed.data;
  };

  sync.head(blobRoute, { preValidation: needsDevice }, async (request, reply) => {
    const state = await store.state(shaOf(request));
    switch (state.kind) {
      case 'stored':
        return reply
          .header(uploadOffsetHeader, state.size)
          .header(uploadLengthHeader, state.size)
          .status(200)
          .send();
      case 'uploading':
        return reply.header(uploadOffsetHeader, state.offset).status(200).send();
      case 'absent':
        return reply.status(404).send();
    }
  });

  sync.withTypeProvider<ZodTypeProvider>().post(
    blobStandingRoute,
    {
      schema: { body: blobStandingRequestSchema, response: { 200: blobStandingResponseSchema } },
      preValidation: needsDevice,
    },
    async (request) => {
      const sha256s = [...new Set(request.body.sha256s)];
      const blobs: BlobStandingResponse['blobs'] = [];
      // A few at a time: a bucket's store asks the bucket for each.
      for (let from = 0; from < sha256s.length; from += standingLookupsAtOnce) {
        const slice = sha256s.slice(from, from + standingLookupsAtOnce);
        blobs.push(
          ...(await Promise.all(
            slice.map(async (sha256) => standingOf(sha256, await store.state(sha256))),
          )),
        );
      }
      return { blobs };
    },
  );

  sync.get(
    blobRoute,
    { preValidation: needsDevice, exposeHeadRoute: false },
    // The bytes of a name never change: a station may keep them for good.
    (request, reply) =>
      sendBlob(store, request, reply, shaOf(request), {
        mediaType: 'application/octet-stream',
        cacheControl: 'private, max-age=31536000, immutable',
      }),
  );

  sync.post(blobTicketRoute, { preValidation: needsDevice }, async (request, reply) => {
    const sha256 = shaOf(request);
    const device = request.device;
    if (device === undefined) throw new Error('this route must check the device token');
    if ((await store.state(sha256)).kind !== 'stored') throw blobNotFound(sha256);
    const ticket = await tickets.issue(device, sha256);
    request.log.info({ deviceId: device.id, sha256 }, 'viewing ticket issued');
    return reply.status(200).send(blobTicketResponseSchema.parse(ticket));
  });

  // No token and no protocol header: a `<video>` sends neither, so the ticket stands for both.
  sync.get(blobViewRoute, { exposeHeadRoute: false }, async (request, reply) => {
    const sha256 = shaOf(request);
    const ticket = (request.query as Record<string, unknown>)[viewTicketParameter];
    if (typeof ticket !== 'string' || ticket === '') {
      throw new SyncError(
        'view-ticket-invalid',
        `Send the viewing ticket as ?${viewTicketParameter}=: ask for one first.`,
      );
    }
    const { mediaType } = await tickets.check(sha256, ticket);
    // Not kept past the ticket: a revoked station's player asks again and is refused.
    return sendBlob(store, request, reply, sha256, {
      mediaType,
      cacheControl: 'private, no-store',
    });
  });

  sync.patch(blobRoute, { preValidation: needsDevice }, async (request, reply) => {
    const sha256 = shaOf(request);
    if (request.headers['content-type'] !== blobChunkMediaType) {
      throw new SyncError('invalid-request', `Send a chunk as ${blobChunkMediaType}.`);
    }
    const offset = Number(request.headers[uploadOffsetHeader]);
    const length = Number(request.headers[uploadLengthHeader]);
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new SyncError(
        'invalid-request',
        `Send the ${uploadOffsetHeader} header: where this chunk starts.`,
      );
    }
    if (!Number.isSafeInteger(length) || length < 1 || length > maxBlobBytes || offset >= length) {
      throw new SyncError(
        'invalid-request',
        `Send the ${uploadLengthHeader} header: the whole file's size, from 1 byte to 2 GiB, past the offset.`,
      );
    }
    // A chunk is at most the protocol's largest: the body is streamed, past the server's limit.
    if (Number(request.headers['content-length'] ?? 0) > maxBlobChunkBytes) throw chunkTooLarge();
    const limited = limitChunk(request.body as Readable);
    // The parser above hands the request's body over as its stream.
    const result = await store.append(sha256, offset, length, limited.body);
    if (limited.exceeded()) throw chunkTooLarge();
    switch (result.kind) {
      case 'stored':
        request.log.info({ sha256, size: result.size }, 'blob stored');
        try {
          await onStored(sha256);
        } catch (error) {
          // The bytes are stored all the same: a waiting station finds them at its next retry.
          request.log.warn({ sha256, name: (error as Error).name }, 'blob arrival not announced');
        }
        return reply.header(uploadOffsetHeader, result.size).status(204).send();
      case 'partial':
        return reply.header(uploadOffsetHeader, result.offset).status(204).send();
      case 'offset-mismatch':
        throw new SyncError(
          'upload-offset-mismatch',
          `This upload stands at byte ${result.offset}: send from there.`,
          { offset: result.offset },
        );
      case 'hash-mismatch':
        request.log.warn({ sha256 }, 'blob refused: its bytes have another SHA-256');
        throw new SyncError(
          'blob-hash-mismatch',
          `The bytes sent have the SHA-256 ${result.actual}, not ${sha256}: the upload was dropped; send the file again.`,
        );
      case 'too-long':
        throw new SyncError(
          'invalid-request',
          `The chunk goes past the ${length} bytes the upload declared: the upload was dropped.`,
        );
    }
  });
}

/** How many blobs' states the standing route looks up at the same time. */
const standingLookupsAtOnce = 32;

function standingOf(sha256: string, state: BlobState): BlobStandingResponse['blobs'][number] {
  switch (state.kind) {
    case 'stored':
      return { sha256, kind: 'stored', size: state.size };
    case 'uploading':
      return { sha256, kind: 'uploading', offset: state.offset };
    case 'absent':
      return { sha256, kind: 'absent' };
  }
}

function blobNotFound(sha256: string): SyncError {
  return new SyncError('blob-not-found', `The server does not have blob ${sha256} (yet).`);
}

/**
 * Sends a stored blob whole, or the one range `Range` asks for (206, `content-range`), typed
 * `mediaType`: the folder's file by @fastify/static, a bucket's object by ranges read here, so
 * a video can seek before it is all here either way.
 */
async function sendBlob(
  store: BlobStore,
  request: FastifyRequest,
  reply: FastifyReply,
  sha256: string,
  { mediaType, cacheControl }: { readonly mediaType: string; readonly cacheControl: string },
): Promise<FastifyReply> {
  const state = await store.state(sha256);
  if (state.kind !== 'stored') throw blobNotFound(sha256);
  reply.header('cache-control', cacheControl);
  reply.type(mediaType);
  if (store instanceof FolderBlobStore) {
    // The type and cache policy set above, not the plugin's (by file extension, and public).
    return reply.sendFile(store.relativePath(sha256), {
      acceptRanges: true,
      etag: false,
      contentType: false,
      cacheControl: false,
    });
  }
  reply.header('accept-ranges', 'bytes');
  const asked = rangeOf(request.headers.range, state.size);
  switch (asked.kind) {
    case 'whole':
      return reply
        .header('content-length', state.size)
        .status(200)
        .send(await store.read(sha256));
    case 'part': {
      const { start, end } = asked.range;
      return reply
        .header('content-range', `bytes ${start}-${end}/${state.size}`)
        .header('content-length', end - start + 1)
        .status(206)
        .send(await store.read(sha256, asked.range));
    }
    case 'unsatisfiable':
      // As the folder's answer: 416, in the protocol's error shape.
      reply.header('content-range', `bytes */${state.size}`);
      throw new SyncError(
        'invalid-request',
        `The range asked starts past the blob's ${state.size} bytes.`,
        undefined,
        416,
      );
  }
}

function chunkTooLarge(): SyncError {
  return new SyncError(
    'payload-too-large',
    `A chunk is at most ${maxBlobChunkBytes} bytes: send the file in smaller chunks.`,
  );
}

/**
 * `body` cut off at {@link maxBlobChunkBytes} (a chunked body declares no length): past it the
 * stream ends as a dropped connection does, so the store keeps what came before it.
 */
function limitChunk(body: Readable): { body: Readable; exceeded: () => boolean } {
  let received = 0;
  let exceeded = false;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received <= maxBlobChunkBytes) return done(null, chunk);
      exceeded = true;
      body.unpipe(limited);
      body.resume();
      done(Object.assign(new Error('chunk too large'), { code: 'ECONNRESET' }));
    },
  });
  body.on('error', (error) => limited.destroy(error));
  body.pipe(limited);
  return { body: limited, exceeded: () => exceeded };
}
