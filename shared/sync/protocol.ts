import { z } from 'zod';
import { claimStatusSchema } from '../domain/claimWorkflow';
import {
  isoDateTimeSchema,
  recordIdSchema,
  sha256Schema,
  stationCodeSchema,
} from '../domain/primitives';
import { hlcSchema } from './hybridLogicalClock';

/**
 * The sync protocol between a station and the center's sync server (see the README's "Sync").
 * One contract for both sides: the server checks every request with these schemas, the station
 * checks every answer with them. JSON over HTTP under {@link syncApiPrefix}.
 *
 * - Enroll once with a pairing code; every later request carries the device token
 *   (`authorization: Bearer <token>`) and the protocol version ({@link syncProtocolHeader}).
 * - Push: the outbox, in order, as mutations numbered 1, 2, 3… per client (one local database)
 *   without gaps; the server applies each exactly once.
 * - Pull: every row changed since a cursor, paged by (version, table, id) up to a version the
 *   first page pins.
 * - Poke: a server-sent event stream that says "there is something new" (`event: poke`), and
 *   "an attachment's bytes are on the server now" (`event: blob`).
 */

/** The protocol this code speaks. A server and a station must speak the same one. */
export const syncProtocolVersion = 1;

/** The request header that carries the station's protocol version. */
export const syncProtocolHeader = 'fixline-sync-protocol';

/** Where the sync routes live on the server. */
export const syncApiPrefix = '/sync/v1';

/** The routes, under {@link syncApiPrefix}. */
export const syncRoutes = {
  /** GET, no token: which server and protocol answer at this address. */
  hello: '/hello',
  /** POST {@link enrollRequestSchema} → {@link enrollResponseSchema}. */
  enroll: '/enroll',
  /** POST {@link pushRequestSchema} → {@link pushResponseSchema}. */
  push: '/push',
  /** POST {@link pullRequestSchema} → {@link pullResponseSchema}. */
  pull: '/pull',
  /**
   * GET: a `text/event-stream` of `poke` events ({@link pokeEventSchema}) and `blob` events
   * ({@link blobEventSchema}), comments as heartbeats. A station ignores events it does not know.
   */
  events: '/events',
  /** POST, token: the station leaves the center; its token stops working at once. */
  leave: '/leave',
} as const;

/**
 * An attachment's bytes, by their SHA-256 (tus 1.0's shape, by hand, since a station's requests
 * go through its sync transport): `HEAD` says whether the server has the blob (200 with
 * `upload-offset` and `upload-length` both its size), has part of an upload (200, `upload-offset`
 * only) or nothing (404); `PATCH` with `upload-offset`, `upload-length` and a body of
 * {@link blobChunkMediaType} appends a chunk (204 with the new `upload-offset`; 409
 * `upload-offset-mismatch` with `details.offset` to resume at; 422 `blob-hash-mismatch` when the
 * whole file is not its name); `GET` sends it, with `Range` for a part (a video seeks before it is
 * all here).
 */
export const blobRoute = '/blobs/:sha256';
export const uploadOffsetHeader = 'upload-offset';
export const uploadLengthHeader = 'upload-length';
export const blobChunkMediaType = 'application/offset+octet-stream';
/** The largest attachment: the station's own limit (2 GiB). */
export const maxBlobBytes = 2 * 1024 ** 3;

/**
 * `POST` {@link blobStandingRequestSchema}, token → {@link blobStandingResponseSchema}: what the
 * server holds of many blobs at once, as a `HEAD` of each would say. The attachment queue asks
 * once for the files it is about to send rather than once per file (a photo's upload is then one
 * request, not two; on a slow link a round trip is what costs). A server without this route
 * answers 404 and the station asks by `HEAD`.
 */
export const blobStandingRoute = '/blobs/standing';
/** The most blobs one standing question names. */
export const maxBlobStandingQuery = 500;
export const blobStandingRequestSchema = z.object({
  sha256s: z.array(sha256Schema).min(1).max(maxBlobStandingQuery),
});
/** One answer per blob asked, in any order: stored whole, an upload at `offset`, or nothing. */
export const blobStandingResponseSchema = z.object({
  blobs: z.array(
    z.discriminatedUnion('kind', [
      z.object({ sha256: sha256Schema, kind: z.literal('stored'), size: z.int().min(0) }),
      z.object({ sha256: sha256Schema, kind: z.literal('uploading'), offset: z.int().min(0) }),
      z.object({ sha256: sha256Schema, kind: z.literal('absent') }),
    ]),
  ),
});
export type BlobStandingResponse = z.infer<typeof blobStandingResponseSchema>;

/**
 * `POST`, token: a viewing ticket for a blob a record of the station's center names and the
 * server holds ({@link blobTicketResponseSchema}; 404 `blob-not-found` otherwise). A `<video>`
 * element cannot send the device token, so it plays the blob from the ticket's path instead.
 */
export const blobTicketRoute = '/blobs/:sha256/ticket';

/**
 * `GET ?ticket=<ticket>`, with neither the token nor the protocol header (a `<video>` sends
 * neither): the blob as {@link blobRoute}'s `GET` sends it, ranges and all, typed with the
 * evidence's media type so a player plays it. 403 `view-ticket-invalid` for a ticket that is
 * wrong, of another blob or expired; `device-revoked` once its station was revoked.
 */
export const blobViewRoute = '/blobs/:sha256/view';

/** The query parameter of {@link blobViewRoute} that carries the ticket. */
export const viewTicketParameter = 'ticket';

export const blobTicketResponseSchema = z.object({
  /** Where the blob plays: {@link blobViewRoute} with its ticket, from the server's root. */
  path: z.string().startsWith(`${syncApiPrefix}/blobs/`),
  /** After this the path is refused: ask for another ticket. */
  expiresAt: isoDateTimeSchema,
  /**
   * The same, as seconds from now: a station plans its next ticket by this, not by comparing
   * `expiresAt` with its own clock, which may be off by minutes or days.
   */
  expiresInSeconds: z.int().min(0),
});
export type BlobTicketResponse = z.infer<typeof blobTicketResponseSchema>;

/**
 * The tables that sync: the station's records, the center-wide records (people, the center's
 * settings) and the conflicts the server found. Printers, the station code and the outbox stay on
 * each station.
 */
export const syncTableNames = [
  'customers',
  'devices',
  'claims',
  'evidence',
  'inspections',
  'misuseFindings',
  'quotes',
  'quoteLines',
  'shipmentLegs',
  'notes',
  'auditEvents',
  'partsCatalog',
  'people',
  'centerSettings',
  'conflicts',
] as const;
export const syncTableSchema = z.enum(syncTableNames);
export type SyncTable = z.infer<typeof syncTableSchema>;

/**
 * Tables whose rows are written once and never changed (an audit event, a note's evidence photo, a
 * conflict record): a second write of the same id with other values is refused.
 */
export const insertOnlySyncTables: ReadonlySet<SyncTable> = new Set([
  'evidence',
  'auditEvents',
  'conflicts',
]);

/**
 * Fields a row of an insert-only table may gain once after it is written, while it has none: the
 * thumbnail a station made of a photo after the evidence naming the photo was saved. Setting one
 * again with another value, or any other change, is still refused.
 */
export const addedOnceSyncFields: ReadonlyMap<SyncTable, ReadonlySet<string>> = new Map([
  ['evidence', new Set(['thumbnailSha256', 'thumbnailSizeBytes'])],
]);

/**
 * Whether `value` is a JSON value: what `z.json()` accepts (a string, a finite number, a boolean,
 * null, or arrays and plain objects of them), checked in one walk without building a copy: zod's
 * union tries each branch and copies every object, a third of a pulled page's validation. The
 * value stays as sent: a nested key named `__proto__` stays an own field (the copy made it the
 * copy's prototype).
 */
export function isJsonValue(value: unknown): value is z.core.util.JSONType {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      // By index, not `every`, which skips the holes of a sparse array (undefined, so refused).
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index += 1) {
          if (!isJsonValue(value[index])) return false;
        }
        return true;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      return Object.values(value).every(isJsonValue);
    }
    default:
      return false;
  }
}

/** Any JSON value, as {@link isJsonValue} checks it. */
const jsonValueSchema = z.custom<z.core.util.JSONType>(isJsonValue, {
  error: 'expected a JSON value',
});

/** A field's value as sent: any JSON value. Absent fields are left out, never `undefined`. */
const fieldValuesSchema = z.record(z.string().min(1), jsonValueSchema);

/** Each field's stamp, by field name; a field with a stamp but no value was unset (removed). */
const fieldStampsSchema = z.record(z.string().min(1), hlcSchema);

/**
 * One mutation's change to one row: the fields it set and unset, all under one stamp, and for
 * each of them the stamp the writer saw before (`base`; `null` when the field had none, as in a
 * new row). A base that differs from the server's stamp means the edit was concurrent with
 * another: the later stamp wins and the server keeps the loser as a conflict record.
 */
export const rowChangeSchema = z.object({
  table: syncTableSchema,
  id: recordIdSchema,
  set: fieldValuesSchema,
  unset: z.array(z.string().min(1)),
  stamp: hlcSchema,
  base: z.record(z.string().min(1), hlcSchema.nullable()),
});
export type RowChange = z.infer<typeof rowChangeSchema>;

/**
 * A change whose meaning is more than its fields: a claim's status moves from `from` to `to`.
 * The server checks it against the claim as the server holds it, with the workflow in
 * shared/domain, and rejects it when the move is not allowed from there.
 */
export const mutationIntentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('transition'),
    claimId: recordIdSchema,
    from: claimStatusSchema,
    to: claimStatusSchema,
  }),
]);
export type MutationIntent = z.infer<typeof mutationIntentSchema>;

/** One outbox entry: every row one repository operation changed, applied whole or not at all. */
export const mutationSchema = z.object({
  /** 1, 2, 3… per client, without gaps. */
  id: z.int().min(1),
  /** The outbox entry's own id, for logs and the station's list of rejected changes. */
  mutationId: recordIdSchema,
  at: hlcSchema,
  actor: recordIdSchema,
  station: stationCodeSchema,
  intent: mutationIntentSchema.optional(),
  changes: z.array(rowChangeSchema).min(1),
});
export type Mutation = z.infer<typeof mutationSchema>;

/** How many mutations one push carries at most; the station also keeps a push near 1 MB. */
export const maxPushMutations = 500;
/** The body size a station aims a push at. */
export const targetPushBytes = 1024 * 1024;

/** A client: one local database of one station; a restored backup becomes a new client. */
export const clientIdSchema = recordIdSchema;

export const enrollRequestSchema = z.object({
  pairingCode: z.string().trim().min(1),
  stationCode: stationCodeSchema,
  clientId: clientIdSchema,
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  deviceId: recordIdSchema,
  /** Shown once; the server keeps only its hash. */
  deviceToken: z.string().min(32),
  centerId: recordIdSchema,
  /** The server's highest version now, for the first pull's progress. */
  version: z.int().min(0),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const helloResponseSchema = z.object({
  service: z.literal('fixline-sync'),
  protocol: z.int().min(1),
  centerId: recordIdSchema,
});
export type HelloResponse = z.infer<typeof helloResponseSchema>;

export const pushRequestSchema = z.object({
  clientId: clientIdSchema,
  mutations: z.array(mutationSchema).min(1).max(maxPushMutations),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Why the server refused one mutation for good; nothing of it was applied. */
export const rejectionSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  table: syncTableSchema.optional(),
  id: recordIdSchema.optional(),
  field: z.string().optional(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const mutationOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ id: z.int().min(1), status: z.literal('applied') }),
  z.object({ id: z.int().min(1), status: z.literal('rejected'), rejection: rejectionSchema }),
]);
export type MutationOutcome = z.infer<typeof mutationOutcomeSchema>;

/**
 * What the server did with a push. A mutation it had already applied (a retried push) is
 * reported again with its first outcome, not applied twice.
 */
export const pushResponseSchema = z.object({
  /** The last mutation id the server has applied or rejected for this client. */
  lastMutationId: z.int().min(0),
  outcomes: z.array(mutationOutcomeSchema),
  version: z.int().min(0),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Where a pull goes on from: the last row received, in (version, table, id) order. */
export const pullCursorSchema = z.object({
  version: z.int().min(0),
  table: syncTableSchema,
  id: recordIdSchema,
  /**
   * The server's history the version belongs to: a server restored from a backup starts another
   * and hands its versions out again, so a cursor of an earlier history must start again.
   */
  history: z.string().min(1).max(64).optional(),
});
export type PullCursor = z.infer<typeof pullCursorSchema>;

export const maxPullRows = 5_000;

export const pullRequestSchema = z.object({
  clientId: clientIdSchema,
  /** `null`: from the beginning (a new station, or after a reset). */
  cursor: pullCursorSchema.nullable(),
  /** The version the first page pinned; absent on a first page. */
  upTo: z.int().min(0).optional(),
  limit: z.int().min(1).max(maxPullRows).optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

/**
 * A row as the server holds it: its fields, each field's stamp (a stamp without a value: the
 * field was unset), and who made its highest stamp from which station.
 */
export const syncRowSchema = z.object({
  table: syncTableSchema,
  id: recordIdSchema,
  version: z.int().min(1),
  values: fieldValuesSchema,
  stamps: fieldStampsSchema,
  updatedBy: recordIdSchema,
  station: stationCodeSchema.or(z.literal('SERVER')),
});
export type SyncRow = z.infer<typeof syncRowSchema>;

export const pullResponseSchema = z.object({
  rows: z.array(syncRowSchema),
  /** Where the next page starts; the station stores it only with the last page's rows. */
  cursor: pullCursorSchema.nullable(),
  upTo: z.int().min(0),
  /** No more rows up to `upTo`. */
  done: z.boolean(),
  /** The last mutation id applied or rejected for this client: its outbox up to it can go. */
  lastMutationId: z.int().min(0),
  /**
   * Rows up to `upTo` after this page, for progress: given with a pull's first page (the one
   * that pins `upTo`) and as 0 with its last.
   */
  remaining: z.int().min(0).optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const pokeEventSchema = z.object({ version: z.int().min(0) });
export type PokeEvent = z.infer<typeof pokeEventSchema>;

/**
 * An upload completed on the server (its whole SHA-256 checked): a station waiting for those bytes
 * may fetch them now rather than at its next retry. A separate event, so a `poke`'s version keeps
 * meaning "pull up to here" and a station that knows only pokes ignores it.
 */
export const blobEventSchema = z.object({ sha256: sha256Schema });
export type BlobEvent = z.infer<typeof blobEventSchema>;

/**
 * Why the server refused a whole request (HTTP 4xx/5xx, body {@link syncErrorBodySchema}):
 * - `invalid-request` 400: the body or a header breaks the schema (the message says where);
 * - `protocol-mismatch` 426: `details.serverProtocol` tells which side must be updated;
 * - `device-unknown` 401 / `device-revoked` 403: enroll again / the center revoked this station;
 * - `pairing-code-invalid` 403, `pairing-rate-limited` 429, `station-code-taken` 409;
 * - `client-mismatch` 403: the client id belongs to another device;
 * - `mutation-gap` 409: `details.expectedId` is the next id the server needs;
 * - `cursor-below-horizon` 410: tombstones past the cursor were purged; pull again from `null`;
 * - `cursor-ahead` 410: the cursor is of another history than the server's, or past its version
 *   (the server was restored from a backup older than the cursor): pull again from `null`;
 * - `upload-offset-mismatch` 409: `details.offset` is where the blob's upload stands;
 * - `blob-hash-mismatch` 422: the uploaded bytes' SHA-256 is not the blob's; the upload is dropped;
 * - `blob-not-found` 404: the server has no such blob (yet);
 * - `view-ticket-invalid` 403: a viewing ticket that is wrong, of another blob or expired;
 * - `payload-too-large` 413, `storage-full` 507, `server-error` 500.
 */
export const syncErrorCodes = [
  'invalid-request',
  'protocol-mismatch',
  'device-unknown',
  'device-revoked',
  'pairing-code-invalid',
  'pairing-rate-limited',
  'station-code-taken',
  'client-mismatch',
  'mutation-gap',
  'cursor-below-horizon',
  'cursor-ahead',
  'upload-offset-mismatch',
  'blob-hash-mismatch',
  'blob-not-found',
  'view-ticket-invalid',
  'payload-too-large',
  'storage-full',
  'server-error',
] as const;
export const syncErrorCodeSchema = z.enum(syncErrorCodes);
export type SyncErrorCode = z.infer<typeof syncErrorCodeSchema>;

export const syncErrorBodySchema = z.object({
  error: z.object({
    code: syncErrorCodeSchema,
    message: z.string(),
    details: z.record(z.string(), jsonValueSchema).optional(),
  }),
});
export type SyncErrorBody = z.infer<typeof syncErrorBodySchema>;

/** A conflict the server found: a concurrent edit of one field, and the value that lost. */
export const conflictRecordSchema = z.object({
  id: recordIdSchema,
  table: syncTableSchema,
  rowId: recordIdSchema,
  /** The claim the row belongs to, when it belongs to one, so its timeline can show the conflict. */
  claimId: recordIdSchema.optional(),
  field: z.string().min(1),
  winnerStamp: hlcSchema,
  loserStamp: hlcSchema,
  /** The value that lost; absent when the losing edit removed the field. */
  loserValue: jsonValueSchema.optional(),
  loserActor: recordIdSchema.optional(),
  loserStation: z.string().min(1),
  detectedAt: isoDateTimeSchema,
});
export type ConflictRecord = z.infer<typeof conflictRecordSchema>;
