import type { SyncTransport } from './syncApi';

/**
 * The transport of a core built without one (tests of other parts, a build whose transport is
 * not wired yet): every server is unreachable, so the station works alone and keeps its outbox.
 */
export const unavailableSyncTransport: SyncTransport = {
  request: () =>
    Promise.resolve({ kind: 'unreachable', reason: 'this build has no sync transport' }),
  events: () => ({ close: () => undefined }),
};
