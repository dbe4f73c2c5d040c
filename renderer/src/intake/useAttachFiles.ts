import { useCallback, useMemo, useState } from 'react';
import type { AttachmentError, StationAttachments, StoredAttachment } from '../core';
import { useStationCore } from '../core';
import type { IntakeEvidenceItem } from './intakeFormValues';
import { defaultEvidenceKind } from './intakeFormValues';
import type { IntakeFields } from './useIntakeForm';

/** A file the store refused, and why. */
export type AttachmentRefusal = { readonly fileName: string; readonly error: AttachmentError };

/** Files being stored, and the refusals of those that were not. */
export type AttachFiles = {
  /**
   * Stores the files (content-addressed, a few at once; thumbnails follow in the background) and
   * lists them in the form once their bytes are stored, those stored close together at once.
   */
  readonly attach: (files: readonly File[]) => Promise<void>;
  /** Names of the files still being stored. */
  readonly storing: readonly string[];
  /** Why files were refused (over the size limit, a full disk), each with its file's name. */
  readonly refusals: readonly AttachmentRefusal[];
  readonly dismissRefusals: () => void;
};

/**
 * How long a file stored is kept from the form while others of the same drop may follow: a
 * drop of three photos is stored in about 100 ms (several times that on a busy PC) and listed in
 * one render of the form, not three; a file of the drop that takes long (a video) lets the others
 * be listed at most this long after their bytes are safe. A drop is listed as soon as all of it
 * is stored, so the window delays only a drop with a slow file, and each file shows as storing
 * meanwhile.
 */
const listingWindowMs = 400;

/** What storing one file came to. */
type StoreOutcome = Awaited<ReturnType<StationAttachments['storeAll']>>[number];

/** A media type without parameters ("video/webm;codecs=vp8" is "video/webm"), in lower case. */
function bareMediaType(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Stores dropped or captured files as they arrive, so the bytes are safe before the claim is
 * saved (which then writes only the records) and the draft can keep them by digest. A file
 * already attached is not listed twice.
 */
export function useAttachFiles(form: IntakeFields): AttachFiles {
  const [storing, setStoring] = useState<readonly string[]>([]);
  const [refusals, setRefusals] = useState<readonly AttachmentRefusal[]>([]);
  const { attachments } = useStationCore();

  /** Takes the files at `indexes` of `files` off the list of those being stored. */
  const stopStoring = useCallback((files: readonly File[], indexes: ReadonlySet<number>) => {
    if (indexes.size === 0) return;
    setStoring((names) => {
      const left = [...names];
      for (const index of indexes) {
        const name = files[index]?.name;
        const at = name === undefined ? -1 : left.indexOf(name);
        if (at !== -1) left.splice(at, 1);
      }
      return left;
    });
  }, []);

  const listInForm = useCallback(
    (file: File, mediaType: string, attachment: StoredAttachment) => {
      if (form.getValues().evidence.some((item) => item.sha256 === attachment.sha256)) return;
      const item: IntakeEvidenceItem = {
        sha256: attachment.sha256,
        kind: defaultEvidenceKind(mediaType),
        fileName: file.name,
        mediaType,
        sizeBytes: attachment.sizeBytes,
        capturedAt: new Date().toISOString(),
      };
      form.insertListItem('evidence', item);
    },
    [form],
  );

  const attach = useCallback(
    async (files: readonly File[]) => {
      const items = files.map((file) => ({
        file,
        mediaType: bareMediaType(file.type) || 'application/octet-stream',
      }));
      const unsettled = new Set(items.keys());
      // Outcomes not shown yet: each shown outcome renders the screen again (the evidence list,
      // the decision and more), so the files stored within a window are listed together.
      const unshown: { readonly index: number; readonly stored: StoreOutcome }[] = [];
      let showTimer: ReturnType<typeof setTimeout> | undefined;
      const show = () => {
        clearTimeout(showTimer);
        showTimer = undefined;
        const settled = new Set(unshown.map(({ index }) => index));
        for (const { index, stored } of unshown.splice(0)) {
          unsettled.delete(index);
          const item = items[index];
          if (item === undefined) continue;
          if (stored.ok) listInForm(item.file, item.mediaType, stored.value.attachment);
          else
            setRefusals((refused) => [
              ...refused,
              { fileName: item.file.name, error: stored.error },
            ]);
        }
        stopStoring(files, settled);
      };
      setStoring((names) => [...names, ...files.map((file) => file.name)]);
      try {
        await attachments.storeAll(items, {
          onStored: (stored, index) => {
            unshown.push({ index, stored });
            showTimer ??= setTimeout(show, listingWindowMs);
          },
        });
      } finally {
        show();
        // A file that failed unexpectedly is no longer being stored either.
        stopStoring(files, unsettled);
      }
    },
    [attachments, listInForm, stopStoring],
  );

  const dismissRefusals = useCallback(() => setRefusals([]), []);
  // The same object until a file is being stored or refused: the evidence section is memoised.
  return useMemo(
    () => ({ attach, storing, refusals, dismissRefusals }),
    [attach, storing, refusals, dismissRefusals],
  );
}
