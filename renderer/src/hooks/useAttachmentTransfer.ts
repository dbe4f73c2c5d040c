import { useCallback, useSyncExternalStore } from 'react';
import type { AttachmentTransfer } from '../core/sync/syncApi';
import { useStationSync } from './useSyncStatus';

/**
 * Where the bytes of one attachment stand in the sync queue (downloading, 40%…), kept current
 * chunk by chunk; undefined when nothing moves them (here already, or this window does not sync).
 */
export function useAttachmentTransfer(sha256: string): AttachmentTransfer | undefined {
  const sync = useStationSync();
  const subscribe = useCallback(
    (listener: () => void) => sync.subscribeTransfers(listener),
    [sync],
  );
  // Each change replaces the file's entry, so the entry itself is the snapshot.
  const snapshot = useCallback(() => sync.attachmentTransfers().get(sha256), [sync, sha256]);
  return useSyncExternalStore(subscribe, snapshot);
}
