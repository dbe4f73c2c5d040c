import type { BlobRequests } from '#shared/sync/blobHttp';
import type { SyncTransport } from './syncApi';

const noTransport = 'this build has no sync transport';

/** Blob requests that reach no server: an attachment's bytes wait on this station. */
export const unreachableBlobRequests: BlobRequests = {
  head: () => Promise.resolve({ kind: 'unreachable', reason: noTransport }),
  standing: () => Promise.resolve({ kind: 'unreachable', reason: noTransport }),
  sendChunk: () => Promise.resolve({ kind: 'unreachable', reason: noTransport }),
  readRange: () => Promise.resolve({ kind: 'unreachable', reason: noTransport }),
};

/**
 * The transport of a core built without one (tests of other parts, a build whose transport is
 * not wired yet): every server is unreachable, so the station works alone and keeps its outbox.
 */
export const unavailableSyncTransport: SyncTransport = {
  request: () => Promise.resolve({ kind: 'unreachable', reason: noTransport }),
  events: () => ({ close: () => undefined }),
  blobs: unreachableBlobRequests,
  viewTicket: () => Promise.resolve({ kind: 'unreachable', reason: noTransport }),
};
