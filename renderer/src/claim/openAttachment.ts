import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { openedFileTypes, openedFileTypeSchema } from '#shared/ipc/fileTypes';
import { getBridge } from '../bridge/getBridge';
import { bridgeErrorText } from '../i18n/errorText';

/** The stored files the system's viewer may show, by media type. */
const openedTypeOf = new Map(
  openedFileTypeSchema.options.map((type) => [openedFileTypes[type].mediaType, type]),
);

/**
 * Opens a stored file (a receipt, a PDF) for reading: in the system's viewer on the desktop,
 * where main writes it to a file of its own type first, or in a new tab in a browser. Says in a
 * notification when it cannot.
 */
export async function openAttachment(
  t: TFunction,
  file: { readonly blob: Blob; readonly fileName: string; readonly mediaType: string },
): Promise<void> {
  const type = openedTypeOf.get(file.mediaType);
  const opened =
    type === undefined
      ? undefined
      : await getBridge().files.openDocument({
          name: file.fileName,
          type,
          bytes: new Uint8Array(await file.blob.arrayBuffer()),
        });
  if (opened === undefined || !opened.ok)
    notifications.show({
      closeButtonProps: { 'aria-label': t('notification.close') },
      color: 'red',
      message:
        opened === undefined
          ? t('claimScreen.evidence.cannotOpen', { file: file.fileName })
          : t('claimScreen.evidence.openFailed', {
              file: file.fileName,
              reason: bridgeErrorText(t, opened.error),
            }),
    });
}
