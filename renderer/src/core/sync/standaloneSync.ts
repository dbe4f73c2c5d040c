import type { StationSync, SyncStatus } from './syncApi';

const standaloneStatus: SyncStatus = {
  phase: 'standalone',
  pendingChanges: 0,
  rejectedChanges: [],
};

/**
 * A station that works alone and cannot connect yet: what the core offers screens until the sync
 * engine (core/sync/syncEngine.ts) takes its place.
 */
export function standaloneSync(): StationSync {
  return {
    status: () => standaloneStatus,
    subscribe: () => () => undefined,
    connect: async () => ({
      ok: false,
      problem: { code: 'unreachable', reason: 'this build of Fixline has no sync engine' },
    }),
    syncNow: async () => undefined,
    leave: async () => undefined,
  };
}
