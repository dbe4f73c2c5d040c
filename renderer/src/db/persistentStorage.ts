/**
 * Whether the browser keeps the station's data when disk space runs low: `granted` (it does),
 * `denied` (it may evict it: the UI warns the user to keep a backup), `unsupported` (no
 * StorageManager, e.g. an insecure context).
 */
export type PersistentStorageStatus = 'granted' | 'denied' | 'unsupported';

/** The part of the StorageManager this needs; tests pass a stand-in, or `null` for none. */
export type PersistableStorage = Pick<StorageManager, 'persist' | 'persisted'>;

/**
 * Asks the browser, at start, not to evict this origin's IndexedDB under storage pressure:
 * without it Chromium may delete every claim and photo of a station that has not synced yet.
 * Electron grants it; a browser may ask the user or decide by engagement.
 */
export async function requestPersistentStorage(
  // `null` stands for "no StorageManager"; undefined would pick the default.
  storage: PersistableStorage | null = globalThis.navigator?.storage ?? null,
): Promise<PersistentStorageStatus> {
  if (typeof storage?.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    // A browser that throws instead of answering has not granted anything.
    return 'denied';
  }
}
