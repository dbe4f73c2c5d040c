import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useState } from 'react';
import type { AttachmentError } from '../core';
import { useStationCore } from '../core';
import type { IntakeEvidenceItem, IntakeFormValues } from './intakeForm';
import { defaultEvidenceKind } from './intakeForm';

/** Files being stored, and the refusals of those that were not. */
export type AttachFiles = {
  /** Stores each file (content-addressed, with a thumbnail) and lists it in the form. */
  readonly attach: (files: readonly File[]) => Promise<void>;
  /** Names of the files still being stored. */
  readonly storing: readonly string[];
  /** Why files were refused (over the size limit, a full disk), in the store's words. */
  readonly refusals: readonly AttachmentError[];
  readonly dismissRefusals: () => void;
};

/** A media type without parameters ("video/webm;codecs=vp8" is "video/webm"), in lower case. */
function bareMediaType(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Stores dropped or captured files as they arrive, so the bytes are safe before the claim is
 * saved and the draft can keep them by digest. A file already attached is not listed twice.
 */
export function useAttachFiles(form: UseFormReturnType<IntakeFormValues>): AttachFiles {
  const { attachments } = useStationCore();
  const [storing, setStoring] = useState<readonly string[]>([]);
  const [refusals, setRefusals] = useState<readonly AttachmentError[]>([]);

  const attachOne = useCallback(
    async (file: File) => {
      const mediaType = bareMediaType(file.type) || 'application/octet-stream';
      setStoring((names) => [...names, file.name]);
      try {
        const stored = await attachments.store(file, { mediaType });
        if (!stored.ok) {
          setRefusals((errors) => [...errors, stored.error]);
          return;
        }
        const { attachment } = stored.value;
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
      } finally {
        setStoring((names) => {
          const index = names.indexOf(file.name);
          return index === -1 ? names : [...names.slice(0, index), ...names.slice(index + 1)];
        });
      }
    },
    [form, attachments],
  );

  const attach = useCallback(
    async (files: readonly File[]) => {
      // One at a time: hashing a large video already keeps the disk busy.
      for (const file of files) await attachOne(file);
    },
    [attachOne],
  );

  return {
    attach,
    storing,
    refusals,
    dismissRefusals: useCallback(() => setRefusals([]), []),
  };
}
