import { z } from 'zod';
import { sha256Schema } from '../domain/primitives';
import {
  blobChunkMediaType,
  blobRoute,
  blobStandingResponseSchema,
  blobStandingRoute,
  blobTicketResponseSchema,
  blobTicketRoute,
  maxBlobBytes,
  maxBlobStandingQuery,
  syncApiPrefix,
  syncErrorBodySchema,
  syncErrorCodeSchema,
  uploadLengthHeader,
  uploadOffsetHeader,
} from './protocol';
import {
  describeFailure,
  deviceTokenSchema,
  syncRequestHeaders,
  syncServerUrlSchema,
  type SyncFetch,
} from './syncHttp';

/**
 * The station's side of the blob routes ({@link blobRoute}): one request at a time (`HEAD`, a
 * `PATCH` of one chunk, a `GET` of one range), made by main in the desktop app and by the page in
 * a browser over the same {@link SyncFetch}, and the two loops built on them that the station's
 * attachment queue runs: an upload that resumes where the server stands, and a download by ranges
 * that resumes from the bytes already here. The loops run in the page; each request crosses the
 * bridge on its own, so a chunk's bytes cross IPC as one Uint8Array.
 */

/** The largest chunk one request carries either way: 8 MiB (a chunk crosses IPC whole). */
export const maxBlobChunkBytes = 8 * 1024 * 1024;

/** The chunk size of an upload and the range size of a download by default: 4 MiB. */
export const defaultBlobChunkBytes = 4 * 1024 * 1024;

/** How many files a station's attachment queue moves at once. */
export const attachmentTransferConcurrency = 2;

/** How long one blob request may take: a 4 MiB chunk on a slow shop Wi-Fi. */
export const blobRequestTimeoutMs = 120_000;

/** Which blob, at which server, as whom. */
export const blobAddressSchema = z.object({
  serverUrl: syncServerUrlSchema,
  deviceToken: deviceTokenSchema,
  sha256: sha256Schema,
});
export type BlobAddress = z.infer<typeof blobAddressSchema>;

const byteOffsetSchema = z.int().min(0).max(maxBlobBytes);

/** One chunk of an upload: 1 byte to {@link maxBlobChunkBytes}, within the file's length. */
export const blobChunkRequestSchema = blobAddressSchema
  .extend({
    offset: byteOffsetSchema,
    length: z.int().min(1).max(maxBlobBytes),
    bytes: z
      .instanceof(Uint8Array, { error: 'expected the chunk as a Uint8Array' })
      .refine((bytes) => bytes.byteLength > 0, { error: 'expected at least one byte' })
      .refine((bytes) => bytes.byteLength <= maxBlobChunkBytes, {
        error: `a chunk is at most ${maxBlobChunkBytes} bytes`,
      }),
  })
  .refine((chunk) => chunk.offset + chunk.bytes.byteLength <= chunk.length, {
    error: 'the chunk goes past the length of the file',
    path: ['bytes'],
  });
export type BlobChunkRequest = z.infer<typeof blobChunkRequestSchema>;

/** One range of a download: from `start`, at most `maxBytes`. */
export const blobRangeRequestSchema = blobAddressSchema.extend({
  start: byteOffsetSchema,
  maxBytes: z.int().min(1).max(maxBlobChunkBytes),
});
export type BlobRangeRequest = z.infer<typeof blobRangeRequestSchema>;

/** No answer (refused, reset, timed out), or a refusal the station cannot read as anything else. */
const blobFailureSchemas = [
  z.object({ kind: z.literal('unreachable'), reason: z.string() }),
  z.object({
    kind: z.literal('refused'),
    status: z.int().min(100).max(599),
    code: syncErrorCodeSchema,
    message: z.string(),
  }),
] as const;

/** What the server holds of a blob: all of it, part of an upload, or nothing. */
const blobStandingSchemas = [
  z.object({ kind: z.literal('stored'), size: z.int().min(0) }),
  z.object({ kind: z.literal('partial'), offset: z.int().min(0) }),
  z.object({ kind: z.literal('absent') }),
] as const;
export type BlobStanding = z.infer<(typeof blobStandingSchemas)[number]>;

/** What the server holds of a blob, or no answer. */
export const blobHeadAnswerSchema = z.discriminatedUnion('kind', [
  ...blobStandingSchemas,
  ...blobFailureSchemas,
]);
export type BlobHeadAnswer = z.infer<typeof blobHeadAnswerSchema>;

/** Many blobs at one server, as whom: what {@link BlobRequests.standing} asks about. */
export const blobStandingQuerySchema = blobAddressSchema.omit({ sha256: true }).extend({
  sha256s: z.array(sha256Schema).min(1).max(maxBlobStandingQuery),
});
export type BlobStandingQuery = z.infer<typeof blobStandingQuerySchema>;

/** What the server holds of each blob asked about, as its `HEAD` would say; or no answer. */
export const blobStandingAnswerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('standing'),
    blobs: z.array(
      z.object({
        sha256: sha256Schema,
        head: z.discriminatedUnion('kind', [...blobStandingSchemas]),
      }),
    ),
  }),
  ...blobFailureSchemas,
]);
export type BlobStandingAnswer = z.infer<typeof blobStandingAnswerSchema>;

/** What came of a chunk: where the upload stands now, where it stood instead, or a wrong hash. */
export const blobChunkAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accepted'), offset: z.int().min(0) }),
  z.object({ kind: z.literal('offset-mismatch'), offset: z.int().min(0) }),
  z.object({ kind: z.literal('hash-mismatch'), message: z.string() }),
  ...blobFailureSchemas,
]);
export type BlobChunkAnswer = z.infer<typeof blobChunkAnswerSchema>;

/** A range's bytes with the whole blob's size, or no such blob on the server (yet). */
export const blobRangeAnswerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bytes'),
    start: z.int().min(0),
    size: z.int().min(0),
    bytes: z.instanceof(Uint8Array, { error: 'expected the range as a Uint8Array' }),
  }),
  z.object({ kind: z.literal('not-found') }),
  ...blobFailureSchemas,
]);
export type BlobRangeAnswer = z.infer<typeof blobRangeAnswerSchema>;

/**
 * A viewing ticket's URL for a player (`<video src>`), and how long from its answer it plays
 * (the station's clock may disagree with the server's); `not-found` when
 * the server does not hold the bytes (yet) or no evidence of the center names them.
 */
export const blobTicketAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), url: z.url(), expiresInMs: z.int().min(0) }),
  z.object({ kind: z.literal('not-found') }),
  ...blobFailureSchemas,
]);
export type BlobTicketAnswer = z.infer<typeof blobTicketAnswerSchema>;

type BlobFailure = Extract<BlobHeadAnswer, { kind: 'unreachable' | 'refused' }>;

/** The requests, wherever they are made (over the bridge, or a fetch directly). */
export type BlobRequests = {
  readonly head: (address: BlobAddress) => Promise<BlobHeadAnswer>;
  /** The `HEAD` of many blobs in one request ({@link blobStandingRoute}). */
  readonly standing: (query: BlobStandingQuery) => Promise<BlobStandingAnswer>;
  readonly sendChunk: (chunk: BlobChunkRequest) => Promise<BlobChunkAnswer>;
  readonly readRange: (range: BlobRangeRequest) => Promise<BlobRangeAnswer>;
};

/**
 * A viewing ticket for a blob ({@link blobTicketRoute}): a URL a `<video>` plays it from without
 * the device token, by ranges, so a video plays and seeks before it is all on this station.
 */
export type BlobViewing = {
  readonly viewTicket: (address: BlobAddress) => Promise<BlobTicketAnswer>;
};

/** The URL of a blob on the server at `serverUrl`. */
export function blobUrl(serverUrl: string, sha256: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${syncApiPrefix}${blobRoute.replace(':sha256', sha256)}`;
}

/** A whole number of bytes from a header, or undefined when it is missing or is not one. */
function byteHeader(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : undefined;
}

/** A body as JSON, or undefined when it is not JSON (a proxy's error page). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The server's refusal as the station reports it; a body it cannot read is a `server-error`. */
function refusal(status: number, text: string): BlobFailure {
  const parsed = syncErrorBodySchema.safeParse(parseJson(text));
  return parsed.success
    ? {
        kind: 'refused',
        status,
        code: parsed.data.error.code,
        message: parsed.data.error.message,
      }
    : {
        kind: 'refused',
        status,
        code: 'server-error',
        message: `The server answered HTTP ${status}.`,
      };
}

/** The requests over `fetchSync`: what main's handlers and the web bridge answer with. */
export function blobRequestsOver(
  fetchSync: SyncFetch,
  timeoutMs: number = blobRequestTimeoutMs,
): BlobRequests & BlobViewing {
  return {
    viewTicket: async ({ serverUrl, deviceToken, sha256 }) => {
      try {
        const answer = await fetchSync({
          url: `${serverUrl.replace(/\/+$/, '')}${syncApiPrefix}${blobTicketRoute.replace(':sha256', sha256)}`,
          method: 'POST',
          headers: syncRequestHeaders(deviceToken),
          timeoutMs,
        }).response;
        const text = await answer.text();
        if (answer.status === 404) return { kind: 'not-found' };
        if (answer.status !== 200) return refusal(answer.status, text);
        const ticket = blobTicketResponseSchema.safeParse(parseJson(text));
        if (!ticket.success) return refusal(answer.status, '');
        // The path is the server's, from its root: the server's address may have a path of its own.
        const url = `${serverUrl.replace(/\/+$/, '')}${ticket.data.path}`;
        return { kind: 'ticket', url, expiresInMs: ticket.data.expiresInSeconds * 1_000 };
      } catch (error) {
        return { kind: 'unreachable', reason: describeFailure(error) };
      }
    },
    head: async ({ serverUrl, deviceToken, sha256 }) => {
      try {
        const answer = await fetchSync({
          url: blobUrl(serverUrl, sha256),
          method: 'HEAD',
          headers: syncRequestHeaders(deviceToken),
          timeoutMs,
        }).response;
        if (answer.status === 404) return { kind: 'absent' };
        if (answer.status !== 200) return refusal(answer.status, await answer.text());
        const offset = byteHeader(answer.header(uploadOffsetHeader));
        const length = byteHeader(answer.header(uploadLengthHeader));
        if (offset === undefined) return refusal(answer.status, '');
        return length === undefined
          ? { kind: 'partial', offset }
          : { kind: 'stored', size: length };
      } catch (error) {
        return { kind: 'unreachable', reason: describeFailure(error) };
      }
    },
    standing: async ({ serverUrl, deviceToken, sha256s }) => {
      try {
        const answer = await fetchSync({
          url: `${serverUrl.replace(/\/+$/, '')}${syncApiPrefix}${blobStandingRoute}`,
          method: 'POST',
          headers: { ...syncRequestHeaders(deviceToken), 'content-type': 'application/json' },
          body: JSON.stringify({ sha256s }),
          timeoutMs,
        }).response;
        const text = await answer.text();
        if (answer.status !== 200) return refusal(answer.status, text);
        const standing = blobStandingResponseSchema.safeParse(parseJson(text));
        if (!standing.success) return refusal(answer.status, '');
        return {
          kind: 'standing',
          blobs: standing.data.blobs.map(({ sha256, ...blob }) => ({
            sha256,
            head: blob.kind === 'uploading' ? { kind: 'partial', offset: blob.offset } : blob,
          })),
        };
      } catch (error) {
        return { kind: 'unreachable', reason: describeFailure(error) };
      }
    },
    sendChunk: async ({ serverUrl, deviceToken, sha256, offset, length, bytes }) => {
      try {
        const answer = await fetchSync({
          url: blobUrl(serverUrl, sha256),
          method: 'PATCH',
          headers: {
            ...syncRequestHeaders(deviceToken),
            'content-type': blobChunkMediaType,
            [uploadOffsetHeader]: String(offset),
            [uploadLengthHeader]: String(length),
          },
          body: bytes,
          timeoutMs,
        }).response;
        const text = await answer.text();
        if (answer.status === 204) {
          const standing = byteHeader(answer.header(uploadOffsetHeader));
          return standing === undefined
            ? refusal(answer.status, '')
            : { kind: 'accepted', offset: standing };
        }
        const refused = refusal(answer.status, text);
        if (refused.kind === 'refused' && refused.code === 'blob-hash-mismatch')
          return { kind: 'hash-mismatch', message: refused.message };
        if (refused.kind === 'refused' && refused.code === 'upload-offset-mismatch') {
          const details = syncErrorBodySchema.safeParse(JSON.parse(text)).data?.error.details;
          const standing = details?.['offset'];
          if (typeof standing === 'number' && Number.isSafeInteger(standing) && standing >= 0)
            return { kind: 'offset-mismatch', offset: standing };
        }
        return refused;
      } catch (error) {
        return { kind: 'unreachable', reason: describeFailure(error) };
      }
    },
    readRange: async ({ serverUrl, deviceToken, sha256, start, maxBytes }) => {
      try {
        const answer = await fetchSync({
          url: blobUrl(serverUrl, sha256),
          method: 'GET',
          headers: {
            ...syncRequestHeaders(deviceToken),
            accept: 'application/octet-stream',
            range: `bytes=${start}-${start + maxBytes - 1}`,
          },
          timeoutMs,
        }).response;
        if (answer.status === 404) {
          await answer.text();
          return { kind: 'not-found' };
        }
        if (answer.status === 206) {
          const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(answer.header('content-range') ?? '');
          const bytes = await answer.bytes();
          if (range === null || Number(range[1]) !== start)
            return refusal(answer.status, 'the server sent another range than the one asked');
          return { kind: 'bytes', start, size: Number(range[3]), bytes };
        }
        // A whole file (a server or proxy that ignores ranges): the part asked for is in it.
        if (answer.status === 200) {
          const whole = await answer.bytes();
          return {
            kind: 'bytes',
            start,
            size: whole.byteLength,
            bytes: whole.slice(start, start + maxBytes),
          };
        }
        return refusal(answer.status, await answer.text());
      } catch (error) {
        return { kind: 'unreachable', reason: describeFailure(error) };
      }
    },
  };
}

/** Where an upload or download stands, after each chunk. */
export type TransferProgress = { readonly doneBytes: number; readonly totalBytes: number };

export type UploadOptions = {
  readonly address: BlobAddress;
  readonly size: number;
  /** The file's bytes from `start` to `end` (exclusive). */
  readonly read: (start: number, end: number) => Promise<Uint8Array<ArrayBuffer>>;
  readonly chunkBytes?: number;
  readonly onProgress?: (progress: TransferProgress) => void;
  /** Asked before each chunk: true stops the upload there (a chunk in flight finishes). */
  readonly aborted?: () => boolean;
  /** What the server said of this blob a moment ago ({@link askStanding}): no `HEAD` then. */
  readonly standing?: BlobStanding | undefined;
};

/**
 * What the server holds of each of `sha256s` ({@link BlobRequests.standing}, in as few requests
 * as the route allows). A blob the server did not answer for (unreachable, or a server from
 * before the route) is not in the map: its upload asks by `HEAD`, as it always did. No names, no
 * request.
 */
export async function askStanding(
  requests: BlobRequests,
  server: Omit<BlobAddress, 'sha256'>,
  sha256s: readonly string[],
): Promise<ReadonlyMap<string, BlobStanding>> {
  const standing = new Map<string, BlobStanding>();
  for (let from = 0; from < sha256s.length; from += maxBlobStandingQuery) {
    const answer = await requests.standing({
      serverUrl: server.serverUrl,
      deviceToken: server.deviceToken,
      sha256s: sha256s.slice(from, from + maxBlobStandingQuery),
    });
    if (answer.kind !== 'standing') break;
    for (const { sha256, head } of answer.blobs) standing.set(sha256, head);
  }
  return standing;
}

/** How an upload ended; anything but `uploaded` is tried again later, but a wrong hash. */
export type UploadOutcome =
  | { readonly kind: 'uploaded'; readonly skipped: boolean }
  | { readonly kind: 'hash-mismatch'; readonly message: string }
  | { readonly kind: 'unreachable'; readonly reason: string }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  | { readonly kind: 'aborted' };

/** After how many refused offsets in a row an upload gives up for now (two stations racing). */
const maxOffsetMismatches = 8;

/**
 * Uploads a file unless the server has it: asks where the server stands (`HEAD`, unless
 * `standing` says it already: stored skips it, a partial upload resumes at its offset), then sends
 * chunks from there. A refused offset (another station uploading the same bytes, or an answer
 * lost after the server took a chunk) resumes where the server says. A drop ends this attempt:
 * the next asks again and resumes.
 */
export async function uploadBlob(
  requests: BlobRequests,
  options: UploadOptions,
): Promise<UploadOutcome> {
  const { address, size } = options;
  const chunkBytes = Math.min(options.chunkBytes ?? defaultBlobChunkBytes, maxBlobChunkBytes);
  // The server keeps no empty blob (an upload is 1 byte or more); an empty file needs none.
  if (size === 0) return { kind: 'uploaded', skipped: true };
  const head = options.standing ?? (await requests.head(address));
  switch (head.kind) {
    case 'stored':
      options.onProgress?.({ doneBytes: size, totalBytes: size });
      return { kind: 'uploaded', skipped: true };
    case 'unreachable':
    case 'refused':
      return failureOutcome(head);
    case 'partial':
    case 'absent':
      break;
  }
  let offset = head.kind === 'partial' ? head.offset : 0;
  let mismatches = 0;
  options.onProgress?.({ doneBytes: offset, totalBytes: size });
  for (;;) {
    if (options.aborted?.() === true) return { kind: 'aborted' };
    const bytes = await options.read(offset, Math.min(offset + chunkBytes, size));
    const answer = await requests.sendChunk({ ...address, offset, length: size, bytes });
    switch (answer.kind) {
      case 'accepted':
        offset = answer.offset;
        mismatches = 0;
        options.onProgress?.({ doneBytes: offset, totalBytes: size });
        if (offset >= size) return { kind: 'uploaded', skipped: false };
        break;
      case 'offset-mismatch':
        mismatches += 1;
        if (mismatches > maxOffsetMismatches)
          return { kind: 'unreachable', reason: 'the upload kept moving under this station' };
        // Past the end: the other sender finished; HEAD says whether the bytes were kept.
        if (answer.offset >= size) return uploadBlob(requests, { ...options, standing: undefined });
        offset = answer.offset;
        break;
      case 'hash-mismatch':
        return { kind: 'hash-mismatch', message: answer.message };
      case 'unreachable':
      case 'refused':
        return failureOutcome(answer);
    }
  }
}

function failureOutcome(failure: BlobFailure): UploadOutcome {
  return failure.kind === 'unreachable'
    ? failure
    : { kind: 'refused', code: failure.code, message: failure.message };
}

export type DownloadOptions = {
  readonly address: BlobAddress;
  /** How many of the blob's bytes are already here: the download goes on from there. */
  readonly received: number;
  /** Takes each range's bytes, in order, before the next is asked for. */
  readonly onBytes: (bytes: Uint8Array, start: number) => void | Promise<void>;
  readonly rangeBytes?: number;
  readonly onProgress?: (progress: TransferProgress) => void;
  /** Asked before each range: true stops the download there. */
  readonly aborted?: () => boolean;
};

/** How a download ended; `received` says how far it got, to go on from there. */
export type DownloadOutcome =
  | { readonly kind: 'downloaded'; readonly size: number }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unreachable'; readonly reason: string; readonly received: number }
  | {
      readonly kind: 'refused';
      readonly code: string;
      readonly message: string;
      readonly received: number;
    }
  | { readonly kind: 'aborted'; readonly received: number };

/** Downloads a blob by ranges from `received` on, handing each range to `onBytes`. */
export async function downloadBlob(
  requests: BlobRequests,
  options: DownloadOptions,
): Promise<DownloadOutcome> {
  const rangeBytes = Math.min(options.rangeBytes ?? defaultBlobChunkBytes, maxBlobChunkBytes);
  let received = options.received;
  for (;;) {
    if (options.aborted?.() === true) return { kind: 'aborted', received };
    const answer = await requests.readRange({
      ...options.address,
      start: received,
      maxBytes: rangeBytes,
    });
    switch (answer.kind) {
      case 'not-found':
        return answer;
      case 'unreachable':
        return { ...answer, received };
      case 'refused':
        // Nothing is past the end: what is here is the whole blob.
        if (answer.status === 416 && received > 0) return { kind: 'downloaded', size: received };
        return { kind: 'refused', code: answer.code, message: answer.message, received };
      case 'bytes':
        if (answer.bytes.byteLength > 0) await options.onBytes(answer.bytes, received);
        received += answer.bytes.byteLength;
        options.onProgress?.({ doneBytes: received, totalBytes: answer.size });
        if (received >= answer.size) return { kind: 'downloaded', size: answer.size };
        if (answer.bytes.byteLength === 0)
          return { kind: 'unreachable', reason: 'the server sent an empty range', received };
        break;
    }
  }
}
