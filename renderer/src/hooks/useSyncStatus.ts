import { useCallback, useSyncExternalStore } from 'react';
import { useStationCore } from '../core';
import type { StationSync, SyncStatus } from '../core/sync/syncApi';

/** The station's sync controls (connect, sync now, leave). */
export function useStationSync(): StationSync {
  return useStationCore().sync;
}

/** Where sync is (online, offline, syncing, stopped…), kept current as it changes. */
export function useSyncStatus(): SyncStatus {
  const sync = useStationSync();
  const subscribe = useCallback((listener: () => void) => sync.subscribe(listener), [sync]);
  return useSyncExternalStore(subscribe, sync.status);
}
