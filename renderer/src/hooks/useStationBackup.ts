import { format } from 'date-fns';
import { useCallback, useState } from 'react';
import { maxSavedFileBytes } from '../../../shared/ipc/contract';
import { getBridge } from '../bridge/getBridge';
import { appDatabase } from '../db/appDatabase';
import { exportDatabase, importDatabase, type ImportError } from '../db/backup';

/** What the last backup or restore did, for the screen to say. */
export type BackupOutcome =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'saved'; path: string }
  | { kind: 'canceled' }
  | { kind: 'too-large'; sizeBytes: number; limitBytes: number }
  | { kind: 'save-failed'; message: string }
  | { kind: 'restored' }
  | { kind: 'restore-refused'; code: ImportError['code'] };

/** Exports the whole station to one file, and restores one into an empty station. */
export function useStationBackup() {
  const [outcome, setOutcome] = useState<BackupOutcome>({ kind: 'idle' });

  const exportBackup = useCallback(async () => {
    setOutcome({ kind: 'working' });
    const backup = await exportDatabase(appDatabase());
    if (backup.size > maxSavedFileBytes) {
      setOutcome({ kind: 'too-large', sizeBytes: backup.size, limitBytes: maxSavedFileBytes });
      return;
    }
    const saved = await getBridge().files.saveWithDialog({
      suggestedName: `fixline-backup-${format(new Date(), 'yyyy-MM-dd-HHmm')}`,
      bytes: new Uint8Array(await backup.arrayBuffer()),
      type: 'backup',
    });
    if (!saved.ok) setOutcome({ kind: 'save-failed', message: saved.error.message });
    else if (saved.value.outcome === 'canceled') setOutcome({ kind: 'canceled' });
    else setOutcome({ kind: 'saved', path: saved.value.path });
  }, []);

  const restoreBackup = useCallback(async (file: File) => {
    setOutcome({ kind: 'working' });
    const restored = await importDatabase(appDatabase(), file);
    setOutcome(
      restored.ok ? { kind: 'restored' } : { kind: 'restore-refused', code: restored.error.code },
    );
  }, []);

  return { outcome, exportBackup, restoreBackup };
}
