import { format } from 'date-fns';
import { useCallback, useState } from 'react';
import { getBridge } from '../bridge/getBridge';
import { saveFile } from '../bridge/saveFile';
import {
  useStationCore,
  type BackupManifest,
  type RestoreError,
  type RestoreSummary,
} from '../core';
import { unexpectedFailure, type Failure } from '../i18n/errorText';

/** What the last backup, restore or reset did, for the screen to say. */
export type BackupOutcome =
  | { kind: 'idle' }
  | { kind: 'exporting' }
  | { kind: 'restoring' }
  | { kind: 'saved'; path: string; manifest: BackupManifest; encrypted: boolean }
  | { kind: 'canceled' }
  | { kind: 'export-failed'; failure: Failure }
  | { kind: 'restored'; summary: RestoreSummary }
  | { kind: 'restore-refused'; error: RestoreError; file: File }
  | { kind: 'restore-failed'; failure: Failure }
  | { kind: 'reset' }
  | { kind: 'reset-failed'; failure: Failure };

/**
 * Exports the whole station to one file (checked by reading it back before it counts as saved),
 * restores one into an empty station, and resets the station. Every failure ends in an outcome
 * the screen shows; none leaves it working forever.
 */
export function useStationBackup() {
  const [outcome, setOutcome] = useState<BackupOutcome>({ kind: 'idle' });
  const { backup } = useStationCore();

  const exportBackup = useCallback(
    async (passphrase: string | null) => {
      setOutcome({ kind: 'exporting' });
      try {
        const { file, manifest } = await backup.export({ passphrase });
        const suggestedName = `fixline-backup-${format(new Date(), 'yyyy-MM-dd-HHmm')}.zip`;
        // In pieces from the Blob: neither process holds the backup whole, whatever its size.
        const saved = await saveFile(getBridge(), {
          documentType: 'backup',
          suggestedName,
          content: file,
        });
        if (!saved.ok)
          setOutcome({ kind: 'export-failed', failure: { kind: 'bridge', error: saved.error } });
        else if (saved.value.outcome === 'canceled') setOutcome({ kind: 'canceled' });
        else {
          setOutcome({
            kind: 'saved',
            path: saved.value.path,
            manifest,
            encrypted: passphrase !== null,
          });
        }
      } catch (error) {
        setOutcome({ kind: 'export-failed', failure: unexpectedFailure(error) });
      }
    },
    [backup],
  );

  const restoreBackup = useCallback(
    async (file: File, passphrase: string | null = null) => {
      setOutcome({ kind: 'restoring' });
      try {
        const restored = await backup.restore(file, { passphrase });
        setOutcome(
          restored.ok
            ? { kind: 'restored', summary: restored.value }
            : { kind: 'restore-refused', error: restored.error, file },
        );
      } catch (error) {
        setOutcome({ kind: 'restore-failed', failure: unexpectedFailure(error) });
      }
    },
    [backup],
  );

  const resetStation = useCallback(async () => {
    try {
      await backup.reset();
      setOutcome({ kind: 'reset' });
    } catch (error) {
      setOutcome({ kind: 'reset-failed', failure: unexpectedFailure(error) });
    }
  }, [backup]);

  return { outcome, exportBackup, restoreBackup, resetStation };
}
