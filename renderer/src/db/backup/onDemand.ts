import type { exportBackup, resetStation, restoreBackup } from './index';

// The backup brings zip.js and dexie-export-import (about 240 kB): loaded on the first backup,
// restore or reset, not at start-up with every screen.
const loadBackup = () => import('./index');

/** {@link exportBackup}, its code loaded on first use. */
export async function exportBackupOnDemand(
  ...args: Parameters<typeof exportBackup>
): ReturnType<typeof exportBackup> {
  return (await loadBackup()).exportBackup(...args);
}

/** {@link restoreBackup}, its code loaded on first use. */
export async function restoreBackupOnDemand(
  ...args: Parameters<typeof restoreBackup>
): ReturnType<typeof restoreBackup> {
  return (await loadBackup()).restoreBackup(...args);
}

/** {@link resetStation}, its code loaded on first use. */
export async function resetStationOnDemand(
  ...args: Parameters<typeof resetStation>
): ReturnType<typeof resetStation> {
  return (await loadBackup()).resetStation(...args);
}
