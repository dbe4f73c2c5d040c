import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useState } from 'react';
import type { AttachmentError, StoredAttachment } from '../core';
import { useStationCore } from '../core';
import type { IntakeEvidenceItem, IntakeFormValues } from './intakeFormValues';
import { defaultEvidenceKind } from './intakeFormValues';

/** A file the store refused, and why. */
export type AttachmentRefusal = { readonly fileName: string; readonly error: AttachmentError };

/** Files being stored, and the refusals of those that were not. */
export type AttachFiles = {
  /**
   * Stores the files (content-addressed, a few at once; thumbnails follow in the background) and
   * lists each in the form as soon as its bytes are stored.
   */
  readonly attach: (files: readonly File[]) => Promise<void>;
  /** Names of the files still being stored. */
  readonly storing: readonly string[];
  /** Why files were refused (over the size limit, a full disk), each with its file's name. */
  readonly refusals: readonly AttachmentRefusal[];
  readonly dismissRefusals: () => void;
};

/** A media type without parameters ("video/webm;codecs=vp8" is "video/webm"), in lower case. */
function bareMediaType(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Stores dropped or captured files as they arrive, so the bytes are safe before the claim is
 * saved (which then writes only the records) and the draft can keep them by digest. A file
 * already attached is not listed twice.
 */
export function useAttachFiles(form: UseFormReturnType<IntakeFormValues>): AttachFiles {
  const [storing, setStoring] = useState<readonly string[]>([]);
  const [refusals, setRefusals] = useState<readonly AttachmentRefusal[]>([]);
  const { attachments } = useStationCore();

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
      const settle = (index: number) => {
        unsettled.delete(index);
        const name = files[index]?.name;
        setStoring((names) => {
          const at = name === undefined ? -1 : names.indexOf(name);
          return at === -1 ? names : [...names.slice(0, at), ...names.slice(at + 1)];
        });
      };
      setStoring((names) => [...names, ...files.map((file) => file.name)]);
      try {
        await attachments.storeAll(items, {
          onStored: (stored, index) => {
            settle(index);
            const item = items[index];
            if (!stored.ok) {
              const fileName = item?.file.name ?? '';
              setRefusals((refused) => [...refused, { fileName, error: stored.error }]);
            } else if (item !== undefined)
              listInForm(item.file, item.mediaType, stored.value.attachment);
          },
        });
      } finally {
        // A file that failed unexpectedly is no longer being stored either.
        for (const index of unsettled) settle(index);
      }
    },
    [attachments, listInForm],
  );

  return {
    attach,
    storing,
    refusals,
    dismissRefusals: useCallback(() => setRefusals([]), []),
  };
}
