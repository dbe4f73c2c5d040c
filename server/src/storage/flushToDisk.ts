import { open } from 'node:fs/promises';

/**
 * Flushes what was written to `path` (a file's bytes, or the names in a folder) to the disk, so
 * it is there after a power cut: a file written and renamed is flushed before its rename and its
 * folder after (without, a new file renamed may come back empty, or not at all). Windows cannot
 * open a folder to flush it; NTFS journals its names itself.
 */
export async function flushToDisk(path: string, kind: 'file' | 'folder'): Promise<void> {
  if (kind === 'folder' && process.platform === 'win32') return;
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
