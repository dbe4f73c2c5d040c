import type { FastifyInstance } from 'fastify';
import type { BlobStore } from './blobs/blobStore';
import { countMissingBlobs } from './blobs/blobStore';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { syncApiPrefix, syncProtocolVersion } from '#shared/sync/protocol';
import type { Database } from './storage/database';
import { toNumber } from './storage/database';

/**
 * What the server counts for `/metrics` (Prometheus text): requests by route and status, the
 * mutations pushes applied or refused, the rows pulls served; and, read from the database when
 * scraped, the center's version and how far behind it each station is. Station codes and
 * counts only: never a record's values, so the page holds no customer data.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'fixline_http_requests_total',
    help: 'Requests answered, by route and status code.',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });
  readonly requestSeconds = new Histogram({
    name: 'fixline_http_request_duration_seconds',
    help: 'Time from a request’s arrival to its answer, by route.',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly mutations = new Counter({
    name: 'fixline_push_mutations_total',
    help: 'Mutations pushed by stations, by outcome (applied, rejected).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly blobsStored = new Counter({
    name: 'fixline_blob_uploads_total',
    help: 'Attachments whose upload completed here (their SHA-256 checked).',
    registers: [this.registry],
  });
  readonly pulledRows = new Counter({
    name: 'fixline_pull_rows_total',
    help: 'Rows sent to stations by pulls.',
    registers: [this.registry],
  });

  /** The positions the gauges of the scrape under way share (see {@link page}). */
  #positions: Promise<SyncPositions> | undefined;
  readonly #database: Database;

  constructor(database: Database) {
    this.#database = database;
    const read = () => this.#positions ?? readSyncPositions(database);
    new Gauge({
      name: 'fixline_center_version',
      help: 'The center’s version: the number of the last change the server accepted.',
      registers: [this.registry],
      async collect() {
        this.set((await read()).version);
      },
    });
    new Gauge({
      name: 'fixline_stations_enrolled',
      help: 'Stations enrolled and not revoked.',
      registers: [this.registry],
      async collect() {
        this.set((await read()).stations.length);
      },
    });
    new Gauge({
      name: 'fixline_station_lag_versions',
      help: 'How many versions the center is past the last complete pull of each station (by its station code); absent before its first pull.',
      labelNames: ['station'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const { version, stations } = await read();
        for (const station of stations) {
          if (station.pulledVersion !== null) {
            this.set({ station: station.code }, Math.max(0, version - station.pulledVersion));
          }
        }
      },
    });
    new Gauge({
      name: 'fixline_station_last_seen_seconds',
      help: 'Unix time of each station’s last push or complete pull (by its station code).',
      labelNames: ['station'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const station of (await read()).stations) {
          if (station.lastSeenAt !== null) {
            this.set({ station: station.code }, Math.floor(station.lastSeenAt.getTime() / 1000));
          }
        }
      },
    });
  }

  /** Adds the blob queue's gauges: uploads under way, and bytes records name that are not here. */
  watchBlobs(store: BlobStore): void {
    const database = this.#database;
    new Gauge({
      name: 'fixline_blob_uploads_underway',
      help: 'Attachment uploads started and not complete (nor dropped).',
      registers: [this.registry],
      async collect() {
        this.set(await store.uploadsUnderway());
      },
    });
    new Gauge({
      name: 'fixline_blobs_missing',
      help: 'Attachments (files and thumbnails) that records name and whose bytes the server does not have yet.',
      registers: [this.registry],
      async collect() {
        this.set(await countMissingBlobs(database, store));
      },
    });
  }

  /** The metrics page: the center's and stations' positions read once for all its gauges. */
  async page(): Promise<string> {
    this.#positions = readSyncPositions(this.#database);
    try {
      return await this.registry.metrics();
    } finally {
      this.#positions = undefined;
    }
  }
}

type SyncPositions = {
  readonly version: number;
  readonly stations: readonly {
    readonly code: string;
    readonly pulledVersion: number | null;
    readonly lastSeenAt: Date | null;
  }[];
};

/** The center's version and each active station's position. */
async function readSyncPositions(database: Database): Promise<SyncPositions> {
  const [space] = await database.query<{ version: unknown }>(
    'SELECT version FROM space ORDER BY created_at LIMIT 1',
  );
  const stations = await database.query<{
    station_code: string;
    pulled_version: unknown;
    last_seen_at: Date | string | null;
  }>(
    'SELECT station_code, pulled_version, last_seen_at FROM enrolled_devices WHERE revoked_at IS NULL ORDER BY station_code',
  );
  return {
    version: toNumber(space?.version ?? 0),
    stations: stations.map((row) => ({
      code: row.station_code,
      pulledVersion: row.pulled_version === null ? null : toNumber(row.pulled_version),
      lastSeenAt: row.last_seen_at === null ? null : new Date(row.last_seen_at),
    })),
  };
}

/**
 * `GET /health` (200 while the database answers, 503 with the reason when it does not: for a
 * load balancer or a container's health check) and `GET /metrics`; and the hooks that count
 * every sync request by route.
 */
export function registerObservability(
  app: FastifyInstance,
  database: Database,
  metrics: ServerMetrics,
): void {
  app.addHook('onResponse', async (request, reply) => {
    const url = request.routeOptions.url;
    if (url === undefined || !url.startsWith(syncApiPrefix)) return;
    const route = url.slice(syncApiPrefix.length + 1);
    metrics.requests.inc({ route, status: String(reply.statusCode) });
    metrics.requestSeconds.observe({ route }, reply.elapsedTime / 1000);
  });

  app.get('/health', async (_request, reply) => {
    try {
      await database.query('SELECT 1');
      return await reply.send({ status: 'ok', protocol: syncProtocolVersion });
    } catch (error) {
      return reply.status(503).send({
        status: 'unavailable',
        message: `The database does not answer: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  });

  app.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.page()),
  );
}
