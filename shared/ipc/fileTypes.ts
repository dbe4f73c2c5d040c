import { z } from 'zod';

/**
 * The files the renderer may save and open, by type. A compromised page must not be able to
 * write a program or have one opened, so the page names a type, never an extension: main (and
 * the web bridge alike) gives each file its type's extension, and opens only what starts as a
 * file of that type does.
 */

/** What the renderer may save: documents, spreadsheets and backups. */
export const savedFileTypeSchema = z.enum(['pdf', 'csv', 'backup'], {
  error: 'expected the kind of file to save: "pdf", "csv" or "backup"',
});
export type SavedFileType = z.infer<typeof savedFileTypeSchema>;

/** What the renderer may hand to the system's viewer: documents and pictures, never programs. */
export const openedFileTypeSchema = z.enum(['pdf', 'png', 'jpeg'], {
  error: 'expected the kind of file to open: "pdf", "png" or "jpeg"',
});
export type OpenedFileType = z.infer<typeof openedFileTypeSchema>;

/** Each file the renderer may save: its extension and its file type in a save dialog. */
export const savedFileTypes: Readonly<
  Record<SavedFileType, { readonly extension: string; readonly filterName: string }>
> = {
  pdf: { extension: 'pdf', filterName: 'PDF' },
  csv: { extension: 'csv', filterName: 'CSV' },
  backup: { extension: 'zip', filterName: 'Fixline backup (ZIP)' },
};

/** Each file the renderer may open: its extension, media type and the bytes it starts with. */
export const openedFileTypes: Readonly<
  Record<
    OpenedFileType,
    {
      readonly extension: string;
      readonly mediaType: string;
      readonly signature: readonly number[];
    }
  >
> = {
  // "%PDF-"
  pdf: {
    extension: 'pdf',
    mediaType: 'application/pdf',
    signature: [0x25, 0x50, 0x44, 0x46, 0x2d],
  },
  png: {
    extension: 'png',
    mediaType: 'image/png',
    signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  jpeg: { extension: 'jpg', mediaType: 'image/jpeg', signature: [0xff, 0xd8, 0xff] },
};

/** `name` ending in `.extension`: kept when it does already (in any case), else extended. */
export function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}

/** Whether `bytes` start as every file of `type` does. */
export function looksLike(type: OpenedFileType, bytes: Uint8Array): boolean {
  return openedFileTypes[type].signature.every((byte, index) => bytes[index] === byte);
}
