import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type {
  FastifyInstance,
  FastifyRequest,
  FastifySchemaCompiler,
  FastifyServerOptions,
} from 'fastify';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  hasZodFastifySchemaValidationErrors,
  ResponseSerializationError,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BlobEvent, PokeEvent } from '#shared/sync/protocol';
import {
  blobViewRoute,
  enrollRequestSchema,
  enrollResponseSchema,
  helloResponseSchema,
  pullRequestSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  syncApiPrefix,
  syncProtocolHeader,
  syncProtocolVersion,
  syncRoutes,
  viewTicketParameter,
} from '#shared/sync/protocol';
import { SyncError } from './errors';
import { registerBlobRoutes } from './blobs/blobRoutes';
import type { BlobPurgeSchedule } from './blobs/blobPurge';
import { scheduleBlobPurge } from './blobs/blobPurge';
import type { BlobStore } from './blobs/blobStore';
import { FolderBlobStore } from './blobs/blobStore';
import { createViewTickets } from './blobs/viewTickets';
import type { Device } from './identity';
import { authenticate, enroll, readSpace, revokeDevice } from './identity';
import type { Database } from './storage/database';
import { errorCodeOf, isStorageFull } from './storage/database';
import { registerObservability, ServerMetrics } from './observability';
import { announceBlobArrival, Pokes } from './sync/pokes';
import { pullPage } from './sync/pull';
import { databaseRateLimitStore } from './rateLimitStore';
import { applyPush } from './sync/push';

export type SyncServerOptions = {
  readonly database: Database;
  /** Pino options, or false for none (tests). Logs carry ids and counts, never record values. */
  readonly logger?: FastifyServerOptions['logger'];
  /** A built web app (vite build output) to serve at `/`, so a browser station is same-origin. */
  readonly webRoot?: string;
  /** The largest request body; larger ones get 413 `payload-too-large`. */
  readonly bodyLimitBytes?: number;
  /** Enrollment attempts allowed per client address per minute. */
  readonly pairingAttemptsPerMinute?: number;
  /** How often an event stream gets a comment line, so proxies keep it open. */
  readonly heartbeatMs?: number;
  /** The folder attachments' bytes are kept in (`ab/cd/<sha256>`); without it, no blob routes. */
  readonly blobRoot?: string;
  /** Another blob store (an S3 bucket), in place of `blobRoot`'s folder. */
  readonly blobStore?: BlobStore;
  /** When the blob store's bytes no record names are deleted (tests make it come sooner). */
  readonly blobPurge?: BlobPurgeSchedule;
  /** Serve HTTPS with this certificate (PEM) and its private key, instead of plain HTTP. */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
};

/** 8 MiB: a push of 500 mutations near 1 MB fits many times over. */
const defaultBodyLimitBytes = 8 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    device: Device | undefined;
  }
}

/**
 * The logger's options with requests logged without a viewing ticket: the ticket in a view URL's
 * query opens the blob to whoever holds it, as a device token does, and logs keep neither.
 */
function withTicketsUnlogged(
  logger: NonNullable<FastifyServerOptions['logger']>,
): FastifyServerOptions['logger'] {
  if (logger === false) return false;
  const ticketInQuery = new RegExp(`([?&]${viewTicketParameter}=)[^&#]*`, 'g');
  return {
    ...(logger === true ? {} : logger),
    serializers: {
      ...(logger === true ? {} : logger.serializers),
      // Fastify's own request fields, the URL's ticket cut out.
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: request.url.replace(ticketInQuery, '$1[redacted]'),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}

/** The authenticated device of a request that went through the token check. */
function deviceOf(request: FastifyRequest): Device {
  if (request.device === undefined) throw new Error('this route must check the device token');
  return request.device;
}

/**
 * Checks every answer against its route's zod schema, then sends it as it is. (The library's own
 * serializer encodes through the schema, which the contract's clock stamps, a one-way
 * transform, cannot do.)
 */
const checkedSerializerCompiler = ({
  schema,
  method,
  url,
}: Parameters<FastifySchemaCompiler<unknown>>[0]) => {
  if (!(schema instanceof z.ZodType))
    throw new Error(`${method} ${url}: a response schema must be zod`);
  return (data: unknown) => {
    const checked = schema.safeParse(data);
    if (!checked.success)
      throw new ResponseSerializationError(method, url, { cause: checked.error });
    return JSON.stringify(data);
  };
};

/** Any error as the protocol's error: the status, code and a clear message. */
function syncErrorOf(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const problems = error.validation
      .slice(0, 3)
      .map((issue) => `${issue.instancePath || '(body)'}: ${issue.message ?? 'invalid'}`);
    return new SyncError('invalid-request', `The request is not valid: ${problems.join('; ')}.`);
  }
  const code = errorCodeOf(error);
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new SyncError(
      'payload-too-large',
      'The request body is larger than this server accepts: send fewer mutations per push.',
    );
  }
  if (isStorageFull(error)) {
    return new SyncError(
      'storage-full',
      'The sync server’s disk is full: nothing of this request was kept. Free space on the server, then sync again.',
    );
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = error instanceof Error ? error.message : 'bad request';
    return new SyncError(
      'invalid-request',
      `The request is not valid: ${message}.`,
      undefined,
      status,
    );
  }
  return new SyncError('server-error', 'The sync server failed on this request; try again later.');
}

/** Builds the sync server on an open, migrated database (call `listen` or `inject` on it). */
export async function buildSyncServer(options: SyncServerOptions): Promise<FastifyInstance> {
  const { database } = options;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const serverOptions = {
    logger: withTicketsUnlogged(options.logger ?? false),
    bodyLimit: options.bodyLimitBytes ?? defaultBodyLimitBytes,
    forceCloseConnections: true,
  };
  // Over HTTPS only the listening socket differs: every route and hook is the same.
  const server: FastifyInstance =
    options.tls === undefined
      ? Fastify(serverOptions)
      : (Fastify({ ...serverOptions, https: options.tls }) as unknown as FastifyInstance);
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(checkedSerializerCompiler);
  app.decorateRequest('device', undefined);

  app.setErrorHandler((error, request, reply) => {
    const syncError = syncErrorOf(error);
    if (syncError.status >= 500) {
      request.log.error(
        { code: errorCodeOf(error), name: (error as Error).name },
        syncError.message,
      );
    } else {
      request.log.info({ code: syncError.code }, 'request refused');
    }
    void reply.status(syncError.status).send(syncError.body());
  });

  const metrics = new ServerMetrics(database);
  registerObservability(app, database, metrics);

  const pokes = new Pokes();
  await pokes.start(database, app.log);
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of streams) end();
    await pokes.stop();
  });

  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(database) });

  await app.register(
    async (plugin) => {
      const sync = plugin.withTypeProvider<ZodTypeProvider>();
      // Every route but hello needs the protocol this server speaks.
      sync.addHook('onRequest', async (request) => {
        // Hello is asked before the protocol is known; a player viewing a blob sends no header.
        const url = request.routeOptions.url;
        if (
          url === `${syncApiPrefix}${syncRoutes.hello}` ||
          url === `${syncApiPrefix}${blobViewRoute}`
        )
          return;
        const sent = request.headers[syncProtocolHeader];
        if (sent !== String(syncProtocolVersion)) {
          const stationProtocol = Number(sent);
          const newer = Number.isInteger(stationProtocol) && stationProtocol > syncProtocolVersion;
          throw new SyncError(
            'protocol-mismatch',
            sent === undefined
              ? `Send the ${syncProtocolHeader} header: this server speaks protocol ${syncProtocolVersion}.`
              : newer
                ? `This station speaks sync protocol ${String(sent)} and the server ${syncProtocolVersion}: update the server.`
                : `This station speaks sync protocol ${String(sent)} and the server ${syncProtocolVersion}: update Fixline on this station.`,
            { serverProtocol: syncProtocolVersion },
          );
        }
      });
      const needsDevice = async (request: FastifyRequest) => {
        request.device = await authenticate(database, request.headers.authorization);
      };

      sync.get(
        syncRoutes.hello,
        { schema: { response: { 200: helloResponseSchema } } },
        async () => ({
          service: 'fixline-sync' as const,
          protocol: syncProtocolVersion,
          centerId: (await readSpace(database)).id,
        }),
      );

      sync.post(
        syncRoutes.enroll,
        {
          schema: { body: enrollRequestSchema, response: { 200: enrollResponseSchema } },
          config: {
            rateLimit: {
              max: options.pairingAttemptsPerMinute ?? 10,
              timeWindow: 60_000,
              errorResponseBuilder: (_request, context) =>
                new SyncError(
                  'pairing-rate-limited',
                  `Too many enrollment attempts from this address: wait ${context.after} and try again.`,
                ),
            },
          },
        },
        async (request) => {
          const enrolled = await enroll(database, request.body);
          request.log.info({ deviceId: enrolled.deviceId }, 'station enrolled');
          return enrolled;
        },
      );

      sync.post(
        syncRoutes.push,
        {
          schema: { body: pushRequestSchema, response: { 200: pushResponseSchema } },
          preValidation: needsDevice,
        },
        async (request) => {
          const device = deviceOf(request);
          const started = performance.now();
          const { stoppedBy, ...response } = await applyPush(database, device, request.body);
          const rejected = response.outcomes.filter((o) => o.status === 'rejected').length;
          metrics.mutations.inc({ outcome: 'applied' }, response.outcomes.length - rejected);
          metrics.mutations.inc({ outcome: 'rejected' }, rejected);
          request.log.info(
            {
              deviceId: device.id,
              mutations: request.body.mutations.length,
              rejected,
              lastMutationId: response.lastMutationId,
              version: response.version,
              ms: Math.round(performance.now() - started),
            },
            'push',
          );
          if (stoppedBy !== undefined) {
            request.log.warn(
              { deviceId: device.id, code: errorCodeOf(stoppedBy) },
              'push stopped by a transient failure; the station will retry',
            );
          }
          return response;
        },
      );

      sync.post(
        syncRoutes.pull,
        {
          schema: { body: pullRequestSchema, response: { 200: pullResponseSchema } },
          preValidation: needsDevice,
          // A page's rows were checked when they were pushed and come from typed tables:
          // checking 1,000 of them again on the way out took as long as reading them. The
          // station checks what it receives.
          serializerCompiler: () => (page) => JSON.stringify(page),
        },
        async (request) => {
          const page = await pullPage(database, deviceOf(request), request.body);
          metrics.pulledRows.inc(page.rows.length);
          return page;
        },
      );

      sync.get(syncRoutes.events, { preValidation: needsDevice }, async (request, reply) => {
        const version = (await readSpace(database)).version;
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        const poke = (at: number) =>
          raw.write(
            `event: poke\ndata: ${JSON.stringify({ version: at } satisfies PokeEvent)}\n\n`,
          );
        poke(version);
        const unsubscribe = pokes.subscribe((event) => {
          if (event.kind === 'version') poke(event.version);
          else
            raw.write(
              `event: blob\ndata: ${JSON.stringify({ sha256: event.sha256 } satisfies BlobEvent)}\n\n`,
            );
        });
        const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), heartbeatMs);
        const end = () => {
          clearInterval(heartbeat);
          unsubscribe();
          streams.delete(end);
          if (!raw.writableEnded) raw.end();
        };
        streams.add(end);
        request.raw.on('close', end);
      });

      const blobStore =
        options.blobStore ??
        (options.blobRoot === undefined ? undefined : new FolderBlobStore(options.blobRoot));
      if (blobStore !== undefined) {
        metrics.watchBlobs(blobStore);
        // Its own context: the blob folder's static files and chunk parser stay with its routes.
        await sync.register((blobs) =>
          registerBlobRoutes(
            blobs,
            blobStore,
            needsDevice,
            (sha256) => {
              metrics.blobsStored.inc();
              return announceBlobArrival(database, sha256);
            },
            createViewTickets(database),
          ),
        );
        const stopPurging = scheduleBlobPurge(blobStore, database, app.log, options.blobPurge);
        sync.addHook('preClose', stopPurging);
      }

      sync.post(
        syncRoutes.leave,
        { schema: { body: z.unknown() }, preValidation: needsDevice },
        async (request, reply) => {
          const device = deviceOf(request);
          await revokeDevice(database, device.id);
          request.log.info({ deviceId: device.id }, 'station left');
          return reply.status(204).send();
        },
      );
    },
    { prefix: syncApiPrefix },
  );

  const webRoot = options.webRoot === undefined ? undefined : resolve(options.webRoot);
  if (webRoot !== undefined) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  }
  const indexHtml = webRoot === undefined ? undefined : await readFile(join(webRoot, 'index.html'));
  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the page: any other GET outside the API gets its index.html.
    if (
      indexHtml !== undefined &&
      request.method === 'GET' &&
      !request.url.startsWith(syncApiPrefix)
    ) {
      return reply.type('text/html; charset=utf-8').send(indexHtml);
    }
    const error = new SyncError(
      'invalid-request',
      `There is no ${request.method} ${request.url.split('?')[0]} on this server.`,
      undefined,
      404,
    );
    return reply.status(404).send(error.body());
  });

  return app;
}
