import { useCallback, useEffect, useRef, useState } from 'react';
import type { IsoDateTime } from '#shared/domain/primitives';
import type { RepositoryError } from '../core';
import { useStationCore } from '../core';
import type { IntakeFormValues } from './intakeFormValues';
import { emptyIntakeForm, restoreIntakeForm } from './intakeFormValues';

/** How long typing must pause before the draft is kept: often enough to lose nothing. */
export const draftSaveDelayMs = 300;

/** The intake's autosave. */
export type IntakeDraft = {
  /** When the restored draft was kept; undefined when the form started empty. */
  readonly restoredAt: IsoDateTime | undefined;
  /** Why the last keep failed (a full disk, most often); undefined while drafts are kept. */
  readonly keepError: RepositoryError | undefined;
  /** Keeps `values` once typing pauses for {@link draftSaveDelayMs}. */
  readonly schedule: (values: IntakeFormValues) => void;
  /** Throws the draft away (the "Discard draft" button). */
  readonly discard: () => Promise<void>;
  /**
   * The intake is being saved (its save removes the draft in the same transaction): nothing is
   * kept meanwhile, so no autosave can bring the draft back after the save removed it.
   */
  readonly hold: () => void;
  /** The save was refused: what is typed is kept again. */
  readonly release: () => void;
};

/** Whether the form holds nothing typed (a fresh form in either language). */
function isEmpty(values: IntakeFormValues): boolean {
  return (
    JSON.stringify(values) === JSON.stringify(emptyIntakeForm(values.customer.preferredLanguage))
  );
}

/**
 * Keeps what is typed into the intake as a draft under `key` (one per technician), and gives
 * back the stored draft through `restore` when the screen opens, so a crash or a reload loses
 * nothing. The draft lives in the local `drafts` table, never synced.
 */
export function useIntakeDraft(
  key: string,
  restore: (values: IntakeFormValues) => void,
): IntakeDraft {
  const { commands: repositories } = useStationCore();
  const [restoredAt, setRestoredAt] = useState<IsoDateTime | undefined>();
  const [keepError, setKeepError] = useState<RepositoryError | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<IntakeFormValues | undefined>(undefined);
  const held = useRef(false);
  const loadedRef = useRef(false);
  const restoreRef = useRef(restore);
  useEffect(() => {
    restoreRef.current = restore;
  }, [restore]);

  const keep = useCallback(
    async (values: IntakeFormValues) => {
      if (held.current) return;
      const result = isEmpty(values)
        ? await repositories.drafts.discard(key)
        : await repositories.drafts.save(key, values);
      setKeepError(result.ok ? undefined : result.error);
    },
    [repositories, key],
  );

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const values = pending.current;
    pending.current = undefined;
    if (values !== undefined) void keep(values);
  }, [keep]);

  useEffect(() => {
    let cancelled = false;
    // Nothing is kept until the stored draft was read, or the empty form would replace it.
    loadedRef.current = false;
    void repositories.drafts.get(key).then((row) => {
      if (cancelled) return;
      const values = row === undefined ? undefined : restoreIntakeForm(row.value);
      if (row !== undefined && values !== undefined) {
        restoreRef.current(values);
        setRestoredAt(row.savedAt);
      }
      loadedRef.current = true;
    });
    // Leaving the screen (or the page) keeps what was typed in the last pause.
    window.addEventListener('pagehide', flush);
    return () => {
      cancelled = true;
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [repositories, key, flush]);

  const schedule = useCallback(
    (values: IntakeFormValues) => {
      if (!loadedRef.current || held.current) return;
      pending.current = values;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, draftSaveDelayMs);
    },
    [flush],
  );

  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    pending.current = undefined;
    await repositories.drafts.discard(key);
    setRestoredAt(undefined);
  }, [repositories, key]);

  const hold = useCallback(() => {
    held.current = true;
    clearTimeout(timer.current);
    pending.current = undefined;
  }, []);

  const release = useCallback(() => {
    held.current = false;
  }, []);

  return { restoredAt, keepError, schedule, discard, hold, release };
}
